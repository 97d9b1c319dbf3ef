package dev.takt.performance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.equipment.ShiftInstance;
import dev.takt.reasons.LossCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OEE arithmetic against the published worked example (../shared/testdata/oee). */
class OeeMathTest {

  static final Map<String, OeeMath.ReasonClass> REASONS =
      Map.of(
          "JAM", new OeeMath.ReasonClass(false, LossCategory.EQUIPMENT_FAILURE),
          "MEETING", new OeeMath.ReasonClass(true, LossCategory.PLANNED_STOP),
          "SLOW", new OeeMath.ReasonClass(false, LossCategory.REDUCED_SPEED));

  static Totals theWorkedExample() {
    Totals t = new Totals();
    t.calendarMillis = 480 * 60_000L;
    t.plannedMillis = 420 * 60_000L;
    t.addStop("JAM", false, 47 * 60, 1);
    t.addCounts(
        new BigDecimal("18848"), new BigDecimal("423"), BigDecimal.ZERO, new BigDecimal("19271"));
    return t;
  }

  @Test
  void reproducesThePublishedWorkedExample() {
    OeeFigures f = OeeMath.figures(theWorkedExample(), REASONS::get);

    assertThat(f.plannedProductionSeconds()).isEqualTo(420 * 60);
    assertThat(f.runSeconds()).isEqualTo(373 * 60);
    assertThat(f.availability()).isEqualByComparingTo("88.81");
    assertThat(f.performance()).isEqualByComparingTo("86.11");
    assertThat(f.quality()).isEqualByComparingTo("97.80");
    assertThat(f.oee()).isEqualByComparingTo("74.79");
    // TEEP: OEE x planned production time / calendar time = 74.79 % x 420/480
    assertThat(f.teep()).isEqualByComparingTo("65.44");
    assertThat(f.mttrSeconds()).isEqualTo(47 * 60);
    assertThat(f.mtbfSeconds()).isEqualTo(373 * 60);
  }

  @Test
  void aFigureExactlyOnAHalfRoundsUp() {
    // 800 s planned and run, 559 s of ideal time for one good part: P = OEE = 69.875 % exactly
    Totals t = new Totals();
    t.calendarMillis = 800_000L;
    t.plannedMillis = 800_000L;
    t.addCounts(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("559"));

    OeeFigures f = OeeMath.figures(t, REASONS::get);

    assertThat(f.performance()).isEqualByComparingTo("69.88");
    assertThat(f.oee()).isEqualByComparingTo("69.88");
    assertThat(f.teep()).isEqualByComparingTo("69.88");
  }

  @Test
  void aFigureJustBelowAHalfRoundsDown() {
    // 69.874999... %: 558,999,999 / 800,000,000
    Totals t = new Totals();
    t.calendarMillis = 800_000_000_000L;
    t.plannedMillis = 800_000_000_000L;
    t.addCounts(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("558999999"));

    OeeFigures f = OeeMath.figures(t, REASONS::get);

    assertThat(f.performance()).isEqualByComparingTo("69.87");
  }

  @Test
  void aPlannedStopShrinksPlannedProductionTimeInsteadOfAvailability() {
    Totals t = theWorkedExample();
    t.addStop("MEETING", false, 20 * 60, 1);

    OeeFigures f = OeeMath.figures(t, REASONS::get);

    assertThat(f.plannedStopSeconds()).isEqualTo(20 * 60);
    assertThat(f.plannedProductionSeconds()).isEqualTo(400 * 60);
    assertThat(f.availabilityLossSeconds()).isEqualTo(47 * 60);
  }

  @Test
  void microStopsAndSpeedReasonsStayInRunTime() {
    Totals t = theWorkedExample();
    t.addStop("", true, 120, 1);
    t.addStop("SLOW", false, 300, 1);

    OeeFigures f = OeeMath.figures(t, REASONS::get);

    assertThat(f.performanceStopSeconds()).isEqualTo(420);
    assertThat(f.runSeconds()).isEqualTo(373 * 60);
    assertThat(f.unclassifiedSeconds()).isZero();
  }

  @Test
  void unclassifiedStopsAreAnAvailabilityLossOfTheirOwn() {
    Totals t = theWorkedExample();
    t.addStop("", false, 600, 1);

    OeeFigures f = OeeMath.figures(t, REASONS::get);

    assertThat(f.unclassifiedSeconds()).isEqualTo(600);
    assertThat(f.availabilityLossSeconds()).isEqualTo(47 * 60 + 600);
  }

  @Test
  void nothingPlannedGivesNoRatiosRatherThanADivisionByZero() {
    OeeFigures f = OeeMath.figures(new Totals(), REASONS::get);

    assertThat(f.availability()).isNull();
    assertThat(f.performance()).isNull();
    assertThat(f.quality()).isNull();
    assertThat(f.oee()).isNull();
  }

  @Test
  void plannedTimeLeavesOutBreaksInsideAnInterval() {
    Instant start = Instant.parse("2026-03-02T05:00:00Z");
    ShiftInstance shift =
        new ShiftInstance(
            "S",
            "EARLY",
            "Early",
            LocalDate.of(2026, 3, 2),
            start,
            start.plusSeconds(8 * 3600),
            List.of(
                new ShiftInstance.Break(start.plusSeconds(7200), start.plusSeconds(8100)),
                new ShiftInstance.Break(start.plusSeconds(14400), start.plusSeconds(16200))),
            List.of(),
            420);
    SiteCalendar cal = new SiteCalendar(ZoneId.of("Europe/Berlin"), List.of(shift));

    assertThat(cal.plannedMillis(start, start.plusSeconds(8 * 3600)))
        .isEqualTo((480 - 15 - 30) * 60_000L);
    assertThat(cal.plannedMillis(start.plusSeconds(7000), start.plusSeconds(8200)))
        .isEqualTo(300_000L);
    assertThat(cal.businessDay(start.minusSeconds(1))).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(cal.shiftAt(start.plusSeconds(8 * 3600))).isNull();
  }
}
