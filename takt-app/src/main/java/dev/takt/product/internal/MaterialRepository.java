package dev.takt.product.internal;

import dev.takt.product.MaterialType;
import dev.takt.product.Tracking;
import dev.takt.shared.KeptBriefly;
import dev.takt.shared.UnitOfMeasure;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MaterialRepository {

  /**
   * Seconds a material read by number is kept for other modules: genealogy asks for the product's
   * tracking on every quantity report. Every write of this table forgets all on this server once it
   * has committed; another server of a cluster sees it after this time at the latest.
   */
  static final long KEPT_SECONDS = 10;

  private static final int MAX_KEPT = 10_000;

  private final KeptBriefly<String, Material> keptByNumber =
      new KeptBriefly<>(Duration.ofSeconds(KEPT_SECONDS), MAX_KEPT);

  private final JdbcClient jdbc;

  MaterialRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** As {@link #byNumber}, kept for a few seconds ({@link #KEPT_SECONDS}): for other modules. */
  Optional<Material> byNumberKept(String number) {
    return keptByNumber.getOrLoad(number, this::byNumber);
  }

  Optional<Material> byNumber(String number) {
    return jdbc.sql("SELECT * FROM product_material WHERE material_number = :n")
        .param("n", number)
        .query(this::map)
        .optional();
  }

  /**
   * Locks the material's row until the transaction ends. Releases of its BOMs and routings take
   * this lock first, so two parallel releases cannot both leave a RELEASED version behind.
   */
  Optional<Material> lock(String number) {
    return jdbc.sql("SELECT * FROM product_material WHERE material_number = :n FOR UPDATE")
        .param("n", number)
        .query(this::map)
        .optional();
  }

  List<Material> page(
      String after,
      String search,
      MaterialType type,
      Tracking tracking,
      Boolean active,
      int limit) {
    String like = search == null ? null : "%" + search.toLowerCase(java.util.Locale.ROOT) + "%";
    return jdbc.sql(
            """
            SELECT * FROM product_material WHERE material_number > :after
              AND (CAST(:q AS VARCHAR) IS NULL
                   OR LOWER(material_number) LIKE :q OR LOWER(description) LIKE :q)
              AND (CAST(:type AS VARCHAR) IS NULL OR material_type = :type)
              AND (CAST(:tracking AS VARCHAR) IS NULL OR tracking = :tracking)
              AND (CAST(:active AS BOOLEAN) IS NULL OR active = :active)
            ORDER BY material_number LIMIT :limit
            """)
        .param("after", after == null ? "" : after)
        .param("q", like)
        .param("type", type == null ? null : type.name())
        .param("tracking", tracking == null ? null : tracking.name())
        .param("active", active)
        .param("limit", limit)
        .query(this::map)
        .list();
  }

  void insert(Material m, Instant now) {
    keptByNumber.forgetAfterCommit();
    jdbc.sql(
            """
            INSERT INTO product_material (id, material_number, description, unit, tracking,
              material_type, active, created_at, updated_at, version)
            VALUES (:id, :number, :description, :unit, :tracking, :type, :active, :now, :now, 1)
            """)
        .param("id", m.id())
        .param("number", m.number())
        .param("description", m.description())
        .param("unit", m.unit().code())
        .param("tracking", m.tracking().name())
        .param("type", m.type().name())
        .param("active", m.active())
        .param("now", Sql.ts(now))
        .update();
  }

  /** Writes the material if nobody changed it since {@code m.version()}; false when stale. */
  boolean update(Material m, Instant now) {
    keptByNumber.forgetAfterCommit();
    return jdbc.sql(
                """
                UPDATE product_material SET description = :description, unit = :unit,
                  tracking = :tracking, material_type = :type, active = :active,
                  updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """)
            .param("description", m.description())
            .param("unit", m.unit().code())
            .param("tracking", m.tracking().name())
            .param("type", m.type().name())
            .param("active", m.active())
            .param("now", Sql.ts(now))
            .param("id", m.id())
            .param("version", m.version())
            .update()
        == 1;
  }

  private Material map(ResultSet rs, int row) throws SQLException {
    return new Material(
        rs.getObject("id", java.util.UUID.class),
        rs.getString("material_number"),
        rs.getString("description"),
        new UnitOfMeasure(rs.getString("unit")),
        Tracking.valueOf(rs.getString("tracking")),
        MaterialType.valueOf(rs.getString("material_type")),
        rs.getBoolean("active"),
        rs.getLong("version"));
  }
}
