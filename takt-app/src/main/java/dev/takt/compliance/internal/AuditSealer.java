package dev.takt.compliance.internal;

import dev.takt.compliance.AuditRecord;
import dev.takt.shared.WakeableWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed changes into the hash chain: under the row lock of the chain head, the oldest
 * waiting changes (up to {@value #BATCH}) get the next sequence numbers, each the hash of the one
 * before, and leave the waiting table, all in one transaction.
 *
 * <p>Changes are recorded without any lock other transactions share, and linked here, on a thread
 * of its own woken after each commit, so bookings no longer commit one after another. Readers of
 * the trail call {@link #sealAll()} first and so see every change committed before they asked. A
 * waiting change is kept in its own append-only table until it is linked (at the latest a second
 * later, or at the next start after a crash): nothing is acknowledged that is not in the database.
 */
@Component
class AuditSealer {

  static final int BATCH = 500;

  /**
   * Woken by a commit, the sealer waits this long for more to gather: a batch is a transaction of
   * its own, and one per booking would cost the database more than the bookings' own inserts.
   * Readers link what waits themselves, so nobody waits for it.
   */
  static final Duration LINGER = Duration.ofMillis(50);

  private final AuditRecords records;
  private final TransactionTemplate tx;
  private final WakeableWorker worker;

  AuditSealer(AuditRecords records, PlatformTransactionManager transactions) {
    this.records = records;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.worker = new WakeableWorker("audit-sealer", LINGER, () -> sealBatch() == BATCH);
  }

  /** Called in a transaction that recorded a change: link it once the transaction commits. */
  void wakeAfterCommit() {
    worker.wakeAfterCommit();
  }

  /** Links every change committed so far. */
  void sealAll() {
    if (!records.anyUnlinked()) {
      return;
    }
    while (sealBatch() == BATCH) {
      // more waits
    }
  }

  /** Links the oldest waiting changes; returns how many. */
  int sealBatch() {
    Integer sealed =
        tx.execute(
            status -> {
              AuditRecords.Head head = records.lockHead();
              List<AuditRecords.Unlinked> waiting = records.oldestUnlinked(BATCH);
              if (waiting.isEmpty()) {
                return 0;
              }
              records.append(link(head, waiting));
              records.removeUnlinked(waiting);
              return waiting.size();
            });
    return sealed == null ? 0 : sealed;
  }

  private static List<AuditRecord> link(
      AuditRecords.Head head, List<AuditRecords.Unlinked> waiting) {
    long seq = head.seq();
    String previous = head.hash();
    List<AuditRecord> linked = new ArrayList<>(waiting.size());
    for (AuditRecords.Unlinked u : waiting) {
      AuditRecord unsigned =
          new AuditRecord(
              ++seq,
              u.occurredAt(),
              u.actor(),
              u.action(),
              u.entityType(),
              u.entityKey(),
              u.oldValue(),
              u.newValue(),
              u.reason(),
              previous,
              null);
      String hash = HashChain.hashOf(unsigned);
      linked.add(
          new AuditRecord(
              unsigned.seq(),
              unsigned.occurredAt(),
              unsigned.actor(),
              unsigned.action(),
              unsigned.entityType(),
              unsigned.entityKey(),
              unsigned.oldValue(),
              unsigned.newValue(),
              unsigned.reason(),
              previous,
              hash));
      previous = hash;
    }
    return linked;
  }

  /** The thread, started and stopped by Spring with the application. */
  @Bean
  WakeableWorker auditSealerThread() {
    return worker;
  }
}
