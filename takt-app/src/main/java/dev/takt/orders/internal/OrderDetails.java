package dev.takt.orders.internal;

import dev.takt.orders.OrderStatus;
import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.UUID;

/**
 * A production order as the API, the pages and the audit trail show it: the {@link
 * dev.takt.orders.OrderView} plus why it is held or cancelled and its progress ({@code
 * goodQuantity}: the good quantity of its last operation, null before release).
 */
public record OrderDetails(
    UUID id,
    String orderNumber,
    String material,
    Quantity quantity,
    Instant dueDate,
    int priority,
    String site,
    OrderStatus status,
    OrderStatus statusBeforeHold,
    String holdReason,
    String cancelReason,
    Integer routingVersion,
    Integer bomVersion,
    Instant releasedAt,
    Quantity goodQuantity,
    long version) {

  /** Progress in percent (0 to 100) for a progress bar. */
  public int progressPercent() {
    if (goodQuantity == null || quantity.value().signum() <= 0) {
      return 0;
    }
    int percent =
        goodQuantity
            .value()
            .multiply(java.math.BigDecimal.valueOf(100))
            .divide(quantity.value(), 0, java.math.RoundingMode.DOWN)
            .intValue();
    return Math.max(0, Math.min(100, percent));
  }
}
