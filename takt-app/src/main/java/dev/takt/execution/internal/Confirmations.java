package dev.takt.execution.internal;

import dev.takt.execution.internal.Confirmation.Type;
import dev.takt.shared.CommitTail;
import dev.takt.shared.CursorPage;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.Quantity;
import dev.takt.shared.UnitOfMeasure;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of confirmations, written in the booking's own transaction and read by cursor.
 *
 * <p>Why a single-row counter and not a database sequence: a sequence number is taken when a
 * transaction inserts, but becomes visible when it commits, so a reader could see 7 before 6
 * commits, move its cursor past 6 and never see it. Here each booking takes the next number by
 * updating the one counter row, which it then holds locked until it commits or rolls back. The next
 * booking waits for that lock, so numbers are handed out in commit order without gaps: when a
 * reader sees number N, everything below N is committed (a rolled-back booking gives its number
 * back). A cursor "after N" therefore never skips or repeats a record. The price is that bookings
 * which produce confirmations commit one after another; the counter is taken with the last writes
 * of a booking ({@link CommitTail}), so the lock is held only for those and the commit.
 */
@Component
public class Confirmations {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CommitTail<Draft> tail;

  Confirmations(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tail = new CommitTail<>("confirmations", CommitTail.OUTBOX, this::write);
  }

  /** What a booking confirms; the outbox adds id, sequence and delivery state. */
  record Draft(
      Type type,
      String site,
      String orderNumber,
      UUID operationId,
      int operationSequence,
      String workUnit,
      UnitOfMeasure unit,
      BigDecimal good,
      BigDecimal scrap,
      BigDecimal rework,
      String scrapReason,
      String reworkReason,
      String operator,
      Instant startedAt,
      Instant endedAt,
      Long setupSeconds,
      Long runSeconds,
      Long labourSeconds,
      Instant occurredAt) {}

  /**
   * Appends a confirmation to the booking's transaction; it is numbered and written as one of the
   * transaction's last writes, just before the commit ({@link CommitTail}).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void append(Draft d) {
    tail.add(d);
  }

  /** Numbers the transaction's confirmations under the counter's row lock and writes them. */
  private void write(List<Draft> drafts) {
    jdbc.sql(
            """
            UPDATE execution_confirmation_counter SET last_sequence = last_sequence + :n
             WHERE id = 1
            """)
        .param("n", drafts.size())
        .update();
    long last =
        jdbc.sql("SELECT last_sequence FROM execution_confirmation_counter WHERE id = 1")
            .query(Long.class)
            .single();
    long sequence = last - drafts.size();
    for (Draft d : drafts) {
      sequence++;
      jdbc.sql(
              """
              INSERT INTO execution_confirmation (sequence, id, type, site, order_number,
                operation_id, operation_seq, work_unit, unit, good, scrap, rework, scrap_reason,
                rework_reason, operator, started_at, ended_at, setup_seconds, run_seconds,
                labour_seconds, occurred_at, attempts, next_attempt_at)
              VALUES (:sequence, :id, :type, :site, :order, :op, :opSeq, :workUnit, :unit, :good,
                :scrap, :rework, :scrapReason, :reworkReason, :operator, :started, :ended, :setup,
                :run, :labour, :occurred, 0, :occurred)
              """)
          .param("sequence", sequence)
          .param("id", UUID.randomUUID())
          .param("type", d.type().name())
          .param("site", d.site())
          .param("order", d.orderNumber())
          .param("op", d.operationId())
          .param("opSeq", d.operationSequence())
          .param("workUnit", d.workUnit())
          .param("unit", d.unit() == null ? null : d.unit().code())
          .param("good", d.good())
          .param("scrap", d.scrap())
          .param("rework", d.rework())
          .param("scrapReason", d.scrapReason())
          .param("reworkReason", d.reworkReason())
          .param("operator", d.operator())
          .param("started", Sql.ts(d.startedAt()))
          .param("ended", Sql.ts(d.endedAt()))
          .param("setup", d.setupSeconds())
          .param("run", d.runSeconds())
          .param("labour", d.labourSeconds())
          .param("occurred", Sql.ts(d.occurredAt()))
          .update();
    }
  }

  /** Oldest first, after the cursor (a sequence number; none: from the start). */
  @Transactional(readOnly = true)
  public CursorPage<Confirmation> page(String after, int limit) {
    long from = 0;
    if (after != null) {
      try {
        from = Long.parseLong(after);
      } catch (NumberFormatException e) {
        throw new InvalidInputException("after", "is not a cursor this API handed out");
      }
    }
    List<Confirmation> rows =
        jdbc.sql(
                "SELECT * FROM execution_confirmation WHERE sequence > :from ORDER BY sequence"
                    + " LIMIT :limit")
            .param("from", from)
            .param("limit", limit + 1)
            .query((rs, n) -> map(rs))
            .list();
    boolean more = rows.size() > limit;
    List<Confirmation> items = more ? rows.subList(0, limit) : rows;
    String next = more ? String.valueOf(items.getLast().sequence()) : null;
    return new CursorPage<>(List.copyOf(items), next);
  }

  /** An undelivered confirmation, how often its push failed and when to try again. */
  record Pending(Confirmation confirmation, int attempts, Instant nextAttemptAt) {}

  /**
   * The oldest undelivered confirmations, in order, up to the first that is not due yet: a push
   * never overtakes an earlier confirmation that is waiting for its retry.
   */
  List<Pending> due(int max) {
    Instant now = clock.instant();
    List<Pending> pending =
        jdbc.sql(
                "SELECT * FROM execution_confirmation WHERE delivered_at IS NULL"
                    + " ORDER BY sequence LIMIT :max")
            .param("max", max)
            .query(
                (rs, n) ->
                    new Pending(map(rs), rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at")))
            .list();
    return pending.stream().takeWhile(p -> !p.nextAttemptAt().isAfter(now)).toList();
  }

  void delivered(long sequence) {
    jdbc.sql(
            "UPDATE execution_confirmation SET delivered_at = :now, last_error = NULL"
                + " WHERE sequence = :s")
        .param("now", Sql.ts(clock.instant()))
        .param("s", sequence)
        .update();
  }

  void failed(long sequence, Instant nextAttempt, String error) {
    jdbc.sql(
            """
            UPDATE execution_confirmation
               SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
             WHERE sequence = :s
            """)
        .param("next", Sql.ts(nextAttempt))
        .param("error", error.length() > 200 ? error.substring(0, 200) : error)
        .param("s", sequence)
        .update();
  }

  private static Confirmation map(ResultSet rs) throws SQLException {
    String unitCode = rs.getString("unit");
    UnitOfMeasure unit = unitCode == null ? null : new UnitOfMeasure(unitCode);
    return new Confirmation(
        rs.getLong("sequence"),
        rs.getObject("id", UUID.class),
        Type.valueOf(rs.getString("type")),
        rs.getString("site"),
        rs.getString("order_number"),
        rs.getObject("operation_id", UUID.class),
        rs.getInt("operation_seq"),
        rs.getString("work_unit"),
        quantity(rs.getBigDecimal("good"), unit),
        quantity(rs.getBigDecimal("scrap"), unit),
        quantity(rs.getBigDecimal("rework"), unit),
        rs.getString("scrap_reason"),
        rs.getString("rework_reason"),
        rs.getString("operator"),
        Sql.instant(rs, "started_at"),
        Sql.instant(rs, "ended_at"),
        (Long) rs.getObject("setup_seconds", Long.class),
        (Long) rs.getObject("run_seconds", Long.class),
        (Long) rs.getObject("labour_seconds", Long.class),
        Sql.instant(rs, "occurred_at"),
        Sql.instant(rs, "delivered_at"));
  }

  private static Quantity quantity(BigDecimal value, UnitOfMeasure unit) {
    return value == null || unit == null ? null : new Quantity(value, unit);
  }
}
