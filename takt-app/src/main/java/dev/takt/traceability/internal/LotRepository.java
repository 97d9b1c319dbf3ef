package dev.takt.traceability.internal;

import dev.takt.shared.Quantity;
import dev.takt.shared.StaleVersionException;
import dev.takt.shared.UnitOfMeasure;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lot register: lots, their status history, links, order inputs and outputs, shipments. */
@Repository
class LotRepository {

  static final String LOT_COLUMNS =
      "t.id, t.site_code, t.material, t.lot_number, t.serial, t.origin, t.quantity, t.unit,"
          + " t.remaining, t.supplier, t.supplier_lot, t.expiry, t.order_number, t.status,"
          + " t.version, t.created_at, t.created_by";

  private final JdbcClient jdbc;

  LotRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Lot lot) {
    jdbc.sql(
            """
            INSERT INTO traceability_lot (id, site_code, material, lot_number, serial, origin,
              quantity, unit, remaining, supplier, supplier_lot, expiry, order_number, status,
              version, created_at, created_by)
            VALUES (:id, :site, :material, :number, :serial, :origin, :quantity, :unit,
              :remaining, :supplier, :supplierLot, :expiry, :order, :status, 0, :at, :by)
            """)
        .param("id", lot.id())
        .param("site", lot.site())
        .param("material", lot.material())
        .param("number", lot.lotNumber())
        .param("serial", lot.serial())
        .param("origin", lot.origin().name())
        .param("quantity", lot.quantity().value())
        .param("unit", lot.quantity().unit().code())
        .param("remaining", lot.remaining().value())
        .param("supplier", lot.supplier())
        .param("supplierLot", lot.supplierLot())
        .param("expiry", lot.expiry() == null ? null : Date.valueOf(lot.expiry()))
        .param("order", lot.orderNumber())
        .param("status", lot.status().name())
        .param("at", Sql.ts(lot.createdAt()))
        .param("by", lot.createdBy())
        .update();
  }

  /** Saves quantity, remaining and status; the version must be the one read (else 409). */
  Lot update(Lot lot) {
    int rows =
        jdbc.sql(
                """
                UPDATE traceability_lot
                   SET quantity = :quantity, remaining = :remaining, status = :status,
                       version = version + 1
                 WHERE id = :id AND version = :version
                """)
            .param("quantity", lot.quantity().value())
            .param("remaining", lot.remaining().value())
            .param("status", lot.status().name())
            .param("id", lot.id())
            .param("version", lot.version())
            .update();
    if (rows != 1) {
      long actual = find(lot.id()).map(Lot::version).orElse(-1L);
      throw new StaleVersionException("lot", lot.lotNumber(), lot.version(), actual);
    }
    return find(lot.id()).orElseThrow();
  }

  Optional<Lot> find(UUID id) {
    return jdbc.sql("SELECT " + LOT_COLUMNS + " FROM traceability_lot t WHERE t.id = :id")
        .param("id", id)
        .query((rs, n) -> lot(rs))
        .optional();
  }

  /** The lot, locked until the transaction ends (bookings of one lot queue up here). */
  Optional<Lot> lock(UUID id) {
    return jdbc.sql(
            "SELECT " + LOT_COLUMNS + " FROM traceability_lot t WHERE t.id = :id FOR UPDATE")
        .param("id", id)
        .query((rs, n) -> lot(rs))
        .optional();
  }

  Optional<Lot> find(String material, String lotNumber) {
    return jdbc.sql(
            "SELECT "
                + LOT_COLUMNS
                + " FROM traceability_lot t WHERE t.material = :material AND t.lot_number = :lot")
        .param("material", material)
        .param("lot", lotNumber)
        .query((rs, n) -> lot(rs))
        .optional();
  }

  /** Lots with this number, of any material (a lot number alone may name several). */
  List<Lot> byNumber(String lotNumber) {
    return jdbc.sql(
            "SELECT "
                + LOT_COLUMNS
                + " FROM traceability_lot t WHERE t.lot_number = :lot ORDER BY t.material")
        .param("lot", lotNumber)
        .query((rs, n) -> lot(rs))
        .list();
  }

  /** Newest first, after the cursor (created_at, id); filtered; at most {@code limit}. */
  List<Lot> page(
      String site,
      String material,
      String search,
      LotStatus status,
      Optional<Set<String>> sites,
      Instant afterCreated,
      UUID afterId,
      int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT " + LOT_COLUMNS + " FROM traceability_lot t WHERE 1 = 1");
    var params = new java.util.HashMap<String, Object>();
    if (site != null) {
      sql.append(" AND t.site_code = :site");
      params.put("site", site);
    }
    if (material != null) {
      sql.append(" AND t.material = :material");
      params.put("material", material);
    }
    if (search != null) {
      sql.append(
          " AND (t.lot_number LIKE :search ESCAPE '!' OR t.supplier_lot LIKE :search ESCAPE '!')");
      params.put("search", like(search));
    }
    if (status != null) {
      sql.append(" AND t.status = :status");
      params.put("status", status.name());
    }
    if (sites.isPresent()) {
      if (sites.get().isEmpty()) {
        return List.of();
      }
      sql.append(" AND t.site_code IN (:sites)");
      params.put("sites", List.copyOf(sites.get()));
    }
    if (afterCreated != null) {
      sql.append(" AND (t.created_at < :afterAt OR (t.created_at = :afterAt AND t.id < :afterId))");
      params.put("afterAt", Sql.ts(afterCreated));
      params.put("afterId", afterId);
    }
    sql.append(" ORDER BY t.created_at DESC, t.id DESC LIMIT :limit");
    params.put("limit", limit);
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> lot(rs)).list();
  }

  private static String like(String term) {
    return "%" + term.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  void statusChanged(
      UUID lotId, LotStatus from, LotStatus to, String reason, String by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO traceability_lot_status_change
              (id, lot_id, from_status, to_status, reason, changed_by, changed_at)
            VALUES (:id, :lot, :from, :to, :reason, :by, :at)
            """)
        .param("id", UUID.randomUUID())
        .param("lot", lotId)
        .param("from", from == null ? null : from.name())
        .param("to", to.name())
        .param("reason", reason)
        .param("by", by)
        .param("at", Sql.ts(at))
        .update();
  }

  List<StatusChange> history(UUID lotId) {
    return jdbc.sql(
            """
            SELECT from_status, to_status, reason, changed_by, changed_at
              FROM traceability_lot_status_change WHERE lot_id = :lot
             ORDER BY changed_at, id
            """)
        .param("lot", lotId)
        .query(
            (rs, n) ->
                new StatusChange(
                    rs.getString("from_status") == null
                        ? null
                        : LotStatus.valueOf(rs.getString("from_status")),
                    LotStatus.valueOf(rs.getString("to_status")),
                    rs.getString("reason"),
                    rs.getString("changed_by"),
                    Sql.instant(rs, "changed_at")))
        .list();
  }

  /** Writes the link unless the same source has linked this child already. */
  void link(Link link, UUID sourceId) {
    if (sourceId != null
        && jdbc.sql(
                    "SELECT COUNT(*) FROM traceability_link WHERE source_id = :source AND child_id = :child")
                .param("source", sourceId)
                .param("child", link.childId())
                .query(Long.class)
                .single()
            > 0) {
      return;
    }
    jdbc.sql(
            """
            INSERT INTO traceability_link (id, parent_id, child_id, kind, quantity, unit,
              order_number, operation_id, operation_seq, work_unit, operator, linked_at, source_id)
            VALUES (:id, :parent, :child, :kind, :quantity, :unit, :order, :op, :seq, :unitCode,
                    :operator, :at, :source)
            """)
        .param("id", link.id())
        .param("parent", link.parentId())
        .param("child", link.childId())
        .param("kind", link.kind().name())
        .param("quantity", link.quantity().value())
        .param("unit", link.quantity().unit().code())
        .param("order", link.orderNumber())
        .param("op", link.operationId())
        .param("seq", link.operationSequence())
        .param("unitCode", link.workUnit())
        .param("operator", link.operator())
        .param("at", Sql.ts(link.at()))
        .param("source", sourceId)
        .update();
  }

  /** The links into ({@code child = true}) or out of a lot, oldest first. */
  List<Link> linksOf(UUID lotId, boolean intoIt) {
    return jdbc.sql(
            "SELECT * FROM traceability_link WHERE "
                + (intoIt ? "child_id" : "parent_id")
                + " = :lot ORDER BY linked_at, id")
        .param("lot", lotId)
        .query((rs, n) -> link(rs, ""))
        .list();
  }

  /** An input of an operation, from a consumption booking. */
  record Input(
      UUID id,
      UUID operationId,
      String orderNumber,
      Integer sequence,
      UUID lotId,
      Quantity quantity,
      String workUnit,
      String operator,
      Instant at) {}

  void insertInput(Input input) {
    jdbc.sql(
            """
            INSERT INTO traceability_order_input (id, operation_id, order_number, operation_seq,
              lot_id, quantity, unit, work_unit, operator, consumed_at)
            VALUES (:id, :op, :order, :seq, :lot, :quantity, :unit, :workUnit, :operator, :at)
            """)
        .param("id", input.id())
        .param("op", input.operationId())
        .param("order", input.orderNumber())
        .param("seq", input.sequence())
        .param("lot", input.lotId())
        .param("quantity", input.quantity().value())
        .param("unit", input.quantity().unit().code())
        .param("workUnit", input.workUnit())
        .param("operator", input.operator())
        .param("at", Sql.ts(input.at()))
        .update();
  }

  List<Input> inputsOf(UUID operationId) {
    return jdbc.sql(
            "SELECT * FROM traceability_order_input WHERE operation_id = :op ORDER BY consumed_at, id")
        .param("op", operationId)
        .query(
            (rs, n) ->
                new Input(
                    rs.getObject("id", UUID.class),
                    rs.getObject("operation_id", UUID.class),
                    rs.getString("order_number"),
                    (Integer) rs.getObject("operation_seq"),
                    rs.getObject("lot_id", UUID.class),
                    quantity(rs, "quantity", "unit"),
                    rs.getString("work_unit"),
                    rs.getString("operator"),
                    Sql.instant(rs, "consumed_at")))
        .list();
  }

  void output(UUID operationId, UUID lotId) {
    long known =
        jdbc.sql(
                "SELECT COUNT(*) FROM traceability_operation_output"
                    + " WHERE operation_id = :op AND lot_id = :lot")
            .param("op", operationId)
            .param("lot", lotId)
            .query(Long.class)
            .single();
    if (known == 0) {
      jdbc.sql(
              "INSERT INTO traceability_operation_output (operation_id, lot_id) VALUES (:op, :lot)")
          .param("op", operationId)
          .param("lot", lotId)
          .update();
    }
  }

  List<UUID> outputsOf(UUID operationId) {
    return jdbc.sql("SELECT lot_id FROM traceability_operation_output WHERE operation_id = :op")
        .param("op", operationId)
        .query(UUID.class)
        .list();
  }

  void insertShipment(Shipment s) {
    jdbc.sql(
            """
            INSERT INTO traceability_shipment (id, lot_id, customer, delivery, quantity, unit,
              shipped_at, shipped_by)
            VALUES (:id, :lot, :customer, :delivery, :quantity, :unit, :at, :by)
            """)
        .param("id", s.id())
        .param("lot", s.lotId())
        .param("customer", s.customer())
        .param("delivery", s.delivery())
        .param("quantity", s.quantity().value())
        .param("unit", s.quantity().unit().code())
        .param("at", Sql.ts(s.shippedAt()))
        .param("by", s.shippedBy())
        .update();
  }

  List<Shipment> shipmentsOf(UUID lotId) {
    return jdbc.sql(
            "SELECT * FROM traceability_shipment WHERE lot_id = :lot ORDER BY shipped_at, id")
        .param("lot", lotId)
        .query((rs, n) -> shipment(rs))
        .list();
  }

  /** The shipments of many lots: one statement per 5,000 lots. */
  List<Shipment> shipmentsOf(List<UUID> lotIds) {
    List<Shipment> all = new java.util.ArrayList<>();
    for (int i = 0; i < lotIds.size(); i += 5000) {
      all.addAll(
          jdbc.sql(
                  "SELECT * FROM traceability_shipment WHERE lot_id IN (:lots)"
                      + " ORDER BY shipped_at, id")
              .param("lots", lotIds.subList(i, Math.min(lotIds.size(), i + 5000)))
              .query((rs, n) -> shipment(rs))
              .list());
    }
    return all;
  }

  static Shipment shipment(ResultSet rs) throws SQLException {
    return new Shipment(
        rs.getObject("id", UUID.class),
        rs.getObject("lot_id", UUID.class),
        rs.getString("customer"),
        rs.getString("delivery"),
        quantity(rs, "quantity", "unit"),
        Sql.instant(rs, "shipped_at"),
        rs.getString("shipped_by"));
  }

  /** A lot from the columns of {@link #LOT_COLUMNS}. */
  static Lot lot(ResultSet rs) throws SQLException {
    UnitOfMeasure unit = new UnitOfMeasure(rs.getString("unit"));
    Date expiry = rs.getDate("expiry");
    return new Lot(
        rs.getObject("id", UUID.class),
        rs.getString("site_code"),
        rs.getString("material"),
        rs.getString("lot_number"),
        rs.getBoolean("serial"),
        Origin.valueOf(rs.getString("origin")),
        new Quantity(rs.getBigDecimal("quantity"), unit),
        new Quantity(rs.getBigDecimal("remaining"), unit),
        rs.getString("supplier"),
        rs.getString("supplier_lot"),
        expiry == null ? null : expiry.toLocalDate(),
        rs.getString("order_number"),
        LotStatus.valueOf(rs.getString("status")),
        rs.getLong("version"),
        Sql.instant(rs, "created_at"),
        rs.getString("created_by"));
  }

  /** A link from columns named as in the table, each with {@code prefix} before it. */
  static Link link(ResultSet rs, String prefix) throws SQLException {
    return new Link(
        rs.getObject(prefix + "id", UUID.class),
        rs.getObject(prefix + "parent_id", UUID.class),
        rs.getObject(prefix + "child_id", UUID.class),
        LinkKind.valueOf(rs.getString(prefix + "kind")),
        quantity(rs, prefix + "quantity", prefix + "unit"),
        rs.getString(prefix + "order_number"),
        rs.getObject(prefix + "operation_id", UUID.class),
        (Integer) rs.getObject(prefix + "operation_seq"),
        rs.getString(prefix + "work_unit"),
        rs.getString(prefix + "operator"),
        Sql.instant(rs, prefix + "linked_at"));
  }

  static Quantity quantity(ResultSet rs, String value, String unit) throws SQLException {
    BigDecimal v = rs.getBigDecimal(value);
    return new Quantity(v, new UnitOfMeasure(rs.getString(unit)));
  }
}
