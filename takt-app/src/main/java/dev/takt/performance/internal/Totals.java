package dev.takt.performance.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What is added up for one OEE figure before it is computed: calendar and planned time, stop time
 * by reason (micro-stops apart), and the counts with their ideal time. Mutable, used while a view
 * is being built.
 */
final class Totals {

  /** A reason ('' for unclassified) and whether the stops were micro-stops. */
  record StopKey(String reason, boolean micro) {}

  long calendarMillis;
  long plannedMillis;
  final Map<StopKey, long[]> stops = new HashMap<>();

  /** Stop time already sorted by reason class in SQL (see {@link StopClasses}), in seconds. */
  long plannedStop;

  long performanceStop;
  long availabilityLoss;
  long unclassified;
  long failures;
  long failureSeconds;
  BigDecimal good = BigDecimal.ZERO;
  BigDecimal scrap = BigDecimal.ZERO;
  BigDecimal rework = BigDecimal.ZERO;
  BigDecimal idealSeconds = BigDecimal.ZERO;

  void addStop(String reason, boolean micro, long seconds, long count) {
    long[] v =
        stops.computeIfAbsent(new StopKey(reason == null ? "" : reason, micro), k -> new long[2]);
    v[0] += seconds;
    v[1] += count;
  }

  void addClassified(
      long plannedStop,
      long performanceStop,
      long availabilityLoss,
      long unclassified,
      long failures,
      long failureSeconds) {
    this.plannedStop += plannedStop;
    this.performanceStop += performanceStop;
    this.availabilityLoss += availabilityLoss;
    this.unclassified += unclassified;
    this.failures += failures;
    this.failureSeconds += failureSeconds;
  }

  void addCounts(BigDecimal good, BigDecimal scrap, BigDecimal rework, BigDecimal ideal) {
    this.good = this.good.add(good);
    this.scrap = this.scrap.add(scrap);
    this.rework = this.rework.add(rework);
    this.idealSeconds = this.idealSeconds.add(ideal);
  }

  void add(Totals other) {
    calendarMillis += other.calendarMillis;
    plannedMillis += other.plannedMillis;
    other.stops.forEach((k, v) -> addStop(k.reason(), k.micro(), v[0], v[1]));
    addClassified(
        other.plannedStop,
        other.performanceStop,
        other.availabilityLoss,
        other.unclassified,
        other.failures,
        other.failureSeconds);
    addCounts(other.good, other.scrap, other.rework, other.idealSeconds);
  }
}
