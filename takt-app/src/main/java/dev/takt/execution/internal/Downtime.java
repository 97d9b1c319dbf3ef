package dev.takt.execution.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A stop of a work unit: opened when it stops, classified with a DOWNTIME reason (at once or later,
 * by the operator or the shift leader), closed when it runs again. Until it has a reason it is
 * {@code unclassified}, which OEE shows as a loss of its own.
 */
public record Downtime(
    UUID id,
    String site,
    String workUnit,
    String workCenter,
    String reason,
    boolean unclassified,
    Instant openedAt,
    Instant closedAt,
    boolean open,
    long version) {}
