package dev.takt.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.RecordingSink;
import dev.takt.connector.SignalValue;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A QoS 1 message is acknowledged to the broker only after the sink took it: while the sink refuses
 * (its database is down), messages stay unacknowledged and come when it takes them again, in order,
 * also when Takt restarts in between (persistent session).
 */
class NothingAcknowledgedIsLostTest {

  private final String plant = Broker.unique("plant");
  private final String clientId = Broker.unique("takt");
  private final CountingSink sink = new CountingSink();
  private Mqtt5BlockingClient machine;
  private MqttConnector connector;

  /** Counts every batch offered, taken or refused. */
  static final class CountingSink extends RecordingSink {
    final AtomicInteger offered = new AtomicInteger();

    @Override
    public synchronized void accept(List<MachineSignal> batch) {
      offered.incrementAndGet();
      notifyAll();
      super.accept(batch);
    }
  }

  @BeforeEach
  void machineIsConnected() {
    Broker.assumeReachable();
    machine = Broker.publisher();
  }

  @AfterEach
  void close() {
    if (connector != null) {
      connector.close();
    }
    if (machine != null) {
      machine.disconnect();
    }
  }

  @Test
  void messagesARefusingSinkDidNotTakeArriveOnceItTakesThemAgain() {
    connector = start(sink);
    sink.refuse(true);

    publishCounts(1, 30);
    sink.awaitThat("the connector offered again", s -> sink.offered.get() >= 3, Broker.WAIT);
    assertThat(sink.signals()).isEmpty();
    sink.refuse(false);

    sink.awaitThat("all counts arrived", s -> s.signals().size() >= 30, Broker.WAIT);
    assertThat(counts(sink))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
  }

  @Test
  void messagesNotTakenBeforeARestartArriveAfterItWithNothingLost() {
    connector = start(sink);
    sink.refuse(true);
    publishCounts(1, 20);
    sink.awaitThat("the connector offered", s -> sink.offered.get() >= 1, Broker.WAIT);

    connector.close();
    publishCounts(21, 40); // while Takt is down: the broker keeps them for the session
    RecordingSink afterRestart = new RecordingSink();
    connector = start(afterRestart);

    afterRestart.awaitThat("all counts arrived", s -> s.signals().size() >= 40, Broker.WAIT);
    assertThat(counts(afterRestart))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
    assertThat(sink.signals()).isEmpty();
  }

  @Test
  void theBrokerKeepsWhatExceedsItsInFlightWindowUntilTheSinkTakesAgain() {
    connector = start(sink); // Mosquitto sends at most 20 unacknowledged messages at once
    sink.refuse(true);

    publishCounts(1, 100);
    sink.awaitThat("the connector offered again", s -> sink.offered.get() >= 3, Broker.WAIT);
    sink.refuse(false);

    sink.awaitThat("all counts arrived", s -> s.signals().size() >= 100, Broker.WAIT);
    assertThat(counts(sink))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 100).boxed().toList());
    assertThat(connector.status().reconnects()).isZero();
  }

  private MqttConnector start(RecordingSink target) {
    MqttConnector started =
        new MqttConnector(
            Broker.config(clientId)
                .json(
                    JsonMapping.topic(plant + "/+/counter")
                        .sourceLevel(1)
                        .field("/count", "partsMade")
                        .build())
                .build());
    started.start(target);
    Broker.awaitConnected(started);
    return started;
  }

  private void publishCounts(int from, int to) {
    for (int n = from; n <= to; n++) {
      Broker.publish(machine, plant + "/press-1/counter", "{\"count\":" + n + "}");
    }
  }

  private static List<Integer> counts(RecordingSink sink) {
    return sink.signalsOf("partsMade").stream()
        .map(s -> (int) ((SignalValue.Numeric) s.value()).value())
        .toList();
  }
}
