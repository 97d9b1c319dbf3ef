package dev.takt.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Shift calendars over HTTP. Reference: tz database, Europe/Berlin 2026 springs forward on 29 March
 * (02:00 CET to 03:00 CEST) and falls back on 25 October (03:00 CEST to 02:00 CET).
 */
@TaktIntegrationTest
class ShiftCalendarIT {

  static final List<String> EVERY_DAY =
      List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

  @Autowired Api api;
  @Autowired Equipment equipment;
  Plants plants;
  String site;

  @BeforeEach
  void aBerlinSite() {
    plants = new Plants(api);
    site = plants.aSite(Plants.unique("B"), "Europe/Berlin").path("code").asString();
  }

  Map<String, Object> threeShifts(long version) {
    return Map.of(
        "shifts",
        List.of(
            Map.of(
                "code",
                "EARLY",
                "name",
                "Early",
                "start",
                "06:00",
                "end",
                "14:00",
                "weekdays",
                EVERY_DAY,
                "breaks",
                List.of(Map.of("start", "09:00", "end", "09:30"))),
            Map.of(
                "code",
                "LATE",
                "name",
                "Late",
                "start",
                "14:00",
                "end",
                "22:00",
                "weekdays",
                EVERY_DAY,
                "breaks",
                List.of()),
            Map.of(
                "code",
                "NIGHT",
                "name",
                "Night",
                "start",
                "22:00",
                "end",
                "06:00",
                "weekdays",
                EVERY_DAY,
                "breaks",
                List.of(Map.of("start", "02:00", "end", "02:30")))),
        "plannedNonWorking",
        List.of(
            Map.of(
                "from", "2026-12-24T12:00:00",
                "to", "2026-12-27T00:00:00",
                "reason", "Christmas")),
        "version",
        version);
  }

  @Test
  void aNewSiteHasAnEmptyCalendar() {
    JsonNode calendar =
        api.asAdmin().get("/api/v1/sites/" + site + "/shift-calendar").expect(200).json();

    assertThat(calendar.path("version").asLong()).isZero();
    assertThat(calendar.path("shifts").size()).isZero();
    assertThat(calendar.path("timeZone").asString()).isEqualTo("Europe/Berlin");
  }

  @Test
  void storesTheCalendarAndAuditsIt() {
    // when
    JsonNode saved =
        api.asAdmin()
            .put("/api/v1/sites/" + site + "/shift-calendar", threeShifts(0))
            .expect(200)
            .json();
    JsonNode changed =
        api.asAdmin()
            .put("/api/v1/sites/" + site + "/shift-calendar", threeShifts(1))
            .expect(200)
            .json();
    var stale =
        api.asAdmin().put("/api/v1/sites/" + site + "/shift-calendar", threeShifts(1)).expect(409);

    // then
    assertThat(saved.path("version").asLong()).isEqualTo(1);
    assertThat(changed.path("version").asLong()).isEqualTo(2);
    assertThat(stale.faultyFields()).containsExactly("version");
    JsonNode read =
        api.asAdmin().get("/api/v1/sites/" + site + "/shift-calendar").expect(200).json();
    assertThat(read.path("shifts").size()).isEqualTo(3);
    assertThat(read.path("shifts").get(2).path("end").asString()).startsWith("06:00");
    assertThat(read.path("shifts").get(0).path("breaks").get(0).path("start").asString())
        .startsWith("09:00");
    assertThat(read.path("shifts").get(0).path("weekdays").toString())
        .isEqualTo(
            "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"]");
    assertThat(read.path("plannedNonWorking").get(0).path("reason").asString())
        .isEqualTo("Christmas");
    assertThat(plants.auditOf("shift-calendar", site).size()).isEqualTo(2);
  }

  @Test
  void expandsTheNightAcrossSpringForwardIntoSevenHours() {
    // given
    api.asAdmin().put("/api/v1/sites/" + site + "/shift-calendar", threeShifts(0)).expect(200);

    // when
    JsonNode shifts =
        api.asAdmin()
            .get(
                "/api/v1/sites/"
                    + site
                    + "/shift-calendar/shifts?from=2026-03-28T21:00:00Z&to=2026-03-29T04:00:00Z")
            .expect(200)
            .json();

    // then the night of 28 March runs 22:00 CET to 06:00 CEST
    assertThat(shifts.size()).isEqualTo(1);
    JsonNode night = shifts.get(0);
    assertThat(night.path("shiftCode").asString()).isEqualTo("NIGHT");
    assertThat(Instant.parse(night.path("start").asString()))
        .isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
    assertThat(Instant.parse(night.path("end").asString()))
        .isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));
    assertThat(night.path("plannedProductionMinutes").asLong()).isEqualTo(7 * 60 - 30);
  }

  @Test
  void theFacadeGivesOtherModulesTheFallBackNightOfNineHours() {
    api.asAdmin().put("/api/v1/sites/" + site + "/shift-calendar", threeShifts(0)).expect(200);

    var shifts =
        equipment.shifts(
            site, Instant.parse("2026-10-24T23:00:00Z"), Instant.parse("2026-10-25T00:00:00Z"));

    assertThat(shifts).hasSize(1);
    assertThat(shifts.getFirst().start()).isEqualTo(Instant.parse("2026-10-24T20:00:00Z"));
    assertThat(shifts.getFirst().end()).isEqualTo(Instant.parse("2026-10-25T05:00:00Z"));
    assertThat(shifts.getFirst().plannedProductionMinutes()).isEqualTo(9 * 60 - 30);
  }

  @Test
  void cutsPlannedNonWorkingTimeOutOfTheShifts() {
    api.asAdmin().put("/api/v1/sites/" + site + "/shift-calendar", threeShifts(0)).expect(200);

    JsonNode shifts =
        api.asAdmin()
            .get(
                "/api/v1/sites/"
                    + site
                    + "/shift-calendar/shifts?from=2026-12-24T05:00:00Z&to=2026-12-24T13:00:00Z")
            .expect(200)
            .json();

    JsonNode early = shifts.get(0);
    assertThat(early.path("plannedNonWorking").get(0).path("reason").asString())
        .isEqualTo("Christmas");
    assertThat(early.path("plannedProductionMinutes").asLong()).isEqualTo(480 - 30 - 120);
  }

  @Test
  void refusesARangeLongerThanAYearOrBackwards() {
    String base = "/api/v1/sites/" + site + "/shift-calendar/shifts";

    var tooLong =
        api.asAdmin().get(base + "?from=2026-01-01T00:00:00Z&to=2027-01-03T00:00:00Z").expect(400);
    var backwards =
        api.asAdmin().get(base + "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").expect(400);
    var missing = api.asAdmin().get(base + "?from=2026-01-02T00:00:00Z").expect(400);
    var wrongType = api.asAdmin().get(base + "?from=yesterday&to=2026-01-01T00:00:00Z").expect(400);

    assertThat(tooLong.faultyFields()).containsExactly("to");
    assertThat(backwards.faultyFields()).containsExactly("to");
    assertThat(missing.faultyFields()).containsExactly("to");
    assertThat(wrongType.faultyFields()).containsExactly("from");
  }

  @Test
  void refusesBadListParameters() {
    assertThat(api.asAdmin().get("/api/v1/areas?active=maybe").expect(400).faultyFields())
        .containsExactly("active");
    assertThat(api.asAdmin().get("/api/v1/work-units?limit=0").expect(400).faultyFields())
        .containsExactly("limit");
    assertThat(api.asAdmin().get("/api/v1/sites?code=" + "x".repeat(21)).expect(400).faultyFields())
        .containsExactly("code");
    assertThat(api.asAdmin().get("/api/v1/work-centers/not-a-uuid").expect(400).faultyFields())
        .containsExactly("id");
  }
}
