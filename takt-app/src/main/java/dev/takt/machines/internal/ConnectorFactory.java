package dev.takt.machines.internal;

import dev.takt.connector.Connector;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Builds the connector of one protocol from a connection's stored settings: the one place that
 * knows the adapter's config record. One {@code @Component} per protocol; the registry picks the
 * factory by {@link #protocol()}.
 *
 * <p>{@link #check} builds the adapter's config without starting anything, so a setting the adapter
 * refuses is a 400 at the API, not an error in the log later.
 */
public interface ConnectorFactory {

  Protocol protocol();

  /**
   * JSON Pointers of the write-only values in this protocol's settings (passwords): stored apart,
   * never returned, never audited.
   */
  List<String> secretPointers();

  /**
   * Checks the settings (with their secrets merged in) as the adapter would take them.
   *
   * @throws dev.takt.shared.InvalidInputException naming the setting at fault
   */
  void check(String name, JsonNode settings);

  /** A new, unstarted connector for these settings (with secrets merged in), already checked. */
  Connector create(String name, JsonNode settings);
}
