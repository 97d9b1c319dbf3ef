package dev.takt.connector.mqtt;

import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalSink.SourceState;
import java.time.Instant;

/**
 * What a decoder makes of one MQTT message, in order: signals, source state changes, rejections and
 * commands to publish back (a Sparkplug rebirth request). Implemented by the connector's delivery
 * loop, which batches the signals and acknowledges the message only after they are taken.
 */
interface Decoded {

  void signal(MachineSignal signal);

  void sourceState(String source, SourceState state, String detail, Instant at);

  void rejected(String source, String reason, String sample);

  /** Publishes {@code payload} to {@code topic} at QoS 0, not retained. */
  void command(String topic, byte[] payload);
}
