package dev.takt.execution;

import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.UUID;

/** An operation was completed, with its totals over all work units. */
public record OperationCompleted(
    UUID operationId,
    String orderNumber,
    String site,
    String workUnit,
    Quantity good,
    Quantity scrap,
    Quantity rework,
    long setupSeconds,
    long runSeconds,
    Instant at) {}
