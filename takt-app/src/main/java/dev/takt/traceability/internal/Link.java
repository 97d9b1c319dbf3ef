package dev.takt.traceability.internal;

import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.UUID;

/**
 * One edge of the genealogy: {@code quantity} of the parent went into the child, by a {@code kind}
 * of step; for consumption also at which operation of which order, on which work unit, by which
 * operator, when.
 */
public record Link(
    UUID id,
    UUID parentId,
    UUID childId,
    LinkKind kind,
    Quantity quantity,
    String orderNumber,
    UUID operationId,
    Integer operationSequence,
    String workUnit,
    String operator,
    Instant at) {}
