package dev.takt.orders;

/**
 * The life of a production order. CREATED → RELEASED → IN_PROGRESS → COMPLETED → CLOSED, plus
 * ON_HOLD (from RELEASED or IN_PROGRESS, back to where it was) and CANCELLED (from CREATED,
 * RELEASED or ON_HOLD without progress).
 */
public enum OrderStatus {
  CREATED,
  RELEASED,
  IN_PROGRESS,
  ON_HOLD,
  COMPLETED,
  CLOSED,
  CANCELLED;

  /** Operations of an order in this status may be started or booked on. */
  public boolean workable() {
    return this == RELEASED || this == IN_PROGRESS;
  }
}
