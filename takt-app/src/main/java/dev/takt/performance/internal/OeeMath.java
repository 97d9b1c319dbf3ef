package dev.takt.performance.internal;

import dev.takt.reasons.LossCategory;
import dev.takt.reasons.ReasonView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.function.Function;

/**
 * OEE after ISO 22400-2 from {@link Totals}; the rules are in docs/oee.md. Stop time is sorted by
 * its reason at computation time: planned reasons leave the planned production time, micro-stops
 * and reasons of the SMALL_STOP and REDUCED_SPEED categories stay inside run time (a performance
 * loss), everything else, unclassified stops included, is an availability loss.
 */
final class OeeMath {

  /** How a reason counts: planned or not, and its loss category (null: unknown reason). */
  record ReasonClass(boolean planned, LossCategory category) {
    static final ReasonClass UNCLASSIFIED = new ReasonClass(false, null);

    static ReasonClass of(ReasonView r) {
      return new ReasonClass(Boolean.TRUE.equals(r.effectivePlanned()), r.effectiveLossCategory());
    }
  }

  private static final MathContext MC = MathContext.DECIMAL64;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private OeeMath() {}

  static OeeFigures figures(Totals t, Function<String, ReasonClass> reasons) {
    long plannedStop = t.plannedStop;
    long availabilityLoss = t.availabilityLoss;
    long unclassified = t.unclassified;
    long performanceStops = t.performanceStop;
    long failures = t.failures;
    long failureSeconds = t.failureSeconds;
    for (Map.Entry<Totals.StopKey, long[]> e : t.stops.entrySet()) {
      String reason = e.getKey().reason();
      long seconds = e.getValue()[0];
      long count = e.getValue()[1];
      ReasonClass rc = reason.isEmpty() ? ReasonClass.UNCLASSIFIED : reasons.apply(reason);
      if (rc.planned()) {
        plannedStop += seconds;
      } else if (e.getKey().micro()
          || rc.category() == LossCategory.SMALL_STOP
          || rc.category() == LossCategory.REDUCED_SPEED) {
        performanceStops += seconds;
      } else {
        availabilityLoss += seconds;
        if (reason.isEmpty()) {
          unclassified += seconds;
        }
        if (rc.category() == LossCategory.EQUIPMENT_FAILURE) {
          failures += count;
          failureSeconds += seconds;
        }
      }
    }
    long planned = Math.round(t.plannedMillis / 1000.0);
    long calendar = Math.round(t.calendarMillis / 1000.0);
    long ppt = Math.max(0, planned - plannedStop);
    long run = Math.max(0, ppt - availabilityLoss);
    BigDecimal total = t.good.add(t.scrap).add(t.rework);
    BigDecimal a = ratio(BigDecimal.valueOf(run), BigDecimal.valueOf(ppt));
    BigDecimal p = ratio(t.idealSeconds, BigDecimal.valueOf(run));
    BigDecimal q = ratio(t.good, total);
    // A x P x Q = ideal x good / (planned production x total): one division, one rounding, so a
    // figure that lies exactly on a half (69.875 %) rounds up as the published figures do
    BigDecimal oee =
        a == null || p == null || q == null
            ? null
            : t.idealSeconds.multiply(t.good).divide(BigDecimal.valueOf(ppt).multiply(total), MC);
    BigDecimal utilisation = ratio(BigDecimal.valueOf(ppt), BigDecimal.valueOf(calendar));
    BigDecimal teep = oee == null || utilisation == null ? null : oee.multiply(utilisation, MC);
    BigDecimal speedLoss = BigDecimal.valueOf(run).subtract(t.idealSeconds);
    return new OeeFigures(
        calendar,
        planned,
        plannedStop,
        ppt,
        availabilityLoss,
        unclassified,
        performanceStops,
        run,
        t.idealSeconds.setScale(1, RoundingMode.HALF_UP),
        speedLoss.setScale(1, RoundingMode.HALF_UP),
        plain(t.good),
        plain(t.scrap),
        plain(t.rework),
        plain(total),
        percent(a),
        percent(p),
        percent(q),
        percent(oee),
        percent(teep),
        percent(q),
        failures,
        failures == 0 ? null : run / failures,
        failures == 0 ? null : failureSeconds / failures);
  }

  private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
    return whole.signum() <= 0 ? null : part.divide(whole, MC);
  }

  /** Without trailing zeros, never in exponent form (19271, not 1.9271E+4). */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  static BigDecimal percent(BigDecimal ratio) {
    return ratio == null ? null : ratio.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
  }
}
