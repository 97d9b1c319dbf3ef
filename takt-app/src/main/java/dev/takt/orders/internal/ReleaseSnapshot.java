package dev.takt.orders.internal;

import dev.takt.product.BomView;
import dev.takt.product.RoutingView;
import dev.takt.product.Tracking;
import dev.takt.shared.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What an order copies at release, so that later changes of routing and BOM leave it alone: one
 * operation per routing operation (each planned for the whole order quantity) and one component per
 * BOM item, its quantity exploded for the order.
 */
record ReleaseSnapshot(
    int routingVersion,
    Integer bomVersion,
    List<OrderOperation> operations,
    List<Component> components) {

  /** Decimal places of exploded quantities, as the BOM stores them. */
  static final int SCALE = 6;

  record Component(int position, String material, Quantity requiredQuantity, Tracking tracking) {}

  static ReleaseSnapshot of(
      UUID orderId,
      Quantity orderQuantity,
      RoutingView routing,
      BomView bom,
      Function<String, Tracking> trackingOf) {
    List<OrderOperation> operations =
        routing.operations().stream()
            .map(
                op ->
                    OrderOperation.planned(
                        orderId,
                        op.sequence(),
                        op.description(),
                        op.workCenter(),
                        op.setupSeconds(),
                        op.cycleSeconds(),
                        op.qualification(),
                        op.toolType(),
                        op.inspectionPlan(),
                        orderQuantity.value()))
            .toList();
    List<Component> components =
        bom == null
            ? List.of()
            : bom.items().stream()
                .map(
                    item ->
                        new Component(
                            item.position(),
                            item.material(),
                            new Quantity(
                                requiredQuantity(
                                    item.quantity().value(),
                                    orderQuantity.value(),
                                    bom.baseQuantity().value(),
                                    item.scrapPercent()),
                                item.quantity().unit()),
                            trackingOf.apply(item.material())))
                .toList();
    return new ReleaseSnapshot(
        routing.routingVersion(), bom == null ? null : bom.bomVersion(), operations, components);
  }

  /**
   * item quantity × order quantity / BOM base quantity × (1 + scrap% / 100), rounded once, at the
   * end, to {@value #SCALE} decimals half up (computed as one fraction so nothing is rounded
   * twice).
   */
  static BigDecimal requiredQuantity(
      BigDecimal itemQuantity,
      BigDecimal orderQuantity,
      BigDecimal baseQuantity,
      BigDecimal scrapPercent) {
    BigDecimal scrap = scrapPercent == null ? BigDecimal.ZERO : scrapPercent;
    BigDecimal numerator =
        itemQuantity.multiply(orderQuantity).multiply(BigDecimal.valueOf(100).add(scrap));
    BigDecimal denominator = baseQuantity.multiply(BigDecimal.valueOf(100));
    return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
  }
}
