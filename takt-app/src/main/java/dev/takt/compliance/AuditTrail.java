package dev.takt.compliance;

/**
 * Writes audit records. Must be called inside the transaction that makes the change (it refuses to
 * run outside one), so that no change commits without its record and no record without its change.
 *
 * <p>Who and why are taken from the request: the logged-in user (or {@code system} when there is
 * none, e.g. at start-up) and the optional {@code Takt-Reason} header. Old and new values are any
 * objects Jackson can write, typically the module's view records.
 */
public interface AuditTrail {

  /** Header a client sets to say why it makes a change; stored with the audit record. */
  String REASON_HEADER = "Takt-Reason";

  void record(
      AuditAction action, String entityType, String entityKey, Object oldValue, Object newValue);

  /**
   * Records a change the system makes on its own account, such as locking a user after failed
   * logins: the actor is {@code system} (not whoever may still be logged in at that terminal) and
   * the reason is the system's own {@code reason}. The request's {@code Takt-Reason} header is not
   * read: the request that triggers such a change (a failed login) is not the one asking for it,
   * and a header the trail would refuse must not be able to stop the change.
   */
  void recordBySystem(
      AuditAction action,
      String entityType,
      String entityKey,
      Object oldValue,
      Object newValue,
      String reason);

  default void created(String entityType, String entityKey, Object newValue) {
    record(AuditAction.CREATE, entityType, entityKey, null, newValue);
  }

  default void updated(String entityType, String entityKey, Object oldValue, Object newValue) {
    record(AuditAction.UPDATE, entityType, entityKey, oldValue, newValue);
  }

  default void deleted(String entityType, String entityKey, Object oldValue) {
    record(AuditAction.DELETE, entityType, entityKey, oldValue, null);
  }
}
