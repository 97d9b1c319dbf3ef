package dev.takt.execution;

import java.time.Instant;
import java.util.UUID;

/** A work unit runs again; {@code reason} is the classification at closing (may be null). */
public record DowntimeClosed(
    UUID downtimeId,
    String site,
    String workUnit,
    String reason,
    Instant openedAt,
    Instant closedAt) {}
