package dev.takt.execution.internal;

import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.UUID;

/** A lot of a component consumed by an operation at a work unit. */
public record Consumption(
    UUID id,
    UUID operationId,
    String orderNumber,
    String workUnit,
    String material,
    String lot,
    Quantity quantity,
    Instant consumedAt,
    String consumedBy) {}
