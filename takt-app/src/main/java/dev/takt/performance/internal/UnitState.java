package dev.takt.performance.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * What a work unit does now, as the plant view shows it: on an operation (in setup or run) or not,
 * down (with the reason, if known) or not. Down wins over running: a unit with an open downtime
 * stands still whatever operation it is on.
 */
public record UnitState(
    String site,
    String workUnit,
    UUID operationId,
    String orderNumber,
    Integer sequence,
    String phase,
    Instant phaseSince,
    String pauseReason,
    UUID downtimeId,
    String downtimeReason,
    Instant downSince,
    Instant changedAt,
    String machineState,
    Instant machineSince) {

  /**
   * The colour of the tile: DOWN, OFFLINE, PAUSED, SETUP, RUNNING or IDLE. A downtime comes first;
   * then a machine that reports it is offline or down; then what was booked (setup, a pause, a
   * run), except that a machine idle or in setup during a booked run shows so; with nothing booked,
   * what the machine reports if it runs or is set up.
   */
  public String status() {
    if (downtimeId != null) {
      return "DOWN";
    }
    if ("OFFLINE".equals(machineState) || "DOWN".equals(machineState)) {
      return machineState;
    }
    if (operationId != null) {
      String booked = bookedStatus();
      return booked.equals("RUNNING") && machineState != null ? machineState : booked;
    }
    return "RUNNING".equals(machineState) || "SETUP".equals(machineState) ? machineState : "IDLE";
  }

  /** Since when the unit is in {@link #status()}; null for a unit that never did anything. */
  public Instant since() {
    if (downtimeId != null) {
      return downSince;
    }
    String status = status();
    if (operationId == null) {
      return status.equals(machineState) ? machineSince : changedAt;
    }
    if (!status.equals(bookedStatus())) {
      return machineSince; // the machine's word overrides the booking
    }
    // a booked run the machine confirms: since the later of the two
    return "RUNNING".equals(status) && machineSince != null && machineSince.isAfter(phaseSince)
        ? machineSince
        : phaseSince;
  }

  private String bookedStatus() {
    return switch (phase) {
      case "SETUP" -> "SETUP";
      case "PAUSED" -> "PAUSED";
      default -> "RUNNING";
    };
  }

  static UnitState idle(String site, String workUnit) {
    return new UnitState(
        site, workUnit, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** On an operation in a phase (SETUP or RUN) since {@code at}. */
  UnitState onOperation(UUID operation, String order, Integer seq, String phase, Instant at) {
    return new UnitState(
        site,
        workUnit,
        operation,
        order,
        seq,
        phase,
        at,
        null,
        downtimeId,
        downtimeReason,
        downSince,
        at,
        machineState,
        machineSince);
  }

  /** Off its operation (completed). */
  UnitState offOperation(Instant at) {
    return new UnitState(
        site,
        workUnit,
        null,
        null,
        null,
        null,
        null,
        null,
        downtimeId,
        downtimeReason,
        downSince,
        at,
        machineState,
        machineSince);
  }

  /** The operation paused for a reason, or resumed in a phase. */
  UnitState phase(String newPhase, String reason, Instant at) {
    return new UnitState(
        site,
        workUnit,
        operationId,
        orderNumber,
        sequence,
        newPhase,
        at,
        reason,
        downtimeId,
        downtimeReason,
        downSince,
        at,
        machineState,
        machineSince);
  }

  UnitState down(UUID downtime, String reason, Instant at) {
    return new UnitState(
        site,
        workUnit,
        operationId,
        orderNumber,
        sequence,
        phase,
        phaseSince,
        pauseReason,
        downtime,
        reason,
        at,
        at,
        machineState,
        machineSince);
  }

  UnitState downReason(String reason) {
    return new UnitState(
        site,
        workUnit,
        operationId,
        orderNumber,
        sequence,
        phase,
        phaseSince,
        pauseReason,
        downtimeId,
        reason,
        downSince,
        changedAt,
        machineState,
        machineSince);
  }

  UnitState up(Instant at) {
    return new UnitState(
        site,
        workUnit,
        operationId,
        orderNumber,
        sequence,
        phase,
        phaseSince,
        pauseReason,
        null,
        null,
        null,
        at,
        machineState,
        machineSince);
  }

  /** The machine reports a state (machines' MachineStateChanged). */
  UnitState machine(String state, Instant at) {
    return new UnitState(
        site,
        workUnit,
        operationId,
        orderNumber,
        sequence,
        phase,
        phaseSince,
        pauseReason,
        downtimeId,
        downtimeReason,
        downSince,
        at,
        state,
        at);
  }
}
