package dev.takt.compliance;

/** What happened to the entity. A status change (release, lock) is an UPDATE with old and new. */
public enum AuditAction {
  CREATE,
  UPDATE,
  DELETE
}
