package dev.takt.performance.internal;

import dev.takt.execution.QuantityReported;
import dev.takt.shared.InList;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code performance_count_intake} rows: quantity reports on their way into the OEE buckets. A
 * report's row is written in the booking's own transaction, so it is kept exactly when the booking
 * is, and the booking takes no OEE lock; {@link CountDrainer} applies the rows in batches and
 * deletes them in the same transaction.
 *
 * <p>Why not an event handler after the commit like the other events: the event publication
 * registry costs every booking a serialized event, three more commits and a thread hand-off, about
 * a fifth of what the database does for a booking.
 */
@Component
class CountIntake {

  /** A report as it waits to be applied. */
  record Reported(
      long id,
      String site,
      String workUnit,
      String orderNumber,
      UUID operationId,
      Instant at,
      BigDecimal good,
      BigDecimal scrap,
      String scrapReason,
      BigDecimal rework,
      String reworkReason) {}

  /** The handler that applied quantity reports before this table (migration V20). */
  static final String FORMER_LISTENER =
      "dev.takt.performance.internal.EventRecorder.on(dev.takt.execution.QuantityReported)";

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final TransactionTemplate tx;

  CountIntake(JdbcClient jdbc, ObjectMapper json, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.json = json;
    this.tx = new TransactionTemplate(transactions);
  }

  void add(QuantityReported e) {
    jdbc.sql(
            """
            INSERT INTO performance_count_intake (site, work_unit, order_number, operation_id,
              reported_at, good, scrap, scrap_reason, rework, rework_reason)
            VALUES (:site, :unit, :order, :op, :at, :good, :scrap, :scrapReason, :rework,
              :reworkReason)
            """)
        .param("site", e.site())
        .param("unit", e.workUnit())
        .param("order", e.orderNumber())
        .param("op", e.operationId())
        .param("at", Sql.ts(e.at()))
        .param("good", e.good().value())
        .param("scrap", e.scrap().value())
        .param("scrapReason", e.scrapReason())
        .param("rework", e.rework().value())
        .param("reworkReason", e.reworkReason())
        .update();
  }

  /**
   * Moves the quantity reports that Spring Modulith's publication registry still holds for the
   * former handler (a server stopped before it applied them, then upgraded) into this table, each
   * in one transaction with the removal of its publication; returns how many.
   */
  int adoptFormerPublications() {
    List<UUID> ids =
        jdbc.sql(
                "SELECT id FROM event_publication WHERE listener_id = :listener"
                    + " AND completion_date IS NULL")
            .param("listener", FORMER_LISTENER)
            .query(UUID.class)
            .list();
    for (UUID id : ids) {
      tx.executeWithoutResult(
          status -> {
            String event =
                jdbc.sql("SELECT serialized_event FROM event_publication WHERE id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single();
            add(json.readValue(event, QuantityReported.class));
            jdbc.sql("DELETE FROM event_publication WHERE id = :id").param("id", id).update();
          });
    }
    return ids.size();
  }

  /**
   * Locks and returns the oldest waiting rows (at most {@code limit}) that failed alone fewer than
   * {@code maxAttempts} times. A second node's drainer waits for these locks, then finds them gone.
   */
  List<Reported> lockOldest(int limit, int maxAttempts) {
    return jdbc.sql(
            "SELECT * FROM performance_count_intake WHERE attempts < :max ORDER BY id"
                + " FETCH FIRST :limit ROWS ONLY FOR UPDATE")
        .param("max", maxAttempts)
        .param("limit", limit)
        .query((rs, n) -> map(rs))
        .list();
  }

  /** Locks and returns the row; empty when another drainer applied it meanwhile. */
  Optional<Reported> lock(long id) {
    return jdbc.sql("SELECT * FROM performance_count_intake WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query((rs, n) -> map(rs))
        .optional();
  }

  private static Reported map(ResultSet rs) throws SQLException {
    return new Reported(
        rs.getLong("id"),
        rs.getString("site"),
        rs.getString("work_unit"),
        rs.getString("order_number"),
        rs.getObject("operation_id", UUID.class),
        Sql.instant(rs, "reported_at"),
        rs.getBigDecimal("good"),
        rs.getBigDecimal("scrap"),
        rs.getString("scrap_reason"),
        rs.getBigDecimal("rework"),
        rs.getString("rework_reason"));
  }

  void remove(List<Reported> applied) {
    jdbc.sql("DELETE FROM performance_count_intake WHERE id IN (:ids)")
        .param("ids", InList.padded(applied.stream().map(Reported::id).toList()))
        .update();
  }

  /** Counts a failed attempt of a row applied alone; returns the attempts so far. */
  int failed(long id) {
    jdbc.sql("UPDATE performance_count_intake SET attempts = attempts + 1 WHERE id = :id")
        .param("id", id)
        .update();
    return jdbc.sql("SELECT attempts FROM performance_count_intake WHERE id = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }
}
