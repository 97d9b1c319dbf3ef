package dev.takt.equipment.internal;

import dev.takt.equipment.ShiftCalendarChanged;
import dev.takt.shared.KeptBriefly;
import java.time.Duration;
import java.util.Optional;
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

  /** Sites are few; the bound only keeps a flood of unknown codes out (they are not kept). */
  private static final int MAX_SITES = 1_000;

  record Kept(Site site, ShiftCalendar calendar) {}

  private final SiteRepository sites;
  private final ShiftCalendarRepository calendars;
  private final KeptBriefly<String, Kept> bySite =
      new KeptBriefly<>(Duration.ofSeconds(TTL_SECONDS), MAX_SITES);

  SiteCalendars(SiteRepository sites, ShiftCalendarRepository calendars) {
    this.sites = sites;
    this.calendars = calendars;
  }

  /** The site and its calendar (empty: no such site). */
  Optional<Kept> of(String siteCode) {
    boolean keep = TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    Kept kept = keep ? bySite.get(siteCode) : null;
    if (kept != null) {
      return Optional.of(kept);
    }
    long generation = bySite.generation();
    Optional<Kept> read =
        sites.byCode(siteCode).map(site -> new Kept(site, calendars.load(site.code())));
    if (keep && read.isPresent()) {
      bySite.put(siteCode, read.get(), generation);
    }
    return read;
  }

  /** A plain listener: it must act in this server before the changing request answers. */
  @EventListener
  void on(ShiftCalendarChanged changed) {
    bySite.forgetAfterCommit();
  }
}
