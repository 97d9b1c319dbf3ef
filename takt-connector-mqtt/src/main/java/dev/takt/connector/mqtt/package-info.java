/**
 * The MQTT 5 / Sparkplug B machine connector: {@link dev.takt.connector.mqtt.MqttConnector} built
 * from an {@link dev.takt.connector.mqtt.MqttConfig}. It acts as a Sparkplug B host application
 * (STATE, births, aliases, sequence numbers, rebirth requests, deaths by last will) and maps plain
 * MQTT topics with JSON payloads to signals ({@link dev.takt.connector.mqtt.JsonMapping}). QoS 1
 * messages are acknowledged to the broker only after the {@link dev.takt.connector.SignalSink} took
 * their signals. Protocol code stays here; the server sees only {@link
 * dev.takt.connector.MachineSignal}s. See {@code docs/connectors/mqtt-sparkplug.md}.
 */
package dev.takt.connector.mqtt;
