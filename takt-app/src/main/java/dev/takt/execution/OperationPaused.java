package dev.takt.execution;

import java.time.Instant;
import java.util.UUID;

/** A work unit stopped working on an operation for a (DOWNTIME) reason, without ending it. */
public record OperationPaused(
    UUID operationId,
    String orderNumber,
    String site,
    String workUnit,
    String reason,
    Instant at) {}
