package dev.takt.machines;

import java.time.Instant;

/** A machine's alarm went away (or its connection did, which clears what it can no longer see). */
public record AlarmCleared(
    String site, String workUnit, String alarm, Instant raisedAt, Instant at) {}
