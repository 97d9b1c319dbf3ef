package dev.takt.orders.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.orders.ComponentView;
import dev.takt.orders.OperationView;
import dev.takt.orders.OrderView;
import dev.takt.orders.ProductionOrders;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.Quantity;
import dev.takt.shared.StaleVersionException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link ProductionOrders} facade. Reads are not site-scoped: the calling module checks the
 * sites of its own caller. The progress methods must run inside the caller's transaction
 * (propagation MANDATORY refuses a call without one), so a booking and the status change it causes
 * commit or roll back together; each locks the order's row first, so parallel terminals take turns.
 */
@Service
class ProductionOrdersFacade implements ProductionOrders {

  private final OrderRepository orders;
  private final AuditTrail audit;
  private final Clock clock;

  ProductionOrdersFacade(OrderRepository orders, AuditTrail audit, Clock clock) {
    this.orders = orders;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<OrderView> order(String orderNumber) {
    return orders.byNumber(orderNumber).map(ProductionOrder::view);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<OperationView> operation(UUID operationId) {
    return orders.operationView(operationId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<OperationView> operationsOf(String orderNumber) {
    return orders.operationViews(orderNumber);
  }

  @Override
  @Transactional(readOnly = true)
  public List<OperationView> dispatchableAt(String siteCode, String workCenterCode, int limit) {
    return orders.dispatchableAt(siteCode, workCenterCode, limit);
  }

  @Override
  @Transactional(readOnly = true)
  public List<ComponentView> componentsOf(String orderNumber) {
    return orders
        .byNumber(orderNumber)
        .map(
            o ->
                orders.components(o.id()).stream()
                    .map(
                        c ->
                            new ComponentView(
                                c.position(), c.material(), c.requiredQuantity(), c.tracking()))
                    .toList())
        .orElse(List.of());
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void operationStarted(UUID operationId, Instant at) {
    ProductionOrder order = lockedOrderOf(operationId);
    order.requireWorkable();
    OrderOperation op = orders.operation(operationId).orElseThrow();
    if (op.status() == OrderOperation.OperationStatus.COMPLETED) {
      throw new ConflictException(
          "operation",
          "operation " + op.sequence() + " of order " + order.orderNumber() + " is COMPLETED");
    }
    orders.markStarted(operationId, at);
    startIfNotStarted(order);
  }

  /** A report on a RELEASED order starts it: something was evidently made. */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void quantityReported(
      UUID operationId, Quantity good, Quantity scrap, Quantity rework, Instant at) {
    ProductionOrder order = lockedOrderOf(operationId);
    order.requireWorkable();
    BigDecimal g = inOrderUnit(order, good, "good");
    BigDecimal s = inOrderUnit(order, scrap, "scrap");
    BigDecimal r = inOrderUnit(order, rework, "rework");
    ProductionOrder toStart =
        order.status() == dev.takt.orders.OrderStatus.IN_PROGRESS ? null : asItIs(order);
    if (!orders.addReport(operationId, g, s, r, at)) {
      throw new InvalidInputException(
          "quantity", "a correction cannot take an operation's totals below zero");
    }
    if (toStart != null) {
      save(toStart, toStart.start());
    }
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void operationCompleted(UUID operationId, Instant at) {
    ProductionOrder order = lockedOrderOf(operationId);
    order.requireWorkable();
    orders.markCompleted(operationId, at);
    startIfNotStarted(order);
    boolean allCompleted =
        orders.operations(order.id()).stream()
            .allMatch(o -> o.status() == OrderOperation.OperationStatus.COMPLETED);
    if (allCompleted) {
      ProductionOrder current = asItIs(order);
      save(current, current.complete());
    }
  }

  private static BigDecimal inOrderUnit(ProductionOrder order, Quantity q, String field) {
    if (q == null) {
      return BigDecimal.ZERO;
    }
    if (!q.unit().equals(order.content().quantity().unit())) {
      throw new InvalidInputException(
          field,
          "must be in the order's unit " + order.content().quantity().unit() + ", not " + q.unit());
    }
    return q.value();
  }

  /**
   * The operation's order, locked until the transaction ends. Its status and content are current;
   * what it read from its operations may predate the lock (see {@link
   * OrderRepository#lockedOrderOf}), so whatever is recorded or decided from that reads {@link
   * #asItIs} first.
   */
  private ProductionOrder lockedOrderOf(UUID operationId) {
    return orders
        .lockedOrderOf(operationId)
        .orElseThrow(() -> new NotFoundException("operation", operationId));
  }

  /** Starts an order on its first start or completion, audited with its totals as they are now. */
  private void startIfNotStarted(ProductionOrder locked) {
    if (locked.status() != dev.takt.orders.OrderStatus.IN_PROGRESS) {
      ProductionOrder current = asItIs(locked);
      save(current, current.start());
    }
  }

  /** The locked order read again, its totals from its operations as they are now. */
  private ProductionOrder asItIs(ProductionOrder locked) {
    return orders.byId(locked.id()).orElseThrow();
  }

  private ProductionOrder save(ProductionOrder old, ProductionOrder changed) {
    if (!orders.update(changed, clock.instant())) {
      throw new StaleVersionException(
          "production order", old.orderNumber(), changed.version(), old.version() + 1);
    }
    ProductionOrder saved = orders.byId(old.id()).orElseThrow();
    audit.updated(OrderService.AUDIT_ENTITY, old.orderNumber(), old.details(), saved.details());
    return saved;
  }
}
