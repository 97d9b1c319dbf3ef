package dev.takt.machines;

import java.time.Instant;
import java.util.List;

/**
 * A work unit's machine state now, as the plant view shows it.
 *
 * @param alarms the texts of the alarms active now
 */
public record MachineStatusView(
    String site,
    String workUnit,
    MachineState state,
    Instant since,
    List<String> alarms,
    String connection) {}
