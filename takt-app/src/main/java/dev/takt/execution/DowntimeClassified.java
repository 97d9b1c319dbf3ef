package dev.takt.execution;

import java.time.Instant;
import java.util.UUID;

/**
 * A downtime got a reason, or its reason was changed later (by the operator or the shift leader).
 * {@code closedAt} is null while the downtime is still open. Listeners that counted the downtime
 * under {@code previousReason} move it to {@code reason}.
 */
public record DowntimeClassified(
    UUID downtimeId,
    String site,
    String workUnit,
    String previousReason,
    String reason,
    Instant openedAt,
    Instant closedAt,
    Instant at) {}
