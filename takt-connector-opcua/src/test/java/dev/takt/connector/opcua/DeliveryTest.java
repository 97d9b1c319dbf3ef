package dev.takt.connector.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.connector.ConnectorCounters;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.RecordingSink;
import dev.takt.connector.SignalKey;
import dev.takt.connector.SignalValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryTest {

  private static final SignalKey COUNT = new SignalKey("press-7", "ns=2;s=Press.Count");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final RecordingSink sink = new RecordingSink();
  private final ConnectorCounters counters = new ConnectorCounters(Clock.systemUTC());
  private final AtomicInteger pauses = new AtomicInteger();
  private final AtomicInteger resumes = new AtomicInteger();
  private final Delivery delivery =
      new Delivery("press", sink, counters, 10, pauses::incrementAndGet, resumes::incrementAndGet);

  @AfterEach
  void close() {
    delivery.close();
  }

  @Test
  void handsSignalsToTheSinkInTheOrderTheyCame() {
    delivery.start();

    delivery.offer(counts(1, 5));
    delivery.offer(counts(6, 9));

    sink.awaitThat("nine counts arrive", s -> s.signals().size() == 9, WAIT);
    assertThat(values()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
    sink.awaitThat("the counters count 9", s -> counters.status().signals() == 9, WAIT);
  }

  @Test
  void keepsSignalsWhileTheSinkRefusesAndPausesPublishingWhenFull() {
    sink.refuse(true);
    delivery.start();

    delivery.offer(counts(1, 12));
    assertThat(pauses).hasValue(1);
    assertThat(delivery.waiting()).isEqualTo(12);
    sink.refuse(false);

    sink.awaitThat("twelve counts arrive", s -> s.signals().size() == 12, WAIT);
    assertThat(values()).isSorted().doesNotHaveDuplicates().hasSize(12);
    sink.awaitThat("publishing resumes", s -> resumes.get() == 1, WAIT);
    sink.awaitThat("the counters count 12", s -> counters.status().signals() == 12, WAIT);
  }

  @Test
  void dropsOnlyNewValuesBeyondTwiceItsCapacity() {
    sink.refuse(true);
    delivery.start();

    delivery.offer(counts(1, 25));
    assertThat(delivery.waiting()).isEqualTo(20);
    assertThat(delivery.dropped()).isEqualTo(5);
    sink.refuse(false);

    sink.awaitThat("the twenty kept counts arrive", s -> s.signals().size() == 20, WAIT);
    assertThat(values()).first().isEqualTo(1.0);
    assertThat(values()).last().isEqualTo(20.0);
  }

  private List<MachineSignal> counts(int from, int to) {
    Instant now = Instant.now();
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> MachineSignal.good(COUNT, SignalValue.of(i), now))
        .toList();
  }

  private List<Double> values() {
    return sink.signals().stream().map(s -> ((SignalValue.Numeric) s.value()).value()).toList();
  }
}
