package dev.takt.connector.mqtt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.takt.connector.ConnectorStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The real Mosquitto broker on 127.0.0.1:1883 that the connector tests run against. Without it the
 * tests are skipped, unless {@code TAKT_MQTT_REQUIRED=true} (CI) makes them fail.
 */
final class Broker {

  static final String HOST = "127.0.0.1";
  static final int PORT = 1883;
  static final Duration WAIT = Duration.ofSeconds(20);

  private Broker() {}

  static void assumeReachable() {
    boolean reachable;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, PORT), 1000);
      reachable = true;
    } catch (IOException e) {
      reachable = false;
    }
    String message =
        "MQTT broker not reachable on "
            + HOST
            + ":"
            + PORT
            + " (start Mosquitto as .ci/run does; TAKT_MQTT_REQUIRED=true fails instead of skipping)";
    if (!reachable && "true".equals(System.getenv("TAKT_MQTT_REQUIRED"))) {
      throw new AssertionError(message);
    }
    assumeTrue(reachable, message);
  }

  /** A name no other test or process on the shared broker uses. */
  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A connector config for this broker with a short session, so tests leave little behind. */
  static MqttConfig.Builder config(String clientId) {
    return MqttConfig.builder()
        .broker(HOST, PORT)
        .clientId(clientId)
        .sessionExpiry(Duration.ofMinutes(2))
        .reconnectMaxDelay(Duration.ofSeconds(2));
  }

  /** A plain client that publishes and waits for the broker's PUBACK. */
  static Mqtt5BlockingClient publisher() {
    Mqtt5BlockingClient client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(unique("publisher"))
            .serverHost(HOST)
            .serverPort(PORT)
            .buildBlocking();
    client.connect();
    return client;
  }

  static void publish(Mqtt5BlockingClient client, String topic, String json) {
    client
        .publishWith()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(json.getBytes(StandardCharsets.UTF_8))
        .send();
  }

  static void awaitConnected(MqttConnector connector) {
    awaitUntil(
        "connector connects", () -> connector.status().state() == ConnectorStatus.State.CONNECTED);
  }

  /** Polls {@code condition} until it holds, at most {@link #WAIT}. */
  static void awaitUntil(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
