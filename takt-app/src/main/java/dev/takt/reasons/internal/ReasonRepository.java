package dev.takt.reasons.internal;

import dev.takt.reasons.LossCategory;
import dev.takt.reasons.ReasonKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReasonRepository {

  private final JdbcClient jdbc;

  ReasonRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Filters of the list; any may be null. The cursor is the (kind, code) of the last row. */
  record Query(
      ReasonKind kind, String code, Boolean active, ReasonKind afterKind, String afterCode) {}

  Optional<Reason> byId(UUID id) {
    return jdbc.sql("SELECT * FROM reasons_reason WHERE id = :id")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /** One kind's whole catalogue. */
  List<Reason> ofKind(ReasonKind kind) {
    return jdbc.sql("SELECT * FROM reasons_reason WHERE kind = :kind")
        .param("kind", kind.name())
        .query(this::map)
        .list();
  }

  /**
   * One kind's whole catalogue, its rows locked until the transaction ends: two changes of one tree
   * are checked one after the other, so two moves cannot together build a cycle.
   */
  List<Reason> ofKindForChange(ReasonKind kind) {
    return jdbc.sql("SELECT * FROM reasons_reason WHERE kind = :kind FOR UPDATE")
        .param("kind", kind.name())
        .query(this::map)
        .list();
  }

  List<Reason> page(Query q, int limit) {
    return jdbc.sql(
            """
            SELECT * FROM reasons_reason
            WHERE (CAST(:kind AS VARCHAR) IS NULL OR kind = :kind)
              AND (CAST(:code AS VARCHAR) IS NULL OR code = :code)
              AND (CAST(:active AS BOOLEAN) IS NULL OR active = :active)
              AND (CAST(:afterKind AS VARCHAR) IS NULL
                   OR kind > :afterKind OR (kind = :afterKind AND code > :afterCode))
            ORDER BY kind, code LIMIT :limit
            """)
        .param("kind", q.kind() == null ? null : q.kind().name())
        .param("code", q.code())
        .param("active", q.active())
        .param("afterKind", q.afterKind() == null ? null : q.afterKind().name())
        .param("afterCode", q.afterCode() == null ? "" : q.afterCode())
        .param("limit", limit)
        .query(this::map)
        .list();
  }

  void insert(Reason r, Instant now) {
    jdbc.sql(
            """
            INSERT INTO reasons_reason (id, kind, code, name, description, parent_id, category,
              colour, sort_order, active, planned, loss_category, created_at, updated_at, version)
            VALUES (:id, :kind, :code, :name, :description, :parent, :category, :colour,
              :sortOrder, :active, :planned, :loss, :now, :now, 1)
            """)
        .param("id", r.id())
        .param("kind", r.kind().name())
        .param("code", r.code())
        .param("name", r.name())
        .param("description", r.description())
        .param("parent", r.parentId())
        .param("category", r.category())
        .param("colour", r.colour())
        .param("sortOrder", r.sortOrder())
        .param("active", r.active())
        .param("planned", r.planned())
        .param("loss", r.lossCategory() == null ? null : r.lossCategory().name())
        .param("now", ts(now))
        .update();
  }

  /** Writes all but kind and code; false when the version is stale. */
  boolean update(Reason r, Instant now) {
    return jdbc.sql(
                """
                UPDATE reasons_reason SET name = :name, description = :description,
                  parent_id = :parent, category = :category, colour = :colour,
                  sort_order = :sortOrder, active = :active, planned = :planned,
                  loss_category = :loss, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """)
            .param("name", r.name())
            .param("description", r.description())
            .param("parent", r.parentId())
            .param("category", r.category())
            .param("colour", r.colour())
            .param("sortOrder", r.sortOrder())
            .param("active", r.active())
            .param("planned", r.planned())
            .param("loss", r.lossCategory() == null ? null : r.lossCategory().name())
            .param("now", ts(now))
            .param("id", r.id())
            .param("version", r.version())
            .update()
        == 1;
  }

  private static OffsetDateTime ts(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private Reason map(ResultSet rs, int row) throws SQLException {
    boolean planned = rs.getBoolean("planned");
    Boolean plannedOrNull = rs.wasNull() ? null : planned;
    String loss = rs.getString("loss_category");
    return new Reason(
        rs.getObject("id", UUID.class),
        ReasonKind.valueOf(rs.getString("kind")),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getObject("parent_id", UUID.class),
        rs.getBoolean("category"),
        rs.getString("colour"),
        rs.getInt("sort_order"),
        rs.getBoolean("active"),
        plannedOrNull,
        loss == null ? null : LossCategory.valueOf(loss),
        rs.getLong("version"));
  }
}
