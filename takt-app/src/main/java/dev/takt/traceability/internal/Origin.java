package dev.takt.traceability.internal;

/** How a lot came to be. */
public enum Origin {
  RECEIVED,
  PRODUCED,
  SPLIT,
  MERGE,
  TRANSFER,
  REWORK
}
