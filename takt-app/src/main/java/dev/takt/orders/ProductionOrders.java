package dev.takt.orders;

import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask of production orders, and how execution reports progress. The progress
 * methods must be called inside the caller's transaction (they join it), so an order's status moves
 * together with the booking that moved it.
 */
public interface ProductionOrders {

  Optional<OrderView> order(String orderNumber);

  Optional<OperationView> operation(UUID operationId);

  /** The operations of an order in sequence order (empty before release). */
  List<OperationView> operationsOf(String orderNumber);

  /**
   * The head of the dispatch list at a work center: operations that may start or continue now, at
   * most {@code limit}. An operation qualifies when its order is RELEASED or IN_PROGRESS (not
   * ON_HOLD, CANCELLED, ...), it is not completed, and the operation before it (if any) has
   * delivered good quantity. Ordered by due date, then priority (higher first), then order number
   * and sequence.
   */
  List<OperationView> dispatchableAt(String siteCode, String workCenterCode, int limit);

  /** The BOM snapshot of a released order. */
  List<ComponentView> componentsOf(String orderNumber);

  /** The first start of any operation moves a RELEASED order to IN_PROGRESS. */
  void operationStarted(UUID operationId, Instant at);

  /**
   * Adds a quantity report of execution to the operation's totals (for progress shown with the
   * order; execution keeps the bookings themselves). Quantities are in the order's unit.
   */
  void quantityReported(
      UUID operationId, Quantity good, Quantity scrap, Quantity rework, Instant at);

  /** When the last operation completes, the order moves to COMPLETED. */
  void operationCompleted(UUID operationId, Instant at);
}
