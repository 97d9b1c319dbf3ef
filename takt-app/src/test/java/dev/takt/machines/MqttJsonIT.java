package dev.takt.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.execution.ShopFloor;
import dev.takt.testing.Api;
import dev.takt.testing.MqttMachine;
import dev.takt.testing.TaktIntegrationTest;
import java.time.Duration;
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

  private static String await(MqttMachine machine, String wanted) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String s = machine.state();
    while (!s.equals(wanted) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      s = machine.state();
    }
    return s;
  }

  @Test
  void jsonTelemetryOverMqttDrivesTheMachineStateAndGarbageIsCounted() throws Exception {
    // given: a JSON connection on a topic of this test's own, mapped to M1
    ShopFloor floor = new ShopFloor(api);
    try (MqttMachine machine = new MqttMachine(api, floor.site, "M1")) {
      // when / then: the machine runs, sends garbage, stops
      machine.sends("{\"execution\": \"ACTIVE\", \"spindle\": {\"speed\": 1500}}");
      assertThat(await(machine, "RUNNING")).isEqualTo("RUNNING");
      machine.sends("{\"execution\": ");
      machine.reports("STOPPED");
      assertThat(await(machine, "DOWN")).isEqualTo("DOWN");
      JsonNode status = machine.connectionStatus();
      assertThat(status.path("rejected").asLong()).isGreaterThanOrEqualTo(1);
      assertThat(status.path("state").asString()).isEqualTo("CONNECTED");
    }
  }
}
