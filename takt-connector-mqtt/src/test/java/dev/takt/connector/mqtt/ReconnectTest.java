package dev.takt.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.takt.connector.ConnectorStatus.State;
import dev.takt.connector.RecordingSink;
import dev.takt.connector.SignalValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection lost under the connector comes back by itself; the session kept by the broker brings
 * what was published in between. The connector reaches the broker through a link the test cuts.
 */
class ReconnectTest {

  private final String plant = Broker.unique("plant");
  private final RecordingSink sink = new RecordingSink();
  private CuttableLink link;
  private MqttConnector connector;
  private Mqtt5BlockingClient machine;

  @BeforeEach
  void connect() throws Exception {
    Broker.assumeReachable();
    link = new CuttableLink();
    connector =
        new MqttConnector(
            Broker.config(Broker.unique("takt"))
                .broker(Broker.HOST, link.port())
                .json(
                    JsonMapping.topic(plant + "/+/counter")
                        .sourceLevel(1)
                        .field("/count", "partsMade")
                        .build())
                .build());
    connector.start(sink);
    Broker.awaitConnected(connector);
    machine = Broker.publisher();
  }

  @AfterEach
  void close() throws Exception {
    if (connector != null) {
      connector.close();
      machine.disconnect();
      link.close();
    }
  }

  @Test
  void reconnectsAfterALostConnectionAndGetsWhatWasPublishedMeanwhile() throws Exception {
    Broker.publish(machine, plant + "/press-1/counter", "{\"count\":1}");
    sink.awaitThat("count 1", s -> s.signals().size() == 1, Broker.WAIT);

    link.cut();
    Broker.awaitUntil(
        "connection loss noticed",
        () -> connector.status().state() != State.CONNECTED || connector.status().reconnects() > 0);
    Broker.publish(machine, plant + "/press-1/counter", "{\"count\":2}");
    Broker.awaitUntil("reconnected", () -> connector.status().reconnects() == 1);

    sink.awaitThat("count 2", s -> s.signals().size() >= 2, Broker.WAIT);
    assertThat(sink.signalsOf("partsMade").getLast().value()).isEqualTo(SignalValue.of(2));
    assertThat(connector.status().lastError()).isNotNull();
  }
}
