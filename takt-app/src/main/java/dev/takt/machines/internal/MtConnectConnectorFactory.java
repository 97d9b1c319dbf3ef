package dev.takt.machines.internal;

import dev.takt.connector.Connector;
import dev.takt.connector.mtconnect.MtConnectConfig;
import dev.takt.connector.mtconnect.MtConnectConnector;
import dev.takt.shared.InvalidInputException;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * MTConnect settings: {@code { "agentUrl": "http://agent:5000", "device": "Mazak",
 * "sampleIntervalMs": 500, "polling": false }}. The signal source is the device name.
 */
@Component
class MtConnectConnectorFactory implements ConnectorFactory {

  @Override
  public Protocol protocol() {
    return Protocol.MTCONNECT;
  }

  @Override
  public List<String> secretPointers() {
    return List.of();
  }

  @Override
  public void check(String name, JsonNode settings) {
    config(settings);
  }

  @Override
  public Connector create(String name, JsonNode settings) {
    return new MtConnectConnector(config(settings));
  }

  MtConnectConfig config(JsonNode json) {
    Settings s = Settings.root(json, "settings");
    String url = s.text("agentUrl", true, 500);
    String device = s.text("device", false, 100);
    long interval = s.integer("sampleIntervalMs", 500, 10, 600_000);
    boolean polling = s.flag("polling", false);
    s.noOthers();
    try {
      return MtConnectConfig.builder(url)
          .deviceName(device)
          .sampleInterval(Duration.ofMillis(interval))
          .polling(polling)
          .build();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(s.field("agentUrl"), e.getMessage());
    }
  }
}
