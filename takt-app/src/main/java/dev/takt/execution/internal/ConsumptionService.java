package dev.takt.execution.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.equipment.WorkUnitView;
import dev.takt.execution.LotCheck;
import dev.takt.execution.MaterialConsumed;
import dev.takt.orders.ComponentView;
import dev.takt.orders.OperationView;
import dev.takt.orders.ProductionOrders;
import dev.takt.product.Tracking;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.Quantity;
import dev.takt.shared.UnitOfMeasure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Material consumption by lot: what went into an order, for genealogy. Only lot-tracked components
 * of the order's BOM snapshot are booked here (others are not traced by lot), in the component's
 * unit. When a {@link LotCheck} is there (the traceability module), it is asked first, so a lot in
 * quarantine, blocked, used up or past its expiry is refused at the terminal with its reason.
 */
@Service
public class ConsumptionService {

  static final String ENTITY = "MaterialConsumption";

  private final JdbcClient jdbc;
  private final Bookings bookings;
  private final ProductionOrders orders;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ObjectProvider<LotCheck> lotChecks;

  ConsumptionService(
      JdbcClient jdbc,
      Bookings bookings,
      ProductionOrders orders,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      ObjectProvider<LotCheck> lotChecks) {
    this.jdbc = jdbc;
    this.bookings = bookings;
    this.orders = orders;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.lotChecks = lotChecks;
  }

  @Transactional
  public Consumption consume(
      UUID operationId, String workUnit, String material, String lot, BigDecimal quantity) {
    OperationView op = bookings.workableOperation(operationId);
    WorkUnitView unit = bookings.workUnitFor(op, workUnit);
    ComponentView component =
        orders.componentsOf(op.orderNumber()).stream()
            .filter(c -> c.material().equals(material))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "material",
                        "'"
                            + material
                            + "' is not a component of order '"
                            + op.orderNumber()
                            + "'"));
    if (component.tracking() != Tracking.LOT) {
      throw new InvalidInputException(
          "material",
          "'"
              + material
              + "' is not lot-tracked ("
              + component.tracking()
              + "); book it here only by lot");
    }
    if (lot == null || lot.isBlank()) {
      throw new InvalidInputException("lot", "is required for the lot-tracked '" + material + "'");
    }
    UnitOfMeasure uom = component.requiredQuantity().unit();
    Quantity amount = new Quantity(quantity, uom);
    lotChecks
        .orderedStream()
        .forEach(check -> check.requireConsumable(op.site(), material, lot, amount));
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql(
            """
            INSERT INTO execution_consumption (id, operation_id, order_number, work_unit, material,
              lot, quantity, unit, consumed_at, consumed_by)
            VALUES (:id, :op, :order, :unit, :material, :lot, :qty, :uom, :now, :by)
            """)
        .param("id", id)
        .param("op", operationId)
        .param("order", op.orderNumber())
        .param("unit", unit.code())
        .param("material", material)
        .param("lot", lot)
        .param("qty", quantity)
        .param("uom", uom.code())
        .param("now", Sql.ts(now))
        .param("by", bookings.username())
        .update();
    Consumption created = get(id);
    audit.created(ENTITY, id.toString(), created);
    events.publishEvent(
        new MaterialConsumed(
            operationId,
            op.orderNumber(),
            op.site(),
            unit.code(),
            material,
            lot,
            created.quantity(),
            created.consumedBy(),
            now));
    return created;
  }

  @Transactional(readOnly = true)
  public List<Consumption> of(UUID operationId) {
    bookings.operation(operationId);
    return jdbc.sql(
            "SELECT * FROM execution_consumption WHERE operation_id = :op ORDER BY consumed_at, id")
        .param("op", operationId)
        .query((rs, n) -> map(rs))
        .list();
  }

  private Consumption get(UUID id) {
    return jdbc.sql("SELECT * FROM execution_consumption WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> map(rs))
        .optional()
        .orElseThrow(() -> new NotFoundException("consumption", id));
  }

  private static Consumption map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Consumption(
        rs.getObject("id", UUID.class),
        rs.getObject("operation_id", UUID.class),
        rs.getString("order_number"),
        rs.getString("work_unit"),
        rs.getString("material"),
        rs.getString("lot"),
        new Quantity(rs.getBigDecimal("quantity"), new UnitOfMeasure(rs.getString("unit"))),
        Sql.instant(rs, "consumed_at"),
        rs.getString("consumed_by"));
  }
}
