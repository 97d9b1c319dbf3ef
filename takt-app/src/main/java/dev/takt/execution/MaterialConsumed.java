package dev.takt.execution;

import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.UUID;

/**
 * A lot of a component was consumed by an operation (for genealogy: what went into the order), at a
 * work unit of a site, booked by an operator.
 */
public record MaterialConsumed(
    UUID operationId,
    String orderNumber,
    String site,
    String workUnit,
    String material,
    String lot,
    Quantity quantity,
    String operator,
    Instant at) {}
