package dev.takt.equipment.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.equipment.Equipment;
import dev.takt.equipment.ShiftCalendarChanged;
import dev.takt.equipment.ShiftInstance;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.StaleVersionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and replaces a site's shift calendar and expands it into concrete shifts. */
@Service
public class ShiftCalendarService {

  static final String AUDIT_ENTITY = "shift-calendar";

  private final ShiftCalendarRepository calendars;
  private final SiteCalendars siteCalendars;
  private final SiteService siteService;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ShiftCalendarService(
      ShiftCalendarRepository calendars,
      SiteCalendars siteCalendars,
      SiteService siteService,
      AuditTrail audit,
      Clock clock,
      ApplicationEventPublisher events) {
    this.calendars = calendars;
    this.siteCalendars = siteCalendars;
    this.siteService = siteService;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public ShiftCalendarView get(String siteIdOrCode) {
    return view(siteService.find(siteIdOrCode));
  }

  /**
   * Replaces the whole calendar; {@code version} is the one read (0 for a site without one). The
   * calendar is built (and so checked) only once the caller is known to act on the site.
   */
  @Transactional
  public ShiftCalendarView replace(
      String siteIdOrCode, Supplier<ShiftCalendar> newCalendar, long version) {
    Site site = siteService.find(siteIdOrCode);
    ShiftCalendar calendar = newCalendar.get();
    ShiftCalendarView old = view(site);
    if (old.version() != version) {
      throw new StaleVersionException(AUDIT_ENTITY, site.code(), version, old.version());
    }
    if (!calendars.replace(site.code(), calendar, version, clock.instant())) {
      throw new StaleVersionException(
          AUDIT_ENTITY, site.code(), version, calendars.version(site.code()));
    }
    ShiftCalendarView stored = view(site);
    if (version == 0) {
      audit.created(AUDIT_ENTITY, site.code(), stored);
    } else {
      audit.updated(AUDIT_ENTITY, site.code(), old, stored);
    }
    events.publishEvent(new ShiftCalendarChanged(site.code()));
    return stored;
  }

  /** The site's shifts overlapping the range, for a caller who may act on the site. */
  @Transactional(readOnly = true)
  public List<ShiftInstance> shifts(String siteIdOrCode, Instant from, Instant to) {
    return expand(siteService.find(siteIdOrCode), from, to);
  }

  /**
   * The same for other modules, which check their callers themselves; from a calendar kept for a
   * few seconds when their transaction only reads ({@link SiteCalendars}).
   */
  @Transactional(readOnly = true)
  public List<ShiftInstance> shiftsOfAnySite(String siteCode, Instant from, Instant to) {
    SiteCalendars.Kept kept =
        siteCalendars.of(siteCode).orElseThrow(() -> new NotFoundException("site", siteCode));
    return expand(kept.site(), kept.calendar(), from, to);
  }

  private List<ShiftInstance> expand(Site site, Instant from, Instant to) {
    return expand(site, calendars.load(site.code()), from, to);
  }

  private List<ShiftInstance> expand(Site site, ShiftCalendar calendar, Instant from, Instant to) {
    if (!to.isAfter(from)) {
      throw new InvalidInputException("to", "must be after 'from' (" + from + ")");
    }
    if (Duration.between(from, to).compareTo(Duration.ofDays(Equipment.MAX_SHIFT_RANGE_DAYS)) > 0) {
      throw new InvalidInputException(
          "to", "the range may span at most " + Equipment.MAX_SHIFT_RANGE_DAYS + " days");
    }
    return ShiftExpansion.expand(site.code(), site.zone(), calendar, from, to);
  }

  private ShiftCalendarView view(Site site) {
    ShiftCalendar calendar = calendars.load(site.code());
    return new ShiftCalendarView(
        site.code(),
        site.zone().getId(),
        calendar.shifts(),
        calendar.plannedNonWorking(),
        calendars.version(site.code()));
  }
}
