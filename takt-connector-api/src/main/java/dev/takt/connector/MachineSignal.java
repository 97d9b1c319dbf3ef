package dev.takt.connector;

import java.time.Instant;
import java.util.Objects;

/**
 * One value of one signal of a machine, as a connector read it.
 *
 * @param key where the value comes from: the source (device, edge node) and the signal's address in
 *     the protocol (OPC UA node id, MTConnect dataItemId, Sparkplug metric name, MQTT JSON path)
 * @param value the value; {@link SignalValue.Unavailable} when the peer says it has none
 * @param quality how far the peer vouches for the value
 * @param sourceTime when the machine took the value (the peer's timestamp), or {@code receivedAt}
 *     when the peer sends none
 * @param receivedAt when the connector received it
 */
public record MachineSignal(
    SignalKey key,
    SignalValue value,
    SignalQuality quality,
    Instant sourceTime,
    Instant receivedAt) {

  public MachineSignal {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (sourceTime == null) {
      sourceTime = receivedAt;
    }
  }

  /** A good value taken and received now: the common case in adapters and tests. */
  public static MachineSignal good(SignalKey key, SignalValue value, Instant at) {
    return new MachineSignal(key, value, SignalQuality.GOOD, at, at);
  }
}
