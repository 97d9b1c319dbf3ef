package dev.takt.reasons;

/**
 * Where a downtime falls in OEE, after the six big losses (Nakajima, TPM) as ISO 22400-2 splits
 * time: planned downtime is taken out of the planned busy time before availability is computed; the
 * other categories are losses inside it. The two quality losses of the six (process defects,
 * reduced yield) are booked as scrap and rework, not as downtime, so they are not here.
 */
public enum LossCategory {
  /** Breakdown: an unplanned stop because equipment failed (availability loss). */
  EQUIPMENT_FAILURE,
  /** Changeover, setup, warm-up and adjustment between orders (availability loss). */
  SETUP_AND_ADJUSTMENT,
  /** Idling and minor stops, typically under a few minutes each (performance loss). */
  SMALL_STOP,
  /** Running slower than the ideal cycle time (performance loss). */
  REDUCED_SPEED,
  /**
   * Planned downtime (ISO 22400 PDOT): breaks, planned maintenance, no order planned. Excluded from
   * the planned busy time, so it lowers no OEE factor.
   */
  PLANNED_STOP,
  /** Anything not yet classified; also what a downtime reason falls into when no level says. */
  OTHER
}
