package dev.takt.equipment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.equipment.ShiftInstance;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reference facts from the tz database (2026): Europe/Berlin springs forward on 29 March at 02:00
 * CET to 03:00 CEST and falls back on 25 October at 03:00 CEST to 02:00 CET; America/New_York
 * springs forward on 8 March and falls back on 1 November, both at 02:00 local time.
 */
class ShiftExpansionTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
  static final Set<DayOfWeek> WORKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  @Test
  void aNightShiftAcrossTheSpringForwardNightInBerlinLastsSevenHours() {
    // given
    ShiftCalendar calendar = calendar(shift("NIGHT", "22:00", "06:00", EVERY_DAY));

    // when
    ShiftInstance night =
        onlyShift(expand(BERLIN, calendar, "2026-03-28T23:00:00Z", "2026-03-29T00:00:00Z"));

    // then 22:00 CET = 21:00 UTC, 06:00 CEST = 04:00 UTC
    assertThat(night.businessDay()).isEqualTo(LocalDate.of(2026, 3, 28));
    assertThat(night.start()).isEqualTo(Instant.parse("2026-03-28T21:00:00Z"));
    assertThat(night.end()).isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));
    assertThat(night.length()).isEqualTo(Duration.ofHours(7));
    assertThat(night.plannedProductionMinutes()).isEqualTo(7 * 60);
  }

  @Test
  void aNightShiftAcrossTheFallBackNightInBerlinLastsNineHours() {
    // given
    ShiftCalendar calendar = calendar(shift("NIGHT", "22:00", "06:00", EVERY_DAY));

    // when
    ShiftInstance night =
        onlyShift(expand(BERLIN, calendar, "2026-10-24T23:00:00Z", "2026-10-25T00:00:00Z"));

    // then 22:00 CEST = 20:00 UTC, 06:00 CET = 05:00 UTC
    assertThat(night.start()).isEqualTo(Instant.parse("2026-10-24T20:00:00Z"));
    assertThat(night.end()).isEqualTo(Instant.parse("2026-10-25T05:00:00Z"));
    assertThat(night.plannedProductionMinutes()).isEqualTo(9 * 60);
  }

  @Test
  void aNightShiftInBerlinOnAnOrdinaryNightLastsEightHours() {
    ShiftCalendar calendar = calendar(shift("NIGHT", "22:00", "06:00", EVERY_DAY));

    ShiftInstance night =
        onlyShift(expand(BERLIN, calendar, "2026-03-27T23:00:00Z", "2026-03-28T00:00:00Z"));

    assertThat(night.start()).isEqualTo(Instant.parse("2026-03-27T21:00:00Z"));
    assertThat(night.end()).isEqualTo(Instant.parse("2026-03-28T05:00:00Z"));
    assertThat(night.plannedProductionMinutes()).isEqualTo(8 * 60);
  }

  @Test
  void nightShiftsInNewYorkFollowItsOwnDstDates() {
    // given
    ShiftCalendar calendar = calendar(shift("NIGHT", "22:00", "06:00", EVERY_DAY));

    // when
    ShiftInstance spring =
        onlyShift(expand(NEW_YORK, calendar, "2026-03-08T05:00:00Z", "2026-03-08T06:00:00Z"));
    ShiftInstance autumn =
        onlyShift(expand(NEW_YORK, calendar, "2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z"));

    // then 22:00 EST = 03:00 UTC, 06:00 EDT = 10:00 UTC; 22:00 EDT = 02:00 UTC, 06:00 EST = 11:00
    assertThat(spring.start()).isEqualTo(Instant.parse("2026-03-08T03:00:00Z"));
    assertThat(spring.end()).isEqualTo(Instant.parse("2026-03-08T10:00:00Z"));
    assertThat(spring.plannedProductionMinutes()).isEqualTo(7 * 60);
    assertThat(autumn.start()).isEqualTo(Instant.parse("2026-11-01T02:00:00Z"));
    assertThat(autumn.end()).isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));
    assertThat(autumn.plannedProductionMinutes()).isEqualTo(9 * 60);
  }

  @Test
  void theBerlinSpringForwardDoesNotMoveANewYorkShift() {
    ShiftCalendar calendar = calendar(shift("NIGHT", "22:00", "06:00", EVERY_DAY));

    ShiftInstance night =
        onlyShift(expand(NEW_YORK, calendar, "2026-03-29T05:00:00Z", "2026-03-29T06:00:00Z"));

    assertThat(night.plannedProductionMinutes()).isEqualTo(8 * 60);
  }

  @Test
  void breaksAreTakenOutOfThePlannedProductionTime() {
    // given an early shift with a half-hour break, in winter (CET = UTC+1)
    ShiftCalendar calendar =
        calendar(shift("EARLY", "06:00", "14:00", WORKDAYS, brk("09:00", "09:30")));

    // when
    ShiftInstance early =
        onlyShift(expand(BERLIN, calendar, "2026-01-14T00:00:00Z", "2026-01-14T23:00:00Z"));

    // then
    assertThat(early.breaks())
        .containsExactly(
            new ShiftInstance.Break(
                Instant.parse("2026-01-14T08:00:00Z"), Instant.parse("2026-01-14T08:30:00Z")));
    assertThat(early.plannedProductionMinutes()).isEqualTo(450);
  }

  @Test
  void aBreakAfterMidnightFallsOnTheNextDay() {
    ShiftCalendar calendar =
        calendar(
            shift(
                "NIGHT",
                "22:00",
                "06:00",
                EVERY_DAY,
                brk("23:45", "00:15"),
                brk("03:00", "03:30")));

    ShiftInstance night =
        onlyShift(expand(BERLIN, calendar, "2026-01-14T22:00:00Z", "2026-01-14T22:30:00Z"));

    assertThat(night.breaks())
        .containsExactly(
            new ShiftInstance.Break(
                Instant.parse("2026-01-14T22:45:00Z"), Instant.parse("2026-01-14T23:15:00Z")),
            new ShiftInstance.Break(
                Instant.parse("2026-01-15T02:00:00Z"), Instant.parse("2026-01-15T02:30:00Z")));
    assertThat(night.plannedProductionMinutes()).isEqualTo(480 - 60);
  }

  @Test
  void plannedNonWorkingTimeIsCutOutOfTheShift() {
    // given Christmas Eve from noon on, and an early shift with a break
    ShiftCalendar calendar =
        new ShiftCalendar(
            List.of(shift("EARLY", "06:00", "14:00", EVERY_DAY, brk("09:00", "09:30"))),
            List.of(nonWorking("2026-12-24T12:00", "2026-12-27T00:00", "Christmas")));

    // when
    List<ShiftInstance> shifts =
        expand(BERLIN, calendar, "2026-12-24T00:00:00Z", "2026-12-26T23:00:00Z");

    // then the 24th loses 12:00-14:00 CET, the 25th and 26th lose everything
    assertThat(shifts).hasSize(3);
    ShiftInstance eve = shifts.get(0);
    assertThat(eve.plannedNonWorking())
        .containsExactly(
            new ShiftInstance.NonWorking(
                Instant.parse("2026-12-24T11:00:00Z"),
                Instant.parse("2026-12-24T13:00:00Z"),
                "Christmas"));
    assertThat(eve.plannedProductionMinutes()).isEqualTo(480 - 30 - 120);
    assertThat(shifts.get(1).plannedProductionMinutes()).isZero();
    assertThat(shifts.get(2).plannedProductionMinutes()).isZero();
  }

  @Test
  void timeThatIsBothABreakAndNonWorkingCountsOnce() {
    ShiftCalendar calendar =
        new ShiftCalendar(
            List.of(shift("EARLY", "06:00", "14:00", EVERY_DAY, brk("09:00", "09:30"))),
            List.of(nonWorking("2026-01-14T09:00", "2026-01-14T10:00", "planned maintenance")));

    ShiftInstance early =
        onlyShift(expand(BERLIN, calendar, "2026-01-14T06:00:00Z", "2026-01-14T07:00:00Z"));

    assertThat(early.plannedProductionMinutes()).isEqualTo(480 - 60);
  }

  @Test
  void aShiftStartedTheDayBeforeIsIncludedWhenItStillRuns() {
    // given
    ShiftCalendar calendar =
        calendar(
            shift("EARLY", "06:00", "14:00", EVERY_DAY),
            shift("NIGHT", "22:00", "06:00", EVERY_DAY));

    // when asking for 03:00-04:00 local on 15 January
    List<ShiftInstance> shifts =
        expand(BERLIN, calendar, "2026-01-15T02:00:00Z", "2026-01-15T03:00:00Z");

    // then it is the night shift of the 14th
    assertThat(onlyShift(shifts).businessDay()).isEqualTo(LocalDate.of(2026, 1, 14));
    assertThat(onlyShift(shifts).shiftCode()).isEqualTo("NIGHT");
  }

  @Test
  void aShiftEndingWhenTheRangeBeginsIsLeftOut() {
    ShiftCalendar calendar = calendar(shift("EARLY", "06:00", "14:00", EVERY_DAY));

    List<ShiftInstance> shifts =
        expand(BERLIN, calendar, "2026-01-14T13:00:00Z", "2026-01-15T05:00:00Z");

    assertThat(shifts).isEmpty();
  }

  @Test
  void aWeekHasShiftsOnlyOnTheShiftsWeekdaysInOrder() {
    // given three shifts on workdays
    ShiftCalendar calendar =
        calendar(
            shift("EARLY", "06:00", "14:00", WORKDAYS),
            shift("LATE", "14:00", "22:00", WORKDAYS),
            shift("NIGHT", "22:00", "06:00", WORKDAYS));

    // when expanding Monday 12 January 00:00 to Monday 19 January 00:00 local
    List<ShiftInstance> shifts =
        expand(BERLIN, calendar, "2026-01-11T23:00:00Z", "2026-01-18T23:00:00Z");

    // then 15 shifts, 120 hours without a gap, none starting on a weekend
    assertThat(shifts).hasSize(15);
    assertThat(shifts)
        .allSatisfy(s -> assertThat(s.businessDay().getDayOfWeek()).isIn(WORKDAYS.toArray()));
    for (int i = 1; i < shifts.size(); i++) {
      assertThat(shifts.get(i).start()).isEqualTo(shifts.get(i - 1).end());
    }
    assertThat(shifts.stream().mapToLong(ShiftInstance::plannedProductionMinutes).sum())
        .isEqualTo(120 * 60);
  }

  @Test
  void anEmptyCalendarPlansNothing() {
    assertThat(expand(BERLIN, ShiftCalendar.EMPTY, "2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z"))
        .isEmpty();
  }

  static List<ShiftInstance> expand(ZoneId zone, ShiftCalendar calendar, String from, String to) {
    return ShiftExpansion.expand("P1", zone, calendar, Instant.parse(from), Instant.parse(to));
  }

  static ShiftInstance onlyShift(List<ShiftInstance> shifts) {
    assertThat(shifts).hasSize(1);
    return shifts.getFirst();
  }

  static ShiftCalendar calendar(ShiftCalendar.ShiftPattern... shifts) {
    return new ShiftCalendar(List.of(shifts), List.of());
  }

  static ShiftCalendar.ShiftPattern shift(
      String code,
      String start,
      String end,
      Set<DayOfWeek> days,
      ShiftCalendar.BreakPattern... breaks) {
    return new ShiftCalendar.ShiftPattern(
        code, code + " shift", LocalTime.parse(start), LocalTime.parse(end), days, List.of(breaks));
  }

  static ShiftCalendar.BreakPattern brk(String start, String end) {
    return new ShiftCalendar.BreakPattern(LocalTime.parse(start), LocalTime.parse(end));
  }

  static ShiftCalendar.PlannedNonWorking nonWorking(String from, String to, String reason) {
    return new ShiftCalendar.PlannedNonWorking(
        LocalDateTime.parse(from), LocalDateTime.parse(to), reason);
  }
}
