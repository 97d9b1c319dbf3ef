package dev.takt.execution.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An operator's labour on an operation at a work unit: from clock-on to clock-off. {@code seconds}
 * runs on while open; a closed ticket is {@code confirmed} (it became a confirmation).
 */
public record TimeTicket(
    UUID id,
    UUID operationId,
    String orderNumber,
    String workUnit,
    String operator,
    Instant clockedOnAt,
    Instant clockedOffAt,
    long seconds,
    boolean confirmed) {}
