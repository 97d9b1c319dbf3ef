package dev.takt.performance.internal;

import dev.takt.equipment.Equipment;
import dev.takt.equipment.ShiftInstance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the buckets and the day rows summed from them. Counts are added to both as they are
 * reported; stop time is rebuilt for the buckets a downtime touches from {@code performance_stop},
 * so a downtime closed late, reclassified or corrected lands in the right buckets under the right
 * reason, whatever was there before, and the stop day rows of the business days it touched are
 * summed again. Callers hold the work unit's lock ({@link UnitLocks}).
 */
@Component
class BucketStore {

  private final JdbcClient jdbc;
  private final Equipment equipment;
  private final PerformanceSettings settings;
  private final StopClassDays classDays;
  private final RecorderCalendars recent;

  BucketStore(
      JdbcClient jdbc,
      Equipment equipment,
      PerformanceSettings settings,
      StopClassDays classDays,
      RecorderCalendars recent) {
    this.jdbc = jdbc;
    this.equipment = equipment;
    this.settings = settings;
    this.classDays = classDays;
    this.recent = recent;
  }

  /** The site's shifts over {@code [from, to)}, fetched in chunks the calendar accepts. */
  SiteCalendar calendar(String site, Instant from, Instant to) {
    ZoneId zone = equipment.timeZone(site).orElse(ZoneOffset.UTC);
    List<ShiftInstance> shifts = new ArrayList<>();
    Map<Instant, ShiftInstance> seen = new LinkedHashMap<>();
    Instant start = from;
    Duration chunk = Duration.ofDays(PerformanceSettings.MAX_RANGE_DAYS - 1);
    while (start.isBefore(to)) {
      Instant end = start.plus(chunk).isBefore(to) ? start.plus(chunk) : to;
      for (ShiftInstance s : equipment.shifts(site, start, end)) {
        seen.putIfAbsent(s.start(), s);
      }
      start = end;
    }
    shifts.addAll(seen.values());
    return new SiteCalendar(zone, shifts);
  }

  /** Adds a quantity report to its bucket (and its scrap and rework to the reason buckets). */
  void addCounts(
      String site,
      String workUnit,
      String orderNumber,
      Instant at,
      BigDecimal good,
      BigDecimal scrap,
      String scrapReason,
      BigDecimal rework,
      String reworkReason,
      BigDecimal idealSeconds) {
    // the calendar of the last few seconds (forgotten when the site's shifts change)
    SiteCalendar cal =
        recent.around(site, Buckets.floor(at), (from, to) -> calendar(site, from, to));
    addCounts(
        cal,
        site,
        workUnit,
        orderNumber,
        at,
        good,
        scrap,
        scrapReason,
        rework,
        reworkReason,
        idealSeconds);
  }

  /** As above, with the site's calendar at hand (it must cover {@code at}). */
  void addCounts(
      SiteCalendar cal,
      String site,
      String workUnit,
      String orderNumber,
      Instant at,
      BigDecimal good,
      BigDecimal scrap,
      String scrapReason,
      BigDecimal rework,
      String reworkReason,
      BigDecimal idealSeconds) {
    Instant bucket = Buckets.floor(at);
    LocalDate day = cal.businessDay(bucket);
    ShiftInstance shift = cal.shiftAt(bucket);
    int updated =
        jdbc.sql(
                """
                UPDATE performance_count_bucket
                   SET good = good + :good, scrap = scrap + :scrap, rework = rework + :rework,
                       ideal_seconds = ideal_seconds + :ideal
                 WHERE site = :site AND work_unit = :unit AND bucket_start = :bucket
                   AND order_number = :order
                """)
            .param("good", good)
            .param("scrap", scrap)
            .param("rework", rework)
            .param("ideal", idealSeconds)
            .param("site", site)
            .param("unit", workUnit)
            .param("bucket", Sql.ts(bucket))
            .param("order", orderNumber)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO performance_count_bucket (site, work_unit, bucket_start, order_number,
                business_day, shift_start, good, scrap, rework, ideal_seconds)
              VALUES (:site, :unit, :bucket, :order, :day, :shift, :good, :scrap, :rework, :ideal)
              """)
          .param("site", site)
          .param("unit", workUnit)
          .param("bucket", Sql.ts(bucket))
          .param("order", orderNumber)
          .param("day", Sql.date(day))
          .param("shift", shift == null ? null : Sql.ts(shift.start()))
          .param("good", good)
          .param("scrap", scrap)
          .param("rework", rework)
          .param("ideal", idealSeconds)
          .update();
    }
    addCountsToDay(site, workUnit, day, good, scrap, rework, idealSeconds);
    if (scrap.signum() != 0 && scrapReason != null) {
      addScrap(site, workUnit, bucket, "SCRAP", scrapReason, scrap, day, shift);
    }
    if (rework.signum() != 0 && reworkReason != null) {
      addScrap(site, workUnit, bucket, "REWORK", reworkReason, rework, day, shift);
    }
  }

  private void addCountsToDay(
      String site,
      String workUnit,
      LocalDate day,
      BigDecimal good,
      BigDecimal scrap,
      BigDecimal rework,
      BigDecimal idealSeconds) {
    int updated =
        jdbc.sql(
                """
                UPDATE performance_count_day
                   SET good = good + :good, scrap = scrap + :scrap, rework = rework + :rework,
                       ideal_seconds = ideal_seconds + :ideal
                 WHERE site = :site AND business_day = :day AND work_unit = :unit
                """)
            .param("good", good)
            .param("scrap", scrap)
            .param("rework", rework)
            .param("ideal", idealSeconds)
            .param("site", site)
            .param("day", Sql.date(day))
            .param("unit", workUnit)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO performance_count_day (site, work_unit, business_day, good, scrap, rework,
                ideal_seconds)
              VALUES (:site, :unit, :day, :good, :scrap, :rework, :ideal)
              """)
          .param("site", site)
          .param("unit", workUnit)
          .param("day", Sql.date(day))
          .param("good", good)
          .param("scrap", scrap)
          .param("rework", rework)
          .param("ideal", idealSeconds)
          .update();
    }
  }

  private void addScrap(
      String site,
      String workUnit,
      Instant bucket,
      String kind,
      String reason,
      BigDecimal quantity,
      LocalDate day,
      ShiftInstance shift) {
    int updated =
        jdbc.sql(
                """
                UPDATE performance_scrap_bucket SET quantity = quantity + :q
                 WHERE site = :site AND work_unit = :unit AND bucket_start = :bucket
                   AND kind = :kind AND reason = :reason
                """)
            .param("q", quantity)
            .param("site", site)
            .param("unit", workUnit)
            .param("bucket", Sql.ts(bucket))
            .param("kind", kind)
            .param("reason", reason)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO performance_scrap_bucket (site, work_unit, bucket_start, kind, reason,
                business_day, shift_start, quantity)
              VALUES (:site, :unit, :bucket, :kind, :reason, :day, :shift, :q)
              """)
          .param("site", site)
          .param("unit", workUnit)
          .param("bucket", Sql.ts(bucket))
          .param("kind", kind)
          .param("reason", reason)
          .param("day", Sql.date(day))
          .param("shift", shift == null ? null : Sql.ts(shift.start()))
          .param("q", quantity)
          .update();
    }
  }

  private record StopRow(UUID id, String reason, Instant openedAt, Instant closedAt) {}

  private record Key(Instant bucket, String reason, boolean micro) {}

  /**
   * Rebuilds the stop buckets of a work unit that {@code [from, to)} touches from the closed
   * downtimes that overlap them: only time inside planned production time counts; a stop shorter
   * than the micro-stop threshold is marked micro; each stop is counted once, in the bucket of its
   * first planned second.
   */
  void rebuildStops(String site, String workUnit, Instant from, Instant to) {
    Instant a = Buckets.floor(from);
    Instant b = Buckets.ceil(to);
    if (!b.isAfter(a)) {
      b = a.plus(Buckets.SIZE);
    }
    // the days and shifts whose rows are summed again: those of the old buckets and the new ones
    Set<LocalDate> days = new TreeSet<>();
    Set<Instant> shifts = new TreeSet<>();
    jdbc.sql(
            """
            SELECT DISTINCT business_day, shift_start FROM performance_stop_bucket
             WHERE site = :site AND work_unit = :unit AND bucket_start >= :a AND bucket_start < :b
            """)
        .param("site", site)
        .param("unit", workUnit)
        .param("a", Sql.ts(a))
        .param("b", Sql.ts(b))
        .query(
            rs -> {
              days.add(Sql.localDate(rs, "business_day"));
              Instant shift = Sql.instant(rs, "shift_start");
              if (shift != null) {
                shifts.add(shift);
              }
            });
    jdbc.sql(
            """
            DELETE FROM performance_stop_bucket
             WHERE site = :site AND work_unit = :unit AND bucket_start >= :a AND bucket_start < :b
            """)
        .param("site", site)
        .param("unit", workUnit)
        .param("a", Sql.ts(a))
        .param("b", Sql.ts(b))
        .update();
    List<StopRow> stops =
        jdbc.sql(
                """
                SELECT downtime_id, reason, opened_at, closed_at FROM performance_stop
                 WHERE site = :site AND work_unit = :unit AND closed_at IS NOT NULL
                   AND opened_at < :b AND closed_at > :a
                """)
            .param("site", site)
            .param("unit", workUnit)
            .param("a", Sql.ts(a))
            .param("b", Sql.ts(b))
            .query(
                (rs, n) ->
                    new StopRow(
                        rs.getObject("downtime_id", UUID.class),
                        rs.getString("reason"),
                        Sql.instant(rs, "opened_at"),
                        Sql.instant(rs, "closed_at")))
            .list();
    if (stops.isEmpty()) {
      resumDays(site, workUnit, days);
      resumShifts(site, workUnit, shifts);
      return;
    }
    Instant calFrom = a;
    Instant calTo = b;
    for (StopRow s : stops) {
      calFrom = SiteCalendar.min(calFrom, Buckets.floor(s.openedAt()));
      calTo = SiteCalendar.max(calTo, Buckets.ceil(s.closedAt()));
    }
    SiteCalendar cal = calendar(site, calFrom.minus(Duration.ofDays(1)), calTo);
    Map<Key, long[]> acc =
        new TreeMap<>(
            java.util.Comparator.comparing(Key::bucket)
                .thenComparing(Key::reason)
                .thenComparing(Key::micro));
    for (StopRow s : stops) {
      boolean micro =
          Duration.between(s.openedAt(), s.closedAt()).compareTo(settings.microStopThreshold()) < 0;
      String reason = s.reason() == null ? "" : s.reason();
      boolean counted = false;
      for (Instant bucket = Buckets.floor(s.openedAt());
          bucket.isBefore(s.closedAt());
          bucket = bucket.plus(Buckets.SIZE)) {
        Instant ps = SiteCalendar.max(s.openedAt(), bucket);
        Instant pe = SiteCalendar.min(s.closedAt(), bucket.plus(Buckets.SIZE));
        long millis = cal.plannedMillis(ps, pe);
        if (millis <= 0) {
          continue;
        }
        int count = counted ? 0 : 1;
        counted = true;
        if (!bucket.isBefore(a) && bucket.isBefore(b)) {
          long[] v = acc.computeIfAbsent(new Key(bucket, reason, micro), k -> new long[2]);
          v[0] += millis;
          v[1] += count;
        }
      }
    }
    for (Map.Entry<Key, long[]> e : acc.entrySet()) {
      Instant bucket = e.getKey().bucket();
      ShiftInstance shift = cal.shiftAt(bucket);
      jdbc.sql(
              """
              INSERT INTO performance_stop_bucket (site, work_unit, bucket_start, reason, micro,
                business_day, shift_start, seconds, stops)
              VALUES (:site, :unit, :bucket, :reason, :micro, :day, :shift, :seconds, :stops)
              """)
          .param("site", site)
          .param("unit", workUnit)
          .param("bucket", Sql.ts(bucket))
          .param("reason", e.getKey().reason())
          .param("micro", e.getKey().micro())
          .param("day", Sql.date(cal.businessDay(bucket)))
          .param("shift", shift == null ? null : Sql.ts(shift.start()))
          .param("seconds", Math.round(e.getValue()[0] / 1000.0))
          .param("stops", (int) e.getValue()[1])
          .update();
      days.add(cal.businessDay(bucket));
      if (shift != null) {
        shifts.add(shift.start());
      }
    }
    resumDays(site, workUnit, days);
    resumShifts(site, workUnit, shifts);
  }

  /** Re-sums the shift rows of these shifts (by start) from their stop buckets. */
  private void resumShifts(String site, String workUnit, Set<Instant> shifts) {
    for (Instant shift : shifts) {
      // a shift's buckets lie between the bucket of its start and its end, at most a day later
      resumStops(
          "performance_stop_shift",
          "shift_start",
          Sql.ts(shift),
          site,
          workUnit,
          Buckets.floor(shift),
          shift.plus(Duration.ofDays(2)));
    }
  }

  /** Re-sums the day rows of these business days from their stop buckets, and their class rows. */
  private void resumDays(String site, String workUnit, Set<LocalDate> days) {
    for (LocalDate day : days) {
      // a business day's buckets lie between its local midnight and its last shift's end
      resumStops(
          "performance_stop_day",
          "business_day",
          Sql.date(day),
          site,
          workUnit,
          day.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
          day.plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    classDays.refresh(site, workUnit, days);
  }

  /**
   * Replaces a work unit's per-reason rows of one period ({@code column} = {@code period}) in a
   * stop roll-up table by the sums of its stop buckets. The buckets are read between {@code from}
   * and {@code to}, which hold all of the period's, so that the read stays on the primary key.
   */
  private void resumStops(
      String table,
      String column,
      Object period,
      String site,
      String workUnit,
      Instant from,
      Instant to) {
    jdbc.sql(
            """
            DELETE FROM %1$s WHERE site = :site AND %2$s = :period AND work_unit = :unit
            """
                .formatted(table, column))
        .param("site", site)
        .param("period", period)
        .param("unit", workUnit)
        .update();
    jdbc.sql(
            """
            INSERT INTO %1$s (site, work_unit, %2$s, reason, micro, seconds, stops)
            SELECT site, work_unit, %2$s, reason, micro, SUM(seconds), SUM(stops)
              FROM performance_stop_bucket
             WHERE site = :site AND work_unit = :unit AND %2$s = :period
               AND bucket_start >= :from AND bucket_start < :to
             GROUP BY site, work_unit, %2$s, reason, micro
            """
                .formatted(table, column))
        .param("site", site)
        .param("unit", workUnit)
        .param("period", period)
        .param("from", Sql.ts(from))
        .param("to", Sql.ts(to))
        .update();
  }
}
