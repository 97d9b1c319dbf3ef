package dev.takt.performance.internal;

import dev.takt.equipment.ShiftInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A site's concrete shifts over a stretch of time, asked the questions OEE needs: how much planned
 * production time lies in an interval (shift time minus breaks minus planned non-working time),
 * which shift an instant belongs to, and which business day (the local day a shift starts on; the
 * local calendar day outside shifts).
 */
final class SiteCalendar {

  private final ZoneId zone;
  private final List<ShiftInstance> shifts;

  SiteCalendar(ZoneId zone, List<ShiftInstance> shifts) {
    this.zone = zone;
    this.shifts = shifts.stream().sorted(Comparator.comparing(ShiftInstance::start)).toList();
  }

  ZoneId zone() {
    return zone;
  }

  List<ShiftInstance> shifts() {
    return shifts;
  }

  /** Milliseconds of planned production time in {@code [from, to)}. */
  long plannedMillis(Instant from, Instant to) {
    long total = 0;
    for (ShiftInstance s : shifts) {
      total += plannedMillis(s, from, to);
    }
    return total;
  }

  /** Milliseconds of planned production time of one shift inside {@code [from, to)}. */
  static long plannedMillis(ShiftInstance s, Instant from, Instant to) {
    Instant a = max(from, s.start());
    Instant b = min(to, s.end());
    if (!b.isAfter(a)) {
      return 0;
    }
    List<Instant[]> lost = new ArrayList<>();
    for (ShiftInstance.Break br : s.breaks()) {
      lost.add(new Instant[] {br.start(), br.end()});
    }
    for (ShiftInstance.NonWorking n : s.plannedNonWorking()) {
      lost.add(new Instant[] {n.start(), n.end()});
    }
    lost.sort(Comparator.comparing(x -> x[0]));
    long millis = Duration.between(a, b).toMillis();
    Instant coveredUntil = a;
    for (Instant[] span : lost) {
      Instant from2 = max(max(span[0], a), coveredUntil);
      Instant to2 = min(span[1], b);
      if (to2.isAfter(from2)) {
        millis -= Duration.between(from2, to2).toMillis();
        coveredUntil = to2;
      }
    }
    return millis;
  }

  /** The shift {@code t} falls in, or null outside every shift. */
  ShiftInstance shiftAt(Instant t) {
    for (ShiftInstance s : shifts) {
      if (!t.isBefore(s.start()) && t.isBefore(s.end())) {
        return s;
      }
    }
    return null;
  }

  LocalDate businessDay(Instant t) {
    ShiftInstance s = shiftAt(t);
    return s != null ? s.businessDay() : LocalDate.ofInstant(t, zone);
  }

  /**
   * The business days all of whose buckets lie inside {@code [from, to)}: a day starts at its local
   * midnight (its shifts start on it) and ends at the later of the next midnight and its last
   * shift's end. Null when there is none. The calendar must cover the range.
   */
  WholeDays wholeDays(Instant from, Instant to) {
    LocalDate first = LocalDate.ofInstant(from, zone);
    if (first.atStartOfDay(zone).toInstant().isBefore(from)) {
      first = first.plusDays(1);
    }
    LocalDate last = LocalDate.ofInstant(to, zone).minusDays(1);
    while (!last.isBefore(first) && end(last).isAfter(to)) {
      last = last.minusDays(1);
    }
    if (last.isBefore(first)) {
      return null;
    }
    return new WholeDays(
        first, last, end(first.minusDays(1)), last.plusDays(1).atStartOfDay(zone).toInstant());
  }

  private Instant end(LocalDate day) {
    Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
    for (ShiftInstance s : shifts) {
      if (s.businessDay().equals(day) && s.end().isAfter(end)) {
        end = s.end();
      }
    }
    return end;
  }

  /**
   * Business days {@code first..last}; the buckets of earlier days lie before {@code earlierEnd}
   * (the day before's last shift may reach into {@code first}), those of later days from {@code
   * laterStart} (the next local midnight) on.
   */
  record WholeDays(LocalDate first, LocalDate last, Instant earlierEnd, Instant laterStart) {}

  /**
   * The shifts wholly inside {@code [from, to)} (both on bucket boundaries); null when there is
   * none. Shifts do not overlap, so every shift starting between the first and the last of them is
   * whole too.
   */
  WholeShifts wholeShifts(Instant from, Instant to) {
    Instant first = null;
    Instant last = null;
    Instant end = null;
    for (ShiftInstance s : shifts) {
      if (!s.start().isBefore(from) && !s.end().isAfter(to)) {
        first = first == null ? s.start() : min(first, s.start());
        last = last == null ? s.start() : max(last, s.start());
        end = end == null ? s.end() : max(end, s.end());
      }
    }
    return first == null ? null : new WholeShifts(first, last, end);
  }

  /**
   * Shifts starting from {@code first} to {@code last}, all ended by {@code end}. A bucket is filed
   * under the shift its start lies in, so those of other shifts start before {@code first} or at
   * {@code end} and later.
   */
  record WholeShifts(Instant first, Instant last, Instant end) {}

  static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
