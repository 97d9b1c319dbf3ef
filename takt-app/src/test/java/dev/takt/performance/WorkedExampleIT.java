package dev.takt.performance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import dev.takt.testing.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The published OEE worked example (../shared/testdata/oee: Vorne Industries' OEE worksheet) booked
 * through the real shop-floor API: an 8-hour shift with two 15-minute breaks and a 30-minute meal,
 * 47 minutes of downtime, an ideal rate of 60 parts a minute (ideal cycle 1 s), 19,271 parts of
 * which 423 rejected. Published: availability 88.81 %, performance 86.11 %, quality 97.80 %, OEE
 * 74.79 %.
 */
@TaktIntegrationTest
@Import(TestClock.Config.class)
class WorkedExampleIT {

  /** Monday 2 March 2026, 06:00 in Berlin (CET, UTC+1): the start of the early shift. */
  static final Instant SHIFT_START = Instant.parse("2026-03-02T05:00:00Z");

  static final Instant SHIFT_END = SHIFT_START.plus(Duration.ofHours(8));

  @Autowired Api api;
  @Autowired TestClock clock;
  @Autowired JdbcClient jdbc;
  OeeFloor floor;

  @BeforeEach
  void aPressWithTheWorkedExamplesShift() {
    clock.set(SHIFT_START.minus(Duration.ofDays(1)));
    floor = new OeeFloor(api);
    floor.anEightHourShiftWithAnHourOfBreaks();
  }

  String oeePath(String scope, String groupBy) {
    return oeePath(scope, SHIFT_START, SHIFT_END, groupBy);
  }

  String oeePath(String scope, Instant from, Instant to, String groupBy) {
    return "/api/v1/oee?scope=" + scope + "&from=" + from + "&to=" + to + "&groupBy=" + groupBy;
  }

  /** Books the worked example's shift; returns the downtime's id. */
  String bookTheWorkedExample(UUID operation) {
    clock.set(SHIFT_START);
    floor.start(operation);
    clock.set(SHIFT_START.plus(Duration.ofHours(3))); // 09:00 local, between the breaks
    String downtime = floor.openDowntime(floor.breakdown);
    clock.advance(Duration.ofMinutes(47));
    floor.closeDowntime(downtime);
    clock.set(SHIFT_START.plus(Duration.ofHours(5))); // 11:00 local
    floor.report(operation, 9000, 0);
    clock.set(SHIFT_START.plus(Duration.ofMinutes(7 * 60 + 50))); // 13:50 local
    floor.report(operation, 9848, 423);
    clock.set(SHIFT_END);
    return downtime;
  }

  @Test
  void reproducesThePublishedWorkedExampleForTheShift() {
    // given
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);

    // when
    bookTheWorkedExample(operation);

    // then
    JsonNode report =
        floor.eventually(
            oeePath("workUnit:" + floor.site + "/" + floor.unit, "shift"),
            r ->
                total(r).path("total").asLong() == 19271
                    && total(r).path("availabilityLossSeconds").asLong() == 47 * 60);
    JsonNode shift = total(report);
    assertThat(report.path("rows").size()).isEqualTo(1);
    assertThat(report.path("rows").get(0).path("label").asString()).isEqualTo("2026-03-02 Early");
    assertThat(shift.path("plannedSeconds").asLong()).isEqualTo(420 * 60);
    assertThat(shift.path("plannedProductionSeconds").asLong()).isEqualTo(420 * 60);
    assertThat(shift.path("runSeconds").asLong()).isEqualTo(373 * 60);
    assertThat(shift.path("good").asLong()).isEqualTo(18848);
    assertThat(shift.path("scrap").asLong()).isEqualTo(423);
    assertThat(shift.path("availability").decimalValue()).isEqualByComparingTo("88.81");
    assertThat(shift.path("performance").decimalValue()).isEqualByComparingTo("86.11");
    assertThat(shift.path("quality").decimalValue()).isEqualByComparingTo("97.80");
    assertThat(shift.path("oee").decimalValue()).isEqualByComparingTo("74.79");
    assertThat(shift.path("failures").asLong()).isEqualTo(1);
    assertThat(shift.path("mttrSeconds").asLong()).isEqualTo(47 * 60);
    assertThat(shift.path("mtbfSeconds").asLong()).isEqualTo(373 * 60);
  }

  @Test
  void theSameShiftSeenFromTheWorkCenterTheSiteAndTheDayGivesTheSameOee() {
    // given
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);

    // when
    bookTheWorkedExample(operation);
    floor.eventually(
        oeePath("workUnit:" + floor.site + "/" + floor.unit, "none"),
        r ->
            total(r).path("total").asLong() == 19271
                && total(r).path("availabilityLossSeconds").asLong() == 47 * 60);

    // then
    for (String scope :
        new String[] {"workCenter:" + floor.site + "/" + floor.workCenter, "site:" + floor.site}) {
      JsonNode day =
          api.asAdmin()
              .get("/api/v1/oee?scope=" + scope + "&from=2026-03-02&to=2026-03-02&groupBy=day")
              .expect(200)
              .json();
      assertThat(day.path("rows").size()).as(scope).isEqualTo(1);
      assertThat(total(day).path("oee").decimalValue()).as(scope).isEqualByComparingTo("74.79");
    }
  }

  @Test
  void aHeatMapOfTheSiteHoldsEachWorkUnitsDayOnceWithTheSameFiguresAsTheRows() {
    // given: a second press that stood idle the whole day
    api.asAdmin()
        .post(
            "/api/v1/work-units",
            Map.of(
                "site",
                floor.site,
                "workCenter",
                floor.workCenter,
                "code",
                "PRESS-2",
                "name",
                "P2"))
        .expect(201);
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    bookTheWorkedExample(operation);
    String path =
        "/api/v1/oee?scope=site:"
            + floor.site
            + "&from=2026-03-02&to=2026-03-03&groupBy=day&by=workUnit&fields=oee,good";
    floor.eventually(path, r -> r.path("rows").toString().contains("\"oee\":74.79"));

    // when
    JsonNode grid = api.asAdmin().get(path + "&layout=grid").expect(200).json();

    // then: the days by two presses, the worked example on its day
    String press1 = "workUnit:" + floor.site + "/" + floor.unit;
    String press2 = "workUnit:" + floor.site + "/PRESS-2";
    assertThat(grid.path("scopes").toString()).isEqualTo("[\"" + press1 + "\",\"" + press2 + "\"]");
    assertThat(grid.path("groups").get(0).path("group").asString()).isEqualTo("2026-03-02");
    assertThat(grid.path("fields").toString()).isEqualTo("[\"oee\",\"good\"]");
    assertThat(grid.path("values").path("oee").get(0).get(0).decimalValue())
        .isEqualByComparingTo("74.79");
    assertThat(grid.path("values").path("good").get(0).get(0).asLong()).isEqualTo(18848);
    assertThat(grid.path("values").path("oee").get(0).get(1).isNull()).isTrue();
    assertThat(grid.path("values").path("good").get(0).get(1).asLong()).isZero();
    // and every cell is the figure of its row
    JsonNode rows = api.asAdmin().get(path).expect(200).json().path("rows");
    assertThat(rows.size()).isEqualTo(grid.path("groups").size() * 2);
    for (JsonNode row : rows) {
      int g = row.path("group").asString().equals("2026-03-02") ? 0 : 1;
      int c = row.path("scope").asString().equals(press1) ? 0 : 1;
      for (String figure : List.of("oee", "good")) {
        assertThat(grid.path("values").path(figure).get(g).get(c).toString())
            .as(row.path("group").asString() + " " + row.path("scope").asString() + " " + figure)
            .isEqualTo(row.path("figures").path(figure).toString());
      }
    }
  }

  @Test
  void aDowntimeReclassifiedLaterAsPlannedLeavesThePlannedProductionTime() {
    // given
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    String downtime = bookTheWorkedExample(operation);
    String path = oeePath("workUnit:" + floor.site + "/" + floor.unit, "shift");
    floor.eventually(path, WorkedExampleIT::countedWithItsBreakdown);

    // when: the shift leader finds it was the shift meeting, a planned stop
    floor.classifyDowntime(downtime, floor.plannedStop);

    // then: no availability loss; planned production time is 420 - 47 min
    JsonNode after =
        floor.eventually(path, r -> total(r).path("plannedStopSeconds").asLong() == 47 * 60);
    assertThat(total(after).path("availabilityLossSeconds").asLong()).isZero();
    assertThat(total(after).path("plannedProductionSeconds").asLong()).isEqualTo(373 * 60);
    assertThat(total(after).path("availability").decimalValue()).isEqualByComparingTo("100.00");

    // and back: the same numbers as before
    floor.classifyDowntime(downtime, floor.breakdown);
    JsonNode back = floor.eventually(path, WorkedExampleIT::countedWithItsBreakdown);
    assertThat(total(back).path("oee").decimalValue()).isEqualByComparingTo("74.79");
  }

  @Test
  void aMonthSeesALaterReclassificationAsTheShiftDoes() {
    // given: the month is read from day rows, the shift from 15-minute buckets
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    String downtime = bookTheWorkedExample(operation);
    String month =
        "/api/v1/oee?scope=workUnit:"
            + floor.site
            + "/"
            + floor.unit
            + "&from=2026-03-01&to=2026-03-31&groupBy=month";
    floor.eventually(month, WorkedExampleIT::countedWithItsBreakdown);

    // when
    floor.classifyDowntime(downtime, floor.plannedStop);

    // then
    JsonNode after =
        floor.eventually(month, r -> total(r).path("plannedStopSeconds").asLong() == 47 * 60);
    assertThat(total(after).path("availabilityLossSeconds").asLong()).isZero();
    assertThat(total(after).path("total").asLong()).isEqualTo(19271);
    assertThat(total(after).path("availability").decimalValue()).isEqualByComparingTo("100.00");
  }

  String monthOfTheExample() {
    return "/api/v1/oee?scope=workUnit:"
        + floor.site
        + "/"
        + floor.unit
        + "&from=2026-03-01&to=2026-03-31&groupBy=month";
  }

  /** The unit's stop time of 2 March as the year views read it: sorted into loss classes. */
  java.util.Map<String, Object> classRowOfTheDay() {
    return jdbc.sql(
            "SELECT planned_stop, availability_loss, failures FROM performance_stop_class_day"
                + " WHERE site = :site AND work_unit = :unit AND business_day = DATE '2026-03-02'")
        .param("site", floor.site)
        .param("unit", floor.unit)
        .query()
        .singleRow();
  }

  /** Waits until the site's class rows match the catalogue as it is now; returns its mark. */
  String classRowsBuilt(String before) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      String mark =
          jdbc.sql("SELECT fingerprint FROM performance_stop_classes WHERE site = :site")
              .param("site", floor.site)
              .query(String.class)
              .optional()
              .orElse("");
      if (!mark.isEmpty() && !mark.equals(before)) {
        return mark;
      }
      api.asAdmin().get(monthOfTheExample()).expect(200); // a stale view asks for the rebuild
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("class rows of " + floor.site + " not rebuilt within 10 s");
  }

  @Test
  void aMonthFollowsTheReasonCatalogueWhenAReasonIsRecategorised() {
    // given: the breakdown in the month's class rows as an availability loss
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    bookTheWorkedExample(operation);
    floor.eventually(
        monthOfTheExample(), r -> total(r).path("availabilityLossSeconds").asLong() == 47 * 60);
    String built = classRowsBuilt("");
    assertThat(classRowOfTheDay())
        .containsEntry("availability_loss", 47L * 60)
        .containsEntry("planned_stop", 0L)
        .containsEntry("failures", 1L);

    // when: the plant decides this reason is a planned stop from now on, for all its history
    floor.recategorise(floor.breakdown, true, "PLANNED_STOP");

    // then: at once (the view reads the per-reason rows while its class rows are stale) ...
    JsonNode at =
        floor.eventually(
            monthOfTheExample(), r -> total(r).path("plannedStopSeconds").asLong() == 47 * 60);
    assertThat(total(at).path("availabilityLossSeconds").asLong()).isZero();
    assertThat(total(at).path("failures").asLong()).isZero();
    // ... and after the rebuild, from class rows sorted the new way
    classRowsBuilt(built);
    assertThat(classRowOfTheDay())
        .containsEntry("planned_stop", 47L * 60)
        .containsEntry("availability_loss", 0L)
        .containsEntry("failures", 0L);
    JsonNode after = api.asAdmin().get(monthOfTheExample()).expect(200).json();
    assertThat(total(after).path("plannedStopSeconds").asLong()).isEqualTo(47 * 60);
    assertThat(total(after).path("availability").decimalValue()).isEqualByComparingTo("100.00");
  }

  @Test
  void aDowntimeReclassifiedAfterTheClassRowsWereBuiltMovesInThemToo() {
    // given
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    String downtime = bookTheWorkedExample(operation);
    floor.eventually(
        monthOfTheExample(), r -> total(r).path("availabilityLossSeconds").asLong() == 47 * 60);
    classRowsBuilt("");

    // when
    floor.classifyDowntime(downtime, floor.plannedStop);

    // then
    JsonNode after =
        floor.eventually(
            monthOfTheExample(), r -> total(r).path("plannedStopSeconds").asLong() == 47 * 60);
    assertThat(total(after).path("availabilityLossSeconds").asLong()).isZero();
    assertThat(classRowOfTheDay())
        .containsEntry("planned_stop", 47L * 60)
        .containsEntry("availability_loss", 0L);
  }

  @Test
  void aRangeCuttingThroughDaysCountsTheShiftOnce() {
    // given: 1 March noon to 3 March noon, local: 2 March whole, its neighbours cut
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    bookTheWorkedExample(operation);
    String unit = "workUnit:" + floor.site + "/" + floor.unit;
    floor.eventually(oeePath(unit, "none"), WorkedExampleIT::countedWithItsBreakdown);

    // when
    JsonNode report =
        api.asAdmin()
            .get(
                oeePath(
                    unit,
                    Instant.parse("2026-03-01T11:00:00Z"),
                    Instant.parse("2026-03-03T11:00:00Z"),
                    "none"))
            .expect(200)
            .json();

    // then
    assertThat(total(report).path("total").asLong()).isEqualTo(19271);
    assertThat(total(report).path("availabilityLossSeconds").asLong()).isEqualTo(47 * 60);
    assertThat(total(report).path("oee").decimalValue()).isEqualByComparingTo("74.79");
  }

  @Test
  void aShiftCutByTheRangeCountsOnlyTheDowntimeInsideIt() {
    // given: the whole shift is read from its shift row, a cut one from its 15-minute buckets
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    bookTheWorkedExample(operation);
    String unit = "workUnit:" + floor.site + "/" + floor.unit;
    floor.eventually(
        oeePath(unit, "shift"), r -> total(r).path("availabilityLossSeconds").asLong() == 47 * 60);

    // when: 06:00 to 09:30 local, half an hour into the 47-minute breakdown that began at 09:00
    JsonNode cut =
        api.asAdmin()
            .get(oeePath(unit, SHIFT_START, SHIFT_START.plus(Duration.ofMinutes(210)), "shift"))
            .expect(200)
            .json();

    // then
    assertThat(cut.path("rows").size()).isEqualTo(1);
    assertThat(total(cut).path("availabilityLossSeconds").asLong()).isEqualTo(30 * 60);
  }

  @Test
  void aRangeOfAWholeShiftAndACutOneCountsEachShiftsDowntimeOnce() {
    // given: the example's shift, and a 30-minute breakdown from 06:30 local on the next day
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    bookTheWorkedExample(operation);
    Instant nextShift = SHIFT_START.plus(Duration.ofDays(1));
    clock.set(nextShift.plus(Duration.ofMinutes(30)));
    String downtime = floor.openDowntime(floor.breakdown);
    clock.advance(Duration.ofMinutes(30));
    floor.closeDowntime(downtime);

    // when: to 06:45 local on the next day, 15 minutes into its breakdown
    String path =
        oeePath(
            "workUnit:" + floor.site + "/" + floor.unit,
            SHIFT_START,
            nextShift.plus(Duration.ofMinutes(45)),
            "shift");
    JsonNode report =
        floor.eventually(
            path,
            r ->
                r.path("rows").size() == 2
                    && countedWithItsBreakdown(r)
                    && r.path("rows")
                            .get(1)
                            .path("figures")
                            .path("availabilityLossSeconds")
                            .asLong()
                        > 0);

    // then: the whole shift from its shift row, the cut one from its buckets
    JsonNode rows = report.path("rows");
    assertThat(rows.get(0).path("figures").path("availabilityLossSeconds").asLong())
        .isEqualTo(47 * 60);
    assertThat(rows.get(0).path("figures").path("oee").decimalValue())
        .isEqualByComparingTo("74.79");
    assertThat(rows.get(1).path("figures").path("availabilityLossSeconds").asLong())
        .isEqualTo(15 * 60);
  }

  @Test
  void theShiftRowsHoldTheSumsOfTheirStopBucketsAfterAReclassification() {
    // given
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    String downtime = bookTheWorkedExample(operation);
    String shift = oeePath("workUnit:" + floor.site + "/" + floor.unit, "shift");
    floor.eventually(shift, r -> total(r).path("availabilityLossSeconds").asLong() == 47 * 60);

    // when
    floor.classifyDowntime(downtime, floor.plannedStop);
    floor.eventually(shift, r -> total(r).path("plannedStopSeconds").asLong() == 47 * 60);

    // then: one row, the planned stop's, with the seconds and the stop of the buckets
    assertThat(stopRowsOfTheShift("performance_stop_shift"))
        .isEqualTo(stopRowsOfTheShift("performance_stop_bucket"))
        .containsExactly(List.of(floor.plannedStop, 47L * 60, 1L));
  }

  /** Reason, seconds and stops of the example's shift in a stop table, summed per reason. */
  List<List<Object>> stopRowsOfTheShift(String table) {
    return jdbc.sql(
            "SELECT reason, SUM(seconds) AS seconds, SUM(stops) AS stops FROM "
                + table
                + " WHERE site = :site AND work_unit = :unit AND shift_start = :shift"
                + " GROUP BY reason ORDER BY reason")
        .param("site", floor.site)
        .param("unit", floor.unit)
        .param("shift", java.sql.Timestamp.from(SHIFT_START))
        .query(
            (rs, n) ->
                List.<Object>of(rs.getString("reason"), rs.getLong("seconds"), rs.getLong("stops")))
        .list();
  }

  @Test
  void aStopShorterThanTheThresholdIsAPerformanceLossNotAnAvailabilityLoss() {
    // given
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    clock.set(SHIFT_START);
    floor.start(operation);

    // when: a 2-minute stop without a reason
    clock.set(SHIFT_START.plus(Duration.ofHours(1)));
    String stop = floor.openDowntime(null);
    clock.advance(Duration.ofMinutes(2));
    floor.closeDowntime(stop);
    clock.set(SHIFT_END);

    // then
    JsonNode report =
        floor.eventually(
            oeePath("workUnit:" + floor.site + "/" + floor.unit, "none"),
            r -> total(r).path("performanceStopSeconds").asLong() == 120);
    assertThat(total(report).path("availabilityLossSeconds").asLong()).isZero();
    assertThat(total(report).path("unclassifiedSeconds").asLong()).isZero();
  }

  @Test
  void anUnclassifiedStopIsItsOwnLossInThePareto() {
    // given
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    clock.set(SHIFT_START);
    floor.start(operation);

    // when: a 20-minute stop nobody classified, and the worked example's breakdown
    clock.set(SHIFT_START.plus(Duration.ofHours(1)));
    String stop = floor.openDowntime(null);
    clock.advance(Duration.ofMinutes(20));
    floor.closeDowntime(stop);
    clock.set(SHIFT_START.plus(Duration.ofHours(3)));
    String breakdown = floor.openDowntime(floor.breakdown);
    clock.advance(Duration.ofMinutes(47));
    floor.closeDowntime(breakdown);
    clock.set(SHIFT_END);

    // then
    String losses =
        "/api/v1/oee/losses?scope=workUnit:"
            + floor.site
            + "/"
            + floor.unit
            + "&from="
            + SHIFT_START
            + "&to="
            + SHIFT_END;
    JsonNode pareto = floor.eventually(losses, r -> r.path("downtimeByReason").size() == 2);
    assertThat(pareto.path("unclassifiedSeconds").asLong()).isEqualTo(20 * 60);
    assertThat(pareto.path("downtimeByReason").get(0).path("reason").asString())
        .isEqualTo(floor.breakdown);
    assertThat(pareto.path("downtimeByReason").get(1).path("category").asString())
        .isEqualTo("UNCLASSIFIED");
    assertThat(pareto.path("downtimeByReason").get(1).path("cumulativePercent").decimalValue())
        .isEqualByComparingTo("100.00");
  }

  @Test
  void theOrdersOeeCoversTheTimeItsOperationRan() {
    // given
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    bookTheWorkedExample(operation);
    floor.complete(operation);
    String order = floor.orderOf(operation);

    // when
    JsonNode oee =
        floor.eventually(
            "/api/v1/oee/orders/" + order,
            r ->
                r.path("total").path("total").asLong() == 19271
                    && r.path("runs").size() == 1
                    && !r.path("runs").get(0).path("to").isNull()
                    && r.path("total").path("availabilityLossSeconds").asLong() == 47 * 60);

    // then: it ran the whole shift, so the shift's numbers
    assertThat(oee.path("total").path("oee").decimalValue()).isEqualByComparingTo("74.79");
  }

  @Test
  void exportsTheShiftAsCsv() {
    // given
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    bookTheWorkedExample(operation);
    String path = oeePath("workUnit:" + floor.site + "/" + floor.unit, "shift");
    floor.eventually(path, r -> total(r).path("total").asLong() == 19271);

    // when
    Api.Response csv = api.asAdmin().header("Accept", "text/csv").get(path);
    Api.Response csvByFormat = api.asAdmin().get(path + "&format=csv");

    // then
    assertThat(csv.expect(200).contentType()).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).startsWith("group,label,from,to,scope,");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).contains(",19271,").contains(",88.81,86.11,97.80,74.79,");
    assertThat(csvByFormat.expect(200).body()).isEqualTo(csv.body());
  }

  @Test
  void theShiftReportComesAsPdf() {
    // given
    UUID operation = floor.aReleasedOrder("20000", BigDecimal.ONE);
    bookTheWorkedExample(operation);
    floor.eventually(
        oeePath("workUnit:" + floor.site + "/" + floor.unit, "shift"),
        r -> total(r).path("total").asLong() == 19271);

    // when
    Api.Response pdf =
        api.asAdmin()
            .get("/performance/shifts/report.pdf?site=" + floor.site + "&shift=" + SHIFT_START);

    // then
    assertThat(pdf.expect(200).contentType()).startsWith("application/pdf");
    assertThat(pdf.body()).startsWith("%PDF-");
    api.asAdmin()
        .get("/performance/shifts/report.pdf?site=" + floor.site + "&shift=yesterday")
        .expect(400);
  }

  /**
   * The example's counts and breakdown have both reached the report's first row (the OEE applies
   * bookings after they commit, on threads of its own).
   */
  static boolean countedWithItsBreakdown(JsonNode report) {
    return total(report).path("total").asLong() == 19271
        && total(report).path("availabilityLossSeconds").asLong() == 47 * 60;
  }

  static JsonNode total(JsonNode report) {
    JsonNode rows = report.path("rows");
    return rows.isEmpty() ? report.path("none") : rows.get(0).path("figures");
  }
}
