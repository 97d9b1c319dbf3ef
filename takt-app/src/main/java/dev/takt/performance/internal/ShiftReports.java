package dev.takt.performance.internal;

import dev.takt.equipment.ShiftInstance;
import dev.takt.performance.internal.Views.Breakdown;
import dev.takt.performance.internal.Views.GroupBy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shift report: for one shift of a site, what each order produced on each work unit (good,
 * scrap, rework), the downtimes with their reasons, and OEE per work unit and for the site.
 */
@Service
public class ShiftReports {

  private final OeeService oee;
  private final BucketStore buckets;
  private final JdbcClient jdbc;
  private final Clock clock;

  ShiftReports(OeeService oee, BucketStore buckets, JdbcClient jdbc, Clock clock) {
    this.oee = oee;
    this.buckets = buckets;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A shift to choose from. */
  public record ShiftChoice(Instant start, String label, boolean current) {}

  /** What an order made on a work unit during the shift. */
  public record OrderLine(
      String orderNumber, String workUnit, BigDecimal good, BigDecimal scrap, BigDecimal rework) {}

  public record ShiftReport(
      String site,
      java.time.ZoneId zone,
      Instant start,
      Instant end,
      String label,
      OeeFigures total,
      List<Views.OeeRow> workUnits,
      List<OrderLine> orders,
      List<Views.DowntimeRecord> downtimes) {}

  /** The shifts of the last {@code days} days up to now, newest first. */
  @Transactional(readOnly = true)
  public List<ShiftChoice> recentShifts(String site, int days) {
    oee.resolve(Scope.site(site));
    Instant now = clock.instant();
    SiteCalendar cal = buckets.calendar(site, now.minus(Duration.ofDays(days)), now.plusSeconds(1));
    List<ShiftChoice> choices = new ArrayList<>();
    for (ShiftInstance s : cal.shifts()) {
      if (s.start().isBefore(now)) {
        choices.add(
            new ShiftChoice(
                s.start(), s.businessDay() + " " + s.shiftName(), s.end().isAfter(now)));
      }
    }
    return choices.reversed();
  }

  /** The report of the shift that starts at {@code start} (the running one when null). */
  @Transactional(readOnly = true)
  public ShiftReport report(String site, Instant start) {
    OeeService.Resolved r = oee.resolve(Scope.site(site));
    Instant now = clock.instant();
    Instant around = start == null ? now : start;
    SiteCalendar cal =
        buckets.calendar(site, around.minus(Duration.ofDays(1)), around.plus(Duration.ofDays(1)));
    ShiftInstance shift = null;
    for (ShiftInstance s : cal.shifts()) {
      if (start == null
          ? !now.isBefore(s.start()) && now.isBefore(s.end())
          : s.start().equals(start)) {
        shift = s;
      }
    }
    if (shift == null) {
      // no shift there: the last one that started before
      for (ShiftInstance s : cal.shifts()) {
        if (s.start().isBefore(around)) {
          shift = s;
        }
      }
    }
    if (shift == null) {
      return null;
    }
    OeeService.Range range = OeeService.Range.of(shift.start(), shift.end());
    Views.OeeReport total = oee.oee(r, range, GroupBy.NONE, Breakdown.NONE);
    Views.OeeReport units = oee.oee(r, range, GroupBy.NONE, Breakdown.WORK_UNIT);
    List<OrderLine> lines =
        jdbc.sql(
                """
                SELECT order_number, work_unit, SUM(good) AS g, SUM(scrap) AS s, SUM(rework) AS r
                  FROM performance_count_bucket
                 WHERE site = :site AND bucket_start >= :from AND bucket_start < :to
                 GROUP BY order_number, work_unit ORDER BY order_number, work_unit
                """)
            .param("site", site)
            .param("from", Sql.ts(range.from()))
            .param("to", Sql.ts(range.to()))
            .query(
                (rs, n) ->
                    new OrderLine(
                        rs.getString("order_number"),
                        rs.getString("work_unit"),
                        OeeMath.plain(rs.getBigDecimal("g")),
                        OeeMath.plain(rs.getBigDecimal("s")),
                        OeeMath.plain(rs.getBigDecimal("r"))))
            .list();
    List<Views.DowntimeRecord> downtimes = oee.downtimes(r, range.from(), range.to()).reversed();
    OeeFigures t = total.rows().isEmpty() ? null : total.rows().getFirst().figures();
    return new ShiftReport(
        site,
        r.zone(),
        shift.start(),
        shift.end(),
        shift.businessDay() + " " + shift.shiftName(),
        t,
        units.rows(),
        lines,
        downtimes);
  }
}
