package dev.takt.machines.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.equipment.Equipment;
import dev.takt.equipment.WorkUnitView;
import dev.takt.identity.SiteAccess;
import dev.takt.reasons.ReasonKind;
import dev.takt.reasons.Reasons;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine mapping of a work unit: put as a whole (created or replaced), read, deleted. Checked
 * completely before it is stored (the work unit, the connection at the same site, every signal
 * name, every rule, the scrap reason), audited, and applied by the {@link StateEngine} after
 * commit.
 */
@Service
public class MappingService {

  static final String ENTITY = "MachineMapping";

  /** Inside the module: a work unit's mapping changed; the engine reloads it. */
  public record MappingChanged(String site, String workUnit) {}

  /** A mapping as the API shows it: the definition with the connection's current name. */
  public record MappingView(
      String site,
      String workUnit,
      UUID connectionId,
      JsonNode definition,
      Instant updatedAt,
      long version) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final ConnectionService connections;
  private final Equipment equipment;
  private final Reasons reasons;
  private final SiteAccess siteAccess;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  MappingService(
      JdbcClient jdbc,
      JsonMapper json,
      ConnectionService connections,
      Equipment equipment,
      Reasons reasons,
      SiteAccess siteAccess,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.connections = connections;
    this.equipment = equipment;
    this.reasons = reasons;
    this.siteAccess = siteAccess;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public MappingView put(String site, String workUnit, JsonNode body, Long version) {
    siteAccess.requireSite(site);
    WorkUnitView unit =
        equipment
            .workUnit(site, workUnit)
            .orElseThrow(() -> new NotFoundException("work unit", site + "/" + workUnit));
    MappingParser.Head head = MappingParser.head(body);
    ConnectionView connection =
        connections
            .byNameOrId(head.connection())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "connection", "connection '" + head.connection() + "' does not exist"));
    if (!connection.site().equals(site)) {
      throw new InvalidInputException(
          "connection",
          "connection '" + connection.name() + "' belongs to site " + connection.site());
    }
    MachineMapping mapping = MappingParser.parse(site, unit.code(), connection.id(), body);
    if (mapping.scrapCounter() != null
        && reasons.bookable(ReasonKind.SCRAP, mapping.scrapCounter().reason()).isEmpty()) {
      throw new InvalidInputException(
          "scrapCounter.reason",
          "'" + mapping.scrapCounter().reason() + "' is not a bookable SCRAP reason");
    }
    ObjectNode stored = (ObjectNode) body.deepCopy();
    stored.put("connection", connection.name());
    Optional<MappingView> before = find(site, unit.code(), true);
    Instant now = clock.instant();
    if (before.isPresent()) {
      if (version != null && version != before.get().version()) {
        throw new StaleVersionException(
            "machine mapping", site + "/" + workUnit, version, before.get().version());
      }
      jdbc.sql(
              """
              UPDATE machines_mapping SET connection_id = :connection, source = :source,
                definition = :definition, updated_at = :now, version = version + 1
               WHERE site = :site AND work_unit = :unit
              """)
          .param("connection", connection.id())
          .param("source", mapping.source())
          .param("definition", json.writeValueAsString(stored))
          .param("now", Sql.ts(now))
          .param("site", site)
          .param("unit", unit.code())
          .update();
    } else {
      jdbc.sql(
              """
              INSERT INTO machines_mapping (site, work_unit, connection_id, source, definition,
                updated_at, version)
              VALUES (:site, :unit, :connection, :source, :definition, :now, 0)
              """)
          .param("connection", connection.id())
          .param("source", mapping.source())
          .param("definition", json.writeValueAsString(stored))
          .param("now", Sql.ts(now))
          .param("site", site)
          .param("unit", unit.code())
          .update();
      jdbc.sql("DELETE FROM machines_unit_state WHERE site = :site AND work_unit = :unit")
          .param("site", site)
          .param("unit", unit.code())
          .update();
      jdbc.sql(
              "INSERT INTO machines_unit_state (site, work_unit, state, since)"
                  + " VALUES (:site, :unit, 'OFFLINE', :now)")
          .param("site", site)
          .param("unit", unit.code())
          .param("now", Sql.ts(now))
          .update();
    }
    MappingView after = find(site, unit.code(), false).orElseThrow();
    audit.record(
        before.isPresent()
            ? dev.takt.compliance.AuditAction.UPDATE
            : dev.takt.compliance.AuditAction.CREATE,
        ENTITY,
        site + "/" + unit.code(),
        before.orElse(null),
        after);
    events.publishEvent(new MappingChanged(site, unit.code()));
    return after;
  }

  @Transactional(readOnly = true)
  public MappingView get(String site, String workUnit) {
    siteAccess.requireSite(site);
    return find(site, workUnit, false)
        .orElseThrow(() -> new NotFoundException("machine mapping", site + "/" + workUnit));
  }

  @Transactional(readOnly = true)
  public Optional<MappingView> find(String site, String workUnit) {
    return find(site, workUnit, false);
  }

  @Transactional
  public void delete(String site, String workUnit) {
    siteAccess.requireSite(site);
    MappingView before =
        find(site, workUnit, true)
            .orElseThrow(() -> new NotFoundException("machine mapping", site + "/" + workUnit));
    jdbc.sql("DELETE FROM machines_mapping WHERE site = :site AND work_unit = :unit")
        .param("site", site)
        .param("unit", workUnit)
        .update();
    jdbc.sql("DELETE FROM machines_unit_state WHERE site = :site AND work_unit = :unit")
        .param("site", site)
        .param("unit", workUnit)
        .update();
    jdbc.sql(
            """
            UPDATE machines_state_interval SET ended_at = :now
             WHERE site = :site AND work_unit = :unit AND ended_at IS NULL
            """)
        .param("now", Sql.ts(clock.instant()))
        .param("site", site)
        .param("unit", workUnit)
        .update();
    audit.deleted(ENTITY, site + "/" + workUnit, before);
    events.publishEvent(new MappingChanged(site, workUnit));
  }

  /** The parsed mapping, for the process-value queries. */
  @Transactional(readOnly = true)
  public MachineMapping mapping(String site, String workUnit) {
    MappingView view = get(site, workUnit);
    return MappingParser.parse(site, workUnit, view.connectionId(), view.definition());
  }

  private Optional<MappingView> find(String site, String workUnit, boolean forUpdate) {
    if (forUpdate) {
      jdbc.sql(
              "SELECT version FROM machines_mapping WHERE site = :site AND work_unit = :unit"
                  + " FOR UPDATE")
          .param("site", site)
          .param("unit", workUnit)
          .query(Long.class)
          .list();
    }
    return jdbc.sql(
            "SELECT m.*, c.name AS connection_name FROM machines_mapping m"
                + " LEFT JOIN machines_connection c ON c.id = m.connection_id"
                + " WHERE m.site = :site AND m.work_unit = :unit")
        .param("site", site)
        .param("unit", workUnit)
        .query(
            (rs, n) -> {
              ObjectNode definition = (ObjectNode) json.readTree(rs.getString("definition"));
              if (rs.getString("connection_name") != null) {
                definition.put("connection", rs.getString("connection_name"));
              }
              return new MappingView(
                  rs.getString("site"),
                  rs.getString("work_unit"),
                  rs.getObject("connection_id", UUID.class),
                  definition,
                  Sql.instant(rs, "updated_at"),
                  rs.getLong("version"));
            })
        .optional();
  }
}
