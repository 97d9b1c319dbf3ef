package dev.takt.equipment.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.equipment.internal.ShiftCalendar;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeekViewTest {

  @Test
  void aNightShiftOnSundayContinuesOnMondayMorningWithItsBreak() {
    // given: Sunday 22:00 to Monday 06:00 with a break at 02:00
    ShiftCalendar calendar =
        new ShiftCalendar(
            List.of(
                new ShiftCalendar.ShiftPattern(
                    "N",
                    "Night",
                    LocalTime.of(22, 0),
                    LocalTime.of(6, 0),
                    Set.of(DayOfWeek.SUNDAY),
                    List.of(
                        new ShiftCalendar.BreakPattern(LocalTime.of(2, 0), LocalTime.of(2, 30))))),
            List.of());

    // when
    WeekView week = WeekView.of(calendar);

    // then: two hours on Sunday (from 91.667 % of the day), six hours and the break on Monday
    assertThat(week.days().get(6))
        .extracting(WeekView.Block::style)
        .containsExactly("top:91.667%;height:8.333%");
    assertThat(week.days().get(0))
        .extracting(b -> b.isBreak() + " " + b.style())
        .containsExactly("false top:0.000%;height:25.000%", "true top:8.333%;height:2.083%");
    assertThat(week.days().subList(1, 6)).allMatch(List::isEmpty);
  }

  @Test
  void aDayShiftStaysInItsDay() {
    ShiftCalendar calendar =
        new ShiftCalendar(
            List.of(
                new ShiftCalendar.ShiftPattern(
                    "E",
                    "Early",
                    LocalTime.of(6, 0),
                    LocalTime.of(14, 0),
                    Set.of(DayOfWeek.WEDNESDAY),
                    List.of())),
            List.of());

    WeekView week = WeekView.of(calendar);

    assertThat(week.days().get(2))
        .extracting(WeekView.Block::style)
        .containsExactly("top:25.000%;height:33.333%");
  }
}
