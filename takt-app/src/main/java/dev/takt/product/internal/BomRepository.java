package dev.takt.product.internal;

import dev.takt.product.ReleaseStatus;
import dev.takt.shared.Quantity;
import dev.takt.shared.UnitOfMeasure;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BomRepository {

  private final JdbcClient jdbc;

  BomRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Bom> byId(UUID id) {
    return jdbc.sql("SELECT * FROM product_bom WHERE id = :id")
        .param("id", id)
        .query(this::head)
        .optional()
        .map(this::withItems);
  }

  Optional<Bom> current(String material) {
    return jdbc.sql("SELECT * FROM product_bom WHERE material_number = :m AND status = 'RELEASED'")
        .param("m", material)
        .query(this::head)
        .optional()
        .map(this::withItems);
  }

  Optional<Bom> byVersion(String material, int bomVersion) {
    return jdbc.sql("SELECT * FROM product_bom WHERE material_number = :m AND bom_version = :v")
        .param("m", material)
        .param("v", bomVersion)
        .query(this::head)
        .optional()
        .map(this::withItems);
  }

  int nextVersion(String material) {
    Integer max =
        jdbc.sql("SELECT MAX(bom_version) FROM product_bom WHERE material_number = :m")
            .param("m", material)
            .query(Integer.class)
            .optional()
            .orElse(null);
    return max == null ? 1 : max + 1;
  }

  /** Whether any BOM names the material, as parent or as component. */
  boolean mentions(String material) {
    return jdbc.sql(
                    """
                SELECT COUNT(*) FROM product_bom WHERE material_number = :m
                """)
                .param("m", material)
                .query(Long.class)
                .single()
            + jdbc.sql("SELECT COUNT(*) FROM product_bom_item WHERE component_number = :m")
                .param("m", material)
                .query(Long.class)
                .single()
        > 0;
  }

  /** BOMs ordered by material and version, after the one with key (afterMaterial, afterVersion). */
  List<Bom> page(
      String afterMaterial,
      int afterVersion,
      String material,
      ReleaseStatus status,
      Integer bomVersion,
      int limit) {
    return jdbc
        .sql(
            """
            SELECT * FROM product_bom
            WHERE (material_number > :am OR (material_number = :am AND bom_version > :av))
              AND (CAST(:m AS VARCHAR) IS NULL OR material_number = :m)
              AND (CAST(:s AS VARCHAR) IS NULL OR status = :s)
              AND (CAST(:v AS INT) IS NULL OR bom_version = :v)
            ORDER BY material_number, bom_version LIMIT :limit
            """)
        .param("am", afterMaterial)
        .param("av", afterVersion)
        .param("m", material)
        .param("s", status == null ? null : status.name())
        .param("v", bomVersion)
        .param("limit", limit)
        .query(this::head)
        .list()
        .stream()
        .map(this::withItems)
        .toList();
  }

  void insert(Bom b, Instant now) {
    jdbc.sql(
            """
            INSERT INTO product_bom (id, material_number, bom_version, status, base_quantity, unit,
              released_at, created_at, updated_at, version)
            VALUES (:id, :m, :v, :s, :q, :u, :released, :now, :now, 1)
            """)
        .param("id", b.id())
        .param("m", b.material())
        .param("v", b.bomVersion())
        .param("s", b.status().name())
        .param("q", b.baseQuantity().value())
        .param("u", b.baseQuantity().unit().code())
        .param("released", Sql.ts(b.releasedAt()))
        .param("now", Sql.ts(now))
        .update();
    insertItems(b);
  }

  /** Writes head and items if nobody changed the BOM since {@code b.version()}; false if stale. */
  boolean update(Bom b, Instant now) {
    int rows =
        jdbc.sql(
                """
                UPDATE product_bom SET status = :s, base_quantity = :q, unit = :u,
                  released_at = :released, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """)
            .param("s", b.status().name())
            .param("q", b.baseQuantity().value())
            .param("u", b.baseQuantity().unit().code())
            .param("released", Sql.ts(b.releasedAt()))
            .param("now", Sql.ts(now))
            .param("id", b.id())
            .param("version", b.version())
            .update();
    if (rows == 1) {
      deleteItems(b.id());
      insertItems(b);
    }
    return rows == 1;
  }

  void delete(UUID id) {
    deleteItems(id);
    jdbc.sql("DELETE FROM product_bom WHERE id = :id").param("id", id).update();
  }

  private void deleteItems(UUID id) {
    jdbc.sql("DELETE FROM product_bom_item WHERE bom_id = :id").param("id", id).update();
  }

  private void insertItems(Bom b) {
    for (Bom.Item item : b.items()) {
      jdbc.sql(
              """
              INSERT INTO product_bom_item (bom_id, item_position, component_number, quantity,
                unit, scrap_percent)
              VALUES (:id, :p, :c, :q, :u, :scrap)
              """)
          .param("id", b.id())
          .param("p", item.position())
          .param("c", item.material())
          .param("q", item.quantity().value())
          .param("u", item.quantity().unit().code())
          .param("scrap", item.scrapPercent())
          .update();
    }
  }

  private Bom withItems(Bom head) {
    List<Bom.Item> items =
        jdbc.sql("SELECT * FROM product_bom_item WHERE bom_id = :id ORDER BY item_position")
            .param("id", head.id())
            .query(
                (rs, row) ->
                    new Bom.Item(
                        rs.getInt("item_position"),
                        rs.getString("component_number"),
                        new Quantity(
                            rs.getBigDecimal("quantity"), new UnitOfMeasure(rs.getString("unit"))),
                        scrap(rs)))
            .list();
    return new Bom(
        head.id(),
        head.material(),
        head.bomVersion(),
        head.status(),
        head.baseQuantity(),
        items,
        head.releasedAt(),
        head.version());
  }

  private static java.math.BigDecimal scrap(ResultSet rs) throws SQLException {
    return Sql.plain(rs.getBigDecimal("scrap_percent"));
  }

  private Bom head(ResultSet rs, int row) throws SQLException {
    return new Bom(
        rs.getObject("id", UUID.class),
        rs.getString("material_number"),
        rs.getInt("bom_version"),
        ReleaseStatus.valueOf(rs.getString("status")),
        new Quantity(rs.getBigDecimal("base_quantity"), new UnitOfMeasure(rs.getString("unit"))),
        List.of(),
        Sql.instant(rs, "released_at"),
        rs.getLong("version"));
  }
}
