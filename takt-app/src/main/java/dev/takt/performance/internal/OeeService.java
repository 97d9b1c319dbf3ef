package dev.takt.performance.internal;

import dev.takt.equipment.Equipment;
import dev.takt.equipment.ShiftInstance;
import dev.takt.equipment.WorkUnitView;
import dev.takt.identity.SiteAccess;
import dev.takt.orders.OrderView;
import dev.takt.orders.ProductionOrders;
import dev.takt.performance.internal.Views.Breakdown;
import dev.takt.performance.internal.Views.GroupBy;
import dev.takt.reasons.ReasonKind;
import dev.takt.reasons.ReasonView;
import dev.takt.reasons.Reasons;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes OEE, losses, downtime lists, timelines and the plant view from the buckets and the
 * site's shift calendar. Reads at most one row per work unit, time group, reason (and order) from
 * the bucket tables: never the raw bookings.
 */
@Service
public class OeeService {

  /** The count columns of count buckets and count day rows. */
  private static final String COUNTS = "good, scrap, rework, ideal_seconds";

  private final JdbcClient jdbc;
  private final Equipment equipment;
  private final Reasons reasons;
  private final ProductionOrders orders;
  private final SiteAccess siteAccess;
  private final BucketStore buckets;
  private final UnitStates states;
  private final PerformanceSettings settings;
  private final ViewSession session;
  private final StopClassDays classDays;
  private final Clock clock;

  OeeService(
      JdbcClient jdbc,
      Equipment equipment,
      Reasons reasons,
      ProductionOrders orders,
      SiteAccess siteAccess,
      BucketStore buckets,
      UnitStates states,
      PerformanceSettings settings,
      ViewSession session,
      StopClassDays classDays,
      Clock clock) {
    this.jdbc = jdbc;
    this.equipment = equipment;
    this.reasons = reasons;
    this.orders = orders;
    this.siteAccess = siteAccess;
    this.buckets = buckets;
    this.states = states;
    this.settings = settings;
    this.session = session;
    this.classDays = classDays;
    this.clock = clock;
  }

  /** A scope resolved against the plant model: its site's zone and its work units. */
  public record Resolved(Scope scope, ZoneId zone, List<WorkUnitView> units) {
    boolean wholeSite() {
      return scope.level() == Scope.Level.SITE;
    }
  }

  /** Checks the caller's site and finds the scope's work units (400 for an unknown scope). */
  @Transactional(readOnly = true)
  public Resolved resolve(Scope scope) {
    siteAccess.requireSite(scope.site());
    ZoneId zone =
        equipment
            .timeZone(scope.site())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "scope", "site '" + scope.site() + "' does not exist"));
    List<WorkUnitView> all = equipment.workUnits(scope.site());
    List<WorkUnitView> units =
        switch (scope.level()) {
          case SITE -> all.stream().filter(WorkUnitView::active).toList();
          case AREA ->
              all.stream().filter(u -> u.active() && scope.code().equals(u.areaCode())).toList();
          case WORK_CENTER ->
              all.stream()
                  .filter(u -> u.active() && scope.code().equals(u.workCenterCode()))
                  .toList();
          case WORK_UNIT -> all.stream().filter(u -> scope.code().equals(u.code())).toList();
        };
    if (units.isEmpty() && scope.level() != Scope.Level.SITE) {
      boolean exists =
          switch (scope.level()) {
            case AREA -> all.stream().anyMatch(u -> scope.code().equals(u.areaCode()));
            case WORK_CENTER -> equipment.workCenter(scope.site(), scope.code()).isPresent();
            default -> false;
          };
      if (!exists) {
        throw new InvalidInputException(
            "scope",
            scope.level().prefix() + " '" + scope.code() + "' does not exist at " + scope.site());
      }
    }
    return new Resolved(scope, zone, units);
  }

  /** A range widened to whole buckets, checked: from before to, at most a leap year. */
  public record Range(Instant from, Instant to) {
    public static Range of(Instant from, Instant to) {
      if (!to.isAfter(from)) {
        throw new InvalidInputException("to", "must be after 'from' (" + from + ")");
      }
      if (Duration.between(from, to).compareTo(Duration.ofDays(PerformanceSettings.MAX_RANGE_DAYS))
          > 0) {
        throw new InvalidInputException(
            "to", "the range may span at most " + PerformanceSettings.MAX_RANGE_DAYS + " days");
      }
      return new Range(Buckets.floor(from), Buckets.ceil(to));
    }
  }

  // ---------------------------------------------------------------- OEE

  /**
   * OEE of a scope {@link #resolve resolved} first (callers read local dates in its site's zone;
   * resolving again for every view cost a transaction and three statements).
   */
  @Transactional(readOnly = true)
  public Views.OeeReport oee(Resolved r, Instant from, Instant to, GroupBy groupBy, Breakdown by) {
    return oee(r, Range.of(from, to), groupBy, by);
  }

  Views.OeeReport oee(Resolved r, Range range, GroupBy groupBy, Breakdown by) {
    Instant now = clock.instant();
    Instant until = SiteCalendar.min(range.to(), SiteCalendar.max(now, range.from()));
    SiteCalendar cal = buckets.calendar(r.scope().site(), range.from(), range.to());
    Map<String, String> childOf = new HashMap<>();
    Map<String, Integer> unitsPerChild = new TreeMap<>();
    for (WorkUnitView u : r.units()) {
      String child = child(r, u, by);
      childOf.put(u.code(), child);
      unitsPerChild.merge(child, 1, Integer::sum);
    }
    if (unitsPerChild.isEmpty()) {
      unitsPerChild.put(r.scope().toString(), 0);
    }
    // groups from the calendar: planned time per group (per unit), calendar time per group
    Map<String, Group> groups = new LinkedHashMap<>();
    Function<LocalDate, String> dayKey = d -> dayKey(groupBy, d);
    for (ShiftInstance s : cal.shifts()) {
      long planned = SiteCalendar.plannedMillis(s, range.from(), until);
      if (!s.end().isAfter(range.from()) || !s.start().isBefore(range.to())) {
        continue;
      }
      String key = groupBy == GroupBy.SHIFT ? s.start().toString() : dayKey.apply(s.businessDay());
      Group g =
          groups.computeIfAbsent(
              key, k -> groupFor(groupBy, k, s, s.businessDay(), r.zone(), range));
      g.plannedMillis += planned;
    }
    if (groupBy == GroupBy.NONE) {
      groups.computeIfAbsent("all", k -> groupFor(GroupBy.NONE, k, null, null, r.zone(), range));
    }
    Map<String, Map<String, Totals>> table = new HashMap<>();
    if (Duration.between(range.from(), range.to()).toDays() > 1) {
      // only long views aggregate enough rows to need it; not the plant view's running shift,
      // which is recomputed for a tile after every event
      session.tuneForAggregates();
    }
    Source source =
        groupBy == GroupBy.SHIFT
            ? new Source(r, range, null, cal.wholeShifts(range.from(), range.to()))
            : new Source(r, range, cal.wholeDays(range.from(), range.to()), null);
    Map<String, String> keyOfDay = new HashMap<>();
    List<ReasonView> catalogue = reasons.all(ReasonKind.DOWNTIME);
    StopClasses stopClasses = StopClasses.of(catalogue);
    boolean classRows = source.days() != null && classDays.validFor(r.scope().site(), stopClasses);
    if (source.days() != null && !classRows) {
      classDays.requestRebuild(r.scope().site());
    }
    stopClasses
        .bind(
            source.bind(
                jdbc.sql(
                    source.select(
                        "performance_stop_bucket",
                        StopClasses.ROW,
                        StopClasses.SUMS,
                        classRows ? "performance_stop_class_day" : "performance_stop_day",
                        classRows ? StopClasses.COLUMNS : null,
                        "performance_stop_shift",
                        groupBy))))
        .query(
            rs -> {
              String child = childOf.get(rs.getString("work_unit"));
              if (child != null) {
                String key = rowKey(groupBy, rs, groups, keyOfDay, r, range);
                StopClasses.addTo(
                    table
                        .computeIfAbsent(key, k -> new HashMap<>())
                        .computeIfAbsent(child, c -> new Totals()),
                    rs);
              }
            });
    source
        .bind(
            jdbc.sql(
                source.select(
                    "performance_count_bucket",
                    COUNTS,
                    "SUM(good) AS good, SUM(scrap) AS scrap, SUM(rework) AS rework,"
                        + " SUM(ideal_seconds) AS ideal_seconds",
                    "performance_count_day",
                    COUNTS,
                    null,
                    groupBy)))
        .query(
            rs -> {
              String child = childOf.get(rs.getString("work_unit"));
              if (child != null) {
                String key = rowKey(groupBy, rs, groups, keyOfDay, r, range);
                table
                    .computeIfAbsent(key, k -> new HashMap<>())
                    .computeIfAbsent(child, c -> new Totals())
                    .addCounts(
                        rs.getBigDecimal("good"),
                        rs.getBigDecimal("scrap"),
                        rs.getBigDecimal("rework"),
                        rs.getBigDecimal("ideal_seconds"));
              }
            });
    // open downtimes count up to now, inside planned time
    if (until.isAfter(range.from())) {
      for (UnitState s : states.downBefore(r.scope().site(), until)) {
        String child = childOf.get(s.workUnit());
        if (child == null) {
          continue;
        }
        boolean micro =
            Duration.between(s.downSince(), now).compareTo(settings.microStopThreshold()) < 0;
        boolean counted = false;
        for (ShiftInstance shift : cal.shifts()) {
          long ms =
              SiteCalendar.plannedMillis(
                  shift, SiteCalendar.max(s.downSince(), range.from()), until);
          if (ms <= 0) {
            continue;
          }
          String key =
              groupBy == GroupBy.SHIFT
                  ? shift.start().toString()
                  : dayKey.apply(shift.businessDay());
          table
              .computeIfAbsent(key, k -> new HashMap<>())
              .computeIfAbsent(child, c -> new Totals())
              .addStop(s.downtimeReason(), micro, Math.round(ms / 1000.0), counted ? 0 : 1);
          counted = true;
        }
      }
    }
    // every calendar group appears, with planned time for each child
    for (String key : groups.keySet()) {
      Map<String, Totals> row = table.computeIfAbsent(key, k -> new HashMap<>());
      for (String child : unitsPerChild.keySet()) {
        row.computeIfAbsent(child, c -> new Totals());
      }
    }
    Function<String, OeeMath.ReasonClass> classes = reasonClasses(catalogue);
    List<Views.OeeRow> rows = new ArrayList<>();
    List<String> keys = new ArrayList<>(table.keySet());
    keys.sort(
        Comparator.comparing(
            (String k) -> groups.containsKey(k) ? groups.get(k).start : Instant.MAX));
    for (String key : keys) {
      Group g = groups.get(key);
      if (g == null) {
        g = Group.outside(key, range);
        groups.put(key, g);
      }
      Instant cFrom = SiteCalendar.max(g.start, range.from());
      Instant cTo = SiteCalendar.min(g.end, until);
      long calendarMillis = cTo.isAfter(cFrom) ? Duration.between(cFrom, cTo).toMillis() : 0;
      // a business day's night shift reaches past midnight: at the edges of a range the day's
      // clipped calendar time can be shorter than its planned time, which TEEP must not exceed
      calendarMillis = Math.max(calendarMillis, g.plannedMillis);
      for (Map.Entry<String, Totals> e : new TreeMap<>(table.get(key)).entrySet()) {
        int n = unitsPerChild.getOrDefault(e.getKey(), 0);
        Totals t = e.getValue();
        t.plannedMillis += g.plannedMillis * n;
        t.calendarMillis += g.outside ? 0 : calendarMillis * n;
        rows.add(
            new Views.OeeRow(
                key, g.label, g.start, g.end, e.getKey(), OeeMath.figures(t, classes)));
      }
    }
    return new Views.OeeReport(
        r.scope().toString(),
        r.scope().site(),
        range.from(),
        range.to(),
        groupBy,
        by,
        r.units().size(),
        rows);
  }

  /**
   * Where a view's rows come from: the day rows for the business days wholly inside the range (by
   * shift: the shift rows, where a table has them, for the shifts wholly inside), the 15-minute
   * buckets for the ragged edges, each row keyed by its period column as {@code k}.
   */
  private record Source(
      Resolved r, Range range, SiteCalendar.WholeDays days, SiteCalendar.WholeShifts shifts) {

    /**
     * One row per work unit and key {@code k} with the {@code sums} (aliased like the day table's
     * {@code dayColumns}). The buckets' {@code rowColumns} are summed; so are the day rows when
     * they are not one per unit and day ({@code dayColumns} null: the per-reason stop rows). Rows
     * that already are one per unit and day are read as they are: summing 50,000 of them into
     * groups of one cost more than reading them (NUMERIC sums in a hash aggregate). By shift,
     * {@code shiftTable} (null: none) has per-reason rows per unit and shift for the whole shifts.
     */
    String select(
        String bucketTable,
        String rowColumns,
        String sums,
        String dayTable,
        String dayColumns,
        String shiftTable,
        GroupBy groupBy) {
      String units = r.wholeSite() ? "" : " AND work_unit IN (:units)";
      String key = groupBy == GroupBy.SHIFT ? "shift_start" : "business_day";
      String buckets =
          "SELECT work_unit, "
              + key
              + " AS k, "
              + rowColumns
              + " FROM "
              + bucketTable
              + " WHERE site = :site"
              + units;
      if (days == null) {
        if (shifts == null || shiftTable == null) {
          return grouped(buckets + " AND bucket_start >= :from AND bucket_start < :to", sums);
        }
        // shift rows are per reason, like the buckets: both parts are summed; the edges are the
        // buckets before the first whole shift and from the end of the last, of other shifts
        String otherShift =
            " AND (shift_start IS NULL OR shift_start < :firstShift OR shift_start > :lastShift)";
        return grouped(
            "SELECT work_unit, shift_start AS k, "
                + rowColumns
                + " FROM "
                + shiftTable
                + " WHERE site = :site AND shift_start >= :firstShift"
                + " AND shift_start <= :lastShift"
                + units
                + " UNION ALL "
                + buckets
                + " AND bucket_start >= :from AND bucket_start < :firstShift"
                + otherShift
                + " UNION ALL "
                + buckets
                + " AND bucket_start >= :shiftsEnd AND bucket_start < :to"
                + otherShift,
            sums);
      }
      String edges =
          buckets
              + " AND bucket_start >= :from AND bucket_start < :earlierEnd"
              + " AND business_day < :firstDay UNION ALL "
              + buckets
              + " AND bucket_start >= :laterStart AND bucket_start < :to"
              + " AND business_day > :lastDay";
      String wholeDays =
          " FROM "
              + dayTable
              + " WHERE site = :site AND business_day >= :firstDay AND business_day <= :lastDay"
              + units;
      if (dayColumns == null) {
        return grouped(
            "SELECT work_unit, business_day AS k, "
                + rowColumns
                + wholeDays
                + " UNION ALL "
                + edges,
            sums);
      }
      // the edges' business days lie outside [firstDay, lastDay]: no key comes from both parts
      return "SELECT work_unit, business_day AS k, "
          + dayColumns
          + wholeDays
          + " UNION ALL "
          + grouped(edges, sums);
    }

    private static String grouped(String rows, String sums) {
      return "SELECT work_unit, k, " + sums + " FROM (" + rows + ") x GROUP BY work_unit, k";
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
      spec =
          spec.param("site", r.scope().site())
              .param("from", Sql.ts(range.from()))
              .param("to", Sql.ts(range.to()));
      if (!r.wholeSite()) {
        spec = spec.param("units", unitCodes(r));
      }
      if (shifts != null) {
        spec =
            spec.param("firstShift", Sql.ts(shifts.first()))
                .param("lastShift", Sql.ts(shifts.last()))
                .param("shiftsEnd", Sql.ts(shifts.end()));
      }
      if (days != null) {
        spec =
            spec.param("firstDay", Sql.date(days.first()))
                .param("lastDay", Sql.date(days.last()))
                .param("earlierEnd", Sql.ts(SiteCalendar.min(days.earlierEnd(), range.to())))
                .param("laterStart", Sql.ts(SiteCalendar.max(days.laterStart(), range.from())));
      }
      return spec;
    }
  }

  private static final class Group {
    final String label;
    final Instant start;
    final Instant end;
    final boolean outside;
    long plannedMillis;

    Group(String label, Instant start, Instant end, boolean outside) {
      this.label = label;
      this.start = start;
      this.end = end;
      this.outside = outside;
    }

    static Group outside(String key, Range range) {
      return new Group(key.equals("-") ? "outside shifts" : key, range.from(), range.to(), true);
    }
  }

  private static String dayKey(GroupBy groupBy, LocalDate d) {
    return switch (groupBy) {
      case DAY, SHIFT -> d.toString();
      case WEEK ->
          d.get(IsoFields.WEEK_BASED_YEAR)
              + "-W"
              + String.format("%02d", d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> YearMonth.from(d).toString();
      case NONE -> "all";
    };
  }

  private static Group groupFor(
      GroupBy groupBy, String key, ShiftInstance s, LocalDate day, ZoneId zone, Range range) {
    return switch (groupBy) {
      case SHIFT -> new Group(s.businessDay() + " " + s.shiftName(), s.start(), s.end(), false);
      case DAY ->
          new Group(
              key,
              day.atStartOfDay(zone).toInstant(),
              day.plusDays(1).atStartOfDay(zone).toInstant(),
              false);
      case WEEK -> {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield new Group(
            key,
            monday.atStartOfDay(zone).toInstant(),
            monday.plusWeeks(1).atStartOfDay(zone).toInstant(),
            false);
      }
      case MONTH -> {
        LocalDate first = day.withDayOfMonth(1);
        yield new Group(
            key,
            first.atStartOfDay(zone).toInstant(),
            first.plusMonths(1).atStartOfDay(zone).toInstant(),
            false);
      }
      case NONE -> new Group("all", range.from(), range.to(), false);
    };
  }

  /** The group key of a bucket row; a day or week seen only in data gets its own group. */
  private static String rowKey(
      GroupBy groupBy,
      java.sql.ResultSet rs,
      Map<String, Group> groups,
      Map<String, String> keyOfDay,
      Resolved r,
      Range range)
      throws java.sql.SQLException {
    if (groupBy == GroupBy.SHIFT) {
      Instant start = Sql.instant(rs, "k");
      return start == null ? "-" : start.toString();
    }
    // a year per work unit is 50,000 rows over 365 days: each day is parsed once (ISO text, as
    // both databases' drivers give a DATE)
    return keyOfDay.computeIfAbsent(
        rs.getString("k"),
        raw -> {
          LocalDate day = LocalDate.parse(raw);
          String key = dayKey(groupBy, day);
          groups.computeIfAbsent(key, k -> groupFor(groupBy, k, null, day, r.zone(), range));
          return key;
        });
  }

  private static String child(Resolved r, WorkUnitView u, Breakdown by) {
    return switch (by) {
      case NONE -> r.scope().toString();
      case AREA -> Scope.of(Scope.Level.AREA, u.siteCode(), u.areaCode()).toString();
      case WORK_CENTER ->
          Scope.of(Scope.Level.WORK_CENTER, u.siteCode(), u.workCenterCode()).toString();
      case WORK_UNIT -> Scope.of(Scope.Level.WORK_UNIT, u.siteCode(), u.code()).toString();
    };
  }

  /** Reason code to how it counts, from the catalogue as it is now. */
  private Function<String, OeeMath.ReasonClass> reasonClasses() {
    return reasonClasses(reasons.all(ReasonKind.DOWNTIME));
  }

  private static Function<String, OeeMath.ReasonClass> reasonClasses(List<ReasonView> catalogue) {
    Map<String, OeeMath.ReasonClass> byCode = new HashMap<>();
    for (ReasonView v : catalogue) {
      byCode.put(v.code(), OeeMath.ReasonClass.of(v));
    }
    return code -> byCode.getOrDefault(code, OeeMath.ReasonClass.UNCLASSIFIED);
  }

  // ---------------------------------------------------------------- losses

  /** The loss Pareto of a resolved scope. */
  @Transactional(readOnly = true)
  public Views.Losses losses(Resolved r, Instant from, Instant to) {
    Range range = Range.of(from, to);
    Views.OeeReport total = oee(r, range, GroupBy.NONE, Breakdown.NONE);
    OeeFigures f = total.rows().isEmpty() ? null : total.rows().getFirst().figures();
    Map<String, long[]> byReason = new HashMap<>();
    long micro = 0;
    String unitFilter = r.wholeSite() ? "" : " AND work_unit IN (:units)";
    var q =
        jdbc.sql(
                "SELECT work_unit, reason, micro, SUM(seconds) AS s, SUM(stops) AS n"
                    + " FROM performance_stop_bucket WHERE site = :site"
                    + unitFilter
                    + " AND bucket_start >= :from AND bucket_start < :to"
                    + " GROUP BY work_unit, reason, micro")
            .param("site", r.scope().site())
            .param("from", Sql.ts(range.from()))
            .param("to", Sql.ts(range.to()));
    if (!r.wholeSite()) {
      q = q.param("units", unitCodes(r));
    }
    java.util.Set<String> inScope = new java.util.HashSet<>(unitCodes(r));
    List<Object[]> stopRows =
        q.query(
                (rs, n) ->
                    new Object[] {
                      rs.getString("work_unit"),
                      rs.getString("reason"),
                      rs.getBoolean("micro"),
                      rs.getLong("s"),
                      rs.getLong("n")
                    })
            .list();
    for (Object[] row : stopRows) {
      if (!inScope.contains((String) row[0])) {
        continue;
      }
      if ((Boolean) row[2]) {
        micro += (Long) row[3];
      }
      long[] v = byReason.computeIfAbsent((String) row[1], k -> new long[2]);
      v[0] += (Long) row[3];
      v[1] += (Long) row[4];
    }
    Map<String, Optional<ReasonView>> names = new HashMap<>();
    Function<String, Optional<ReasonView>> reasonOf =
        c -> names.computeIfAbsent(c, k -> reasons.find(ReasonKind.DOWNTIME, k));
    List<Views.DowntimeLoss> downtime = new ArrayList<>();
    Map<String, Long> byCategory = new HashMap<>();
    long lossTotal = 0;
    for (Map.Entry<String, long[]> e : byReason.entrySet()) {
      Optional<ReasonView> rv =
          e.getKey().isEmpty() ? Optional.empty() : reasonOf.apply(e.getKey());
      boolean planned = rv.map(v -> Boolean.TRUE.equals(v.effectivePlanned())).orElse(false);
      String category =
          e.getKey().isEmpty()
              ? "UNCLASSIFIED"
              : rv.map(
                      v ->
                          v.effectiveLossCategory() == null
                              ? "OTHER"
                              : v.effectiveLossCategory().name())
                  .orElse("OTHER");
      downtime.add(
          new Views.DowntimeLoss(
              e.getKey(),
              e.getKey().isEmpty() ? null : rv.map(ReasonView::name).orElse(e.getKey()),
              category,
              planned,
              rv.map(ReasonView::colour).orElse(e.getKey().isEmpty() ? "#9E9E9E" : null),
              e.getValue()[0],
              e.getValue()[1],
              null));
      if (!planned) {
        byCategory.merge(category, e.getValue()[0], Long::sum);
        lossTotal += e.getValue()[0];
      }
    }
    downtime.sort(Comparator.comparingLong(Views.DowntimeLoss::seconds).reversed());
    List<Views.DowntimeLoss> pareto = new ArrayList<>();
    long running = 0;
    for (Views.DowntimeLoss d : downtime) {
      if (!d.planned()) {
        running += d.seconds();
      }
      pareto.add(
          new Views.DowntimeLoss(
              d.reason(),
              d.name(),
              d.category(),
              d.planned(),
              d.colour(),
              d.seconds(),
              d.stops(),
              d.planned() ? null : percentOf(running, lossTotal)));
    }
    List<Views.CategoryLoss> categories = new ArrayList<>();
    running = 0;
    for (Map.Entry<String, Long> e :
        byCategory.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .toList()) {
      running += e.getValue();
      categories.add(
          new Views.CategoryLoss(e.getKey(), e.getValue(), percentOf(running, lossTotal)));
    }
    // scrap and rework by reason
    var sq =
        jdbc.sql(
                "SELECT work_unit, kind, reason, SUM(quantity) AS q FROM performance_scrap_bucket"
                    + " WHERE site = :site"
                    + unitFilter
                    + " AND bucket_start >= :from AND bucket_start < :to"
                    + " GROUP BY work_unit, kind, reason")
            .param("site", r.scope().site())
            .param("from", Sql.ts(range.from()))
            .param("to", Sql.ts(range.to()));
    if (!r.wholeSite()) {
      sq = sq.param("units", unitCodes(r));
    }
    Map<String, BigDecimal> scrap = new HashMap<>();
    sq.query(
        rs -> {
          if (inScope.contains(rs.getString("work_unit"))) {
            scrap.merge(
                rs.getString("kind") + "/" + rs.getString("reason"),
                rs.getBigDecimal("q"),
                BigDecimal::add);
          }
        });
    BigDecimal scrapTotal = scrap.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    List<Views.ScrapLoss> scrapLosses = new ArrayList<>();
    BigDecimal cum = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> e :
        scrap.entrySet().stream()
            .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
            .toList()) {
      String kind = e.getKey().substring(0, e.getKey().indexOf('/'));
      String code = e.getKey().substring(e.getKey().indexOf('/') + 1);
      cum = cum.add(e.getValue());
      scrapLosses.add(
          new Views.ScrapLoss(
              kind,
              code,
              reasons.find(ReasonKind.valueOf(kind), code).map(ReasonView::name).orElse(code),
              OeeMath.plain(e.getValue()),
              OeeMath.percent(cum, scrapTotal)));
    }
    return new Views.Losses(
        r.scope().toString(),
        range.from(),
        range.to(),
        pareto,
        categories,
        scrapLosses,
        f == null ? BigDecimal.ZERO : f.speedLossSeconds(),
        micro,
        f == null ? 0 : f.unclassifiedSeconds());
  }

  private static BigDecimal percentOf(long part, long whole) {
    return OeeMath.percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
  }

  private static List<String> unitCodes(Resolved r) {
    List<String> codes = r.units().stream().map(WorkUnitView::code).toList();
    return codes.isEmpty() ? List.of("~none~") : codes;
  }

  // ---------------------------------------------------------------- drill-down

  /** The downtimes of a scope that overlap a range, newest first, at most 500. */
  @Transactional(readOnly = true)
  public List<Views.DowntimeRecord> downtimes(Resolved r, Instant from, Instant to) {
    Range range = Range.of(from, to);
    Instant now = clock.instant();
    java.util.Set<String> inScope = new java.util.HashSet<>(unitCodes(r));
    Map<String, Optional<ReasonView>> names = new HashMap<>();
    return jdbc
        .sql(
            "SELECT * FROM performance_stop WHERE site = :site"
                + (r.wholeSite() ? "" : " AND work_unit IN (:units)")
                + " AND opened_at < :to AND (closed_at IS NULL OR closed_at > :from)"
                + " ORDER BY opened_at DESC, downtime_id LIMIT 500")
        .param("site", r.scope().site())
        .param("from", Sql.ts(range.from()))
        .param("to", Sql.ts(range.to()))
        .params(r.wholeSite() ? Map.of() : Map.of("units", unitCodes(r)))
        .query(
            (rs, n) -> {
              String reason = rs.getString("reason");
              Instant opened = Sql.instant(rs, "opened_at");
              Instant closed = Sql.instant(rs, "closed_at");
              long seconds = Duration.between(opened, closed == null ? now : closed).toSeconds();
              Optional<ReasonView> rv =
                  reason == null
                      ? Optional.empty()
                      : names.computeIfAbsent(reason, k -> reasons.find(ReasonKind.DOWNTIME, k));
              return new Views.DowntimeRecord(
                  rs.getObject("downtime_id", UUID.class),
                  rs.getString("site"),
                  rs.getString("work_unit"),
                  reason,
                  rv.map(ReasonView::name).orElse(null),
                  reason == null
                      ? "UNCLASSIFIED"
                      : rv.map(
                              v ->
                                  v.effectiveLossCategory() == null
                                      ? "OTHER"
                                      : v.effectiveLossCategory().name())
                          .orElse("OTHER"),
                  opened,
                  closed,
                  seconds,
                  closed == null,
                  closed != null
                      && Duration.between(opened, closed).compareTo(settings.microStopThreshold())
                          < 0);
            })
        .list()
        .stream()
        .filter(d -> inScope.contains(d.workUnit()))
        .toList();
  }

  /** Shifts, runs and stops of the scope's work units over at most 7 days (the Gantt). */
  @Transactional(readOnly = true)
  public Views.Timeline timeline(Resolved r, Instant from, Instant to) {
    Range range = Range.of(from, to);
    if (Duration.between(range.from(), range.to()).compareTo(Duration.ofDays(7)) > 0) {
      throw new InvalidInputException("to", "a timeline may span at most 7 days");
    }
    Instant now = clock.instant();
    SiteCalendar cal = buckets.calendar(r.scope().site(), range.from(), range.to());
    List<Views.Segment> shiftSegments = new ArrayList<>();
    for (ShiftInstance s : cal.shifts()) {
      shiftSegments.add(
          new Views.Segment(
              "SHIFT",
              SiteCalendar.max(s.start(), range.from()),
              SiteCalendar.min(s.end(), range.to()),
              s.businessDay() + " " + s.shiftName(),
              null));
    }
    Map<String, List<Views.Segment>> byUnit = new TreeMap<>();
    for (WorkUnitView u : r.units()) {
      byUnit.put(u.code(), new ArrayList<>(shiftSegments));
    }
    Map<String, Object> params = new HashMap<>();
    params.put("site", r.scope().site());
    params.put("from", Sql.ts(range.from()));
    params.put("to", Sql.ts(range.to()));
    jdbc.sql(
            "SELECT * FROM performance_run WHERE site = :site AND started_at < :to"
                + " AND (ended_at IS NULL OR ended_at > :from) ORDER BY started_at")
        .params(params)
        .query(
            rs -> {
              List<Views.Segment> segs = byUnit.get(rs.getString("work_unit"));
              if (segs != null) {
                Instant end = Sql.instant(rs, "ended_at");
                segs.add(
                    new Views.Segment(
                        "RUN",
                        SiteCalendar.max(Sql.instant(rs, "started_at"), range.from()),
                        SiteCalendar.min(end == null ? now : end, range.to()),
                        rs.getString("order_number"),
                        null));
              }
            });
    Map<String, Optional<ReasonView>> names = new HashMap<>();
    jdbc.sql(
            "SELECT * FROM performance_stop WHERE site = :site AND opened_at < :to"
                + " AND (closed_at IS NULL OR closed_at > :from) ORDER BY opened_at")
        .params(params)
        .query(
            rs -> {
              List<Views.Segment> segs = byUnit.get(rs.getString("work_unit"));
              if (segs != null) {
                Instant end = Sql.instant(rs, "closed_at");
                String reason = rs.getString("reason");
                Optional<ReasonView> rv =
                    reason == null
                        ? Optional.empty()
                        : names.computeIfAbsent(reason, k -> reasons.find(ReasonKind.DOWNTIME, k));
                segs.add(
                    new Views.Segment(
                        "DOWN",
                        SiteCalendar.max(Sql.instant(rs, "opened_at"), range.from()),
                        SiteCalendar.min(end == null ? now : end, range.to()),
                        rv.map(ReasonView::name).orElse(reason == null ? "?" : reason),
                        rv.map(ReasonView::colour).orElse("#9E9E9E")));
              }
            });
    List<Views.UnitTimeline> units = new ArrayList<>();
    byUnit.forEach((unit, segs) -> units.add(new Views.UnitTimeline(unit, segs)));
    return new Views.Timeline(range.from(), range.to(), units);
  }

  // ---------------------------------------------------------------- orders

  /**
   * An order's OEE: for each work unit an operation of it ran on, the time from its start there to
   * its completion (or now), with the order's counts; planned time and stops inside those windows.
   */
  @Transactional(readOnly = true)
  public Views.OrderOee order(String orderNumber) {
    OrderView order =
        orders.order(orderNumber).orElseThrow(() -> new NotFoundException("order", orderNumber));
    siteAccess.requireSite(order.site());
    Instant now = clock.instant();
    record Run(UUID op, String unit, Instant from, Instant to) {}
    List<Run> runs =
        jdbc.sql(
                "SELECT * FROM performance_run WHERE order_number = :order"
                    + " ORDER BY started_at, work_unit")
            .param("order", orderNumber)
            .query(
                (rs, n) -> {
                  Instant end = Sql.instant(rs, "ended_at");
                  return new Run(
                      rs.getObject("operation_id", UUID.class),
                      rs.getString("work_unit"),
                      Sql.instant(rs, "started_at"),
                      end == null ? now : end);
                })
            .list();
    Function<String, OeeMath.ReasonClass> classes = reasonClasses();
    Totals all = new Totals();
    List<Views.OrderRun> result = new ArrayList<>();
    for (Run run : runs) {
      Totals t = new Totals();
      if (run.to().isAfter(run.from())) {
        SiteCalendar cal = buckets.calendar(order.site(), run.from(), run.to());
        t.calendarMillis = Duration.between(run.from(), run.to()).toMillis();
        t.plannedMillis = cal.plannedMillis(run.from(), run.to());
        jdbc.sql(
                "SELECT * FROM performance_stop WHERE site = :site AND work_unit = :unit"
                    + " AND opened_at < :to AND (closed_at IS NULL OR closed_at > :from)")
            .param("site", order.site())
            .param("unit", run.unit())
            .param("from", Sql.ts(run.from()))
            .param("to", Sql.ts(run.to()))
            .query(
                rs -> {
                  Instant opened = Sql.instant(rs, "opened_at");
                  Instant closed = Sql.instant(rs, "closed_at");
                  Instant end = closed == null ? now : closed;
                  long ms =
                      cal.plannedMillis(
                          SiteCalendar.max(opened, run.from()), SiteCalendar.min(end, run.to()));
                  boolean micro =
                      Duration.between(opened, end).compareTo(settings.microStopThreshold()) < 0;
                  t.addStop(rs.getString("reason"), micro, Math.round(ms / 1000.0), 1);
                });
      }
      jdbc.sql(
              "SELECT SUM(good) AS g, SUM(scrap) AS sc, SUM(rework) AS rw,"
                  + " SUM(ideal_seconds) AS i FROM performance_count_bucket"
                  + " WHERE order_number = :order AND site = :site AND work_unit = :unit"
                  + " AND bucket_start >= :from AND bucket_start < :to")
          .param("order", orderNumber)
          .param("site", order.site())
          .param("unit", run.unit())
          .param("from", Sql.ts(Buckets.floor(run.from())))
          .param("to", Sql.ts(Buckets.ceil(run.to()).plus(Buckets.SIZE)))
          .query(
              rs -> {
                if (rs.getBigDecimal("g") != null) {
                  t.addCounts(
                      rs.getBigDecimal("g"),
                      rs.getBigDecimal("sc"),
                      rs.getBigDecimal("rw"),
                      rs.getBigDecimal("i"));
                }
              });
      all.add(t);
      result.add(
          new Views.OrderRun(
              run.op(), run.unit(), run.from(), run.to(), OeeMath.figures(t, classes)));
    }
    return new Views.OrderOee(orderNumber, order.site(), OeeMath.figures(all, classes), result);
  }

  // ---------------------------------------------------------------- plant view

  /** Every active work unit of a site as a tile, with the OEE of the shift running now. */
  @Transactional(readOnly = true)
  public List<Views.Tile> tiles(String site) {
    Resolved r = resolve(Scope.site(site));
    return tiles(r, null);
  }

  /** One tile (for the live feed); empty when the unit is not in the plant view. */
  @Transactional(readOnly = true)
  public Optional<Views.Tile> tile(String site, String workUnit) {
    Resolved r = resolve(Scope.site(site));
    return tiles(r, workUnit).stream().findFirst();
  }

  private List<Views.Tile> tiles(Resolved r, String only) {
    Instant now = clock.instant();
    SiteCalendar cal =
        buckets.calendar(r.scope().site(), now.minus(Duration.ofDays(1)), now.plusSeconds(1));
    ShiftInstance shift = cal.shiftAt(now);
    Map<String, OeeFigures> shiftOee = new HashMap<>();
    if (shift != null) {
      List<WorkUnitView> units =
          only == null ? r.units() : r.units().stream().filter(u -> u.code().equals(only)).toList();
      Resolved part = new Resolved(r.scope(), r.zone(), units);
      Views.OeeReport report =
          oee(
              part,
              new Range(Buckets.floor(shift.start()), Buckets.ceil(now)),
              GroupBy.NONE,
              Breakdown.WORK_UNIT);
      for (Views.OeeRow row : report.rows()) {
        shiftOee.put(row.scope(), row.figures());
      }
    }
    Map<String, UnitState> stateOf = new HashMap<>();
    states.ofSite(r.scope().site()).forEach(s -> stateOf.put(s.workUnit(), s));
    Map<String, Optional<ReasonView>> names = new HashMap<>();
    List<Views.Tile> tiles = new ArrayList<>();
    for (WorkUnitView u : r.units()) {
      if (only != null && !only.equals(u.code())) {
        continue;
      }
      UnitState s = stateOf.getOrDefault(u.code(), UnitState.idle(u.siteCode(), u.code()));
      // a down unit shows why it is down; a paused one why it was paused
      String reason = s.downtimeId() != null ? s.downtimeReason() : s.pauseReason();
      Optional<ReasonView> rv =
          reason == null
              ? Optional.empty()
              : names.computeIfAbsent(reason, k -> reasons.find(ReasonKind.DOWNTIME, k));
      OeeFigures f =
          shiftOee.get(Scope.of(Scope.Level.WORK_UNIT, u.siteCode(), u.code()).toString());
      tiles.add(
          new Views.Tile(
              u.siteCode(),
              u.code(),
              u.name(),
              u.workCenterCode(),
              u.areaCode(),
              s.status(),
              s.since(),
              s.orderNumber(),
              s.sequence(),
              reason,
              rv.map(ReasonView::name).orElse(null),
              rv.map(ReasonView::colour).orElse(null),
              s.downtimeId(),
              f == null ? null : f.oee(),
              f == null ? null : f.availability(),
              f == null ? null : f.performance(),
              f == null ? null : f.quality(),
              shift == null ? null : shift.shiftName()));
    }
    return tiles;
  }
}
