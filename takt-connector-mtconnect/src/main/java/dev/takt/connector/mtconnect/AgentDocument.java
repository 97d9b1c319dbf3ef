package dev.takt.connector.mtconnect;

import java.util.List;
import java.util.Map;

/**
 * A response of an MTConnect agent as far as the connector needs it: the device model of a probe,
 * the observations of a current or sample, or the errors the agent reports.
 */
sealed interface AgentDocument {

  Header header();

  /**
   * The header every MTConnect document starts with. The sequence numbers are {@code -1} where the
   * document has none (probe, some errors).
   */
  record Header(String instanceId, long firstSequence, long nextSequence, long lastSequence) {}

  /** The category of a data item, which decides how its observations become values. */
  enum Category {
    SAMPLE,
    EVENT,
    CONDITION
  }

  /** A data item of the device model, as the probe describes it. */
  record DataItem(
      String device,
      String id,
      String name,
      Category category,
      String type,
      String subType,
      String units,
      String representation) {}

  /** A probe: the devices and their data items, by data item id. */
  record Devices(Header header, List<String> deviceNames, Map<String, DataItem> dataItems)
      implements AgentDocument {}

  /**
   * One observation of a current or sample document, raw as the agent sent it; turning it into a
   * signal (and refusing it) is {@link Observations}' job.
   *
   * @param element the element's local name: the observation type ({@code Execution}) or, for a
   *     condition, its level ({@code Normal}, {@code Warning}, {@code Fault}, {@code Unavailable})
   * @param attributes the condition attributes ({@code nativeCode}, {@code nativeSeverity}, {@code
   *     qualifier}, {@code type}) where present
   */
  record Observation(
      String device,
      Category category,
      String element,
      String dataItemId,
      String timestamp,
      String sequence,
      String value,
      Map<String, String> attributes) {}

  /** A current or sample document. */
  record Streams(Header header, List<Observation> observations) implements AgentDocument {}

  /** An MTConnectError document, e.g. {@code OUT_OF_RANGE} for a {@code from} the agent lost. */
  record Errors(Header header, List<AgentError> errors) implements AgentDocument {

    boolean has(String code) {
      return errors.stream().anyMatch(e -> code.equalsIgnoreCase(e.code()));
    }
  }

  /** One error of an MTConnectError document. */
  record AgentError(String code, String text) {}
}
