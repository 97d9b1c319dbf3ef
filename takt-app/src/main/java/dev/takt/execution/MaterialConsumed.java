package dev.takt.execution;

import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.UUID;

/** A lot of a component was consumed by an operation (for genealogy: what went into the order). */
public record MaterialConsumed(
    UUID operationId,
    String orderNumber,
    String material,
    String lot,
    Quantity quantity,
    Instant at) {}
