package dev.takt.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** What the REST layer, the pages and the demo ask the order service to do. */
public final class OrderCommands {
  private OrderCommands() {}

  /** Priority when the ERP sends none: the middle of 0..1000. */
  public static final int DEFAULT_PRIORITY = 500;

  /**
   * An order as the ERP sends it, first or again. {@code priority} null means {@link
   * #DEFAULT_PRIORITY}; the versions null mean the current released ones at release.
   */
  public record SubmitOrder(
      String orderNumber,
      String material,
      BigDecimal quantity,
      String unit,
      Instant dueDate,
      Integer priority,
      String site,
      Integer routingVersion,
      Integer bomVersion) {}

  /** What a submission did: a new order, a changed one, or nothing (the same content again). */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  public record Submitted(OrderDetails order, Outcome outcome) {}
}
