package dev.takt.orders.internal;

import dev.takt.orders.OrderStatus;
import dev.takt.orders.OrderView;
import dev.takt.shared.ConflictException;
import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A production order: make {@code quantity} of a material at a site by a due date.
 *
 * <p>An order is born CREATED when the ERP sends it, and while CREATED the ERP may send it again
 * with changed content. Releasing it takes a snapshot of the routing and BOM (see {@link
 * ReleaseSnapshot}) and freezes it: from then on only shop-floor verbs move it. The first start of
 * an operation makes it IN_PROGRESS, the completion of its last operation COMPLETED, and a
 * supervisor CLOSES it once it is settled. A supervisor may put a RELEASED or IN_PROGRESS order ON
 * HOLD (nothing may be booked on it) and resume it to where it was, or CANCEL an order nobody has
 * reported a quantity on yet. CLOSED and CANCELLED end its life; it stays for the record.
 *
 * <p>{@code quantityReported} and {@code goodQuantity} (good quantity of the last operation) are
 * read from the operations, for the rules and for progress; they are never written from here.
 */
record ProductionOrder(
    UUID id,
    String orderNumber,
    Content content,
    OrderStatus status,
    OrderStatus statusBeforeHold,
    String holdReason,
    String cancelReason,
    Integer routingVersion,
    Integer bomVersion,
    Instant releasedAt,
    boolean quantityReported,
    java.math.BigDecimal goodQuantity,
    long version) {

  /** What the ERP says about an order; the same content sent again changes nothing. */
  record Content(
      String material,
      Quantity quantity,
      Instant dueDate,
      int priority,
      String site,
      Integer routingVersion,
      Integer bomVersion) {

    boolean sameAs(Content other) {
      return material.equals(other.material)
          && quantity.value().compareTo(other.quantity.value()) == 0
          && quantity.unit().equals(other.quantity.unit())
          && dueDate.equals(other.dueDate)
          && priority == other.priority
          && site.equals(other.site)
          && Objects.equals(routingVersion, other.routingVersion)
          && Objects.equals(bomVersion, other.bomVersion);
    }
  }

  static ProductionOrder create(String orderNumber, Content content) {
    return new ProductionOrder(
        UUID.randomUUID(),
        orderNumber,
        content,
        OrderStatus.CREATED,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        1);
  }

  /** New content from the ERP: only while nothing has been released. */
  ProductionOrder revise(Content newContent) {
    require("changed", EnumSet.of(OrderStatus.CREATED));
    return new ProductionOrder(
        id,
        orderNumber,
        newContent,
        status,
        statusBeforeHold,
        holdReason,
        cancelReason,
        routingVersion,
        bomVersion,
        releasedAt,
        quantityReported,
        goodQuantity,
        version);
  }

  /** Only a CREATED order can be released; checked before routing and BOM are looked up. */
  void requireReleasable() {
    require("released", EnumSet.of(OrderStatus.CREATED));
  }

  /** Released on these versions of routing and BOM (null: released without a BOM). */
  ProductionOrder release(int usedRoutingVersion, Integer usedBomVersion, Instant at) {
    require("released", EnumSet.of(OrderStatus.CREATED));
    return with(OrderStatus.RELEASED, null, null, null, usedRoutingVersion, usedBomVersion, at);
  }

  /**
   * The first start of any operation; starting more operations of a running order is nothing new.
   */
  ProductionOrder start() {
    require("started", EnumSet.of(OrderStatus.RELEASED, OrderStatus.IN_PROGRESS));
    return with(OrderStatus.IN_PROGRESS, null, holdReason, cancelReason);
  }

  /** Its last operation has been completed. */
  ProductionOrder complete() {
    require("completed", EnumSet.of(OrderStatus.IN_PROGRESS));
    return with(OrderStatus.COMPLETED, null, holdReason, cancelReason);
  }

  ProductionOrder hold(String reason) {
    require("put on hold", EnumSet.of(OrderStatus.RELEASED, OrderStatus.IN_PROGRESS));
    return with(OrderStatus.ON_HOLD, status, reason, cancelReason);
  }

  /** Back to where it was before the hold. */
  ProductionOrder resume() {
    require("resumed", EnumSet.of(OrderStatus.ON_HOLD));
    return with(statusBeforeHold, null, null, cancelReason);
  }

  /** Only before anything was made: a reported quantity must be settled by completing instead. */
  ProductionOrder cancel(String reason) {
    require(
        "cancelled", EnumSet.of(OrderStatus.CREATED, OrderStatus.RELEASED, OrderStatus.ON_HOLD));
    if (quantityReported) {
      throw new ConflictException(
          "status",
          "production order "
              + orderNumber
              + " is "
              + status
              + " and quantities have been reported on it; it can no longer be cancelled");
    }
    return with(OrderStatus.CANCELLED, null, holdReason, reason);
  }

  ProductionOrder close() {
    require("closed", EnumSet.of(OrderStatus.COMPLETED));
    return with(OrderStatus.CLOSED, null, holdReason, cancelReason);
  }

  /** Operations may be started and booked on: RELEASED or IN_PROGRESS. */
  void requireWorkable() {
    require("worked on", EnumSet.of(OrderStatus.RELEASED, OrderStatus.IN_PROGRESS));
  }

  private void require(String what, Set<OrderStatus> allowed) {
    if (!allowed.contains(status)) {
      throw new ConflictException(
          "status",
          "production order "
              + orderNumber
              + " is "
              + status
              + "; only an order that is "
              + allowed
              + " can be "
              + what);
    }
  }

  private ProductionOrder with(
      OrderStatus newStatus, OrderStatus beforeHold, String newHoldReason, String newCancelReason) {
    return with(
        newStatus,
        beforeHold,
        newHoldReason,
        newCancelReason,
        routingVersion,
        bomVersion,
        releasedAt);
  }

  private ProductionOrder with(
      OrderStatus newStatus,
      OrderStatus beforeHold,
      String newHoldReason,
      String newCancelReason,
      Integer newRoutingVersion,
      Integer newBomVersion,
      Instant newReleasedAt) {
    return new ProductionOrder(
        id,
        orderNumber,
        content,
        newStatus,
        beforeHold,
        newHoldReason,
        newCancelReason,
        newRoutingVersion,
        newBomVersion,
        newReleasedAt,
        quantityReported,
        goodQuantity,
        version);
  }

  /** Before release the versions asked for (null: the current one), after it those used. */
  OrderView view() {
    boolean released = releasedAt != null;
    return new OrderView(
        id,
        orderNumber,
        content.material(),
        content.quantity(),
        content.dueDate(),
        content.priority(),
        content.site(),
        status,
        released ? routingVersion : content.routingVersion(),
        released ? bomVersion : content.bomVersion(),
        releasedAt,
        version);
  }

  /** The order as the API and the audit trail show it. */
  OrderDetails details() {
    OrderView v = view();
    return new OrderDetails(
        v.id(),
        v.orderNumber(),
        v.material(),
        v.quantity(),
        v.dueDate(),
        v.priority(),
        v.site(),
        v.status(),
        statusBeforeHold,
        holdReason,
        cancelReason,
        v.routingVersion(),
        v.bomVersion(),
        v.releasedAt(),
        goodQuantity == null ? null : new Quantity(goodQuantity, content.quantity().unit()),
        v.version());
  }
}
