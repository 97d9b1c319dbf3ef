package dev.takt.execution.internal;

import dev.takt.execution.Phase;
import dev.takt.execution.internal.OperationExecution.Status;
import dev.takt.execution.internal.OperationExecution.UnitRun;
import dev.takt.execution.internal.OperationExecution.UnitState;
import dev.takt.orders.OperationView;
import dev.takt.shared.InList;
import dev.takt.shared.UnitOfMeasure;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operation executions and their unit runs. A booking locks the operation's row ({@code FOR
 * UPDATE}) for the rest of its transaction, so two terminals booking on the same operation at once
 * are served one after the other and neither booking is lost.
 */
@Repository
class OperationRepository {

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  OperationRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Locks the operation's execution for this transaction, creating it WAITING on first use. */
  OperationExecution lock(OperationView op) {
    Optional<OperationExecution> found = select(op.id(), true);
    if (found.isPresent()) {
      return found.get();
    }
    try {
      // In a savepoint: a concurrent first booking may insert the same row; then we lock theirs.
      savepoint.executeWithoutResult(
          s ->
              jdbc.sql(
                      """
                      INSERT INTO execution_operation (operation_id, order_number, sequence, site,
                        work_center, unit, status, good, scrap, rework, setup_seconds, run_seconds,
                        version)
                      VALUES (:id, :order, :seq, :site, :wc, :unit, 'WAITING', 0, 0, 0, 0, 0, 0)
                      """)
                  .param("id", op.id())
                  .param("order", op.orderNumber())
                  .param("seq", op.sequence())
                  .param("site", op.site())
                  .param("wc", op.workCenter())
                  .param("unit", op.plannedQuantity().unit().code())
                  .update());
    } catch (DuplicateKeyException someoneWasFaster) {
      // fall through and lock their row
    }
    return select(op.id(), true).orElseThrow();
  }

  Optional<OperationExecution> find(UUID operationId) {
    return select(operationId, false);
  }

  /** The good total of an order's operation with this sequence, zero when untouched. */
  BigDecimal goodOf(String orderNumber, int sequence) {
    return jdbc.sql(
            "SELECT good FROM execution_operation WHERE order_number = :order AND sequence = :seq")
        .param("order", orderNumber)
        .param("seq", sequence)
        .query(BigDecimal.class)
        .optional()
        .orElse(BigDecimal.ZERO);
  }

  /** Another operation this work unit is on right now, as "order/sequence", if any. */
  Optional<String> otherOperationOn(String site, String workUnit, UUID operationId) {
    return jdbc
        .sql(
            """
            SELECT o.order_number, o.sequence FROM execution_unit_run r
              JOIN execution_operation o ON o.operation_id = r.operation_id
             WHERE r.site = :site AND r.work_unit = :unit AND r.operation_id <> :id
            """)
        .param("site", site)
        .param("unit", workUnit)
        .param("id", operationId)
        .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2))
        .list()
        .stream()
        .findFirst();
  }

  /** The operation this work unit is RUNNING (producing) on now, if any. */
  Optional<UUID> runningOn(String site, String workUnit) {
    return jdbc
        .sql(
            "SELECT operation_id FROM execution_unit_run"
                + " WHERE site = :site AND work_unit = :unit AND state = 'RUNNING'")
        .param("site", site)
        .param("unit", workUnit)
        .query(UUID.class)
        .list()
        .stream()
        .findFirst();
  }

  void save(OperationExecution e) {
    save(e, true);
  }

  /**
   * Saves the execution; its units' runs only when {@code unitsChanged} (a quantity report changes
   * none, and rewriting them left two dead rows per booking).
   */
  void save(OperationExecution e, boolean unitsChanged) {
    jdbc.sql(
            """
            UPDATE execution_operation
               SET status = :status, good = :good, scrap = :scrap, rework = :rework,
                   setup_seconds = :setup, run_seconds = :run, started_at = :started,
                   completed_at = :completed, version = :version
             WHERE operation_id = :id
            """)
        .param("status", e.status().name())
        .param("good", e.good())
        .param("scrap", e.scrap())
        .param("rework", e.rework())
        .param("setup", e.setupSeconds())
        .param("run", e.runSeconds())
        .param("started", Sql.ts(e.startedAt()))
        .param("completed", Sql.ts(e.completedAt()))
        .param("version", e.version())
        .param("id", e.operationId())
        .update();
    if (!unitsChanged) {
      return;
    }
    jdbc.sql("DELETE FROM execution_unit_run WHERE operation_id = :id")
        .param("id", e.operationId())
        .update();
    for (UnitRun run : e.units().values()) {
      jdbc.sql(
              """
              INSERT INTO execution_unit_run (operation_id, work_unit, site, state, resume_phase,
                since, pause_reason)
              VALUES (:id, :unit, :site, :state, :resume, :since, :reason)
              """)
          .param("id", e.operationId())
          .param("unit", run.workUnit())
          .param("site", e.site())
          .param("state", run.state().name())
          .param("resume", run.resumePhase() == null ? null : run.resumePhase().name())
          .param("since", Sql.ts(run.since()))
          .param("reason", run.pauseReason())
          .update();
    }
  }

  /**
   * The executions of these operations, keyed by operation id (those never touched are absent): two
   * set-based reads, whatever the number of operations.
   */
  Map<UUID, OperationExecution> findAll(Collection<UUID> operationIds) {
    if (operationIds.isEmpty()) {
      return Map.of();
    }
    List<UUID> ids = InList.padded(operationIds);
    return assemble(
        jdbc.sql("SELECT * FROM execution_operation WHERE operation_id IN (:ids)")
            .param("ids", ids)
            .query(OperationRepository::bare)
            .list(),
        jdbc.sql(
                """
                SELECT operation_id, work_unit, state, resume_phase, since, pause_reason
                  FROM execution_unit_run WHERE operation_id IN (:ids) ORDER BY work_unit
                """)
            .param("ids", ids)
            .query((rs, n) -> Map.entry(rs.getObject("operation_id", UUID.class), unitRun(rs)))
            .list());
  }

  private Optional<OperationExecution> select(UUID id, boolean forUpdate) {
    List<OperationExecution> bare =
        jdbc.sql(
                "SELECT * FROM execution_operation WHERE operation_id = :id"
                    + (forUpdate ? " FOR UPDATE" : ""))
            .param("id", id)
            .query(OperationRepository::bare)
            .list();
    if (bare.isEmpty()) {
      return Optional.empty();
    }
    List<Map.Entry<UUID, UnitRun>> runs =
        jdbc.sql(
                """
                SELECT work_unit, state, resume_phase, since, pause_reason FROM execution_unit_run
                 WHERE operation_id = :id ORDER BY work_unit
                """)
            .param("id", id)
            .query((rs, n) -> Map.entry(id, unitRun(rs)))
            .list();
    return Optional.of(assemble(bare, runs).get(id));
  }

  private static Map<UUID, OperationExecution> assemble(
      List<OperationExecution> bare, List<Map.Entry<UUID, UnitRun>> runs) {
    Map<UUID, Map<String, UnitRun>> unitsByOperation = new HashMap<>();
    for (Map.Entry<UUID, UnitRun> run : runs) {
      unitsByOperation
          .computeIfAbsent(run.getKey(), k -> new LinkedHashMap<>())
          .put(run.getValue().workUnit(), run.getValue());
    }
    Map<UUID, OperationExecution> byId = new HashMap<>();
    for (OperationExecution e : bare) {
      byId.put(
          e.operationId(),
          new OperationExecution(
              e.operationId(),
              e.orderNumber(),
              e.sequence(),
              e.site(),
              e.workCenter(),
              e.unit(),
              e.status(),
              e.good(),
              e.scrap(),
              e.rework(),
              e.setupSeconds(),
              e.runSeconds(),
              e.startedAt(),
              e.completedAt(),
              unitsByOperation.getOrDefault(e.operationId(), Map.of()),
              e.version()));
    }
    return byId;
  }

  private static OperationExecution bare(ResultSet rs, int n) throws SQLException {
    return new OperationExecution(
        rs.getObject("operation_id", UUID.class),
        rs.getString("order_number"),
        rs.getInt("sequence"),
        rs.getString("site"),
        rs.getString("work_center"),
        new UnitOfMeasure(rs.getString("unit")),
        Status.valueOf(rs.getString("status")),
        rs.getBigDecimal("good"),
        rs.getBigDecimal("scrap"),
        rs.getBigDecimal("rework"),
        rs.getLong("setup_seconds"),
        rs.getLong("run_seconds"),
        Sql.instant(rs, "started_at"),
        Sql.instant(rs, "completed_at"),
        Map.of(),
        rs.getLong("version"));
  }

  private static UnitRun unitRun(ResultSet rs) throws SQLException {
    return new UnitRun(
        rs.getString("work_unit"),
        UnitState.valueOf(rs.getString("state")),
        rs.getString("resume_phase") == null ? null : Phase.valueOf(rs.getString("resume_phase")),
        Sql.instant(rs, "since"),
        rs.getString("pause_reason"));
  }
}
