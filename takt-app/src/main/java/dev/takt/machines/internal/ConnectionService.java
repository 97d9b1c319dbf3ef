package dev.takt.machines.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.equipment.Equipment;
import dev.takt.identity.SiteAccess;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.StaleVersionException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Connections to machines, kept in the database and applied without a restart.
 *
 * <p>A connection is born with its protocol's settings, checked by the protocol's {@link
 * ConnectorFactory} (so what the API accepts, the adapter can run); changed as a whole (send the
 * version you read; leave a secret out to keep it); deleted when no work unit maps it. Secrets
 * (passwords) are cut out of the settings before anything is stored, returned or audited. Every
 * change is audited and, after commit, applied by the {@link ConnectionRegistry}.
 */
@Service
public class ConnectionService {

  static final String ENTITY = "MachineConnection";

  /** What the API takes: the connection without id and dates. */
  public record Draft(
      String site, String name, Protocol protocol, JsonNode settings, boolean enabled) {}

  /** A stored connection with its secrets merged into its settings: what a connector needs. */
  record Definition(
      UUID id,
      String site,
      String name,
      Protocol protocol,
      JsonNode settings,
      boolean enabled,
      long version) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Map<Protocol, ConnectorFactory> factories = new EnumMap<>(Protocol.class);
  private final SecretBox secrets;
  private final SiteAccess siteAccess;
  private final Equipment equipment;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ConnectionService(
      JdbcClient jdbc,
      JsonMapper json,
      List<ConnectorFactory> factories,
      SecretBox secrets,
      SiteAccess siteAccess,
      Equipment equipment,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    factories.forEach(f -> this.factories.put(f.protocol(), f));
    this.secrets = secrets;
    this.siteAccess = siteAccess;
    this.equipment = equipment;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** The JSON Pointers of the write-only settings of a protocol. */
  public List<String> secretPointers(Protocol protocol) {
    return factory(protocol).secretPointers();
  }

  ConnectorFactory factory(Protocol protocol) {
    ConnectorFactory f = factories.get(protocol);
    if (f == null) {
      throw new InvalidInputException("protocol", "no connector for " + protocol);
    }
    return f;
  }

  @Transactional
  public ConnectionView create(Draft draft) {
    siteAccess.requireSite(draft.site());
    requireSite(draft.site());
    Stored stored = prepare(draft, Map.of());
    if (byName(draft.name()).isPresent()) {
      throw new ConflictException("name", "a connection named '" + draft.name() + "' exists");
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql(
            """
            INSERT INTO machines_connection (id, site, name, protocol, settings, secrets, enabled,
              created_at, updated_at, version)
            VALUES (:id, :site, :name, :protocol, :settings, :secrets, :enabled, :now, :now, 0)
            """)
        .param("id", id)
        .param("site", draft.site())
        .param("name", draft.name())
        .param("protocol", draft.protocol().name())
        .param("settings", json.writeValueAsString(stored.settings()))
        .param("secrets", stored.secretsText())
        .param("enabled", draft.enabled())
        .param("now", Sql.ts(now))
        .update();
    ConnectionView view = find(id).orElseThrow();
    audit.created(ENTITY, view.name(), view);
    events.publishEvent(new ConnectionChanged(id));
    return view;
  }

  @Transactional
  public ConnectionView update(UUID id, Draft draft, long version) {
    Row before = lock(id);
    siteAccess.requireSite(before.view().site());
    siteAccess.requireSite(draft.site());
    requireSite(draft.site());
    if (before.view().version() != version) {
      throw new StaleVersionException("connection", id, version, before.view().version());
    }
    if (draft.protocol() != before.view().protocol()) {
      throw new InvalidInputException(
          "protocol", "a connection keeps its protocol; create a new connection instead");
    }
    if (!draft.name().equals(before.view().name())) {
      byName(draft.name())
          .ifPresent(
              other -> {
                throw new ConflictException(
                    "name", "a connection named '" + draft.name() + "' exists");
              });
    }
    if (!draft.site().equals(before.view().site()) && !mappedBy(id).isEmpty()) {
      throw new ConflictException(
          "site", "work units map this connection: " + String.join(", ", mappedBy(id)));
    }
    Stored stored = prepare(draft, before.secrets());
    jdbc.sql(
            """
            UPDATE machines_connection SET site = :site, name = :name, settings = :settings,
              secrets = :secrets, enabled = :enabled, updated_at = :now, version = version + 1
             WHERE id = :id
            """)
        .param("site", draft.site())
        .param("name", draft.name())
        .param("settings", json.writeValueAsString(stored.settings()))
        .param("secrets", stored.secretsText())
        .param("enabled", draft.enabled())
        .param("now", Sql.ts(clock.instant()))
        .param("id", id)
        .update();
    ConnectionView after = find(id).orElseThrow();
    audit.updated(ENTITY, after.name(), before.view(), after);
    events.publishEvent(new ConnectionChanged(id));
    return after;
  }

  @Transactional
  public void delete(UUID id) {
    Row before = lock(id);
    siteAccess.requireSite(before.view().site());
    List<String> units = mappedBy(id);
    if (!units.isEmpty()) {
      throw new ConflictException(
          null,
          "work units map this connection: "
              + String.join(", ", units)
              + "; delete their machine mappings first");
    }
    jdbc.sql("DELETE FROM machines_connection WHERE id = :id").param("id", id).update();
    audit.deleted(ENTITY, before.view().name(), before.view());
    events.publishEvent(new ConnectionChanged(id));
  }

  @Transactional(readOnly = true)
  public ConnectionView get(UUID id) {
    ConnectionView view = find(id).orElseThrow(() -> new NotFoundException("connection", id));
    siteAccess.requireSite(view.site());
    return view;
  }

  /** The connections the caller may see, of one site or all, by name. */
  @Transactional(readOnly = true)
  public List<ConnectionView> list(String site) {
    if (site != null) {
      siteAccess.requireSite(site);
    }
    var restricted = siteAccess.restrictedToSites();
    return jdbc
        .sql(
            "SELECT * FROM machines_connection"
                + " WHERE (CAST(:site AS VARCHAR) IS NULL OR site = :site) ORDER BY name")
        .param("site", site)
        .query((rs, n) -> row(rs).view())
        .list()
        .stream()
        .filter(c -> restricted.map(s -> s.contains(c.site())).orElse(true))
        .toList();
  }

  /** A connection by its name or its id (as text), if the caller may see it. */
  @Transactional(readOnly = true)
  public Optional<ConnectionView> byNameOrId(String nameOrId) {
    Optional<ConnectionView> found = byName(nameOrId);
    if (found.isEmpty()) {
      try {
        found = find(UUID.fromString(nameOrId));
      } catch (IllegalArgumentException notAnId) {
        return Optional.empty();
      }
    }
    return found.filter(c -> siteAccess.mayActOn(c.site()));
  }

  /** The connection with its secrets merged in, for the registry; empty when deleted. */
  @Transactional(readOnly = true)
  Optional<Definition> definition(UUID id) {
    return jdbc.sql("SELECT * FROM machines_connection WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> row(rs))
        .optional()
        .map(
            r -> {
              ObjectNode merged = (ObjectNode) r.view().settings().deepCopy();
              r.secrets().forEach((pointer, value) -> put(merged, pointer, secrets.open(value)));
              ConnectionView v = r.view();
              return new Definition(
                  v.id(), v.site(), v.name(), v.protocol(), merged, v.enabled(), v.version());
            });
  }

  @Transactional(readOnly = true)
  List<UUID> allIds() {
    return jdbc.sql("SELECT id FROM machines_connection").query(UUID.class).list();
  }

  private void requireSite(String site) {
    if (!equipment.siteExists(site)) {
      throw new InvalidInputException("site", "site '" + site + "' does not exist");
    }
  }

  private List<String> mappedBy(UUID id) {
    return jdbc.sql(
            "SELECT work_unit FROM machines_mapping WHERE connection_id = :id ORDER BY work_unit")
        .param("id", id)
        .query(String.class)
        .list();
  }

  private Optional<ConnectionView> byName(String name) {
    return jdbc.sql("SELECT * FROM machines_connection WHERE name = :name")
        .param("name", name)
        .query((rs, n) -> row(rs).view())
        .optional();
  }

  private Optional<ConnectionView> find(UUID id) {
    return jdbc.sql("SELECT * FROM machines_connection WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> row(rs).view())
        .optional();
  }

  private Row lock(UUID id) {
    return jdbc.sql("SELECT * FROM machines_connection WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query((rs, n) -> row(rs))
        .optional()
        .orElseThrow(() -> new NotFoundException("connection", id));
  }

  /** Settings without secrets, and the secrets sealed: the new ones, else those kept. */
  private record Stored(JsonNode settings, String secretsText) {}

  private Stored prepare(Draft draft, Map<String, String> kept) {
    ConnectorFactory factory = factory(draft.protocol());
    if (draft.settings() == null || !draft.settings().isObject()) {
      throw new InvalidInputException("settings", "must be a JSON object");
    }
    ObjectNode settings = (ObjectNode) draft.settings().deepCopy();
    ObjectNode merged = settings.deepCopy();
    Map<String, String> sealedSecrets = new LinkedHashMap<>();
    for (String pointer : factory.secretPointers()) {
      JsonNode given = settings.at(pointer);
      if (!given.isMissingNode() && !given.isNull()) {
        if (!given.isString()) {
          throw new InvalidInputException("settings" + pointer.replace('/', '.'), "must be a text");
        }
        sealedSecrets.put(pointer, secrets.seal(given.stringValue()));
        remove(settings, pointer);
      } else if (kept.containsKey(pointer) && parentExists(settings, pointer)) {
        sealedSecrets.put(pointer, kept.get(pointer));
        put(merged, pointer, secrets.open(kept.get(pointer)));
      }
    }
    factory.check(draft.name(), merged);
    return new Stored(
        settings, sealedSecrets.isEmpty() ? null : json.writeValueAsString(sealedSecrets));
  }

  private static boolean parentExists(JsonNode root, String pointer) {
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    return parent.isEmpty() || root.at(parent).isObject();
  }

  private static void remove(ObjectNode root, String pointer) {
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    JsonNode p = parent.isEmpty() ? root : root.at(parent);
    if (p instanceof ObjectNode o) {
      o.remove(pointer.substring(pointer.lastIndexOf('/') + 1));
    }
  }

  private static void put(ObjectNode root, String pointer, String value) {
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    JsonNode p = parent.isEmpty() ? root : root.at(parent);
    if (p instanceof ObjectNode o) {
      o.put(pointer.substring(pointer.lastIndexOf('/') + 1), value);
    }
  }

  private record Row(ConnectionView view, Map<String, String> secrets) {}

  private Row row(ResultSet rs) throws SQLException {
    String secretsText = rs.getString("secrets");
    Map<String, String> sealed =
        secretsText == null
            ? Map.of()
            : json.readValue(secretsText, new TypeReference<LinkedHashMap<String, String>>() {});
    return new Row(
        new ConnectionView(
            rs.getObject("id", UUID.class),
            rs.getString("site"),
            rs.getString("name"),
            Protocol.valueOf(rs.getString("protocol")),
            json.readTree(rs.getString("settings")),
            new ArrayList<>(sealed.keySet()),
            rs.getBoolean("enabled"),
            Sql.instant(rs, "created_at"),
            Sql.instant(rs, "updated_at"),
            rs.getLong("version")),
        sealed);
  }
}
