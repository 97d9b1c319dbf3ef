package dev.takt.traceability.internal;

/**
 * Where a lot stands. Only a RELEASED lot may be consumed or shipped. CONSUMED is reached when
 * nothing remains (by consumption, a split, a transfer or a shipment), never by a quality decision.
 */
public enum LotStatus {
  /** Received or reworked, waiting for quality's decision; may not be used. */
  QUARANTINE,
  /** Free to use. */
  RELEASED,
  /** Stopped by quality (a complaint, a recall, a failed test); may not be used. */
  BLOCKED,
  /** Nothing of it remains. */
  CONSUMED
}
