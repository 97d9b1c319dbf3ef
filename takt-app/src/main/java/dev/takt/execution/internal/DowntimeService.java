package dev.takt.execution.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.equipment.WorkUnitView;
import dev.takt.execution.DowntimeClosed;
import dev.takt.execution.DowntimeOpened;
import dev.takt.identity.SiteAccess;
import dev.takt.reasons.ReasonKind;
import dev.takt.shared.ConflictException;
import dev.takt.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Downtime per work unit: at most one open at a time; reason optional until classified. */
@Service
public class DowntimeService {

  static final String ENTITY = "Downtime";

  private final JdbcClient jdbc;
  private final Bookings bookings;
  private final SiteAccess siteAccess;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final java.time.Clock clock;

  DowntimeService(
      JdbcClient jdbc,
      Bookings bookings,
      SiteAccess siteAccess,
      AuditTrail audit,
      ApplicationEventPublisher events,
      java.time.Clock clock) {
    this.jdbc = jdbc;
    this.bookings = bookings;
    this.siteAccess = siteAccess;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Downtime open(String site, String workUnit, String reason) {
    return open(site, workUnit, reason, clock.instant());
  }

  /** Opens a downtime that began at {@code now} (a machine's stop, reported as it happened). */
  @Transactional
  Downtime open(String site, String workUnit, String reason, Instant now) {
    siteAccess.requireSite(site);
    WorkUnitView unit = bookings.workUnit(site, workUnit);
    String code = reason == null ? null : bookings.reason(ReasonKind.DOWNTIME, reason, "reason");
    Optional<Downtime> open = list(site, unit.code(), true).stream().findFirst();
    if (open.isPresent()) {
      throw new ConflictException(
          null,
          "work unit '"
              + unit.code()
              + "' is down already since "
              + open.get().openedAt()
              + " (downtime "
              + open.get().id()
              + ")");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO execution_downtime (id, site, work_unit, work_center, reason, opened_at,
              open_unit, version)
            VALUES (:id, :site, :unit, :wc, :reason, :now, :unit, 0)
            """)
        .param("id", id)
        .param("site", site)
        .param("unit", unit.code())
        .param("wc", unit.workCenterCode())
        .param("reason", code)
        .param("now", Sql.ts(now))
        .update();
    Downtime created = get(site, unit.code(), id, false);
    audit.created(ENTITY, id.toString(), created);
    events.publishEvent(new DowntimeOpened(id, site, unit.code(), code, now));
    return created;
  }

  @Transactional
  public Downtime classify(String site, String workUnit, UUID id, String reason, Long version) {
    siteAccess.requireSite(site);
    Downtime before = get(site, workUnit, id, true);
    Bookings.requireVersion("downtime", id, version, before.version());
    String code = bookings.reason(ReasonKind.DOWNTIME, reason, "reason");
    jdbc.sql("UPDATE execution_downtime SET reason = :reason, version = version + 1 WHERE id = :id")
        .param("reason", code)
        .param("id", id)
        .update();
    Downtime after = get(site, workUnit, id, false);
    audit.updated(ENTITY, id.toString(), before, after);
    return after;
  }

  @Transactional
  public Downtime close(String site, String workUnit, UUID id, Long version) {
    return close(site, workUnit, id, version, clock.instant());
  }

  /** Closes a downtime as of {@code now} (a machine's restart, reported as it happened). */
  @Transactional
  Downtime close(String site, String workUnit, UUID id, Long version, Instant now) {
    siteAccess.requireSite(site);
    Downtime before = get(site, workUnit, id, true);
    Bookings.requireVersion("downtime", id, version, before.version());
    if (!before.open()) {
      throw new ConflictException(
          null, "downtime " + id + " is closed already (since " + before.closedAt() + ")");
    }
    if (now.isBefore(before.openedAt())) {
      now = before.openedAt();
    }
    jdbc.sql(
            "UPDATE execution_downtime SET closed_at = :now, open_unit = NULL, version = version + 1"
                + " WHERE id = :id")
        .param("now", Sql.ts(now))
        .param("id", id)
        .update();
    Downtime after = get(site, workUnit, id, false);
    audit.updated(ENTITY, id.toString(), before, after);
    events.publishEvent(
        new DowntimeClosed(id, site, after.workUnit(), after.reason(), after.openedAt(), now));
    return after;
  }

  /** A work unit's downtimes, newest first (the last 500); {@code open} filters. */
  @Transactional(readOnly = true)
  public List<Downtime> list(String site, String workUnit, Boolean open) {
    siteAccess.requireSite(site);
    bookings.workUnit(site, workUnit);
    return jdbc.sql(
            """
            SELECT * FROM execution_downtime
             WHERE site = :site AND work_unit = :unit
               AND (CAST(:open AS BOOLEAN) IS NULL
                    OR (CAST(:open AS BOOLEAN) = TRUE AND closed_at IS NULL)
                    OR (CAST(:open AS BOOLEAN) = FALSE AND closed_at IS NOT NULL))
             ORDER BY opened_at DESC, id LIMIT 500
            """)
        .param("site", site)
        .param("unit", workUnit)
        .param("open", open)
        .query((rs, n) -> map(rs))
        .list();
  }

  /** The work unit's open downtime, if any, locked for this transaction. */
  @Transactional
  Optional<Downtime> openOn(String site, String workUnit) {
    return jdbc.sql(
            "SELECT * FROM execution_downtime WHERE site = :site AND work_unit = :unit"
                + " AND closed_at IS NULL FOR UPDATE")
        .param("site", site)
        .param("unit", workUnit)
        .query((rs, n) -> map(rs))
        .optional();
  }

  @Transactional(readOnly = true)
  public Downtime get(String site, String workUnit, UUID id) {
    siteAccess.requireSite(site);
    return get(site, workUnit, id, false);
  }

  private Downtime get(String site, String workUnit, UUID id, boolean forUpdate) {
    return jdbc.sql(
            "SELECT * FROM execution_downtime WHERE id = :id AND site = :site AND work_unit = :unit"
                + (forUpdate ? " FOR UPDATE" : ""))
        .param("id", id)
        .param("site", site)
        .param("unit", workUnit)
        .query((rs, n) -> map(rs))
        .optional()
        .orElseThrow(() -> new NotFoundException("downtime", id));
  }

  private static Downtime map(java.sql.ResultSet rs) throws java.sql.SQLException {
    Instant closed = Sql.instant(rs, "closed_at");
    String reason = rs.getString("reason");
    return new Downtime(
        rs.getObject("id", UUID.class),
        rs.getString("site"),
        rs.getString("work_unit"),
        rs.getString("work_center"),
        reason,
        reason == null,
        Sql.instant(rs, "opened_at"),
        closed,
        closed == null,
        rs.getLong("version"));
  }
}
