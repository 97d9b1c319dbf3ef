package dev.takt.machines.internal;

import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalQuality;
import dev.takt.connector.SignalValue;
import dev.takt.execution.MachineBookings;
import dev.takt.machines.AlarmCleared;
import dev.takt.machines.AlarmRaised;
import dev.takt.machines.MachineState;
import dev.takt.machines.MachineStateChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns committed signals into shop-floor facts, per mapped work unit: machine-state intervals,
 * downtimes in execution, counts booked on the running operation, alarms; and publishes {@link
 * MachineStateChanged}, {@link AlarmRaised}, {@link AlarmCleared}.
 *
 * <p>Each work unit has a {@link UnitTracker} in memory; its facts from one batch are stored in one
 * transaction, a booking in a savepoint of its own (a booking execution refuses, e.g. more than the
 * order allows, is noted with the count and does not undo the state). A machine's facts never stop
 * the connection: a failure is logged, the tracker reloads from the database with the next signal.
 * At start every mapped work unit is OFFLINE until its machine says otherwise.
 */
@Component
public class StateEngine implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StateEngine.class);

  private record UnitKey(String site, String workUnit) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final MachineBookings bookings;
  private final ApplicationEventPublisher events;
  private final InputProblems problems;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final TransactionTemplate savepoint;
  private final Map<UnitKey, UnitTracker> trackers = new ConcurrentHashMap<>();

  /** Sources that delivered or reported ONLINE since they last went OFFLINE, per connection. */
  private final Map<UUID, Set<String>> online = new ConcurrentHashMap<>();

  private volatile Map<UUID, Map<String, List<UnitTracker>>> index = Map.of();
  private volatile boolean running;

  StateEngine(
      JdbcClient jdbc,
      JsonMapper json,
      MachineBookings bookings,
      ApplicationEventPublisher events,
      InputProblems problems,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.json = json;
    this.bookings = bookings;
    this.events = events;
    this.problems = problems;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  // ------------------------------------------------------------------ input

  /** Signals of a connection, committed to the time series, in the order they came. */
  void process(UUID connection, List<MachineSignal> batch) {
    Set<String> up = online.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet());
    String last = null;
    for (MachineSignal s : batch) {
      if (!s.key().source().equals(last)) {
        last = s.key().source();
        up.add(last);
      }
    }
    Map<String, List<UnitTracker>> bySource = index.get(connection);
    if (bySource == null) {
      return;
    }
    Map<UnitTracker, List<MachineSignal>> mine = new LinkedHashMap<>();
    for (MachineSignal s : batch) {
      List<UnitTracker> units = bySource.get(s.key().source());
      if (units != null) {
        for (UnitTracker t : units) {
          if (t.reads(s.key().address())) {
            mine.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
          }
        }
      }
    }
    mine.forEach(
        (tracker, signals) -> {
          synchronized (tracker) {
            if (!refreshed(tracker)) {
              return;
            }
            List<UnitTracker.Fact> facts = new ArrayList<>();
            for (MachineSignal s : signals) {
              facts.addAll(tracker.offer(s));
            }
            facts.addAll(tracker.settleAlarms(signals.getLast().sourceTime()));
            store(connection, tracker, facts);
          }
        });
  }

  /** A source of a connection came or went. */
  void sourceState(UUID connection, String source, boolean isOnline, Instant at) {
    Set<String> up = online.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet());
    if (isOnline) {
      up.add(source);
      return; // the state follows from the values that come now
    }
    up.remove(source);
    Map<String, List<UnitTracker>> bySource = index.get(connection);
    if (bySource == null) {
      return;
    }
    for (UnitTracker t : bySource.getOrDefault(source, List.of())) {
      offline(connection, t, at);
    }
  }

  void connectionStarted(UUID connection) {
    // nothing yet: sources report ONLINE or OFFLINE themselves
  }

  /** The connection stopped (changed, disabled, deleted): its work units are OFFLINE. */
  void connectionStopped(UUID connection, Instant at) {
    online.remove(connection);
    Map<String, List<UnitTracker>> bySource = index.get(connection);
    if (bySource != null) {
      bySource.values().forEach(list -> list.forEach(t -> offline(connection, t, at)));
    }
  }

  private void offline(UUID connection, UnitTracker t, Instant at) {
    synchronized (t) {
      if (refreshed(t)) {
        store(connection, t, t.offline(at));
      }
    }
  }

  // ------------------------------------------------------------------ mappings

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(MappingService.MappingChanged changed) {
    reload(changed.site(), changed.workUnit());
  }

  /** Reads the mapping and state of one work unit again (after a change of its mapping). */
  synchronized void reload(String site, String workUnit) {
    UnitKey key = new UnitKey(site, workUnit);
    UnitTracker old = trackers.remove(key);
    Optional<UnitTracker> fresh = load(site, workUnit);
    fresh.ifPresent(t -> trackers.put(key, t));
    rebuildIndex();
    if (fresh.isEmpty()) {
      return;
    }
    UnitTracker t = fresh.get();
    UUID connection = t.mapping.connection();
    boolean live = online.getOrDefault(connection, Set.of()).contains(t.mapping.source());
    synchronized (t) {
      if (live) {
        // A machine sends a value when it changes: take what it sent last, so the new mapping
        // knows its state and counter baselines at once.
        store(connection, t, t.prime(latest(t), clock.instant()));
      } else if (old != null && t.state != MachineState.OFFLINE) {
        store(connection, t, t.offline(clock.instant()));
      }
    }
  }

  /** The latest stored value of each address the tracker reads, of its source. */
  private Map<String, SignalValue> latest(UnitTracker t) {
    Map<String, SignalValue> out = new HashMap<>();
    for (String address : t.addresses()) {
      jdbc.sql(
              """
              SELECT num_value, text_value, flag_value, quality FROM machines_signal
               WHERE connection_id = :c AND source = :s AND address = :a
               ORDER BY source_ms DESC LIMIT 1
              """)
          .param("c", t.mapping.connection())
          .param("s", t.mapping.source())
          .param("a", address)
          .query(
              (rs, n) -> {
                double num = rs.getDouble("num_value");
                boolean isNum = !rs.wasNull();
                String text = rs.getString("text_value");
                boolean flag = rs.getBoolean("flag_value");
                boolean isFlag = !rs.wasNull();
                if (rs.getInt("quality") == SignalQuality.BAD.ordinal()) {
                  return SignalValue.unavailable();
                }
                if (isNum) {
                  return SignalValue.of(num);
                }
                if (text != null) {
                  return SignalValue.of(text);
                }
                return isFlag ? SignalValue.of(flag) : SignalValue.unavailable();
              })
          .optional()
          .ifPresent(v -> out.put(address, v));
    }
    return out;
  }

  private Optional<UnitTracker> load(String site, String workUnit) {
    return jdbc.sql(
            """
            SELECT m.connection_id, m.definition, s.state, s.since, s.part_count, s.scrap_count,
                   s.downtime_id
              FROM machines_mapping m
              LEFT JOIN machines_unit_state s ON s.site = m.site AND s.work_unit = m.work_unit
             WHERE m.site = :site AND m.work_unit = :unit
            """)
        .param("site", site)
        .param("unit", workUnit)
        .query(
            (rs, n) -> {
              MachineMapping mapping =
                  MappingParser.parse(
                      site,
                      workUnit,
                      rs.getObject("connection_id", UUID.class),
                      json.readTree(rs.getString("definition")));
              String state = rs.getString("state");
              UnitTracker t =
                  new UnitTracker(
                      mapping,
                      state == null ? MachineState.OFFLINE : MachineState.valueOf(state),
                      state == null ? clock.instant() : Sql.instant(rs, "since"));
              t.partCount = (Double) rs.getObject("part_count", Double.class);
              t.scrapCount = (Double) rs.getObject("scrap_count", Double.class);
              t.downtimeId = rs.getObject("downtime_id", UUID.class);
              return t;
            })
        .optional();
  }

  private void rebuildIndex() {
    Map<UUID, Map<String, List<UnitTracker>>> next = new HashMap<>();
    for (UnitTracker t : trackers.values()) {
      next.computeIfAbsent(t.mapping.connection(), c -> new HashMap<>())
          .computeIfAbsent(t.mapping.source(), s -> new ArrayList<>())
          .add(t);
    }
    index = next;
  }

  /** A tracker whose last facts could not be stored reads its state from the database again. */
  private boolean refreshed(UnitTracker t) {
    if (!t.stale) {
      return true;
    }
    try {
      Optional<UnitTracker> fresh = load(t.mapping.site(), t.mapping.workUnit());
      if (fresh.isEmpty()) {
        return false;
      }
      UnitTracker f = fresh.get();
      t.state = f.state;
      t.since = f.since;
      t.partCount = f.partCount;
      t.scrapCount = f.scrapCount;
      t.downtimeId = f.downtimeId;
      t.stale = false;
      return true;
    } catch (RuntimeException stillAway) {
      return false;
    }
  }

  // ------------------------------------------------------------------ facts

  private void store(UUID connection, UnitTracker t, List<UnitTracker.Fact> facts) {
    if (facts.isEmpty()) {
      return;
    }
    String site = t.mapping.site();
    String unit = t.mapping.workUnit();
    // Machine facts are the system's own, also when a mapping change on a request thread
    // triggers them: no caller's identity, site scope or Takt-Reason.
    var callerSecurity = SecurityContextHolder.getContext();
    var callerRequest = RequestContextHolder.getRequestAttributes();
    SecurityContextHolder.clearContext();
    RequestContextHolder.resetRequestAttributes();
    try {
      tx.executeWithoutResult(
          status -> {
            for (UnitTracker.Fact fact : facts) {
              switch (fact) {
                case UnitTracker.StateChanged c -> stateChanged(t, c);
                case UnitTracker.Counted c -> counted(t, c);
                case UnitTracker.AlarmUp a -> {
                  jdbc.sql(
                          """
                          INSERT INTO machines_alarm (id, site, work_unit, alarm, text, raised_at)
                          VALUES (:id, :site, :unit, :alarm, :text, :at)
                          """)
                      .param("id", UUID.randomUUID())
                      .param("site", site)
                      .param("unit", unit)
                      .param("alarm", a.alarm())
                      .param("text", a.text())
                      .param("at", Sql.ts(a.at()))
                      .update();
                  events.publishEvent(new AlarmRaised(site, unit, a.alarm(), a.text(), a.at()));
                }
                case UnitTracker.AlarmDown a -> {
                  Instant raised =
                      jdbc
                          .sql(
                              """
                              SELECT raised_at FROM machines_alarm
                               WHERE site = :site AND work_unit = :unit AND alarm = :alarm
                                 AND cleared_at IS NULL
                              """)
                          .param("site", site)
                          .param("unit", unit)
                          .param("alarm", a.alarm())
                          .query((rs, n) -> Sql.instant(rs, "raised_at"))
                          .list()
                          .stream()
                          .findFirst()
                          .orElse(a.at());
                  jdbc.sql(
                          """
                          UPDATE machines_alarm SET cleared_at = :at
                           WHERE site = :site AND work_unit = :unit AND alarm = :alarm
                             AND cleared_at IS NULL
                          """)
                      .param("at", Sql.ts(a.at()))
                      .param("site", site)
                      .param("unit", unit)
                      .param("alarm", a.alarm())
                      .update();
                  events.publishEvent(new AlarmCleared(site, unit, a.alarm(), raised, a.at()));
                }
                case UnitTracker.AlarmText a ->
                    jdbc.sql(
                            """
                            UPDATE machines_alarm SET text = :text
                             WHERE site = :site AND work_unit = :unit AND alarm = :alarm
                               AND cleared_at IS NULL
                            """)
                        .param("text", a.text())
                        .param("site", site)
                        .param("unit", unit)
                        .param("alarm", a.alarm())
                        .update();
                case UnitTracker.Invalid i ->
                    problems.report(connection, t.mapping.source(), i.reason(), i.sample());
              }
            }
            jdbc.sql(
                    """
                    UPDATE machines_unit_state SET state = :state, since = :since,
                      part_count = :parts, scrap_count = :scrap, downtime_id = :downtime
                     WHERE site = :site AND work_unit = :unit
                    """)
                .param("state", t.state.name())
                .param("since", Sql.ts(t.since))
                .param("parts", t.partCount)
                .param("scrap", t.scrapCount)
                .param("downtime", t.downtimeId)
                .param("site", site)
                .param("unit", unit)
                .update();
          });
    } catch (RuntimeException e) {
      t.stale = true;
      log.error(
          "Machine facts of {}/{} could not be stored; its state is read again with the next"
              + " signal",
          site,
          unit,
          e);
    } finally {
      SecurityContextHolder.setContext(callerSecurity);
      RequestContextHolder.setRequestAttributes(callerRequest);
    }
  }

  private void stateChanged(UnitTracker t, UnitTracker.StateChanged c) {
    String site = t.mapping.site();
    String unit = t.mapping.workUnit();
    jdbc.sql(
            """
            UPDATE machines_state_interval SET ended_at = :at
             WHERE site = :site AND work_unit = :unit AND ended_at IS NULL
            """)
        .param("at", Sql.ts(c.at()))
        .param("site", site)
        .param("unit", unit)
        .update();
    jdbc.sql(
            """
            INSERT INTO machines_state_interval (id, site, work_unit, state, started_at)
            VALUES (:id, :site, :unit, :state, :at)
            """)
        .param("id", UUID.randomUUID())
        .param("site", site)
        .param("unit", unit)
        .param("state", c.to().name())
        .param("at", Sql.ts(c.at()))
        .update();
    if (c.to() == MachineState.DOWN && t.downtimeId == null) {
      t.downtimeId =
          booked(site, unit, () -> bookings.openDowntime(site, unit, c.at()).orElse(null));
    } else if (t.downtimeId != null
        && (c.to() == MachineState.RUNNING
            || c.to() == MachineState.IDLE
            || c.to() == MachineState.SETUP)) {
      UUID id = t.downtimeId;
      booked(site, unit, () -> bookings.closeDowntime(site, unit, id, c.at()));
      t.downtimeId = null;
    }
    events.publishEvent(new MachineStateChanged(site, unit, c.from(), c.to(), c.at()));
  }

  private void counted(UnitTracker t, UnitTracker.Counted c) {
    if (c.good().signum() == 0 && c.scrap().signum() == 0) {
      return;
    }
    String site = t.mapping.site();
    String unit = t.mapping.workUnit();
    String reason = t.mapping.scrapCounter() == null ? null : t.mapping.scrapCounter().reason();
    UUID operation = null;
    String note = null;
    try {
      operation =
          savepoint.execute(
              s -> bookings.reportCount(site, unit, c.good(), c.scrap(), reason).orElse(null));
      if (operation == null) {
        note = "no operation running";
      }
    } catch (RuntimeException refused) {
      note = "not booked: " + refused.getMessage();
      log.warn("Machine count of {}/{} not booked: {}", site, unit, refused.getMessage());
    }
    jdbc.sql(
            """
            INSERT INTO machines_count (id, site, work_unit, counted_at, good, scrap,
              operation_id, note)
            VALUES (:id, :site, :unit, :at, :good, :scrap, :op, :note)
            """)
        .param("id", UUID.randomUUID())
        .param("site", site)
        .param("unit", unit)
        .param("at", Sql.ts(c.at()))
        .param("good", c.good())
        .param("scrap", c.scrap())
        .param("op", operation)
        .param("note", note == null ? null : note.substring(0, Math.min(note.length(), 500)))
        .update();
  }

  /** A booking in execution in a savepoint: refused, it is logged and the facts go on. */
  private <T> T booked(String site, String unit, java.util.function.Supplier<T> booking) {
    try {
      return savepoint.execute(s -> booking.get());
    } catch (RuntimeException refused) {
      log.warn("Machine booking on {}/{} refused: {}", site, unit, refused.getMessage());
      return null;
    }
  }

  // ------------------------------------------------------------------ reads

  /** The tracker's view of a work unit now (state, since, alarm texts), if mapped. */
  Optional<UnitTracker> tracker(String site, String workUnit) {
    return Optional.ofNullable(trackers.get(new UnitKey(site, workUnit)));
  }

  // ------------------------------------------------------------------ life cycle

  @Override
  public synchronized void start() {
    List<String[]> units =
        jdbc.sql("SELECT site, work_unit FROM machines_mapping")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    Instant now = clock.instant();
    for (String[] u : units) {
      try {
        load(u[0], u[1]).ifPresent(t -> trackers.put(new UnitKey(u[0], u[1]), t));
      } catch (RuntimeException e) {
        log.error("Machine mapping of {}/{} cannot be read; it is left out", u[0], u[1], e);
      }
    }
    rebuildIndex();
    // Nothing is known of a machine until its connection says so: OFFLINE, never its old state.
    for (UnitTracker t : trackers.values()) {
      synchronized (t) {
        store(t.mapping.connection(), t, t.offline(now));
      }
    }
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the ingestion and the connectors. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 200;
  }
}
