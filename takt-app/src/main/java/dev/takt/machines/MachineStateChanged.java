package dev.takt.machines;

import java.time.Instant;

/**
 * A work unit's machine state changed at {@code at} (the machine's time of the signal that changed
 * it); {@code from} is null for the first state a work unit ever had.
 */
public record MachineStateChanged(
    String site, String workUnit, MachineState from, MachineState to, Instant at) {}
