package dev.takt.equipment.internal;

import dev.takt.shared.KeptBriefly;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table of areas, work centers and work units: one table, one row per element, with its level
 * in {@code kind}. Reads join the parent and grandparent so that views carry their codes.
 */
@Repository
class ElementRepository {

  private static final String SELECT =
      """
      SELECT e.id, e.kind, e.site_code, e.parent_id, e.code, e.name, e.active, e.version,
        p.code AS parent_code, p.active AS parent_active, g.code AS grandparent_code
      FROM equipment_element e
        LEFT JOIN equipment_element p ON p.id = e.parent_id
        LEFT JOIN equipment_element g ON g.id = p.parent_id
      WHERE e.kind = :kind
      """;

  /**
   * Seconds an element read by code is kept for other modules: every booking and dispatch list
   * names its work unit. Every write of this table forgets all on this server once it has
   * committed; another server of a cluster sees it after this time at the latest.
   */
  static final long KEPT_SECONDS = 10;

  private static final int MAX_KEPT = 10_000;

  private record Code(ElementKind kind, String site, String code) {}

  private final KeptBriefly<Code, PlantElement> keptByCode =
      new KeptBriefly<>(Duration.ofSeconds(KEPT_SECONDS), MAX_KEPT);

  private final JdbcClient jdbc;

  ElementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<PlantElement> byId(ElementKind kind, UUID id) {
    return jdbc.sql(SELECT + " AND e.id = :id")
        .param("kind", kind.name())
        .param("id", id)
        .query(this::map)
        .optional();
  }

  Optional<PlantElement> byCode(ElementKind kind, String site, String code) {
    return jdbc.sql(SELECT + " AND e.site_code = :site AND e.code = :code")
        .param("kind", kind.name())
        .param("site", site)
        .param("code", code)
        .query(this::map)
        .optional();
  }

  /** As {@link #byCode}, kept for a few seconds ({@link #KEPT_SECONDS}): for other modules. */
  Optional<PlantElement> byCodeKept(ElementKind kind, String site, String code) {
    return keptByCode.getOrLoad(
        new Code(kind, site, code), key -> byCode(key.kind(), key.site(), key.code()));
  }

  /** Elements of one level in (site, code) order after the cursor. */
  List<PlantElement> page(
      ElementKind kind, ElementService.Filter filter, Cursor after, Set<String> sites, int limit) {
    Sql sql =
        new Sql(SELECT)
            .param("kind", kind.name())
            .and("e.site_code = :site", "site", filter.site())
            .and("e.code = :code", "code", filter.code())
            .and("p.code = :parent", "parent", filter.parent())
            .and("e.active = :active", "active", filter.active())
            .inSites("e.site_code", sites);
    if (after != null) {
      sql.append(
              " AND (e.site_code > :afterSite OR (e.site_code = :afterSite AND e.code > :afterCode))")
          .param("afterSite", after.site())
          .param("afterCode", after.code());
    }
    sql.append(" ORDER BY e.site_code, e.code LIMIT :limit").param("limit", limit);
    return jdbc.sql(sql.text()).params(sql.params()).query(this::map).list();
  }

  /** Every element of a level at a site, in code order (for the tree). */
  List<PlantElement> ofSite(ElementKind kind, String site) {
    return jdbc.sql(SELECT + " AND e.site_code = :site ORDER BY e.code")
        .param("kind", kind.name())
        .param("site", site)
        .query(this::map)
        .list();
  }

  /** Active elements directly under {@code parentId}; for areas, pass the site code instead. */
  long countActiveChildren(ElementKind childKind, UUID parentId, String siteCode) {
    String where =
        parentId == null ? "parent_id IS NULL AND site_code = :site" : "parent_id = :parent";
    return jdbc.sql(
            "SELECT COUNT(*) FROM equipment_element WHERE kind = :kind AND active = TRUE AND "
                + where)
        .param("kind", childKind.name())
        .param("parent", parentId)
        .param("site", siteCode)
        .query(Long.class)
        .single();
  }

  void insert(PlantElement e, Instant now) {
    keptByCode.forgetAfterCommit();
    jdbc.sql(
            """
            INSERT INTO equipment_element (id, kind, site_code, parent_id, code, name, active,
              created_at, updated_at, version)
            VALUES (:id, :kind, :site, :parent, :code, :name, :active, :now, :now, :version)
            """)
        .param("id", e.id())
        .param("kind", e.kind().name())
        .param("site", e.siteCode())
        .param("parent", e.parent() == null ? null : e.parent().id())
        .param("code", e.code())
        .param("name", e.name())
        .param("active", e.active())
        .param("now", Sql.ts(now))
        .param("version", e.version())
        .update();
  }

  /** Writes parent, name and state; false when the version is stale. */
  boolean update(PlantElement e, Instant now) {
    keptByCode.forgetAfterCommit();
    return jdbc.sql(
                """
                UPDATE equipment_element SET parent_id = :parent, name = :name, active = :active,
                  updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """)
            .param("parent", e.parent() == null ? null : e.parent().id())
            .param("name", e.name())
            .param("active", e.active())
            .param("now", Sql.ts(now))
            .param("id", e.id())
            .param("version", e.version())
            .update()
        == 1;
  }

  private PlantElement map(ResultSet rs, int row) throws SQLException {
    UUID parentId = rs.getObject("parent_id", UUID.class);
    PlantElement.Parent parent =
        parentId == null
            ? null
            : new PlantElement.Parent(
                parentId,
                rs.getString("parent_code"),
                rs.getString("grandparent_code"),
                rs.getBoolean("parent_active"));
    return new PlantElement(
        rs.getObject("id", UUID.class),
        ElementKind.valueOf(rs.getString("kind")),
        rs.getString("site_code"),
        parent,
        rs.getString("code"),
        rs.getString("name"),
        rs.getBoolean("active"),
        rs.getLong("version"));
  }
}
