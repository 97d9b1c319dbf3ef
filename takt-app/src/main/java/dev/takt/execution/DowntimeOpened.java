package dev.takt.execution;

import java.time.Instant;
import java.util.UUID;

/** A work unit stopped; {@code reason} is null while the downtime is unclassified. */
public record DowntimeOpened(
    UUID downtimeId, String site, String workUnit, String reason, Instant at) {}
