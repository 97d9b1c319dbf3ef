package dev.takt.equipment.web;

import dev.takt.equipment.internal.ShiftCalendar;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The weekly pattern laid out for the week view: per weekday (Monday first) the shift and break
 * blocks, positioned in percent of the day. A shift or break that crosses midnight is cut in two,
 * the second part on the next day (Sunday's night shift continues on Monday morning).
 */
public final class WeekView {

  private static final int DAY = 24 * 60;

  /** A block of one day: from {@code top}% to {@code top + height}% of the day. */
  public record Block(
      String code,
      String name,
      String from,
      String to,
      boolean isBreak,
      double top,
      double height) {

    /** The inline style that places the block. */
    public String style() {
      return String.format(java.util.Locale.ROOT, "top:%.3f%%;height:%.3f%%", top, height);
    }
  }

  private final List<List<Block>> days = new ArrayList<>();

  private WeekView() {
    for (int d = 0; d < 7; d++) {
      days.add(new ArrayList<>());
    }
  }

  /** The blocks of each weekday, Monday first. */
  public List<List<Block>> days() {
    return days;
  }

  static WeekView of(ShiftCalendar calendar) {
    WeekView week = new WeekView();
    for (ShiftCalendar.ShiftPattern shift : calendar.shifts()) {
      int start = minutes(shift.start());
      int length = Math.floorMod(minutes(shift.end()) - start, DAY);
      for (DayOfWeek day : shift.weekdays()) {
        int d = day.getValue() - 1;
        week.place(d, start, length, shift, shift.start(), shift.end(), false);
        for (ShiftCalendar.BreakPattern b : shift.breaks()) {
          // Minutes from the shift's start: a night shift's 02:00 break is on the next day.
          int offset = Math.floorMod(minutes(b.start()) - start, DAY);
          int breakLength = Math.floorMod(minutes(b.end()) - minutes(b.start()), DAY);
          week.place(d, start + offset, breakLength, shift, b.start(), b.end(), true);
        }
      }
    }
    return week;
  }

  /**
   * Places {@code length} minutes from minute {@code start} of day {@code d}, split at midnight.
   */
  private void place(
      int d,
      int start,
      int length,
      ShiftCalendar.ShiftPattern shift,
      LocalTime from,
      LocalTime to,
      boolean isBreak) {
    int day = d + start / DAY;
    int at = start % DAY;
    while (length > 0) {
      int part = Math.min(length, DAY - at);
      days.get(Math.floorMod(day, 7))
          .add(
              new Block(
                  shift.code(),
                  shift.name(),
                  from.toString(),
                  to.toString(),
                  isBreak,
                  100.0 * at / DAY,
                  100.0 * part / DAY));
      length -= part;
      at = 0;
      day++;
    }
  }

  private static int minutes(LocalTime t) {
    return t.getHour() * 60 + t.getMinute();
  }
}
