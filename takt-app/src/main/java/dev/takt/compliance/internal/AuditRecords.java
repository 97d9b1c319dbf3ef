package dev.takt.compliance.internal;

import dev.takt.compliance.AuditAction;
import dev.takt.compliance.AuditRecord;
import dev.takt.shared.InList;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit tables: the records (insert and read only), the head of the chain, and the changes
 * waiting to be linked into it.
 */
@Repository
class AuditRecords {

  record Head(long seq, String hash) {}

  /** A change recorded by its transaction, not yet linked into the chain. */
  record Unlinked(
      long id,
      Instant occurredAt,
      String actor,
      AuditAction action,
      String entityType,
      String entityKey,
      String oldValue,
      String newValue,
      String reason) {}

  /** Filters of the audit search; null means any. */
  record Query(
      String entityType, String entityKey, String actor, Instant from, Instant to, long afterSeq) {}

  private final JdbcClient jdbc;

  AuditRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Head lockHead() {
    return jdbc.sql("SELECT last_seq, last_hash FROM compliance_audit_head WHERE id = 1 FOR UPDATE")
        .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
        .single();
  }

  Head head() {
    return jdbc.sql("SELECT last_seq, last_hash FROM compliance_audit_head WHERE id = 1")
        .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
        .single();
  }

  /** Adds a change to those waiting to be linked (its id is given by the database). */
  void addUnlinked(Unlinked u) {
    jdbc.sql(
            """
            INSERT INTO compliance_audit_pending (occurred_at, actor, action, entity_type,
              entity_key, old_value, new_value, reason)
            VALUES (:at, :actor, :action, :type, :key, :old, :new, :reason)
            """)
        .param("at", OffsetDateTime.ofInstant(u.occurredAt(), ZoneOffset.UTC))
        .param("actor", u.actor())
        .param("action", u.action().name())
        .param("type", u.entityType())
        .param("key", u.entityKey())
        .param("old", u.oldValue())
        .param("new", u.newValue())
        .param("reason", u.reason())
        .update();
  }

  boolean anyUnlinked() {
    return jdbc.sql("SELECT id FROM compliance_audit_pending FETCH FIRST 1 ROWS ONLY")
        .query(Long.class)
        .optional()
        .isPresent();
  }

  /** The oldest committed changes waiting to be linked, in the order they were recorded. */
  List<Unlinked> oldestUnlinked(int limit) {
    return jdbc.sql(
            "SELECT * FROM compliance_audit_pending ORDER BY id FETCH FIRST :limit ROWS ONLY")
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Unlinked(
                    rs.getLong("id"),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    rs.getString("actor"),
                    AuditAction.valueOf(rs.getString("action")),
                    rs.getString("entity_type"),
                    rs.getString("entity_key"),
                    rs.getString("old_value"),
                    rs.getString("new_value"),
                    rs.getString("reason")))
        .list();
  }

  void removeUnlinked(List<Unlinked> linked) {
    jdbc.sql("DELETE FROM compliance_audit_pending WHERE id IN (:ids)")
        .param("ids", InList.padded(linked.stream().map(Unlinked::id).toList()))
        .update();
  }

  /** Inserts linked records and moves the head to the last of them (head locked by the caller). */
  void append(List<AuditRecord> linked) {
    for (AuditRecord r : linked) {
      jdbc.sql(
              """
              INSERT INTO compliance_audit_record (seq, occurred_at, actor, action, entity_type,
                entity_key, old_value, new_value, reason, prev_hash, hash)
              VALUES (:seq, :at, :actor, :action, :type, :key, :old, :new, :reason, :prev, :hash)
              """)
          .param("seq", r.seq())
          .param("at", OffsetDateTime.ofInstant(r.occurredAt(), ZoneOffset.UTC))
          .param("actor", r.actor())
          .param("action", r.action().name())
          .param("type", r.entityType())
          .param("key", r.entityKey())
          .param("old", r.oldValue())
          .param("new", r.newValue())
          .param("reason", r.reason())
          .param("prev", r.previousHash())
          .param("hash", r.hash())
          .update();
    }
    AuditRecord last = linked.getLast();
    jdbc.sql("UPDATE compliance_audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
        .param("seq", last.seq())
        .param("hash", last.hash())
        .update();
  }

  List<AuditRecord> find(Query q, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT * FROM compliance_audit_record WHERE seq > :after");
    Map<String, Object> params = new HashMap<>();
    params.put("after", q.afterSeq());
    params.put("limit", limit);
    if (q.entityType() != null) {
      sql.append(" AND entity_type = :type");
      params.put("type", q.entityType());
    }
    if (q.entityKey() != null) {
      sql.append(" AND entity_key = :key");
      params.put("key", q.entityKey());
    }
    if (q.actor() != null) {
      sql.append(" AND actor = :actor");
      params.put("actor", q.actor());
    }
    if (q.from() != null) {
      sql.append(" AND occurred_at >= :from");
      params.put("from", OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
    }
    if (q.to() != null) {
      sql.append(" AND occurred_at < :to");
      params.put("to", OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
    }
    sql.append(" ORDER BY seq LIMIT :limit");
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
  }

  /** Streams every record in sequence order until {@code visitor} returns false. */
  void walk(Predicate<AuditRecord> visitor) {
    boolean[] going = {true};
    jdbc.sql("SELECT * FROM compliance_audit_record ORDER BY seq")
        .query(
            (RowCallbackHandler)
                rs -> {
                  if (going[0]) {
                    going[0] = visitor.test(map(rs));
                  }
                });
  }

  private static AuditRecord map(ResultSet rs) throws SQLException {
    return new AuditRecord(
        rs.getLong("seq"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        AuditAction.valueOf(rs.getString("action")),
        rs.getString("entity_type"),
        rs.getString("entity_key"),
        rs.getString("old_value"),
        rs.getString("new_value"),
        rs.getString("reason"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }
}
