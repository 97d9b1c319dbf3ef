package dev.takt.compliance.internal;

import dev.takt.compliance.AuditRecord;
import dev.takt.compliance.ChainVerification;
import dev.takt.shared.CursorPage;
import dev.takt.shared.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit trail and verifies its chain. Each first links the changes committed so far
 * ({@link AuditSealer}), then reads, so that a change is in the trail once its request has been
 * answered.
 */
@Service
public class AuditQueries {

  private final AuditRecords records;
  private final AuditSealer sealer;
  private final TransactionTemplate read;
  private final TransactionTemplate snapshot;

  AuditQueries(AuditRecords records, AuditSealer sealer, PlatformTransactionManager transactions) {
    this.records = records;
    this.sealer = sealer;
    this.read = new TransactionTemplate(transactions);
    this.read.setReadOnly(true);
    // Verification reads a repeatable snapshot, so that records appended meanwhile do not look like
    // a broken tail.
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  public CursorPage<AuditRecord> search(
      String entityType,
      String entityKey,
      String actor,
      Instant from,
      Instant to,
      String after,
      int limit) {
    long afterSeq = parseCursor(after);
    sealer.sealAll();
    List<AuditRecord> page =
        read.execute(
            s ->
                records.find(
                    new AuditRecords.Query(entityType, entityKey, actor, from, to, afterSeq),
                    limit + 1));
    if (page.size() <= limit) {
      return new CursorPage<>(page, null);
    }
    List<AuditRecord> items = page.subList(0, limit);
    return new CursorPage<>(List.copyOf(items), Long.toString(items.getLast().seq()));
  }

  /** Recomputes every hash from the first record on and reports the first broken link. */
  public ChainVerification verify() {
    sealer.sealAll();
    return snapshot.execute(
        s -> {
          AuditRecords.Head head = records.head();
          HashChain.Walker walker = new HashChain.Walker();
          records.walk(r -> r.seq() <= head.seq() ? walker.next(r) : false);
          return walker.result(head.seq(), head.hash());
        });
  }

  private static long parseCursor(String after) {
    if (after == null || after.isBlank()) {
      return 0;
    }
    try {
      long seq = Long.parseLong(after);
      if (seq < 0) {
        throw new NumberFormatException();
      }
      return seq;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("after", "not a cursor this API handed out");
    }
  }
}
