package dev.takt.traceability.internal;

import java.time.Instant;

/** One entry of a lot's status history: from what to what, why, by whom, when. */
public record StatusChange(
    LotStatus fromStatus, LotStatus toStatus, String reason, String changedBy, Instant changedAt) {}
