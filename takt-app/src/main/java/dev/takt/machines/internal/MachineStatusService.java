package dev.takt.machines.internal;

import dev.takt.identity.SiteAccess;
import dev.takt.machines.MachineState;
import dev.takt.machines.MachineStatusView;
import dev.takt.machines.Machines;
import dev.takt.shared.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Machine states now and in the past, for the API, the plant view and other modules. */
@Service
public class MachineStatusService implements Machines {

  /** A machine-state interval; {@code endedAt} null for the current one. */
  public record Interval(MachineState state, Instant startedAt, Instant endedAt) {}

  /** An alarm as raised and cleared. */
  public record AlarmView(String alarm, String text, Instant raisedAt, Instant clearedAt) {}

  private final JdbcClient jdbc;
  private final SiteAccess siteAccess;

  MachineStatusService(JdbcClient jdbc, SiteAccess siteAccess) {
    this.jdbc = jdbc;
    this.siteAccess = siteAccess;
  }

  @Override
  @Transactional(readOnly = true)
  public List<MachineStatusView> states(String site) {
    siteAccess.requireSite(site);
    return jdbc
        .sql(
            """
            SELECT s.site, s.work_unit, s.state, s.since, c.name AS connection
              FROM machines_unit_state s
              JOIN machines_mapping m ON m.site = s.site AND m.work_unit = s.work_unit
              LEFT JOIN machines_connection c ON c.id = m.connection_id
             WHERE s.site = :site ORDER BY s.work_unit
            """)
        .param("site", site)
        .query(
            (rs, n) ->
                new MachineStatusView(
                    rs.getString("site"),
                    rs.getString("work_unit"),
                    MachineState.valueOf(rs.getString("state")),
                    Sql.instant(rs, "since"),
                    new ArrayList<>(),
                    rs.getString("connection")))
        .list()
        .stream()
        .map(v -> withAlarms(v))
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<MachineStatusView> state(String site, String workUnit) {
    return states(site).stream().filter(v -> v.workUnit().equals(workUnit)).findFirst();
  }

  /** A work unit's state intervals that overlap {@code [from, to)}, oldest first (at most 5000). */
  @Transactional(readOnly = true)
  public List<Interval> intervals(String site, String workUnit, Instant from, Instant to) {
    siteAccess.requireSite(site);
    if (from != null && to != null && !to.isAfter(from)) {
      throw new InvalidInputException("to", "must be after from");
    }
    return jdbc.sql(
            """
            SELECT state, started_at, ended_at FROM machines_state_interval
             WHERE site = :site AND work_unit = :unit
               AND (CAST(:to AS TIMESTAMP WITH TIME ZONE) IS NULL OR started_at < :to)
               AND (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL
                    OR ended_at IS NULL OR ended_at > :from)
             ORDER BY started_at, ended_at LIMIT 5000
            """)
        .param("site", site)
        .param("unit", workUnit)
        .param("from", Sql.ts(from))
        .param("to", Sql.ts(to))
        .query(
            (rs, n) ->
                new Interval(
                    MachineState.valueOf(rs.getString("state")),
                    Sql.instant(rs, "started_at"),
                    Sql.instant(rs, "ended_at")))
        .list();
  }

  /** A work unit's alarms, newest first (the last 200). */
  @Transactional(readOnly = true)
  public List<AlarmView> alarms(String site, String workUnit) {
    siteAccess.requireSite(site);
    return jdbc.sql(
            """
            SELECT alarm, text, raised_at, cleared_at FROM machines_alarm
             WHERE site = :site AND work_unit = :unit ORDER BY raised_at DESC LIMIT 200
            """)
        .param("site", site)
        .param("unit", workUnit)
        .query(
            (rs, n) ->
                new AlarmView(
                    rs.getString("alarm"),
                    rs.getString("text"),
                    Sql.instant(rs, "raised_at"),
                    Sql.instant(rs, "cleared_at")))
        .list();
  }

  private MachineStatusView withAlarms(MachineStatusView v) {
    List<String> texts =
        jdbc.sql(
                """
                SELECT text FROM machines_alarm
                 WHERE site = :site AND work_unit = :unit AND cleared_at IS NULL
                 ORDER BY raised_at
                """)
            .param("site", v.site())
            .param("unit", v.workUnit())
            .query(String.class)
            .list();
    return new MachineStatusView(
        v.site(), v.workUnit(), v.state(), v.since(), texts, v.connection());
  }
}
