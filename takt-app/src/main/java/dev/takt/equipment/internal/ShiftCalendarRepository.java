package dev.takt.equipment.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shift calendar tables. A calendar is always written whole: its head row carries the version,
 * its shifts, breaks and non-working periods are replaced together.
 */
@Repository
class ShiftCalendarRepository {

  private final JdbcClient jdbc;

  ShiftCalendarRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The calendar's version; 0 when none was ever saved. */
  long version(String site) {
    return jdbc.sql("SELECT version FROM equipment_shift_calendar WHERE site_code = :site")
        .param("site", site)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  ShiftCalendar load(String site) {
    List<ShiftCalendar.ShiftPattern> shifts =
        jdbc.sql("SELECT * FROM equipment_shift WHERE site_code = :site ORDER BY seq_no")
            .param("site", site)
            .query(
                (rs, n) ->
                    new ShiftCalendar.ShiftPattern(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getObject("start_time", LocalTime.class),
                        rs.getObject("end_time", LocalTime.class),
                        weekdays(rs.getString("weekdays")),
                        breaks(site, rs.getString("code"))))
            .list();
    List<ShiftCalendar.PlannedNonWorking> nonWorking =
        jdbc.sql("SELECT * FROM equipment_non_working WHERE site_code = :site ORDER BY seq_no")
            .param("site", site)
            .query(
                (rs, n) ->
                    new ShiftCalendar.PlannedNonWorking(
                        rs.getObject("starts_at", LocalDateTime.class),
                        rs.getObject("ends_at", LocalDateTime.class),
                        rs.getString("reason")))
            .list();
    return new ShiftCalendar(shifts, nonWorking);
  }

  /** Replaces the calendar; false when {@code version} is no longer the current one. */
  boolean replace(String site, ShiftCalendar calendar, long version, Instant now) {
    if (version == 0) {
      jdbc.sql(
              "INSERT INTO equipment_shift_calendar (site_code, updated_at, version)"
                  + " VALUES (:site, :now, 1)")
          .param("site", site)
          .param("now", Sql.ts(now))
          .update();
    } else if (jdbc.sql(
                "UPDATE equipment_shift_calendar SET updated_at = :now, version = version + 1"
                    + " WHERE site_code = :site AND version = :version")
            .param("now", Sql.ts(now))
            .param("site", site)
            .param("version", version)
            .update()
        != 1) {
      return false;
    }
    for (String table :
        List.of("equipment_shift_break", "equipment_shift", "equipment_non_working")) {
      jdbc.sql("DELETE FROM " + table + " WHERE site_code = :site").param("site", site).update();
    }
    insert(site, calendar);
    return true;
  }

  private void insert(String site, ShiftCalendar calendar) {
    int seq = 0;
    for (ShiftCalendar.ShiftPattern s : calendar.shifts()) {
      jdbc.sql(
              """
              INSERT INTO equipment_shift (site_code, code, seq_no, name, start_time, end_time,
                weekdays)
              VALUES (:site, :code, :seq, :name, :start, :end, :weekdays)
              """)
          .param("site", site)
          .param("code", s.code())
          .param("seq", seq++)
          .param("name", s.name())
          .param("start", s.start())
          .param("end", s.end())
          .param(
              "weekdays",
              EnumSet.copyOf(s.weekdays()).stream()
                  .map(Enum::name)
                  .collect(Collectors.joining(",")))
          .update();
      int breakSeq = 0;
      for (ShiftCalendar.BreakPattern b : s.breaks()) {
        jdbc.sql(
                """
                INSERT INTO equipment_shift_break (site_code, shift_code, seq_no, start_time,
                  end_time)
                VALUES (:site, :shift, :seq, :start, :end)
                """)
            .param("site", site)
            .param("shift", s.code())
            .param("seq", breakSeq++)
            .param("start", b.start())
            .param("end", b.end())
            .update();
      }
    }
    seq = 0;
    for (ShiftCalendar.PlannedNonWorking p : calendar.plannedNonWorking()) {
      jdbc.sql(
              """
              INSERT INTO equipment_non_working (site_code, seq_no, starts_at, ends_at, reason)
              VALUES (:site, :seq, :from, :to, :reason)
              """)
          .param("site", site)
          .param("seq", seq++)
          .param("from", p.from())
          .param("to", p.to())
          .param("reason", p.reason())
          .update();
    }
  }

  private List<ShiftCalendar.BreakPattern> breaks(String site, String shift) {
    return new ArrayList<>(
        jdbc.sql(
                "SELECT start_time, end_time FROM equipment_shift_break"
                    + " WHERE site_code = :site AND shift_code = :shift ORDER BY seq_no")
            .param("site", site)
            .param("shift", shift)
            .query(
                (rs, n) ->
                    new ShiftCalendar.BreakPattern(
                        rs.getObject("start_time", LocalTime.class),
                        rs.getObject("end_time", LocalTime.class)))
            .list());
  }

  private static Set<DayOfWeek> weekdays(String text) {
    return Arrays.stream(text.split(","))
        .map(DayOfWeek::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
  }
}
