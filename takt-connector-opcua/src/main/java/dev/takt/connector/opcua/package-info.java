/**
 * The OPC UA adapter of the machine-connector contract, built on Eclipse Milo: {@link
 * dev.takt.connector.opcua.OpcUaConnector} built from an {@link
 * dev.takt.connector.opcua.OpcUaConfig}. Only these two types (with the config's nested records)
 * are meant for the server; everything else is package-private. Behaviour, configuration and the
 * tested peers: {@code docs/connectors/opcua.md}.
 */
package dev.takt.connector.opcua;
