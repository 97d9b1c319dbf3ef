package dev.takt.machines.internal;

import dev.takt.connector.Connector;
import dev.takt.connector.mqtt.JsonMapping;
import dev.takt.connector.mqtt.MqttConfig;
import dev.takt.connector.mqtt.MqttConnector;
import dev.takt.shared.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * MQTT settings:
 *
 * <pre>{@code
 * { "brokerUrl": "tcp://broker:1883" | "ssl://broker:8883", "clientId": "takt-hall-2",
 *   "username": "...", "password": "...", "mode": "sparkplug" | "json",
 *   "receiveMaximum": 65535,                                   // optional, 100..65535
 *   "hostApplicationId": "takt", "groups": ["+"],              // sparkplug
 *   "sharedSubscriptionGroup": "takt",                         // json, optional
 *   "topics": [ { "filter": "plant/+/telemetry", "sourceLevel": 1,
 *                 "fields": { "/spindle/speed": "spindleSpeed" }, "timestamp": "/ts" } ] }
 * }</pre>
 */
@Component
class MqttConnectorFactory implements ConnectorFactory {

  @Override
  public Protocol protocol() {
    return Protocol.MQTT;
  }

  @Override
  public List<String> secretPointers() {
    return List.of("/password");
  }

  @Override
  public void check(String name, JsonNode settings) {
    config(name, settings);
  }

  @Override
  public Connector create(String name, JsonNode settings) {
    return new MqttConnector(config(name, settings));
  }

  MqttConfig config(String name, JsonNode json) {
    Settings s = Settings.root(json, "settings");
    String broker = s.text("brokerUrl", true, 500);
    URI uri;
    try {
      uri = new URI(broker);
    } catch (URISyntaxException e) {
      throw s.invalid("brokerUrl", "is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    boolean tls =
        switch (scheme) {
          case "tcp", "mqtt" -> false;
          case "ssl", "mqtts" -> true;
          default -> throw s.invalid("brokerUrl", "must be tcp://, mqtt://, ssl:// or mqtts://");
        };
    if (uri.getHost() == null) {
      throw s.invalid("brokerUrl", "has no host");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883;
    String clientId = s.text("clientId", false, 128);
    String username = s.text("username", false, 200);
    String password = s.text("password", false, 500);
    String mode = s.text("mode", true, 20);
    // The full MQTT 5 window by default: Mosquitto 2.0.11, resuming a session after Takt was
    // killed with a backlog, re-sent its in-flight messages on top of a full new window; with a
    // window of 1,000 the client dropped every such connection as a protocol error and took the
    // same messages again, over and over (found by bench/mqtt, kill -9 at 30,000 events/s).
    int receiveMaximum = (int) s.integer("receiveMaximum", 65535, 100, 65535);
    MqttConfig.Builder b =
        MqttConfig.builder()
            .broker(uri.getHost(), port)
            .tls(tls)
            .clientId(clientId != null ? clientId : "takt-" + name)
            .credentials(username, password)
            .receiveMaximum(receiveMaximum);
    switch (mode) {
      case "sparkplug" -> {
        String host = s.text("hostApplicationId", false, 256);
        List<String> groups = s.texts("groups", 100, 256);
        b.sparkplugHost(host == null ? "takt" : host, groups.toArray(String[]::new));
      }
      case "json" -> {
        String share = s.text("sharedSubscriptionGroup", false, 256);
        if (share != null) {
          b.shareGroup(share);
        }
        List<Settings> topics = s.objects("topics", true, 1000);
        for (Settings topic : topics) {
          try {
            JsonMapping.Builder m =
                JsonMapping.topic(topic.text("filter", true, 1000))
                    .sourceLevel((int) topic.integer("sourceLevel", -1, -1, 100));
            List<Map.Entry<String, JsonNode>> fields = topic.entries("fields", 1000);
            if (fields.isEmpty()) {
              throw topic.invalid("fields", "needs at least one JSON Pointer → signal name");
            }
            for (Map.Entry<String, JsonNode> f : fields) {
              if (!f.getValue().isString()) {
                throw topic.invalid("fields", "maps JSON Pointers to signal names (texts)");
              }
              m.field(f.getKey(), f.getValue().stringValue());
            }
            String ts = topic.text("timestamp", false, 500);
            if (ts != null) {
              m.timestamp(ts);
            }
            topic.noOthers();
            b.json(m.build());
          } catch (IllegalArgumentException e) {
            throw new InvalidInputException(topic.path(), e.getMessage());
          }
        }
      }
      default -> throw s.invalid("mode", "must be sparkplug or json");
    }
    s.noOthers();
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("settings", e.getMessage());
    }
  }
}
