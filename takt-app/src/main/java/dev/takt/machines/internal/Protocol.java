package dev.takt.machines.internal;

/** The machine protocols Takt speaks, one adapter module each. */
public enum Protocol {
  OPCUA,
  MTCONNECT,
  MQTT
}
