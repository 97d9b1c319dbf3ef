package dev.takt.connector;

/** How far the peer vouches for a value (OPC UA status code class, Sparkplug stale, ...). */
public enum SignalQuality {
  GOOD,
  UNCERTAIN,
  BAD
}
