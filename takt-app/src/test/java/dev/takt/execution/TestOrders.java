package dev.takt.execution;

import dev.takt.orders.ComponentView;
import dev.takt.orders.OperationView;
import dev.takt.orders.OrderStatus;
import dev.takt.orders.OrderView;
import dev.takt.orders.ProductionOrders;
import dev.takt.product.Tracking;
import dev.takt.shared.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * TEST-ONLY STAND-IN for the orders module, which is built in parallel: an in-memory {@link
 * ProductionOrders} with fixtures in domain language. DELETE THIS CLASS when the orders module is
 * merged (its real implementation then serves these tests, and two beans would clash); the fixtures
 * then go through the orders API (create + release an order).
 *
 * <p>It follows the facade's contract: workable operations ordered by due date, then priority
 * (higher first), order number and sequence; the first start moves RELEASED to IN_PROGRESS; the
 * completion of the last operation moves the order to COMPLETED.
 */
@Component
public class TestOrders implements ProductionOrders {

  /** Released order of the fixtures: its number and operation ids in sequence order. */
  public record AnOrder(String orderNumber, List<UUID> operations, String lotTracked) {
    public UUID first() {
      return operations.getFirst();
    }

    public UUID second() {
      return operations.get(1);
    }
  }

  private final Map<String, OrderView> orders = new ConcurrentHashMap<>();
  private final Map<String, List<OperationView>> operations = new ConcurrentHashMap<>();
  private final Map<String, List<ComponentView>> components = new ConcurrentHashMap<>();
  private final Map<UUID, Quantity[]> reported = new ConcurrentHashMap<>();
  private final Map<UUID, Instant> completed = new ConcurrentHashMap<>();

  /** 100 pcs, due in a week, two operations (10, 20) at the work center, one lot-tracked part. */
  public AnOrder aReleasedOrderWithTwoOperations(String site, String workCenter) {
    return aReleasedOrder(site, workCenter, "100", Instant.now().plus(7, ChronoUnit.DAYS), 0, 2);
  }

  public AnOrder aReleasedOrder(
      String site,
      String workCenter,
      String quantity,
      Instant dueDate,
      int priority,
      int operationCount) {
    String number = "PO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Quantity qty = Quantity.of(quantity, "pcs");
    OrderView order =
        new OrderView(
            UUID.randomUUID(),
            number,
            "GEAR-1",
            qty,
            dueDate,
            priority,
            site,
            OrderStatus.RELEASED,
            1,
            1,
            Instant.now(),
            1);
    orders.put(number, order);
    List<OperationView> ops = new ArrayList<>();
    for (int i = 1; i <= operationCount; i++) {
      ops.add(
          new OperationView(
              UUID.randomUUID(),
              number,
              "GEAR-1",
              site,
              i * 10,
              i == 1 ? null : (i - 1) * 10,
              "Step " + i,
              workCenter,
              600,
              new BigDecimal("30"),
              null,
              null,
              null,
              qty,
              OrderStatus.RELEASED,
              dueDate,
              priority));
    }
    operations.put(number, ops);
    String lotTracked = "STEEL-" + number.substring(3);
    components.put(
        number,
        List.of(
            new ComponentView(10, lotTracked, Quantity.of("25", "kg"), Tracking.LOT),
            new ComponentView(
                20, "OIL-" + number.substring(3), Quantity.of("1", "L"), Tracking.NONE)));
    return new AnOrder(number, ops.stream().map(OperationView::id).toList(), lotTracked);
  }

  /** Puts the order on hold, as a planner would. */
  public void hold(String orderNumber) {
    setStatus(orderNumber, OrderStatus.ON_HOLD);
  }

  public OrderStatus statusOf(String orderNumber) {
    return orders.get(orderNumber).status();
  }

  /** What execution reported to orders for an operation: good, scrap, rework. */
  public Quantity[] reportedFor(UUID operationId) {
    return reported.get(operationId);
  }

  @Override
  public Optional<OrderView> order(String orderNumber) {
    return Optional.ofNullable(orders.get(orderNumber));
  }

  @Override
  public Optional<OperationView> operation(UUID operationId) {
    return operations.values().stream()
        .flatMap(List::stream)
        .filter(o -> o.id().equals(operationId))
        .findFirst()
        .map(this::withCurrentStatus);
  }

  @Override
  public List<OperationView> operationsOf(String orderNumber) {
    return operations.getOrDefault(orderNumber, List.of()).stream()
        .map(this::withCurrentStatus)
        .toList();
  }

  @Override
  public List<OperationView> workableOperationsAt(String siteCode, String workCenterCode) {
    return operations.values().stream()
        .flatMap(List::stream)
        .map(this::withCurrentStatus)
        .filter(o -> o.site().equals(siteCode) && o.workCenter().equals(workCenterCode))
        .filter(o -> o.orderStatus().workable())
        .sorted(
            Comparator.comparing(OperationView::dueDate)
                .thenComparing(Comparator.comparingInt(OperationView::priority).reversed())
                .thenComparing(OperationView::orderNumber)
                .thenComparingInt(OperationView::sequence))
        .toList();
  }

  @Override
  public List<ComponentView> componentsOf(String orderNumber) {
    return components.getOrDefault(orderNumber, List.of());
  }

  @Override
  public void operationStarted(UUID operationId, Instant at) {
    String number = operation(operationId).orElseThrow().orderNumber();
    if (orders.get(number).status() == OrderStatus.RELEASED) {
      setStatus(number, OrderStatus.IN_PROGRESS);
    }
  }

  @Override
  public synchronized void quantityReported(
      UUID operationId, Quantity good, Quantity scrap, Quantity rework, Instant at) {
    Quantity[] sums = reported.get(operationId);
    reported.put(
        operationId,
        sums == null
            ? new Quantity[] {good, scrap, rework}
            : new Quantity[] {sums[0].plus(good), sums[1].plus(scrap), sums[2].plus(rework)});
  }

  @Override
  public void operationCompleted(UUID operationId, Instant at) {
    completed.put(operationId, at);
    String number = operation(operationId).orElseThrow().orderNumber();
    if (operations.get(number).stream().allMatch(o -> completed.containsKey(o.id()))) {
      setStatus(number, OrderStatus.COMPLETED);
    }
  }

  private void setStatus(String number, OrderStatus status) {
    OrderView o = orders.get(number);
    orders.put(
        number,
        new OrderView(
            o.id(),
            o.orderNumber(),
            o.material(),
            o.quantity(),
            o.dueDate(),
            o.priority(),
            o.site(),
            status,
            o.routingVersion(),
            o.bomVersion(),
            o.releasedAt(),
            o.version() + 1));
  }

  private OperationView withCurrentStatus(OperationView op) {
    OrderStatus status = orders.get(op.orderNumber()).status();
    return new OperationView(
        op.id(),
        op.orderNumber(),
        op.material(),
        op.site(),
        op.sequence(),
        op.previousSequence(),
        op.description(),
        op.workCenter(),
        op.setupSeconds(),
        op.cycleSeconds(),
        op.qualification(),
        op.toolType(),
        op.inspectionPlan(),
        op.plannedQuantity(),
        status,
        op.dueDate(),
        op.priority());
  }
}
