package dev.takt.orders.internal;

import dev.takt.orders.OperationView;
import dev.takt.orders.OrderStatus;
import dev.takt.product.Tracking;
import dev.takt.shared.Quantity;
import dev.takt.shared.UnitOfMeasure;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The order tables; SQL that runs on PostgreSQL and on H2 in PostgreSQL mode. */
@Repository
class OrderRepository {

  /** An order with what it needs from its operations: whether anything was reported, progress. */
  private static final String ORDER =
      """
      SELECT p.*,
        (SELECT COUNT(*) FROM orders_operation r WHERE r.order_id = p.id
           AND (r.good_quantity <> 0 OR r.scrap_quantity <> 0 OR r.rework_quantity <> 0))
          AS reported_operations,
        (SELECT g.good_quantity FROM orders_operation g WHERE g.order_id = p.id
           AND g.sequence_number =
             (SELECT MAX(l.sequence_number) FROM orders_operation l WHERE l.order_id = p.id))
          AS last_good
      FROM orders_production_order p
      """;

  private static final String OPERATION =
      """
      SELECT o.*, p.order_number, p.material_number, p.site_code, p.status AS order_status,
        p.due_date, p.priority, p.unit,
        (SELECT MAX(q.sequence_number) FROM orders_operation q
           WHERE q.order_id = o.order_id AND q.sequence_number < o.sequence_number)
          AS previous_sequence
      FROM orders_operation o JOIN orders_production_order p ON p.id = o.order_id
      """;

  private final JdbcClient jdbc;

  OrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ProductionOrder> byNumber(String orderNumber) {
    return jdbc.sql(ORDER + " WHERE p.order_number = :n")
        .param("n", orderNumber)
        .query(this::orderRow)
        .optional();
  }

  Optional<ProductionOrder> byId(UUID id) {
    return jdbc.sql(ORDER + " WHERE p.id = :id").param("id", id).query(this::orderRow).optional();
  }

  /**
   * Locks the order's row until the transaction ends, so that two terminals starting operations of
   * one order, or a supervisor's hold racing a start, take turns. False if there is no order.
   */
  boolean lock(String orderNumber) {
    return !jdbc.sql("SELECT id FROM orders_production_order WHERE order_number = :n FOR UPDATE")
        .param("n", orderNumber)
        .query(UUID.class)
        .list()
        .isEmpty();
  }

  /**
   * Locks the order of an operation until the transaction ends (as {@link #lock}) and reads it, in
   * one statement where a booking used to need two; empty if there is no such operation.
   *
   * <p>When the lock had to be waited for, the order's own columns are those the other transaction
   * committed (PostgreSQL reads a row again once it holds its lock), but what is read from its
   * operations ({@code quantityReported}, {@code goodQuantity}) is as of the statement's start and
   * may miss that transaction's reports. Read the order again ({@link #byId}) before relying on
   * those.
   */
  Optional<ProductionOrder> lockedOrderOf(UUID operationId) {
    return jdbc.sql(
            ORDER
                + " WHERE p.id = (SELECT order_id FROM orders_operation WHERE id = :id) FOR UPDATE")
        .param("id", operationId)
        .query(this::orderRow)
        .optional();
  }

  /**
   * Orders by due date and number, after the cursor (dueDate, number). {@code sites}, when present,
   * keeps only orders of those sites (the caller's).
   */
  List<ProductionOrder> page(
      Instant afterDue,
      String afterNumber,
      String site,
      OrderStatus status,
      String material,
      Instant dueBefore,
      String search,
      Optional<Set<String>> sites,
      int limit) {
    if (sites.isPresent() && sites.get().isEmpty()) {
      return List.of();
    }
    String sql =
        ORDER
            + """
            WHERE (CAST(:ad AS TIMESTAMP WITH TIME ZONE) IS NULL OR p.due_date > :ad
                   OR (p.due_date = :ad AND p.order_number > :an))
              AND (CAST(:site AS VARCHAR) IS NULL OR p.site_code = :site)
              AND (CAST(:status AS VARCHAR) IS NULL OR p.status = :status)
              AND (CAST(:m AS VARCHAR) IS NULL OR p.material_number = :m)
              AND (CAST(:before AS TIMESTAMP WITH TIME ZONE) IS NULL OR p.due_date < :before)
              AND (CAST(:q AS VARCHAR) IS NULL OR LOWER(p.order_number) LIKE :q)
            """
            + (sites.isPresent() ? " AND p.site_code IN (:sites)" : "")
            + " ORDER BY p.due_date, p.order_number LIMIT :limit";
    var statement =
        jdbc.sql(sql)
            .param("ad", ts(afterDue))
            .param("an", afterNumber)
            .param("site", site)
            .param("status", status == null ? null : status.name())
            .param("m", material)
            .param("before", ts(dueBefore))
            .param("q", search == null ? null : "%" + likeEscaped(search) + "%")
            .param("limit", limit);
    if (sites.isPresent()) {
      statement = statement.param("sites", List.copyOf(sites.get()));
    }
    return statement.query(this::orderRow).list();
  }

  private static String likeEscaped(String search) {
    return search
        .toLowerCase(java.util.Locale.ROOT)
        .replace("\\", "\\\\")
        .replace("%", "\\%")
        .replace("_", "\\_");
  }

  void insert(ProductionOrder o, Instant now) {
    ProductionOrder.Content c = o.content();
    jdbc.sql(
            """
            INSERT INTO orders_production_order (id, order_number, material_number, quantity, unit,
              due_date, priority, site_code, status, requested_routing_version,
              requested_bom_version, created_at, updated_at, version)
            VALUES (:id, :n, :m, :q, :u, :due, :prio, :site, :s, :rv, :bv, :now, :now, 1)
            """)
        .param("id", o.id())
        .param("n", o.orderNumber())
        .param("m", c.material())
        .param("q", c.quantity().value())
        .param("u", c.quantity().unit().code())
        .param("due", ts(c.dueDate()))
        .param("prio", c.priority())
        .param("site", c.site())
        .param("s", o.status().name())
        .param("rv", c.routingVersion())
        .param("bv", c.bomVersion())
        .param("now", ts(now))
        .update();
  }

  /** Writes the order if nobody changed it since {@code o.version()}; false if stale. */
  boolean update(ProductionOrder o, Instant now) {
    ProductionOrder.Content c = o.content();
    return jdbc.sql(
                """
                UPDATE orders_production_order SET material_number = :m, quantity = :q, unit = :u,
                  due_date = :due, priority = :prio, site_code = :site, status = :s,
                  status_before_hold = :before, hold_reason = :hold, cancel_reason = :cancel,
                  requested_routing_version = :rv, requested_bom_version = :bv,
                  routing_version = :urv, bom_version = :ubv, released_at = :released,
                  updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """)
            .param("m", c.material())
            .param("q", c.quantity().value())
            .param("u", c.quantity().unit().code())
            .param("due", ts(c.dueDate()))
            .param("prio", c.priority())
            .param("site", c.site())
            .param("s", o.status().name())
            .param("before", o.statusBeforeHold() == null ? null : o.statusBeforeHold().name())
            .param("hold", o.holdReason())
            .param("cancel", o.cancelReason())
            .param("rv", c.routingVersion())
            .param("bv", c.bomVersion())
            .param("urv", o.routingVersion())
            .param("ubv", o.bomVersion())
            .param("released", ts(o.releasedAt()))
            .param("now", ts(now))
            .param("id", o.id())
            .param("version", o.version())
            .update()
        == 1;
  }

  void insertSnapshot(ReleaseSnapshot snapshot, UUID orderId) {
    for (OrderOperation op : snapshot.operations()) {
      jdbc.sql(
              """
              INSERT INTO orders_operation (id, order_id, sequence_number, description, work_center,
                setup_seconds, cycle_seconds, qualification, tool_type, inspection_plan,
                planned_quantity, status, good_quantity, scrap_quantity, rework_quantity)
              VALUES (:id, :order, :seq, :d, :wc, :setup, :cycle, :qual, :tool, :ip, :planned,
                :s, 0, 0, 0)
              """)
          .param("id", op.id())
          .param("order", orderId)
          .param("seq", op.sequence())
          .param("d", op.description())
          .param("wc", op.workCenter())
          .param("setup", op.setupSeconds())
          .param("cycle", op.cycleSeconds())
          .param("qual", op.qualification())
          .param("tool", op.toolType())
          .param("ip", op.inspectionPlan())
          .param("planned", op.plannedQuantity())
          .param("s", op.status().name())
          .update();
    }
    for (ReleaseSnapshot.Component c : snapshot.components()) {
      jdbc.sql(
              """
              INSERT INTO orders_component (order_id, item_position, material_number,
                required_quantity, unit, tracking)
              VALUES (:order, :p, :m, :q, :u, :t)
              """)
          .param("order", orderId)
          .param("p", c.position())
          .param("m", c.material())
          .param("q", c.requiredQuantity().value())
          .param("u", c.requiredQuantity().unit().code())
          .param("t", c.tracking().name())
          .update();
    }
  }

  List<OrderOperation> operations(UUID orderId) {
    return jdbc.sql("SELECT * FROM orders_operation WHERE order_id = :id ORDER BY sequence_number")
        .param("id", orderId)
        .query(this::operationRow)
        .list();
  }

  Optional<OrderOperation> operation(UUID operationId) {
    return jdbc.sql("SELECT * FROM orders_operation WHERE id = :id")
        .param("id", operationId)
        .query(this::operationRow)
        .optional();
  }

  List<ReleaseSnapshot.Component> components(UUID orderId) {
    return jdbc.sql("SELECT * FROM orders_component WHERE order_id = :id ORDER BY item_position")
        .param("id", orderId)
        .query(
            (rs, row) ->
                new ReleaseSnapshot.Component(
                    rs.getInt("item_position"),
                    rs.getString("material_number"),
                    new Quantity(
                        plain(rs.getBigDecimal("required_quantity")),
                        new UnitOfMeasure(rs.getString("unit"))),
                    Tracking.valueOf(rs.getString("tracking"))))
        .list();
  }

  Optional<OperationView> operationView(UUID operationId) {
    return jdbc.sql(OPERATION + " WHERE o.id = :id")
        .param("id", operationId)
        .query(this::operationViewRow)
        .optional();
  }

  List<OperationView> operationViews(String orderNumber) {
    return jdbc.sql(OPERATION + " WHERE p.order_number = :n ORDER BY o.sequence_number")
        .param("n", orderNumber)
        .query(this::operationViewRow)
        .list();
  }

  /**
   * The head of the dispatch list, filtered and limited in the database. Orders are walked in
   * dispatch order along orders_production_order_dispatch, so the database stops after the first
   * {@code limit} hits instead of sorting every released operation of the work center.
   */
  List<OperationView> dispatchableAt(String site, String workCenter, int limit) {
    return jdbc.sql(
            OPERATION
                + """
                WHERE p.site_code = :site AND o.work_center = :wc
                  AND p.status IN ('RELEASED', 'IN_PROGRESS') AND o.status <> 'COMPLETED'
                  AND NOT EXISTS (
                    SELECT 1 FROM orders_operation b
                     WHERE b.order_id = o.order_id AND b.good_quantity <= 0
                       AND b.sequence_number = (SELECT MAX(q.sequence_number) FROM orders_operation q
                         WHERE q.order_id = o.order_id AND q.sequence_number < o.sequence_number))
                ORDER BY p.site_code, p.due_date, p.priority DESC, p.order_number, o.sequence_number
                LIMIT :limit
                """)
        .param("site", site)
        .param("wc", workCenter)
        .param("limit", limit)
        .query(this::operationViewRow)
        .list();
  }

  void markStarted(UUID operationId, Instant at) {
    jdbc.sql(
            """
            UPDATE orders_operation SET status = 'STARTED', started_at = :at
            WHERE id = :id AND status = 'PENDING'
            """)
        .param("id", operationId)
        .param("at", ts(at))
        .update();
  }

  void markCompleted(UUID operationId, Instant at) {
    jdbc.sql(
            """
            UPDATE orders_operation SET status = 'COMPLETED', completed_at = :at,
              started_at = COALESCE(started_at, :at)
            WHERE id = :id AND status <> 'COMPLETED'
            """)
        .param("id", operationId)
        .param("at", ts(at))
        .update();
  }

  /**
   * Adds a report to the operation's totals and marks a pending operation started, in one
   * statement; false (and nothing written) when a total would fall below zero.
   */
  boolean addReport(
      UUID operationId, BigDecimal good, BigDecimal scrap, BigDecimal rework, Instant at) {
    return jdbc.sql(
                """
                UPDATE orders_operation SET good_quantity = good_quantity + :g,
                  scrap_quantity = scrap_quantity + :s, rework_quantity = rework_quantity + :r,
                  status = CASE WHEN status = 'PENDING' THEN 'STARTED' ELSE status END,
                  started_at = CASE WHEN status = 'PENDING' THEN :at ELSE started_at END
                WHERE id = :id AND good_quantity + :g >= 0 AND scrap_quantity + :s >= 0
                  AND rework_quantity + :r >= 0
                """)
            .param("id", operationId)
            .param("g", good)
            .param("s", scrap)
            .param("r", rework)
            .param("at", ts(at))
            .update()
        == 1;
  }

  private ProductionOrder orderRow(ResultSet rs, int row) throws SQLException {
    UnitOfMeasure unit = new UnitOfMeasure(rs.getString("unit"));
    String before = rs.getString("status_before_hold");
    return new ProductionOrder(
        rs.getObject("id", UUID.class),
        rs.getString("order_number"),
        new ProductionOrder.Content(
            rs.getString("material_number"),
            new Quantity(plain(rs.getBigDecimal("quantity")), unit),
            instant(rs, "due_date"),
            rs.getInt("priority"),
            rs.getString("site_code"),
            (Integer) rs.getObject("requested_routing_version", Integer.class),
            (Integer) rs.getObject("requested_bom_version", Integer.class)),
        OrderStatus.valueOf(rs.getString("status")),
        before == null ? null : OrderStatus.valueOf(before),
        rs.getString("hold_reason"),
        rs.getString("cancel_reason"),
        rs.getObject("routing_version", Integer.class),
        rs.getObject("bom_version", Integer.class),
        instant(rs, "released_at"),
        rs.getLong("reported_operations") > 0,
        plain(rs.getBigDecimal("last_good")),
        rs.getLong("version"));
  }

  private OrderOperation operationRow(ResultSet rs, int row) throws SQLException {
    return new OrderOperation(
        rs.getObject("id", UUID.class),
        rs.getObject("order_id", UUID.class),
        rs.getInt("sequence_number"),
        rs.getString("description"),
        rs.getString("work_center"),
        rs.getLong("setup_seconds"),
        plain(rs.getBigDecimal("cycle_seconds")),
        rs.getString("qualification"),
        rs.getString("tool_type"),
        rs.getString("inspection_plan"),
        plain(rs.getBigDecimal("planned_quantity")),
        OrderOperation.OperationStatus.valueOf(rs.getString("status")),
        plain(rs.getBigDecimal("good_quantity")),
        plain(rs.getBigDecimal("scrap_quantity")),
        plain(rs.getBigDecimal("rework_quantity")),
        instant(rs, "started_at"),
        instant(rs, "completed_at"));
  }

  private OperationView operationViewRow(ResultSet rs, int row) throws SQLException {
    return new OperationView(
        rs.getObject("id", UUID.class),
        rs.getString("order_number"),
        rs.getString("material_number"),
        rs.getString("site_code"),
        rs.getInt("sequence_number"),
        rs.getObject("previous_sequence", Integer.class),
        rs.getString("description"),
        rs.getString("work_center"),
        rs.getLong("setup_seconds"),
        plain(rs.getBigDecimal("cycle_seconds")),
        rs.getString("qualification"),
        rs.getString("tool_type"),
        rs.getString("inspection_plan"),
        new Quantity(
            plain(rs.getBigDecimal("planned_quantity")), new UnitOfMeasure(rs.getString("unit"))),
        OrderStatus.valueOf(rs.getString("order_status")),
        instant(rs, "due_date"),
        rs.getInt("priority"));
  }

  static OffsetDateTime ts(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** A decimal without the trailing zeros the database pads it with, never in E notation. */
  static BigDecimal plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
