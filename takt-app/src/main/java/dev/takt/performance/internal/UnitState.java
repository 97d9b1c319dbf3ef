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
    Instant changedAt) {

  /** The colour of the tile: DOWN, PAUSED, SETUP, RUNNING or IDLE. */
  public String status() {
    if (downtimeId != null) {
      return "DOWN";
    }
    if (operationId != null) {
      return switch (phase) {
        case "SETUP" -> "SETUP";
        case "PAUSED" -> "PAUSED";
        default -> "RUNNING";
      };
    }
    return "IDLE";
  }

  /** Since when the unit is in {@link #status()}; null for a unit that never did anything. */
  public Instant since() {
    if (downtimeId != null) {
      return downSince;
    }
    if (operationId != null) {
      return phaseSince;
    }
    return changedAt;
  }

  static UnitState idle(String site, String workUnit) {
    return new UnitState(
        site, workUnit, null, null, null, null, null, null, null, null, null, null);
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
        at);
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
        at);
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
        at);
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
        at);
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
        changedAt);
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
        at);
  }
}
