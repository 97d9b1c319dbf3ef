package dev.takt.traceability.internal;

/** How material of a parent lot came into a child lot: one edge of the genealogy graph. */
public enum LinkKind {
  /** An operation consumed the parent to make the child (from a booking at the terminal). */
  CONSUMPTION,
  /** The child is a part of the parent (one lot into many). */
  SPLIT,
  /** The child combines several parents (many lots into one). */
  MERGE,
  /** The child is the reworked parent. */
  REWORK,
  /** A quantity of the parent was moved into the child (lot-to-lot transfer). */
  TRANSFER
}
