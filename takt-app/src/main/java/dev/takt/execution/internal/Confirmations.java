package dev.takt.execution.internal;

import dev.takt.execution.internal.Confirmation.Type;
import dev.takt.shared.CursorPage;
import dev.takt.shared.InList;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.Quantity;
import dev.takt.shared.UnitOfMeasure;
import dev.takt.shared.WakeableWorker;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox of confirmations, written in the booking's own transaction and read by cursor.
 *
 * <p>Why numbers are handed out after the commit and not by a database sequence in the booking: a
 * sequence number is taken when a transaction inserts, but becomes visible when it commits, so a
 * reader could see 7 before 6 commits, move its cursor past 6 and never see it. A booking therefore
 * writes its confirmation to an intake table, unnumbered and without any lock other bookings share.
 * One numbering transaction at a time (under the counter's row lock) moves the committed rows of
 * the intake into the outbox with the next numbers, oldest first: when a reader sees number N,
 * every number below N was committed with it or before it, and a cursor "after N" never skips or
 * repeats a record. The numbering runs on a thread of its own, woken after each booking's commit,
 * and before every read of the outbox, so a reader sees each confirmation whose booking was
 * answered. (Before, each booking took its number itself and held the counter locked until it had
 * committed, so all bookings of a plant committed one after another.)
 */
@Component
public class Confirmations {

  static final int BATCH = 500;

  /** Woken by a commit, the numbering waits this long for more to gather (see AuditSealer). */
  static final Duration LINGER = Duration.ofMillis(50);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate numbering;
  private final TransactionTemplate read;
  private final WakeableWorker worker;

  Confirmations(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.numbering = new TransactionTemplate(transactions);
    this.numbering.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.read = new TransactionTemplate(transactions);
    this.read.setReadOnly(true);
    this.worker =
        new WakeableWorker("confirmation-numbering", LINGER, () -> numberBatch() == BATCH);
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

  /** Writes a confirmation in the booking's transaction; it is numbered once that commits. */
  @Transactional(propagation = Propagation.MANDATORY)
  void append(Draft d) {
    jdbc.sql(
            """
            INSERT INTO execution_confirmation_intake (id, type, site, order_number,
              operation_id, operation_seq, work_unit, unit, good, scrap, rework, scrap_reason,
              rework_reason, operator, started_at, ended_at, setup_seconds, run_seconds,
              labour_seconds, occurred_at)
            VALUES (:id, :type, :site, :order, :op, :opSeq, :workUnit, :unit, :good, :scrap,
              :rework, :scrapReason, :reworkReason, :operator, :started, :ended, :setup, :run,
              :labour, :occurred)
            """)
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
    worker.wakeAfterCommit();
  }

  /** Numbers every confirmation committed so far. */
  void numberAll() {
    boolean waiting =
        jdbc.sql("SELECT intake_id FROM execution_confirmation_intake FETCH FIRST 1 ROWS ONLY")
            .query(Long.class)
            .optional()
            .isPresent();
    if (!waiting) {
      return;
    }
    while (numberBatch() == BATCH) {
      // more waits
    }
  }

  /**
   * Moves the oldest committed confirmations of the intake into the outbox with the next numbers,
   * under the counter's row lock; returns how many.
   */
  int numberBatch() {
    Integer moved =
        numbering.execute(
            status -> {
              long last =
                  jdbc.sql(
                          "SELECT last_sequence FROM execution_confirmation_counter WHERE id = 1"
                              + " FOR UPDATE")
                      .query(Long.class)
                      .single();
              List<Long> oldest =
                  jdbc.sql(
                          "SELECT intake_id FROM execution_confirmation_intake ORDER BY intake_id"
                              + " FETCH FIRST :n ROWS ONLY")
                      .param("n", BATCH)
                      .query(Long.class)
                      .list();
              if (oldest.isEmpty()) {
                return 0;
              }
              List<Long> ids = InList.padded(oldest);
              jdbc.sql(
                      """
                      INSERT INTO execution_confirmation (sequence, id, type, site, order_number,
                        operation_id, operation_seq, work_unit, unit, good, scrap, rework,
                        scrap_reason, rework_reason, operator, started_at, ended_at,
                        setup_seconds, run_seconds, labour_seconds, occurred_at, attempts,
                        next_attempt_at)
                      SELECT :last + ROW_NUMBER() OVER (ORDER BY intake_id), id, type, site,
                        order_number, operation_id, operation_seq, work_unit, unit, good, scrap,
                        rework, scrap_reason, rework_reason, operator, started_at, ended_at,
                        setup_seconds, run_seconds, labour_seconds, occurred_at, 0, occurred_at
                        FROM execution_confirmation_intake WHERE intake_id IN (:ids)
                      """)
                  .param("last", last)
                  .param("ids", ids)
                  .update();
              jdbc.sql("DELETE FROM execution_confirmation_intake WHERE intake_id IN (:ids)")
                  .param("ids", ids)
                  .update();
              jdbc.sql(
                      "UPDATE execution_confirmation_counter SET last_sequence = :last WHERE id = 1")
                  .param("last", last + oldest.size())
                  .update();
              return oldest.size();
            });
    return moved == null ? 0 : moved;
  }

  /** Oldest first, after the cursor (a sequence number; none: from the start). */
  public CursorPage<Confirmation> page(String after, int limit) {
    long from = 0;
    if (after != null) {
      try {
        from = Long.parseLong(after);
      } catch (NumberFormatException e) {
        throw new InvalidInputException("after", "is not a cursor this API handed out");
      }
    }
    long cursor = from;
    numberAll();
    List<Confirmation> rows =
        read.execute(
            s ->
                jdbc.sql(
                        "SELECT * FROM execution_confirmation WHERE sequence > :from"
                            + " ORDER BY sequence LIMIT :limit")
                    .param("from", cursor)
                    .param("limit", limit + 1)
                    .query((rs, n) -> map(rs))
                    .list());
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

  /** The thread, started and stopped by Spring with the application. */
  @Bean
  WakeableWorker confirmationNumberingThread() {
    return worker;
  }
}
