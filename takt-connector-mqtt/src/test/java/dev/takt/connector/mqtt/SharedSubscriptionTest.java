package dev.takt.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.takt.connector.RecordingSink;
import dev.takt.connector.SignalValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two Takt nodes in one MQTT 5 share group split a plant's messages: none lost, none twice. */
class SharedSubscriptionTest {

  private final String plant = Broker.unique("plant");
  private final String shareGroup = Broker.unique("takt-nodes");
  private final List<MqttConnector> nodes = new ArrayList<>();
  private Mqtt5BlockingClient machine;

  @BeforeEach
  void brokerIsUp() {
    Broker.assumeReachable();
  }

  @AfterEach
  void close() {
    nodes.forEach(MqttConnector::close);
    if (machine != null) {
      machine.disconnect();
    }
  }

  @Test
  void twoNodesInOneShareGroupSplitTheMessagesWithoutLossOrDuplicates() {
    RecordingSink first = new RecordingSink();
    RecordingSink second = new RecordingSink();
    start(first);
    start(second);
    machine = Broker.publisher();

    for (int n = 1; n <= 100; n++) {
      Broker.publish(machine, plant + "/press-" + (n % 4) + "/counter", "{\"count\":" + n + "}");
    }

    Broker.awaitUntil(
        "both nodes together have all messages",
        () -> first.signals().size() + second.signals().size() >= 100);
    List<Integer> all = new ArrayList<>(counts(first));
    all.addAll(counts(second));
    assertThat(all)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 100).boxed().toList());
    assertThat(counts(first)).isNotEmpty();
    assertThat(counts(second)).isNotEmpty();
  }

  private void start(RecordingSink sink) {
    MqttConnector node =
        new MqttConnector(
            Broker.config(Broker.unique("takt"))
                .shareGroup(shareGroup)
                .json(
                    JsonMapping.topic(plant + "/+/counter")
                        .sourceLevel(1)
                        .field("/count", "partsMade")
                        .build())
                .build());
    nodes.add(node);
    node.start(sink);
    Broker.awaitConnected(node);
  }

  private static List<Integer> counts(RecordingSink sink) {
    return sink.signalsOf("partsMade").stream()
        .map(s -> (int) ((SignalValue.Numeric) s.value()).value())
        .toList();
  }
}
