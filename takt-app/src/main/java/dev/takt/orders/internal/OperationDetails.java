package dev.takt.orders.internal;

import dev.takt.shared.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An operation of a released order with its progress: status (PENDING, STARTED, COMPLETED) and the
 * totals of good, scrap and rework quantity execution has reported, in the order's unit.
 */
public record OperationDetails(
    UUID id,
    int sequence,
    String description,
    String workCenter,
    long setupSeconds,
    BigDecimal cycleSeconds,
    String qualification,
    String toolType,
    String inspectionPlan,
    Quantity plannedQuantity,
    String status,
    Quantity good,
    Quantity scrap,
    Quantity rework,
    Instant startedAt,
    Instant completedAt) {}
