package dev.takt.performance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnitStateTest {

  static final Instant STARTED = Instant.parse("2026-03-02T05:00:00Z");
  static final Instant LATER = STARTED.plusSeconds(600);

  final UnitState press = UnitState.idle("DEMO", "PRESS-1");
  final UnitState running = press.onOperation(UUID.randomUUID(), "PO-1", 10, "RUN", STARTED);

  @Test
  void aBookedRunThatTheMachineConfirmsIsRunningSinceTheLaterOfTheTwo() {
    UnitState confirmed = running.machine("RUNNING", LATER);

    assertThat(confirmed.status()).isEqualTo("RUNNING");
    assertThat(confirmed.since()).isEqualTo(LATER);
  }

  @Test
  void aMachineIdleDuringABookedRunShowsIdleSinceTheMachineSaidSo() {
    UnitState waiting = running.machine("IDLE", LATER);

    assertThat(waiting.status()).isEqualTo("IDLE");
    assertThat(waiting.since()).isEqualTo(LATER);
  }

  @Test
  void aDowntimeWinsOverWhatTheMachineReports() {
    UnitState down = running.machine("RUNNING", STARTED).down(UUID.randomUUID(), "JAM", LATER);

    assertThat(down.status()).isEqualTo("DOWN");
    assertThat(down.since()).isEqualTo(LATER);
  }

  @Test
  void aMachineOfflineIsShownOfflineEvenWhilePaused() {
    UnitState paused = running.phase("PAUSED", "BREAK", STARTED).machine("OFFLINE", LATER);

    assertThat(paused.status()).isEqualTo("OFFLINE");
  }

  @Test
  void aBookedPauseStaysPausedWhateverTheMachineRuns() {
    UnitState paused = running.phase("PAUSED", "BREAK", LATER).machine("RUNNING", STARTED);

    assertThat(paused.status()).isEqualTo("PAUSED");
    assertThat(paused.since()).isEqualTo(LATER);
  }

  @Test
  void aMachineRunningWithNothingBookedShowsRunningAndAnUnknownMachineIdle() {
    assertThat(press.machine("RUNNING", LATER).status()).isEqualTo("RUNNING");
    assertThat(press.status()).isEqualTo("IDLE");
  }
}
