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
    UUID downtimeId,
    String downtimeReason,
    Instant downSince,
    Instant changedAt) {

  /** The colour of the tile: DOWN, SETUP, RUNNING or IDLE. */
  public String status() {
    if (downtimeId != null) {
      return "DOWN";
    }
    if (operationId != null) {
      return "SETUP".equals(phase) ? "SETUP" : "RUNNING";
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
    return new UnitState(site, workUnit, null, null, null, null, null, null, null, null, null);
  }
}
