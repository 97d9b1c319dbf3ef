package dev.takt.performance.internal;

import dev.takt.execution.DowntimeClassified;
import dev.takt.execution.DowntimeClosed;
import dev.takt.execution.DowntimeOpened;
import dev.takt.execution.OperationCompleted;
import dev.takt.execution.OperationPaused;
import dev.takt.execution.OperationResumed;
import dev.takt.execution.OperationStarted;
import dev.takt.machines.MachineStateChanged;
import dev.takt.orders.OperationView;
import dev.takt.orders.ProductionOrders;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies execution's events (and machines' state changes) to the live unit states and the buckets,
 * after the booking committed, on a thread of its own (the booking does not wait). Quantity
 * reports, the bulk of the bookings, take another way: {@link CountIntake}. Spring Modulith's event
 * publication registry keeps each event until its handler has committed, so none is lost in a
 * crash; they are handed out again on restart. Events of one work unit are applied under that
 * unit's lock, and every handler tolerates events that arrive out of order (a close before its
 * open, a completion before its start).
 */
@Component
class EventRecorder {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(EventRecorder.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final UnitStates states;
  private final BucketStore buckets;
  private final ProductionOrders orders;
  private final LiveFeed feed;

  EventRecorder(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      UnitStates states,
      BucketStore buckets,
      ProductionOrders orders,
      LiveFeed feed) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.states = states;
    this.buckets = buckets;
    this.orders = orders;
    this.feed = feed;
  }

  @Async(PerformanceConfiguration.RECORDER)
  @TransactionalEventListener
  void on(OperationStarted e) {
    inUnit(
        e.site(),
        e.workUnit(),
        e.at(),
        state -> {
          if (!runExists(e.operationId(), e.workUnit())) {
            insertRun(e.operationId(), e.workUnit(), e.site(), e.orderNumber(), e.at(), null);
          } else {
            // the completion (or a later start) arrived first: the run began at the earliest
            jdbc.sql(
                    "UPDATE performance_run SET started_at = :at WHERE operation_id = :op"
                        + " AND work_unit = :unit AND started_at > :at")
                .param("at", Sql.ts(e.at()))
                .param("op", e.operationId())
                .param("unit", e.workUnit())
                .update();
          }
          boolean ended =
              jdbc.sql(
                          "SELECT COUNT(*) FROM performance_run WHERE operation_id = :op"
                              + " AND work_unit = :unit AND ended_at IS NOT NULL")
                      .param("op", e.operationId())
                      .param("unit", e.workUnit())
                      .query(Long.class)
                      .single()
                  > 0;
          if (ended || (state.phaseSince() != null && e.at().isBefore(state.phaseSince()))) {
            return; // completed meanwhile, or an older start arriving late
          }
          Integer sequence =
              orders.operation(e.operationId()).map(OperationView::sequence).orElse(null);
          states.save(
              state.onOperation(
                  e.operationId(), e.orderNumber(), sequence, e.phase().name(), e.at()));
        });
  }

  @Async(PerformanceConfiguration.RECORDER)
  @TransactionalEventListener
  void on(OperationCompleted e) {
    // every unit on the operation comes off it, not only the one it was completed from
    TreeSet<String> units = new TreeSet<>();
    units.add(e.workUnit());
    units.addAll(
        jdbc.sql(
                "SELECT work_unit FROM performance_run WHERE operation_id = :op"
                    + " AND ended_at IS NULL")
            .param("op", e.operationId())
            .query(String.class)
            .list());
    for (String unit : units) {
      states.ensure(e.site(), unit, e.at());
    }
    tx.executeWithoutResult(
        status -> {
          for (String unit : units) {
            UnitState state = states.lock(e.site(), unit);
            int updated =
                jdbc.sql(
                        "UPDATE performance_run SET ended_at = :at WHERE operation_id = :op"
                            + " AND work_unit = :unit AND ended_at IS NULL")
                    .param("at", Sql.ts(e.at()))
                    .param("op", e.operationId())
                    .param("unit", unit)
                    .update();
            if (updated == 0 && !runExists(e.operationId(), unit)) {
              insertRun(e.operationId(), unit, e.site(), e.orderNumber(), e.at(), e.at());
            }
            if (e.operationId().equals(state.operationId())) {
              states.save(state.offOperation(e.at()));
            }
          }
        });
    units.forEach(unit -> feed.changed(e.site(), unit));
  }

  /** What the machine itself reports; a later report wins, an older one is ignored. */
  @Async(PerformanceConfiguration.RECORDER)
  @TransactionalEventListener
  void on(MachineStateChanged e) {
    inUnit(
        e.site(),
        e.workUnit(),
        e.at(),
        state -> {
          if (state.machineSince() == null || !e.at().isBefore(state.machineSince())) {
            states.save(state.machine(e.to().name(), e.at()));
          }
        });
  }

  @Async(PerformanceConfiguration.RECORDER)
  @TransactionalEventListener
  void on(OperationPaused e) {
    inUnit(
        e.site(),
        e.workUnit(),
        e.at(),
        state -> {
          if (e.operationId().equals(state.operationId()) && !e.at().isBefore(state.phaseSince())) {
            states.save(state.phase("PAUSED", e.reason(), e.at()));
          }
        });
  }

  @Async(PerformanceConfiguration.RECORDER)
  @TransactionalEventListener
  void on(OperationResumed e) {
    inUnit(
        e.site(),
        e.workUnit(),
        e.at(),
        state -> {
          if (e.operationId().equals(state.operationId()) && !e.at().isBefore(state.phaseSince())) {
            states.save(state.phase(e.phase().name(), null, e.at()));
          }
        });
  }

  @Async(PerformanceConfiguration.RECORDER)
  @TransactionalEventListener
  void on(DowntimeOpened e) {
    inUnit(
        e.site(),
        e.workUnit(),
        e.at(),
        state -> {
          if (findStop(e.downtimeId()) == null) {
            insertStop(e.downtimeId(), e.site(), e.workUnit(), e.reason(), e.at(), null);
          }
          Stop stop = stop(e.downtimeId());
          if (stop.closedAt() != null) {
            return; // closed already: the close arrived first
          }
          states.save(state.down(e.downtimeId(), stop.reason(), e.at()));
        });
  }

  @Async(PerformanceConfiguration.RECORDER)
  @TransactionalEventListener
  void on(DowntimeClassified e) {
    inUnit(
        e.site(),
        e.workUnit(),
        e.at(),
        state -> {
          upsertStop(e.downtimeId(), e.site(), e.workUnit(), e.openedAt(), e.closedAt());
          jdbc.sql(
                  "UPDATE performance_stop SET reason = :reason, reason_at = :at"
                      + " WHERE downtime_id = :id AND reason_at <= :at")
              .param("reason", e.reason())
              .param("at", Sql.ts(e.at()))
              .param("id", e.downtimeId())
              .update();
          Stop stop = stop(e.downtimeId());
          if (stop.closedAt() != null) {
            buckets.rebuildStops(e.site(), e.workUnit(), stop.openedAt(), stop.closedAt());
          }
          if (e.downtimeId().equals(state.downtimeId())) {
            states.save(state.downReason(stop.reason()));
          }
        });
  }

  @Async(PerformanceConfiguration.RECORDER)
  @TransactionalEventListener
  void on(DowntimeClosed e) {
    inUnit(
        e.site(),
        e.workUnit(),
        e.closedAt(),
        state -> {
          upsertStop(e.downtimeId(), e.site(), e.workUnit(), e.openedAt(), e.closedAt());
          jdbc.sql("UPDATE performance_stop SET closed_at = :closed WHERE downtime_id = :id")
              .param("closed", Sql.ts(e.closedAt()))
              .param("id", e.downtimeId())
              .update();
          // the reason at closing, unless a later classification arrived first
          jdbc.sql(
                  "UPDATE performance_stop SET reason = :reason, reason_at = :at"
                      + " WHERE downtime_id = :id AND reason_at <= :at")
              .param("reason", e.reason())
              .param("at", Sql.ts(e.closedAt()))
              .param("id", e.downtimeId())
              .update();
          buckets.rebuildStops(e.site(), e.workUnit(), e.openedAt(), e.closedAt());
          if (e.downtimeId().equals(state.downtimeId())) {
            states.save(state.up(e.closedAt()));
          }
        });
  }

  record Stop(UUID id, String reason, Instant openedAt, Instant closedAt) {}

  private Stop stop(UUID id) {
    return findStop(id);
  }

  private Stop findStop(UUID id) {
    return jdbc.sql("SELECT * FROM performance_stop WHERE downtime_id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Stop(
                    id,
                    rs.getString("reason"),
                    Sql.instant(rs, "opened_at"),
                    Sql.instant(rs, "closed_at")))
        .optional()
        .orElse(null);
  }

  private void upsertStop(UUID id, String site, String unit, Instant openedAt, Instant closedAt) {
    if (findStop(id) == null) {
      insertStop(id, site, unit, null, openedAt, closedAt);
    }
  }

  private void insertStop(
      UUID id, String site, String unit, String reason, Instant openedAt, Instant closedAt) {
    jdbc.sql(
            """
            INSERT INTO performance_stop (downtime_id, site, work_unit, reason, reason_at,
              opened_at, closed_at)
            VALUES (:id, :site, :unit, :reason, :opened, :opened, :closed)
            """)
        .param("id", id)
        .param("site", site)
        .param("unit", unit)
        .param("reason", reason)
        .param("opened", Sql.ts(openedAt))
        .param("closed", Sql.ts(closedAt))
        .update();
  }

  private boolean runExists(UUID operationId, String unit) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM performance_run WHERE operation_id = :op"
                    + " AND work_unit = :unit")
            .param("op", operationId)
            .param("unit", unit)
            .query(Long.class)
            .single()
        > 0;
  }

  private void insertRun(
      UUID operationId, String unit, String site, String order, Instant start, Instant end) {
    jdbc.sql(
            """
            INSERT INTO performance_run (operation_id, work_unit, site, order_number, started_at,
              ended_at)
            VALUES (:op, :unit, :site, :order, :start, :end)
            """)
        .param("op", operationId)
        .param("unit", unit)
        .param("site", site)
        .param("order", order)
        .param("start", Sql.ts(start))
        .param("end", Sql.ts(end))
        .update();
  }

  /** The operation's ideal cycle time in seconds; zero for an unknown operation. */
  /**
   * Runs {@code work} in a transaction holding the unit's lock, then tells the live feed. The
   * unit's row is created (in a transaction of its own) only when the lock finds none: its first
   * event.
   */
  private void inUnit(String site, String workUnit, Instant at, Consumer<UnitState> work) {
    try {
      boolean applied =
          tx.execute(
              status -> {
                Optional<UnitState> state = states.lockIfPresent(site, workUnit);
                state.ifPresent(work);
                return state.isPresent();
              });
      if (!applied) {
        states.ensure(site, workUnit, at);
        tx.executeWithoutResult(status -> work.accept(states.lock(site, workUnit)));
      }
    } catch (RuntimeException e) {
      // the publication stays incomplete and is handed out again on restart
      log.warn("Could not apply an event of {}/{} to OEE: {}", site, workUnit, e.toString());
      throw e;
    }
    feed.changed(site, workUnit);
  }
}
