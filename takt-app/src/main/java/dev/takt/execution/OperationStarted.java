package dev.takt.execution;

import java.time.Instant;
import java.util.UUID;

/**
 * An operation was started on a work unit, in setup or in run. {@code firstStart} is true for the
 * first start of the operation on any work unit.
 */
public record OperationStarted(
    UUID operationId,
    String orderNumber,
    String site,
    String workUnit,
    Phase phase,
    boolean firstStart,
    Instant at) {}
