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
import tools.jackson.databind.JsonNode;

/**
 * The OEE recorder keeps a site's calendar for a few seconds between bookings; a change of the
 * shift calendar or of the site's time zone applies to the very next booking all the same.
 */
@TaktIntegrationTest
@Import(TestClock.Config.class)
class ShiftCalendarChangeIT {

  /** Monday 2 March 2026, 06:00 in Berlin (CET, UTC+1). */
  static final Instant MONDAY_0600 = Instant.parse("2026-03-02T05:00:00Z");

  @Autowired Api api;
  @Autowired TestClock clock;
  OeeFloor floor;
  UUID operation;

  @BeforeEach
  void aPressBookingInTheEarlyShift() {
    clock.set(MONDAY_0600.minus(Duration.ofDays(1)));
    floor = new OeeFloor(api);
    floor.anEightHourShiftWithAnHourOfBreaks();
    operation = floor.aReleasedOrder("1000", BigDecimal.ONE);
    clock.set(MONDAY_0600.plus(Duration.ofMinutes(30)));
    floor.start(operation);
    floor.report(operation, 10, 0);
    floor.eventually(byShift(), r -> good(r, "2026-03-02 Early") == 10);
  }

  String byShift() {
    return "/api/v1/oee?scope=workUnit:"
        + floor.site
        + "/"
        + floor.unit
        + "&from="
        + MONDAY_0600
        + "&to="
        + MONDAY_0600.plus(Duration.ofHours(16))
        + "&groupBy=shift";
  }

  /** The good count of the row with this label; -1 when there is no such row. */
  static long good(JsonNode report, String label) {
    for (JsonNode row : report.path("rows")) {
      if (row.path("label").asString().equals(label)) {
        return row.path("figures").path("good").asLong();
      }
    }
    return -1;
  }

  @Test
  void aBookingAfterALateShiftWasAddedCountsInTheLateShift() {
    // given (before each): the early shift's booking, filed by a calendar without a late shift
    // when: the planner adds a late shift, and the press reports at 15:00 local
    thePlannerAddsALateShift();
    clock.set(MONDAY_0600.plus(Duration.ofHours(9)));
    floor.report(operation, 5, 0);

    // then
    JsonNode report = floor.eventually(byShift(), r -> good(r, "2026-03-02 Late") == 5);
    assertThat(good(report, "2026-03-02 Early")).isEqualTo(10);
  }

  @Test
  void aViewRightAfterALateShiftWasAddedPlansTheLateShift() {
    // given (before each): the view by shift was read (and its calendar kept for a few seconds)
    // when
    thePlannerAddsALateShift();

    // then: at once, not after the calendar's few seconds
    JsonNode report = api.asAdmin().get(byShift()).expect(200).json();
    assertThat(good(report, "2026-03-02 Late")).isZero();
    assertThat(good(report, "2026-03-02 Early")).isEqualTo(10);
  }

  @Test
  void aBookingAfterTheSiteMovedToAnotherZoneIsFiledByItsNewClock() {
    // given: the early shift is 06:00-14:00 Berlin time (05:00-13:00 UTC)
    JsonNode site = api.asAdmin().get("/api/v1/sites/" + floor.site).expect(200).json();

    // when: the site moves to London (06:00-14:00 there is 06:00-14:00 UTC), and the press reports
    // at 13:30 UTC: after the early shift in Berlin, inside it in London
    api.asAdmin()
        .put(
            "/api/v1/sites/" + floor.site,
            Map.of(
                "name",
                site.path("name").asString(),
                "timeZone",
                "Europe/London",
                "version",
                site.path("version").asLong()))
        .expect(200);
    clock.set(Instant.parse("2026-03-02T13:30:00Z"));
    floor.report(operation, 7, 0);

    // then: the report counts in London's early shift (starting 06:00 UTC)
    JsonNode report =
        floor.eventually(
            "/api/v1/oee?scope=workUnit:"
                + floor.site
                + "/"
                + floor.unit
                + "&from=2026-03-02T06:00:00Z&to=2026-03-02T14:00:00Z&groupBy=shift",
            r -> good(r, "2026-03-02 Early") == 7);
    assertThat(report.path("rows").size()).isEqualTo(1);
  }

  void thePlannerAddsALateShift() {
    long version =
        api.asAdmin()
            .get("/api/v1/sites/" + floor.site + "/shift-calendar")
            .expect(200)
            .json()
            .path("version")
            .asLong();
    api.asAdmin()
        .put(
            "/api/v1/sites/" + floor.site + "/shift-calendar",
            Map.of(
                "shifts",
                List.of(
                    shift("EARLY", "Early", "06:00", "14:00"),
                    shift("LATE", "Late", "14:00", "22:00")),
                "plannedNonWorking",
                List.of(),
                "version",
                version))
        .expect(200);
  }

  static Map<String, Object> shift(String code, String name, String start, String end) {
    return Map.of(
        "code",
        code,
        "name",
        name,
        "start",
        start,
        "end",
        end,
        "weekdays",
        OeeFloor.WEEKDAYS,
        "breaks",
        List.of());
  }
}
