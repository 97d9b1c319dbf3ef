package dev.takt.equipment.internal;

import static dev.takt.equipment.internal.ShiftExpansionTest.EVERY_DAY;
import static dev.takt.equipment.internal.ShiftExpansionTest.brk;
import static dev.takt.equipment.internal.ShiftExpansionTest.calendar;
import static dev.takt.equipment.internal.ShiftExpansionTest.nonWorking;
import static dev.takt.equipment.internal.ShiftExpansionTest.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.shared.InvalidInputException;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShiftCalendarTest {

  @Test
  void refusesAShiftThatEndsWhenItStarts() {
    var e =
        assertThrows(
            InvalidInputException.class, () -> calendar(shift("X", "06:00", "06:00", EVERY_DAY)));
    assertThat(e.field()).isEqualTo("shifts[0].end");
  }

  @Test
  void refusesABreakOutsideItsShift() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> calendar(shift("EARLY", "06:00", "14:00", EVERY_DAY, brk("13:45", "14:15"))));
    assertThat(e.field()).isEqualTo("shifts[0].breaks[0]");
  }

  @Test
  void refusesABreakBeforeItsShiftStarts() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> calendar(shift("LATE", "14:00", "22:00", EVERY_DAY, brk("05:00", "05:30"))));
    assertThat(e.field()).isEqualTo("shifts[0].breaks[0]");
  }

  @Test
  void refusesOverlappingBreaks() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () ->
                calendar(
                    shift(
                        "EARLY",
                        "06:00",
                        "14:00",
                        EVERY_DAY,
                        brk("09:00", "09:30"),
                        brk("09:15", "09:45"))));
    assertThat(e.field()).isEqualTo("shifts[0].breaks[1]");
  }

  @Test
  void acceptsBreaksOfANightShiftOnBothSidesOfMidnight() {
    var calendar =
        calendar(
            shift(
                "NIGHT",
                "22:00",
                "06:00",
                EVERY_DAY,
                brk("23:45", "00:15"),
                brk("05:30", "06:00")));
    assertThat(calendar.shifts().getFirst().breaks()).hasSize(2);
  }

  @Test
  void refusesOverlappingShiftsOnTheSameDay() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () ->
                calendar(
                    shift("EARLY", "06:00", "14:00", EVERY_DAY),
                    shift("MIDDLE", "12:00", "20:00", EnumSet.of(DayOfWeek.WEDNESDAY))));
    assertThat(e.field()).isEqualTo("shifts[1]");
  }

  @Test
  void refusesANightShiftReachingIntoTheNextMorningsShift() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () ->
                calendar(
                    shift("NIGHT", "22:00", "06:00", EnumSet.of(DayOfWeek.MONDAY)),
                    shift("EARLY", "05:00", "13:00", EnumSet.of(DayOfWeek.TUESDAY))));
    assertThat(e.getMessage()).contains("NIGHT", "EARLY");
  }

  @Test
  void refusesASundayNightShiftReachingIntoMondayMorning() {
    assertThrows(
        InvalidInputException.class,
        () ->
            calendar(
                shift("EARLY", "05:00", "13:00", EnumSet.of(DayOfWeek.MONDAY)),
                shift("NIGHT", "22:00", "06:00", EnumSet.of(DayOfWeek.SUNDAY))));
  }

  @Test
  void acceptsThreeShiftsThatFollowEachOtherRoundTheClock() {
    var calendar =
        calendar(
            shift("EARLY", "06:00", "14:00", EVERY_DAY),
            shift("LATE", "14:00", "22:00", EVERY_DAY),
            shift("NIGHT", "22:00", "06:00", EVERY_DAY));
    assertThat(calendar.shifts()).hasSize(3);
  }

  @Test
  void acceptsTheSameHoursOnDifferentDays() {
    Set<DayOfWeek> weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    var calendar =
        calendar(
            shift("WEEK", "06:00", "14:00", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
            shift("WEEKEND", "06:00", "18:00", weekend));
    assertThat(calendar.shifts()).hasSize(2);
  }

  @Test
  void refusesTwoShiftsWithOneCode() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () ->
                calendar(
                    shift("EARLY", "06:00", "14:00", EnumSet.of(DayOfWeek.MONDAY)),
                    shift("EARLY", "06:00", "14:00", EnumSet.of(DayOfWeek.TUESDAY))));
    assertThat(e.field()).isEqualTo("shifts[1].code");
  }

  @Test
  void refusesNonWorkingTimeThatEndsBeforeItBegins() {
    var e =
        assertThrows(
            InvalidInputException.class,
            () ->
                new ShiftCalendar(
                    List.of(),
                    List.of(nonWorking("2026-12-27T00:00", "2026-12-24T00:00", "Christmas"))));
    assertThat(e.field()).isEqualTo("plannedNonWorking[0].to");
  }
}
