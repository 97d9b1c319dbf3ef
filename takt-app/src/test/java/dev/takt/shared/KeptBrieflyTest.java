package dev.takt.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeptBrieflyTest {

  final KeptBriefly<String, String> calendars = new KeptBriefly<>(Duration.ofMinutes(1), 2);

  @Test
  void keepsWhatWasReadForItsKey() {
    calendars.put("DEMO", "early and late", calendars.generation());

    assertThat(calendars.get("DEMO")).isEqualTo("early and late");
    assertThat(calendars.get("OTHER")).isNull();
  }

  @Test
  void forgetsEverythingWhenAChangeCommits() {
    calendars.put("DEMO", "early and late", calendars.generation());

    calendars.forgetAfterCommit(); // outside a transaction: at once

    assertThat(calendars.get("DEMO")).isNull();
  }

  @Test
  void aValueReadBeforeAChangeIsNotKeptAfterIt() {
    // given: a look-up reads the old calendar ...
    long before = calendars.generation();

    // when: ... while a change commits, and it then keeps what it read
    calendars.forgetAfterCommit();
    calendars.put("DEMO", "early only", before);

    // then
    assertThat(calendars.get("DEMO")).isNull();
  }

  @Test
  void forgetsEverythingRatherThanGrowBeyondItsBound() {
    long generation = calendars.generation();
    calendars.put("A", "a", generation);
    calendars.put("B", "b", generation);

    calendars.put("C", "c", generation);

    assertThat(calendars.get("A")).isNull();
    assertThat(calendars.get("B")).isNull();
    assertThat(calendars.get("C")).isEqualTo("c");
  }

  @Test
  void forgetsAValueOnceItsTimeIsUp() {
    KeptBriefly<String, String> gone = new KeptBriefly<>(Duration.ofNanos(-1), 10);

    gone.put("DEMO", "early and late", gone.generation());

    assertThat(gone.get("DEMO")).isNull();
  }
}
