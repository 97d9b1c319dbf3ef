package dev.takt.equipment.internal;

import dev.takt.shared.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A site's weekly shift pattern and its planned non-working periods, all in the site's local time.
 *
 * <p>A site starts with an empty calendar (no shifts: no planned production time). The planner
 * replaces it as a whole, so it is always checked as a whole here: every shift has a length (end
 * differs from start; an end before the start means the shift crosses midnight), its breaks lie
 * inside it without overlapping each other, and no two shifts overlap on the weekly clock (a night
 * shift on Monday 22:00-06:00 clashes with a Tuesday shift starting at 05:00). Concrete shifts in
 * UTC come from {@link ShiftExpansion}.
 */
public record ShiftCalendar(List<ShiftPattern> shifts, List<PlannedNonWorking> plannedNonWorking) {

  static final int DAY = 24 * 60 * 60;
  static final int WEEK = 7 * DAY;

  public static final ShiftCalendar EMPTY = new ShiftCalendar(List.of(), List.of());

  public ShiftCalendar {
    shifts = List.copyOf(shifts);
    plannedNonWorking = List.copyOf(plannedNonWorking);
    requireUniqueCodes(shifts);
    for (int i = 0; i < shifts.size(); i++) {
      shifts.get(i).check("shifts[" + i + "]");
    }
    requireNoOverlaps(shifts);
    for (int i = 0; i < plannedNonWorking.size(); i++) {
      PlannedNonWorking p = plannedNonWorking.get(i);
      if (!p.to().isAfter(p.from())) {
        throw new InvalidInputException(
            "plannedNonWorking[" + i + "].to", "must be after 'from' (" + p.from() + ")");
      }
    }
  }

  /**
   * A shift of the weekly pattern. It starts on each of its {@code weekdays} at {@code start} and
   * ends at {@code end} the same day, or the next day when {@code end} is before {@code start}.
   */
  public record ShiftPattern(
      String code,
      String name,
      LocalTime start,
      LocalTime end,
      Set<DayOfWeek> weekdays,
      List<BreakPattern> breaks) {

    public ShiftPattern {
      // Kept in week order, Monday first, so that the API lists them as a planner reads them.
      weekdays =
          weekdays.isEmpty()
              ? Set.of()
              : java.util.Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
      breaks = breaks == null ? List.of() : List.copyOf(breaks);
    }

    /** Seconds on the wall clock from start to end. */
    int lengthSeconds() {
      return offset(end);
    }

    boolean crossesMidnight() {
      return !end.isAfter(start);
    }

    /** Seconds on the wall clock from the shift's start to {@code t}, taking t in the shift. */
    int offset(LocalTime t) {
      return Math.floorMod(t.toSecondOfDay() - start.toSecondOfDay(), DAY);
    }

    private void check(String field) {
      if (start.equals(end)) {
        throw new InvalidInputException(
            field + ".end", "must differ from the start: a shift cannot last 0 or 24 hours");
      }
      if (weekdays.isEmpty()) {
        throw new InvalidInputException(field + ".weekdays", "name at least one weekday");
      }
      for (int j = 0; j < breaks.size(); j++) {
        BreakPattern b = breaks.get(j);
        String breakField = field + ".breaks[" + j + "]";
        int from = offset(b.start());
        int to = offset(b.end());
        if (to <= from || to > lengthSeconds()) {
          throw new InvalidInputException(
              breakField,
              "break "
                  + b.start()
                  + "-"
                  + b.end()
                  + " is not inside shift "
                  + code
                  + " ("
                  + start
                  + "-"
                  + end
                  + ")");
        }
        for (int k = 0; k < j; k++) {
          BreakPattern other = breaks.get(k);
          if (from < offset(other.end()) && offset(other.start()) < to) {
            throw new InvalidInputException(
                breakField, "overlaps break " + other.start() + "-" + other.end());
          }
        }
      }
    }
  }

  /** A break inside a shift, in local wall-clock time; may cross midnight with its shift. */
  public record BreakPattern(LocalTime start, LocalTime end) {}

  /** Planned time without production (holiday, planned maintenance), in local time. */
  public record PlannedNonWorking(LocalDateTime from, LocalDateTime to, String reason) {}

  private static void requireUniqueCodes(List<ShiftPattern> shifts) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < shifts.size(); i++) {
      if (!seen.add(shifts.get(i).code())) {
        throw new InvalidInputException(
            "shifts[" + i + "].code", "shift code '" + shifts.get(i).code() + "' appears twice");
      }
    }
  }

  /** Lays every shift on the weekly clock; a shift late on Sunday may reach into Monday. */
  private static void requireNoOverlaps(List<ShiftPattern> shifts) {
    for (int i = 0; i < shifts.size(); i++) {
      for (int j = 0; j < i; j++) {
        ShiftPattern a = shifts.get(i);
        ShiftPattern b = shifts.get(j);
        for (DayOfWeek da : a.weekdays()) {
          for (DayOfWeek db : b.weekdays()) {
            if (overlap(
                weekSecond(da, a.start()),
                a.lengthSeconds(),
                weekSecond(db, b.start()),
                b.lengthSeconds())) {
              throw new InvalidInputException(
                  "shifts[" + i + "]",
                  "shift " + a.code() + " on " + da + " overlaps shift " + b.code() + " on " + db);
            }
          }
        }
      }
    }
  }

  private static int weekSecond(DayOfWeek day, LocalTime time) {
    return (day.getValue() - 1) * DAY + time.toSecondOfDay();
  }

  private static boolean overlap(int aStart, int aLength, int bStart, int bLength) {
    for (int shift = -WEEK; shift <= WEEK; shift += WEEK) {
      int bs = bStart + shift;
      if (aStart < bs + bLength && bs < aStart + aLength) {
        return true;
      }
    }
    return false;
  }
}
