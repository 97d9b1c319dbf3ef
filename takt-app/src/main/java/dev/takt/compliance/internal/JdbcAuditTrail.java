package dev.takt.compliance.internal;

import dev.takt.compliance.AuditAction;
import dev.takt.compliance.AuditRecord;
import dev.takt.compliance.AuditTrail;
import dev.takt.shared.CommitTail;
import dev.takt.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * Appends to the hash chain. A change is recorded in the caller's transaction and linked into the
 * chain as the transaction's last writes, just before it commits ({@link CommitTail}): under the
 * row lock on the chain head, held until the commit, so two concurrent transactions can never both
 * link to the same predecessor, on H2 and PostgreSQL alike, and the lock is held only for the
 * linking.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

  static final int MAX_REASON_LENGTH = 500;
  static final String SYSTEM = "system";

  private final AuditRecords records;
  private final ObjectMapper json;
  private final Clock clock;
  private final CommitTail<Entry> tail;

  JdbcAuditTrail(AuditRecords records, ObjectMapper json, Clock clock) {
    this.records = records;
    this.json = json;
    this.clock = clock;
    this.tail = new CommitTail<>("audit trail", CommitTail.AUDIT_TRAIL, this::link);
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      AuditAction action, String entityType, String entityKey, Object oldValue, Object newValue) {
    append(currentActor(), action, entityType, entityKey, oldValue, newValue, reasonFromRequest());
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordBySystem(
      AuditAction action,
      String entityType,
      String entityKey,
      Object oldValue,
      Object newValue,
      String reason) {
    if (reason != null && reason.length() > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException("a system reason is at most 500 characters: " + reason);
    }
    append(SYSTEM, action, entityType, entityKey, oldValue, newValue, reason);
  }

  private void append(
      String actor,
      AuditAction action,
      String entityType,
      String entityKey,
      Object oldValue,
      Object newValue,
      String reason) {
    // The values are captured now, as they are; linking them into the chain waits for the commit.
    tail.add(
        new Entry(
            actor, action, entityType, entityKey, toJson(oldValue), toJson(newValue), reason));
  }

  /** A change recorded in this transaction, not yet linked into the chain. */
  private record Entry(
      String actor,
      AuditAction action,
      String entityType,
      String entityKey,
      String oldValue,
      String newValue,
      String reason) {}

  /** Links the transaction's changes into the chain under the head's row lock, then commits. */
  private void link(List<Entry> entries) {
    AuditRecords.Head head = records.lockHead();
    // PostgreSQL keeps microseconds; hash what will be read back.
    Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    long seq = head.seq();
    String previous = head.hash();
    List<AuditRecord> signed = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      AuditRecord unsigned =
          new AuditRecord(
              ++seq,
              at,
              e.actor(),
              e.action(),
              e.entityType(),
              e.entityKey(),
              e.oldValue(),
              e.newValue(),
              e.reason(),
              previous,
              null);
      AuditRecord record = withHash(unsigned, HashChain.hashOf(unsigned));
      signed.add(record);
      previous = record.hash();
    }
    records.append(signed);
  }

  private static AuditRecord withHash(AuditRecord r, String hash) {
    return new AuditRecord(
        r.seq(),
        r.occurredAt(),
        r.actor(),
        r.action(),
        r.entityType(),
        r.entityKey(),
        r.oldValue(),
        r.newValue(),
        r.reason(),
        r.previousHash(),
        hash);
  }

  private String toJson(Object value) {
    return value == null ? null : json.writeValueAsString(value);
  }

  static String currentActor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
      return SYSTEM;
    }
    return auth.getName();
  }

  private static String reasonFromRequest() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
      return null;
    }
    String reason = attrs.getRequest().getHeader(REASON_HEADER);
    if (reason == null || reason.isBlank()) {
      return null;
    }
    if (reason.length() > MAX_REASON_LENGTH) {
      throw new InvalidInputException(
          REASON_HEADER, "the reason may be at most " + MAX_REASON_LENGTH + " characters long");
    }
    if (reason.chars().anyMatch(c -> Character.isISOControl(c))) {
      throw new InvalidInputException(
          REASON_HEADER, "the reason may not contain control characters");
    }
    return reason.strip();
  }
}
