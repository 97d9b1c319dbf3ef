package dev.takt.orders;

import dev.takt.shared.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An operation of a released order, from the routing snapshot taken at release. It may run on any
 * work unit of its work center. {@code previousSequence} is null for the first operation.
 */
public record OperationView(
    UUID id,
    String orderNumber,
    String material,
    String site,
    int sequence,
    Integer previousSequence,
    String description,
    String workCenter,
    long setupSeconds,
    BigDecimal cycleSeconds,
    String qualification,
    String toolType,
    String inspectionPlan,
    Quantity plannedQuantity,
    OrderStatus orderStatus,
    Instant dueDate,
    int priority) {}
