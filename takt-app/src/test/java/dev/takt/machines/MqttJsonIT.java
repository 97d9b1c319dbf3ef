package dev.takt.machines;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.takt.execution.ShopFloor;
import dev.takt.testing.Api;
import dev.takt.testing.MqttMachine;
import dev.takt.testing.TaktIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Plain MQTT topics with JSON payloads, through the real MQTT connector and the local Mosquitto
 * broker (127.0.0.1:1883, as the connector's own tests use; skipped without it unless {@code
 * TAKT_MQTT_REQUIRED=true}).
 */
@TaktIntegrationTest
class MqttJsonIT {

  @Autowired Api api;

  private String state(ShopFloor floor) {
    Api.Response r = api.asAdmin().get("/api/v1/work-units/" + floor.site + "/M1/machine-state");
    return r.status() == 200 ? r.json().path("state").asString() : "none";
  }

  private String await(ShopFloor floor, String wanted) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String s = state(floor);
    while (!s.equals(wanted) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      s = state(floor);
    }
    return s;
  }

  @Test
  void jsonTelemetryOverMqttDrivesTheMachineStateAndGarbageIsCounted() throws Exception {
    MqttMachine.assumeBroker();
    // given: a JSON connection on a topic of this test's own, mapped to M1
    ShopFloor floor = new ShopFloor(api);
    String plant = "takt-it-" + UUID.randomUUID().toString().substring(0, 8);
    String name = "mqtt-" + UUID.randomUUID().toString().substring(0, 8);
    String id =
        api.asAdmin()
            .post(
                "/api/v1/connections",
                Map.of(
                    "name",
                    name,
                    "site",
                    floor.site,
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
            "/api/v1/work-units/" + floor.site + "/M1/machine-mapping",
            Map.of(
                "connection", name,
                "source", "mc-1",
                "signals", Map.of("execution", "execution", "speed", "speed"),
                "state",
                    Map.of(
                        "signal",
                        "execution",
                        "values",
                        Map.of("ACTIVE", "RUNNING", "STOPPED", "DOWN")),
                "processValues", List.of("speed")))
        .expect(200);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!api.asAdmin()
            .get("/api/v1/connections/" + id + "/status")
            .json()
            .path("state")
            .asString()
            .equals("CONNECTED")
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Mqtt5BlockingClient machine =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier("machine-" + plant)
            .serverHost("127.0.0.1")
            .serverPort(1883)
            .buildBlocking();
    machine.connect();
    try {
      // when / then: the machine runs, sends garbage, stops
      publish(
          machine,
          plant + "/mc-1/telemetry",
          "{\"execution\": \"ACTIVE\", \"spindle\": {\"speed\": 1500}}");
      assertThat(await(floor, "RUNNING")).isEqualTo("RUNNING");
      publish(machine, plant + "/mc-1/telemetry", "{\"execution\": ");
      publish(machine, plant + "/mc-1/telemetry", "{\"execution\": \"STOPPED\"}");
      assertThat(await(floor, "DOWN")).isEqualTo("DOWN");
      JsonNode status = api.asAdmin().get("/api/v1/connections/" + id + "/status").json();
      assertThat(status.path("rejected").asLong()).isGreaterThanOrEqualTo(1);
      assertThat(status.path("state").asString()).isEqualTo("CONNECTED");
    } finally {
      machine.disconnect();
      api.asAdmin().delete("/api/v1/work-units/" + floor.site + "/M1/machine-mapping");
      api.asAdmin().delete("/api/v1/connections/" + id);
    }
  }

  private static void publish(Mqtt5BlockingClient client, String topic, String json) {
    client
        .publishWith()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(json.getBytes(StandardCharsets.UTF_8))
        .send();
  }
}
