package dev.takt.performance.internal;

import dev.takt.shared.InList;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code performance_unit_state} rows: the live state of each work unit, and the lock that
 * applies one work unit's events one after the other (events arrive on several threads).
 */
@Component
class UnitStates {

  private final JdbcClient jdbc;
  private final TransactionTemplate newTransaction;

  UnitStates(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Makes sure the unit's row exists, in a transaction of its own (two first events of a new unit
   * may race to insert it; the loser finds it there).
   */
  void ensure(String site, String workUnit, Instant at) {
    if (find(site, workUnit).isPresent()) {
      return;
    }
    try {
      newTransaction.executeWithoutResult(
          status ->
              jdbc.sql(
                      "INSERT INTO performance_unit_state (site, work_unit, changed_at)"
                          + " VALUES (:site, :unit, :at)")
                  .param("site", site)
                  .param("unit", workUnit)
                  .param("at", Sql.ts(at))
                  .update());
    } catch (DuplicateKeyException alreadyThere) {
      // another event of this unit inserted it first
    }
  }

  /** Locks the unit's row for the rest of the transaction and returns it. */
  UnitState lock(String site, String workUnit) {
    return jdbc.sql(
            "SELECT * FROM performance_unit_state WHERE site = :site AND work_unit = :unit"
                + " FOR UPDATE")
        .param("site", site)
        .param("unit", workUnit)
        .query((rs, n) -> map(rs))
        .single();
  }

  /**
   * Locks the rows of these units of the site for the rest of the transaction, in the order of
   * their codes (two batches never wait for each other in a circle); returns the units found.
   */
  Set<String> lockAll(String site, Collection<String> workUnits) {
    return new HashSet<>(
        jdbc.sql(
                "SELECT work_unit FROM performance_unit_state WHERE site = :site"
                    + " AND work_unit IN (:units) ORDER BY work_unit FOR UPDATE")
            .param("site", site)
            .param("units", InList.padded(workUnits))
            .query(String.class)
            .list());
  }

  /** Locks the unit's row for the rest of the transaction and returns it; empty when none. */
  Optional<UnitState> lockIfPresent(String site, String workUnit) {
    return jdbc.sql(
            "SELECT * FROM performance_unit_state WHERE site = :site AND work_unit = :unit"
                + " FOR UPDATE")
        .param("site", site)
        .param("unit", workUnit)
        .query((rs, n) -> map(rs))
        .optional();
  }

  Optional<UnitState> find(String site, String workUnit) {
    return jdbc.sql("SELECT * FROM performance_unit_state WHERE site = :site AND work_unit = :unit")
        .param("site", site)
        .param("unit", workUnit)
        .query((rs, n) -> map(rs))
        .optional();
  }

  List<UnitState> ofSite(String site) {
    return jdbc.sql("SELECT * FROM performance_unit_state WHERE site = :site ORDER BY work_unit")
        .param("site", site)
        .query((rs, n) -> map(rs))
        .list();
  }

  /** The site's work units down since before {@code until} (an OEE view reads only those). */
  List<UnitState> downBefore(String site, Instant until) {
    return jdbc.sql(
            "SELECT * FROM performance_unit_state WHERE site = :site"
                + " AND downtime_id IS NOT NULL AND down_since < :until ORDER BY work_unit")
        .param("site", site)
        .param("until", Sql.ts(until))
        .query((rs, n) -> map(rs))
        .list();
  }

  void save(UnitState s) {
    jdbc.sql(
            """
            UPDATE performance_unit_state
               SET operation_id = :op, order_number = :order, sequence = :seq, phase = :phase,
                   phase_since = :phaseSince, pause_reason = :pauseReason, downtime_id = :down, downtime_reason = :reason,
                   down_since = :downSince, changed_at = :changed, machine_state = :machine,
                   machine_since = :machineSince
             WHERE site = :site AND work_unit = :unit
            """)
        .param("op", s.operationId())
        .param("order", s.orderNumber())
        .param("seq", s.sequence())
        .param("phase", s.phase())
        .param("phaseSince", Sql.ts(s.phaseSince()))
        .param("pauseReason", s.pauseReason())
        .param("down", s.downtimeId())
        .param("reason", s.downtimeReason())
        .param("downSince", Sql.ts(s.downSince()))
        .param("changed", Sql.ts(s.changedAt()))
        .param("machine", s.machineState())
        .param("machineSince", Sql.ts(s.machineSince()))
        .param("site", s.site())
        .param("unit", s.workUnit())
        .update();
  }

  private static UnitState map(ResultSet rs) throws SQLException {
    Object seq = rs.getObject("sequence");
    return new UnitState(
        rs.getString("site"),
        rs.getString("work_unit"),
        rs.getObject("operation_id", UUID.class),
        rs.getString("order_number"),
        seq == null ? null : ((Number) seq).intValue(),
        rs.getString("phase"),
        Sql.instant(rs, "phase_since"),
        rs.getString("pause_reason"),
        rs.getObject("downtime_id", UUID.class),
        rs.getString("downtime_reason"),
        Sql.instant(rs, "down_since"),
        Sql.instant(rs, "changed_at"),
        rs.getString("machine_state"),
        Sql.instant(rs, "machine_since"));
  }
}
