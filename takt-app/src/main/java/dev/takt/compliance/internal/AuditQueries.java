package dev.takt.compliance.internal;

import dev.takt.compliance.AuditRecord;
import dev.takt.compliance.ChainVerification;
import dev.takt.shared.CursorPage;
import dev.takt.shared.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail and verifies its chain. */
@Service
public class AuditQueries {

  private final AuditRecords records;

  AuditQueries(AuditRecords records) {
    this.records = records;
  }

  @Transactional(readOnly = true)
  public CursorPage<AuditRecord> search(
      String entityType,
      String entityKey,
      String actor,
      Instant from,
      Instant to,
      String after,
      int limit) {
    long afterSeq = parseCursor(after);
    List<AuditRecord> page =
        records.find(
            new AuditRecords.Query(entityType, entityKey, actor, from, to, afterSeq), limit + 1);
    if (page.size() <= limit) {
      return new CursorPage<>(page, null);
    }
    List<AuditRecord> items = page.subList(0, limit);
    return new CursorPage<>(List.copyOf(items), Long.toString(items.getLast().seq()));
  }

  /**
   * Recomputes every hash from the first record on and reports the first broken link. Runs in a
   * repeatable snapshot so that records appended meanwhile do not look like a broken tail.
   */
  @Transactional(
      readOnly = true,
      isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
  public ChainVerification verify() {
    AuditRecords.Head head = records.head();
    HashChain.Walker walker = new HashChain.Walker();
    records.walk(r -> r.seq() <= head.seq() ? walker.next(r) : false);
    return walker.result(head.seq(), head.hash());
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
