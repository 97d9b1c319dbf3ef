package dev.takt.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class KeptBrieflyTest {

  final KeptBriefly<String, String> calendars = new KeptBriefly<>(Duration.ofMinutes(1), 2);

  /** What the database holds, and how often it was asked. */
  final List<String> reads = new ArrayList<>();

  String database = "early and late";

  Optional<String> read(String site) {
    reads.add(site);
    return site.equals("DEMO") ? Optional.of(database) : Optional.empty();
  }

  @AfterEach
  void noTransactionLeftOpen() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
    TransactionSynchronizationManager.unbindResourceIfPossible(calendars);
  }

  /** Stands in for the transaction manager: runs what waits for the transaction's end. */
  static void transactionEnds(int status) {
    List<TransactionSynchronization> waiting =
        TransactionSynchronizationManager.getSynchronizations();
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationUtils.invokeAfterCompletion(waiting, status);
  }

  @Test
  void readsTheDatabaseOnceForAKnownKeyAndEachTimeForAnUnknownOne() {
    assertThat(calendars.getOrLoad("DEMO", this::read)).contains("early and late");
    assertThat(calendars.getOrLoad("DEMO", this::read)).contains("early and late");
    assertThat(calendars.getOrLoad("NOWHERE", this::read)).isEmpty();
    assertThat(calendars.getOrLoad("NOWHERE", this::read)).isEmpty();

    assertThat(reads).containsExactly("DEMO", "NOWHERE", "NOWHERE");
  }

  @Test
  void aTransactionThatChangedTheDataReadsItsOwnChangeWhileOthersGetTheCommittedState() {
    calendars.getOrLoad("DEMO", this::read);

    // when: a transaction changes the calendar ...
    TransactionSynchronizationManager.initSynchronization();
    database = "early only";
    calendars.forgetAfterCommit();

    // ... it reads its own change, while others still get the committed state
    assertThat(calendars.getOrLoad("DEMO", this::read)).contains("early only");
    assertThat(calendars.get("DEMO")).isEqualTo("early and late");

    // then: after a rollback the database is read again, and kept
    database = "early and late";
    transactionEnds(TransactionSynchronization.STATUS_ROLLED_BACK);
    assertThat(calendars.get("DEMO")).isNull();
    assertThat(calendars.getOrLoad("DEMO", this::read)).contains("early and late");
    assertThat(calendars.get("DEMO")).isEqualTo("early and late");
    assertThat(reads).containsExactly("DEMO", "DEMO", "DEMO");
  }

  @Test
  void whatWasKeptBeforeAChangeIsForgottenWhenItCommits() {
    calendars.getOrLoad("DEMO", this::read);
    TransactionSynchronizationManager.initSynchronization();
    database = "early only";
    calendars.forgetAfterCommit();
    calendars.forgetAfterCommit(); // a second write in the same transaction

    transactionEnds(TransactionSynchronization.STATUS_COMMITTED);

    assertThat(calendars.getOrLoad("DEMO", this::read)).contains("early only");
    assertThat(TransactionSynchronizationManager.hasResource(calendars)).isFalse();
  }

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
