package dev.takt.compliance.internal;

import dev.takt.compliance.AuditAction;
import dev.takt.compliance.AuditTrail;
import dev.takt.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * Records changes for the hash chain. A change is written in the caller's transaction, with no lock
 * that other transactions share, to the records waiting to be linked; the {@link AuditSealer} links
 * them into the chain once the transaction has committed. So a change commits with its record or
 * not at all, and transactions do not wait for each other to append.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

  static final int MAX_REASON_LENGTH = 500;
  static final String SYSTEM = "system";

  private final AuditRecords records;
  private final AuditSealer sealer;
  private final ObjectMapper json;
  private final Clock clock;

  JdbcAuditTrail(AuditRecords records, AuditSealer sealer, ObjectMapper json, Clock clock) {
    this.records = records;
    this.sealer = sealer;
    this.json = json;
    this.clock = clock;
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
    // PostgreSQL keeps microseconds; the sealer hashes what it reads back.
    Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    records.addUnlinked(
        new AuditRecords.Unlinked(
            0,
            at,
            actor,
            action,
            entityType,
            entityKey,
            toJson(oldValue),
            toJson(newValue),
            reason));
    sealer.wakeAfterCommit();
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
