/**
 * The MTConnect adapter: reads an MTConnect agent over HTTP ({@code probe}, {@code current}, a
 * streaming {@code sample}) and delivers each observation as a {@link
 * dev.takt.connector.MachineSignal} keyed by device name and {@code dataItemId}. Public are only
 * {@link dev.takt.connector.mtconnect.MtConnectConfig} and {@link
 * dev.takt.connector.mtconnect.MtConnectConnector}; the document reader, the stream splitter and
 * the typing rules are package-private. The JDK's HttpClient and StAX are its only means: no HTTP
 * or XML library. See {@code docs/connectors/mtconnect.md}.
 */
package dev.takt.connector.mtconnect;
