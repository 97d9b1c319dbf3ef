package dev.takt.product.internal;

import dev.takt.product.ReleaseStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RoutingRepository {

  private final JdbcClient jdbc;

  RoutingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Routing> byId(UUID id) {
    return jdbc.sql("SELECT * FROM product_routing WHERE id = :id")
        .param("id", id)
        .query(this::head)
        .optional()
        .map(this::withOperations);
  }

  Optional<Routing> current(String material, String site) {
    return jdbc.sql(
            """
            SELECT * FROM product_routing
            WHERE material_number = :m AND site_code = :site AND status = 'RELEASED'
            """)
        .param("m", material)
        .param("site", site)
        .query(this::head)
        .optional()
        .map(this::withOperations);
  }

  Optional<Routing> byVersion(String material, String site, int routingVersion) {
    return jdbc.sql(
            """
            SELECT * FROM product_routing
            WHERE material_number = :m AND site_code = :site AND routing_version = :v
            """)
        .param("m", material)
        .param("site", site)
        .param("v", routingVersion)
        .query(this::head)
        .optional()
        .map(this::withOperations);
  }

  int nextVersion(String material, String site) {
    Integer max =
        jdbc.sql(
                """
                SELECT MAX(routing_version) FROM product_routing
                WHERE material_number = :m AND site_code = :site
                """)
            .param("m", material)
            .param("site", site)
            .query(Integer.class)
            .optional()
            .orElse(null);
    return max == null ? 1 : max + 1;
  }

  /**
   * Routings ordered by material, site and version, after the given key. {@code sites}, when
   * present, keeps only routings of those sites (the caller's).
   */
  List<Routing> page(
      String afterMaterial,
      String afterSite,
      int afterVersion,
      String material,
      String site,
      ReleaseStatus status,
      Optional<Set<String>> sites,
      int limit) {
    if (sites.isPresent() && sites.get().isEmpty()) {
      return List.of();
    }
    String sql =
        """
        SELECT * FROM product_routing
        WHERE (material_number > :am
               OR (material_number = :am AND site_code > :asite)
               OR (material_number = :am AND site_code = :asite AND routing_version > :av))
          AND (CAST(:m AS VARCHAR) IS NULL OR material_number = :m)
          AND (CAST(:site AS VARCHAR) IS NULL OR site_code = :site)
          AND (CAST(:s AS VARCHAR) IS NULL OR status = :s)
        """
            + (sites.isPresent() ? " AND site_code IN (:sites)" : "")
            + " ORDER BY material_number, site_code, routing_version LIMIT :limit";
    var statement =
        jdbc.sql(sql)
            .param("am", afterMaterial)
            .param("asite", afterSite)
            .param("av", afterVersion)
            .param("m", material)
            .param("site", site)
            .param("s", status == null ? null : status.name())
            .param("limit", limit);
    if (sites.isPresent()) {
      statement = statement.param("sites", List.copyOf(sites.get()));
    }
    return statement.query(this::head).list().stream().map(this::withOperations).toList();
  }

  void insert(Routing r, Instant now) {
    jdbc.sql(
            """
            INSERT INTO product_routing (id, material_number, site_code, routing_version, status,
              released_at, created_at, updated_at, version)
            VALUES (:id, :m, :site, :v, :s, :released, :now, :now, 1)
            """)
        .param("id", r.id())
        .param("m", r.material())
        .param("site", r.site())
        .param("v", r.routingVersion())
        .param("s", r.status().name())
        .param("released", Sql.ts(r.releasedAt()))
        .param("now", Sql.ts(now))
        .update();
    insertOperations(r);
  }

  /** Writes head and operations if nobody changed it since {@code r.version()}; false if stale. */
  boolean update(Routing r, Instant now) {
    int rows =
        jdbc.sql(
                """
                UPDATE product_routing SET status = :s, released_at = :released,
                  updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """)
            .param("s", r.status().name())
            .param("released", Sql.ts(r.releasedAt()))
            .param("now", Sql.ts(now))
            .param("id", r.id())
            .param("version", r.version())
            .update();
    if (rows == 1) {
      deleteOperations(r.id());
      insertOperations(r);
    }
    return rows == 1;
  }

  void delete(UUID id) {
    deleteOperations(id);
    jdbc.sql("DELETE FROM product_routing WHERE id = :id").param("id", id).update();
  }

  private void deleteOperations(UUID id) {
    jdbc.sql("DELETE FROM product_routing_operation WHERE routing_id = :id")
        .param("id", id)
        .update();
  }

  private void insertOperations(Routing r) {
    for (Routing.Step step : r.operations()) {
      jdbc.sql(
              """
              INSERT INTO product_routing_operation (routing_id, sequence_number, description,
                work_center, setup_seconds, cycle_seconds, qualification, tool_type,
                inspection_plan)
              VALUES (:id, :seq, :description, :wc, :setup, :cycle, :qualification, :tool,
                :inspection)
              """)
          .param("id", r.id())
          .param("seq", step.sequence())
          .param("description", step.description())
          .param("wc", step.workCenter())
          .param("setup", step.setupSeconds())
          .param("cycle", step.cycleSeconds())
          .param("qualification", step.qualification())
          .param("tool", step.toolType())
          .param("inspection", step.inspectionPlan())
          .update();
    }
  }

  private Routing withOperations(Routing head) {
    List<Routing.Step> steps =
        jdbc.sql(
                """
                SELECT * FROM product_routing_operation WHERE routing_id = :id
                ORDER BY sequence_number
                """)
            .param("id", head.id())
            .query(
                (rs, row) ->
                    new Routing.Step(
                        rs.getInt("sequence_number"),
                        rs.getString("description"),
                        rs.getString("work_center"),
                        rs.getLong("setup_seconds"),
                        Sql.plain(rs.getBigDecimal("cycle_seconds")),
                        rs.getString("qualification"),
                        rs.getString("tool_type"),
                        rs.getString("inspection_plan")))
            .list();
    return new Routing(
        head.id(),
        head.material(),
        head.site(),
        head.routingVersion(),
        head.status(),
        steps,
        head.releasedAt(),
        head.version());
  }

  private Routing head(ResultSet rs, int row) throws SQLException {
    return new Routing(
        rs.getObject("id", UUID.class),
        rs.getString("material_number"),
        rs.getString("site_code"),
        rs.getInt("routing_version"),
        ReleaseStatus.valueOf(rs.getString("status")),
        List.of(),
        Sql.instant(rs, "released_at"),
        rs.getLong("version"));
  }
}
