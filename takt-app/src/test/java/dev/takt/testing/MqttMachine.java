package dev.takt.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A machine on the local Mosquitto broker (127.0.0.1:1883) that sends JSON telemetry, wired to a
 * work unit through a real MQTT connection and machine mapping: {@code execution} ACTIVE is
 * RUNNING, READY is IDLE, SETUP is SETUP, STOPPED is DOWN; {@code spindle.speed} is a process
 * value. Tests without the broker are skipped unless {@code TAKT_MQTT_REQUIRED=true}.
 */
public final class MqttMachine implements AutoCloseable {

  private final Api api;
  private final String site;
  private final String unit;
  private final String topic;
  private final String connectionId;
  private final Mqtt5BlockingClient client;

  public static void assumeBroker() {
    boolean reachable;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 1883), 1000);
      reachable = true;
    } catch (IOException e) {
      reachable = false;
    }
    if (!reachable && "true".equals(System.getenv("TAKT_MQTT_REQUIRED"))) {
      throw new AssertionError("MQTT broker not reachable on 127.0.0.1:1883");
    }
    assumeTrue(reachable, "MQTT broker not reachable on 127.0.0.1:1883");
  }

  public MqttMachine(Api api, String site, String unit) throws InterruptedException {
    assumeBroker();
    this.api = api;
    this.site = site;
    this.unit = unit;
    String plant = "takt-it-" + UUID.randomUUID().toString().substring(0, 8);
    String name = "mqtt-" + UUID.randomUUID().toString().substring(0, 8);
    topic = plant + "/mc-1/telemetry";
    connectionId =
        api.asAdmin()
            .post(
                "/api/v1/connections",
                Map.of(
                    "name",
                    name,
                    "site",
                    site,
                    "protocol",
                    "MQTT",
                    "settings",
                    Map.of(
                        "brokerUrl",
                        "tcp://127.0.0.1:1883",
                        "mode",
                        "json",
                        "topics",
                        List.of(
                            Map.of(
                                "filter",
                                plant + "/+/telemetry",
                                "sourceLevel",
                                1,
                                "fields",
                                Map.of("/execution", "execution", "/spindle/speed", "speed"))))))
            .expect(201)
            .json()
            .path("id")
            .asString();
    api.asAdmin()
        .put(
            "/api/v1/work-units/" + site + "/" + unit + "/machine-mapping",
            Map.of(
                "connection",
                name,
                "source",
                "mc-1",
                "signals",
                Map.of("execution", "execution"),
                "state",
                Map.of(
                    "signal",
                    "execution",
                    "values",
                    Map.of(
                        "ACTIVE", "RUNNING", "READY", "IDLE", "SETUP", "SETUP", "STOPPED",
                        "DOWN"))))
        .expect(200);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!connectionStatus().path("state").asString().equals("CONNECTED")
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier("machine-" + plant)
            .serverHost("127.0.0.1")
            .serverPort(1883)
            .buildBlocking();
    client.connect();
  }

  /** Publishes the machine's execution state as its controller would. */
  public void reports(String execution) {
    sends("{\"execution\": \"" + execution + "\"}");
  }

  /** Publishes any payload, e.g. garbage. */
  public void sends(String json) {
    client
        .publishWith()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(json.getBytes(StandardCharsets.UTF_8))
        .send();
  }

  /** The connection's status as the API shows it (state, rejected messages, …). */
  public JsonNode connectionStatus() {
    return api.asAdmin().get("/api/v1/connections/" + connectionId + "/status").json();
  }

  /** The machine state Takt derived, or "none". */
  public String state() {
    Api.Response r =
        api.asAdmin().get("/api/v1/work-units/" + site + "/" + unit + "/machine-state");
    return r.status() == 200 ? r.json().path("state").asString() : "none";
  }

  @Override
  public void close() {
    client.disconnect();
    api.asAdmin().delete("/api/v1/work-units/" + site + "/" + unit + "/machine-mapping");
    api.asAdmin().delete("/api/v1/connections/" + connectionId);
  }
}
