package dev.takt.compliance;

import java.time.Instant;

/** One stored audit record, as the audit API shows it. Values are JSON text as recorded. */
public record AuditRecord(
    long seq,
    Instant occurredAt,
    String actor,
    AuditAction action,
    String entityType,
    String entityKey,
    String oldValue,
    String newValue,
    String reason,
    String previousHash,
    String hash) {}
