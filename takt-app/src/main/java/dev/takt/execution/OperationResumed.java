package dev.takt.execution;

import java.time.Instant;
import java.util.UUID;

/** A paused work unit goes on with the operation, in the phase it was paused in. */
public record OperationResumed(
    UUID operationId, String orderNumber, String site, String workUnit, Phase phase, Instant at) {}
