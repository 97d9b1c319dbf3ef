/**
 * The machine-connector contract: what an adapter for a machine protocol (OPC UA, MTConnect, MQTT /
 * Sparkplug B) delivers to Takt, and how Takt drives it. Plain Java without dependencies, so each
 * adapter lives in its own Maven module and the server's {@code machines} module sees only {@link
 * dev.takt.connector.MachineSignal}s.
 *
 * <p>The life of a connector: the server builds it from the adapter's config record, calls {@link
 * dev.takt.connector.Connector#start(SignalSink)} once, and {@link
 * dev.takt.connector.Connector#close()} when the connection is removed or changed. In between the
 * connector keeps itself connected (reconnects with back-off, re-creates subscriptions, resumes
 * streams) and hands signals to the sink. The sink's {@code accept} returns only when the batch is
 * durable; a connector acknowledges to its peer (an MQTT PUBACK, an MTConnect sequence position)
 * only after that.
 */
package dev.takt.connector;
