package dev.takt.orders;

import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.UUID;

/** A production order as other modules see it. */
public record OrderView(
    UUID id,
    String orderNumber,
    String material,
    Quantity quantity,
    Instant dueDate,
    int priority,
    String site,
    OrderStatus status,
    Integer routingVersion,
    Integer bomVersion,
    Instant releasedAt,
    long version) {}
