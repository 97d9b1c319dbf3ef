package dev.takt.orders;

import dev.takt.product.Tracking;
import dev.takt.shared.Quantity;

/** A component of a released order's BOM snapshot: what to consume, per order quantity. */
public record ComponentView(
    int position, String material, Quantity requiredQuantity, Tracking tracking) {}
