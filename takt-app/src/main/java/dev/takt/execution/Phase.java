package dev.takt.execution;

/** What a work unit does on an operation: set up for it, or produce. Booked apart. */
public enum Phase {
  SETUP,
  RUN
}
