package dev.takt.machines;

/** What a machine does, as derived from its signals. */
public enum MachineState {
  /** Producing. */
  RUNNING,
  /** Ready, but not producing (waiting for material, an operator, the next program). */
  IDLE,
  /** Stopped by a fault or an alarm: opens a downtime in execution. */
  DOWN,
  /** Being set up or changed over. */
  SETUP,
  /** No data: the connection or the machine is gone. Never shown as its last state. */
  OFFLINE
}
