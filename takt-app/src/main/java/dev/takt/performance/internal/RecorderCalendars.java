package dev.takt.performance.internal;

import dev.takt.equipment.ShiftCalendarChanged;
import dev.takt.shared.KeptBriefly;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BiFunction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The site calendars the event recorder files counts by, kept for a few seconds: every quantity
 * report needs its bucket's business day and shift, and reading the site's zone, shifts and planned
 * non-working time for each one was four of the recorder's statements per booking. A site keeps one
 * calendar covering the UTC days around the newest bucket asked for; a bucket outside it loads
 * another.
 *
 * <p>When a site's shift calendar or time zone changes ({@link ShiftCalendarChanged}), everything
 * is forgotten once the change has committed, so the next booking on this server is filed by the
 * new calendar. A load that raced with such a change cannot put the old calendar back ({@link
 * KeptBriefly}). Another server of a cluster sees the change after {@link #TTL_SECONDS} at the
 * latest. The OEE views do not use this cache: they expand the site's calendar (kept by equipment
 * for read-only work) for their range.
 */
@Component
class RecorderCalendars {

  static final long TTL_SECONDS = 10;

  /** Sites are few; the bound only keeps memory in check. */
  private static final int MAX_SITES = 1_000;

  /** A bucket needs its calendar one day to either side (a shift may start the day before). */
  private static final Duration MARGIN = Duration.ofDays(1);

  private record Entry(SiteCalendar calendar, Instant from, Instant to) {

    boolean covers(Instant bucket) {
      return !bucket.minus(MARGIN).isBefore(from) && !bucket.plus(MARGIN).isAfter(to);
    }
  }

  private final KeptBriefly<String, Entry> bySite =
      new KeptBriefly<>(Duration.ofSeconds(TTL_SECONDS), MAX_SITES);

  /**
   * The site's calendar covering a day either side of {@code bucket}; {@code load} reads one for a
   * site and a range when none is kept.
   */
  SiteCalendar around(
      String site, Instant bucket, BiFunction<Instant, Instant, SiteCalendar> load) {
    Entry e = bySite.get(site);
    if (e != null && e.covers(bucket)) {
      return e.calendar();
    }
    long generation = bySite.generation();
    // the UTC day of the bucket, with two days either side: the buckets of a day and a half on
    Instant day = bucket.truncatedTo(ChronoUnit.DAYS);
    Instant from = day.minus(Duration.ofDays(2));
    Instant to = day.plus(Duration.ofDays(3));
    SiteCalendar calendar = load.apply(from, to);
    bySite.put(site, new Entry(calendar, from, to), generation);
    return calendar;
  }

  /**
   * A site's shifts changed: forget every calendar once the change has committed. A plain listener
   * rather than a module listener on purpose: it must act in this server before the changing
   * request answers, and there is nothing to retry.
   */
  @EventListener
  void on(ShiftCalendarChanged changed) {
    bySite.forgetAfterCommit();
  }
}
