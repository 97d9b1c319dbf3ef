package dev.takt.performance.internal;

import dev.takt.reasons.LossCategory;
import dev.takt.reasons.ReasonView;
import java.math.BigDecimal;
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
    BigDecimal runTime = BigDecimal.valueOf(run);
    BigDecimal pptTime = BigDecimal.valueOf(ppt);
    BigDecimal a = percent(runTime, pptTime);
    BigDecimal p = percent(t.idealSeconds, runTime);
    BigDecimal q = percent(t.good, total);
    // A x P x Q = ideal x good / (planned production x total): one exact division and one
    // rounding, so a figure that lies exactly on a half (69.875 %) rounds up as published
    BigDecimal idealGood = t.idealSeconds.multiply(t.good);
    BigDecimal oee =
        a == null || p == null || q == null ? null : percent(idealGood, pptTime.multiply(total));
    // TEEP = OEE x planned production / calendar time = ideal x good / (calendar x total)
    BigDecimal teep =
        oee == null || calendar <= 0
            ? null
            : percent(idealGood, BigDecimal.valueOf(calendar).multiply(total));
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
        a,
        p,
        q,
        oee,
        teep,
        q,
        failures,
        failures == 0 ? null : run / failures,
        failures == 0 ? null : failureSeconds / failures);
  }

  /** Without trailing zeros, never in exponent form (19271, not 1.9271E+4). */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  /**
   * part / whole in percent, rounded half up to two decimals, exactly (BigDecimal divides to a
   * fixed scale on longs while the numbers fit): null when whole is not positive.
   */
  static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    return whole.signum() <= 0
        ? null
        : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
  }
}
