package dev.takt.equipment.internal;

import dev.takt.equipment.ShiftInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a weekly {@link ShiftCalendar} into concrete shifts in UTC for a range of time.
 *
 * <p>All arithmetic is done on the site's wall clock and only then converted with the site's zone,
 * so a shift ends at the local time printed on the shift plan, however long that makes it across a
 * daylight-saving change. A local time that does not exist (the hour skipped in spring) is moved
 * forward by the length of the gap; an ambiguous one (the hour repeated in autumn) takes the
 * earlier offset, as {@link ZonedDateTime#of} does.
 */
public final class ShiftExpansion {

  private ShiftExpansion() {}

  /** The shifts that overlap {@code [from, to)}, whole (not clipped to the range), oldest first. */
  public static List<ShiftInstance> expand(
      String siteCode, ZoneId zone, ShiftCalendar calendar, Instant from, Instant to) {
    List<Span> nonWorking = new ArrayList<>();
    for (ShiftCalendar.PlannedNonWorking p : calendar.plannedNonWorking()) {
      nonWorking.add(new Span(at(p.from(), zone), at(p.to(), zone), p.reason()));
    }
    List<ShiftInstance> result = new ArrayList<>();
    // A shift started the day before may still run at 'from'.
    LocalDate last = LocalDate.ofInstant(to, zone);
    for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1);
        !day.isAfter(last);
        day = day.plusDays(1)) {
      for (ShiftCalendar.ShiftPattern shift : calendar.shifts()) {
        if (shift.weekdays().contains(day.getDayOfWeek())) {
          ShiftInstance instance = instance(siteCode, zone, shift, day, nonWorking);
          if (instance != null && instance.end().isAfter(from) && instance.start().isBefore(to)) {
            result.add(instance);
          }
        }
      }
    }
    result.sort(Comparator.comparing(ShiftInstance::start));
    return result;
  }

  private static ShiftInstance instance(
      String siteCode,
      ZoneId zone,
      ShiftCalendar.ShiftPattern shift,
      LocalDate day,
      List<Span> nonWorking) {
    LocalDateTime localStart = day.atTime(shift.start());
    Instant start = at(localStart, zone);
    Instant end = at(localStart.plusSeconds(shift.lengthSeconds()), zone);
    if (!end.isAfter(start)) {
      return null; // the whole shift lies in a skipped hour
    }
    List<ShiftInstance.Break> breaks = new ArrayList<>();
    List<Span> lost = new ArrayList<>();
    for (ShiftCalendar.BreakPattern b : shift.breaks()) {
      Span span =
          new Span(
                  at(localStart.plusSeconds(shift.offset(b.start())), zone),
                  at(localStart.plusSeconds(shift.offset(b.end())), zone),
                  null)
              .clip(start, end);
      if (span != null) {
        breaks.add(new ShiftInstance.Break(span.start(), span.end()));
        lost.add(span);
      }
    }
    List<ShiftInstance.NonWorking> cut = new ArrayList<>();
    for (Span n : nonWorking) {
      Span span = n.clip(start, end);
      if (span != null) {
        cut.add(new ShiftInstance.NonWorking(span.start(), span.end(), span.reason()));
        lost.add(span);
      }
    }
    cut.sort(Comparator.comparing(ShiftInstance.NonWorking::start));
    Duration planned = Duration.between(start, end).minus(unionLength(lost));
    return new ShiftInstance(
        siteCode, shift.code(), shift.name(), day, start, end, breaks, cut, planned.toMinutes());
  }

  private static Instant at(LocalDateTime local, ZoneId zone) {
    return ZonedDateTime.of(local, zone).toInstant();
  }

  /** Length of the union of spans: time that is both a break and non-working counts once. */
  private static Duration unionLength(List<Span> spans) {
    List<Span> sorted = spans.stream().sorted(Comparator.comparing(Span::start)).toList();
    Duration total = Duration.ZERO;
    Instant coveredUntil = Instant.MIN;
    for (Span s : sorted) {
      Instant from = s.start().isAfter(coveredUntil) ? s.start() : coveredUntil;
      if (s.end().isAfter(from)) {
        total = total.plus(Duration.between(from, s.end()));
        coveredUntil = s.end();
      }
    }
    return total;
  }

  private record Span(Instant start, Instant end, String reason) {
    /** This span cut to {@code [from, to)}, or null when nothing of it is left. */
    Span clip(Instant from, Instant to) {
      Instant s = start.isAfter(from) ? start : from;
      Instant e = end.isBefore(to) ? end : to;
      return e.isAfter(s) ? new Span(s, e, reason) : null;
    }
  }
}
