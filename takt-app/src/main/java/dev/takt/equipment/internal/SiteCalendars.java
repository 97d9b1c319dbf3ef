package dev.takt.equipment.internal;

import dev.takt.equipment.ShiftCalendarChanged;
import dev.takt.shared.AfterTransaction;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sites with their shift calendars as other modules' read-only work asks for them, kept for a few
 * seconds: every OEE view expands one, and reading it is five statements or more (the site, its
 * shifts, each shift's breaks, the planned non-working time) for data that changes a few times a
 * year.
 *
 * <p>Forgotten on this server once a change of a calendar or of a site's time zone has committed
 * ({@link ShiftCalendarChanged}); a load that raced with the change cannot put the old calendar
 * back, as entries count only while the generation read before the load is the current one. Another
 * server of a cluster sees a change after {@link #TTL_SECONDS} at the latest. A transaction that
 * writes always reads the database: it may have changed the calendar itself.
 */
@Component
class SiteCalendars {

  static final long TTL_SECONDS = 10;

  record Kept(Site site, ShiftCalendar calendar) {}

  private record Entry(Kept kept, long generation, long until) {}

  private final SiteRepository sites;
  private final ShiftCalendarRepository calendars;
  private final AtomicLong generation = new AtomicLong();
  private final ConcurrentHashMap<String, Entry> bySite = new ConcurrentHashMap<>();

  SiteCalendars(SiteRepository sites, ShiftCalendarRepository calendars) {
    this.sites = sites;
    this.calendars = calendars;
  }

  /** The site and its calendar (empty: no such site). */
  Optional<Kept> of(String siteCode) {
    boolean keep = TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    long gen = generation.get();
    Entry e = keep ? bySite.get(siteCode) : null;
    if (e != null && e.generation() == gen && System.nanoTime() - e.until() < 0) {
      return Optional.of(e.kept());
    }
    Optional<Kept> kept =
        sites.byCode(siteCode).map(site -> new Kept(site, calendars.load(site.code())));
    if (keep && kept.isPresent() && generation.get() == gen) {
      bySite.put(
          siteCode,
          new Entry(kept.get(), gen, System.nanoTime() + TimeUnit.SECONDS.toNanos(TTL_SECONDS)));
    }
    return kept;
  }

  /** A plain listener: it must act in this server before the changing request answers. */
  @EventListener
  void on(ShiftCalendarChanged changed) {
    AfterTransaction.run(this::forget);
  }

  private void forget() {
    generation.incrementAndGet();
    bySite.clear();
  }
}
