package dev.takt.execution;

import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.UUID;

/** Good, scrap and rework reported for an operation at a work unit; reasons null when zero. */
public record QuantityReported(
    UUID operationId,
    String orderNumber,
    String site,
    String workUnit,
    Quantity good,
    Quantity scrap,
    String scrapReason,
    Quantity rework,
    String reworkReason,
    Instant at) {}
