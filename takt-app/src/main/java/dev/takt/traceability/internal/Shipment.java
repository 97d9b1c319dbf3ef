package dev.takt.traceability.internal;

import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.UUID;

/** A quantity of a lot shipped to a customer. */
public record Shipment(
    UUID id,
    UUID lotId,
    String customer,
    String delivery,
    Quantity quantity,
    Instant shippedAt,
    String shippedBy) {}
