package dev.takt.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MachineSignalTest {

  private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
  private static final SignalKey SPINDLE = new SignalKey("mill-1", "ns=2;s=Spindle.Speed");

  @Test
  void refusesNumbersThatAreNotFinite() {
    assertThrows(BadSignalException.class, () -> SignalValue.of(Double.NaN));
    assertThrows(BadSignalException.class, () -> SignalValue.of(Double.POSITIVE_INFINITY));
    assertThrows(BadSignalException.class, () -> SignalValue.of(Double.NEGATIVE_INFINITY));
  }

  @Test
  void refusesTextsLongerThanAnAlarmMessageCanBe() {
    String huge = "x".repeat(SignalValue.MAX_TEXT_LENGTH + 1);
    assertThrows(BadSignalException.class, () -> SignalValue.of(huge));
    assertThat(SignalValue.of("x".repeat(SignalValue.MAX_TEXT_LENGTH)))
        .isInstanceOf(SignalValue.Text.class);
  }

  @Test
  void refusesEmptyOrOversizedSignalNames() {
    assertThrows(BadSignalException.class, () -> new SignalKey("mill-1", " "));
    assertThrows(BadSignalException.class, () -> new SignalKey(null, "speed"));
    assertThrows(
        BadSignalException.class,
        () -> new SignalKey("mill-1", "a".repeat(SignalKey.MAX_LENGTH + 1)));
  }

  @Test
  void takesTheReceiveTimeWhenThePeerSendsNoSourceTime() {
    MachineSignal signal =
        new MachineSignal(SPINDLE, SignalValue.of(1200.0), SignalQuality.GOOD, null, NOW);

    assertThat(signal.sourceTime()).isEqualTo(NOW);
  }

  @Test
  void countsAReconnectOnlyWhenALostConnectionComesBack() {
    ConnectorCounters counters = new ConnectorCounters(Clock.fixed(NOW, ZoneOffset.UTC));

    counters.moveTo(ConnectorStatus.State.CONNECTED, null);
    counters.moveTo(ConnectorStatus.State.RECONNECTING, "connection refused");
    counters.moveTo(ConnectorStatus.State.CONNECTED, null);
    counters.moveTo(ConnectorStatus.State.CONNECTED, null);

    ConnectorStatus status = counters.status();
    assertThat(status.reconnects()).isEqualTo(1);
    assertThat(status.state()).isEqualTo(ConnectorStatus.State.CONNECTED);
    assertThat(status.lastError()).isEqualTo("connection refused");
  }

  @Test
  void cutsRejectedPayloadSamplesTo200Characters() {
    assertThat(ConnectorCounters.sample("y".repeat(1000))).hasSize(201);
    assertThat(ConnectorCounters.sample(null)).isEmpty();
  }
}
