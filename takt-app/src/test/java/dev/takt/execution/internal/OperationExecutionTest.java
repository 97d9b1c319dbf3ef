package dev.takt.execution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.execution.Phase;
import dev.takt.execution.internal.OperationExecution.Status;
import dev.takt.execution.internal.OperationExecution.UnitState;
import dev.takt.shared.ConflictException;
import dev.takt.shared.UnitOfMeasure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OperationExecutionTest {

  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
  private static final BigDecimal PLENTY = new BigDecimal("1000");

  private static OperationExecution anOperation() {
    return OperationExecution.waiting(
        UUID.randomUUID(), "PO-1", 10, "S1", "MILL", UnitOfMeasure.PIECES);
  }

  private static BigDecimal n(String v) {
    return new BigDecimal(v);
  }

  @Test
  void firstStartActivatesTheOperationAndLaterStartsDoNot() {
    // given
    OperationExecution op = anOperation();
    // when
    boolean first = op.start("M1", Phase.RUN, T0);
    boolean second = op.start("M2", Phase.SETUP, T0);
    // then
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(op.status()).isEqualTo(Status.ACTIVE);
    assertThat(op.units().get("M1").state()).isEqualTo(UnitState.RUNNING);
    assertThat(op.units().get("M2").state()).isEqualTo(UnitState.SETUP);
    assertThat(op.version()).isEqualTo(2);
  }

  @Test
  void booksSetupAndRunTimeApart() {
    // given
    OperationExecution op = anOperation();
    op.start("M1", Phase.SETUP, T0);
    // when: 15 min setup, 5 min pause, 40 min run
    op.start("M1", Phase.RUN, T0.plusSeconds(900));
    op.pause("M1", "BRK", T0.plusSeconds(1200));
    op.resume("M1", T0.plusSeconds(1500));
    op.complete("M1", T0.plusSeconds(1500 + 2100));
    // then
    assertThat(op.setupSeconds()).isEqualTo(900);
    assertThat(op.runSeconds()).isEqualTo(300 + 2100);
    assertThat(op.status()).isEqualTo(Status.COMPLETED);
    assertThat(op.units()).isEmpty();
  }

  @Test
  void resumesInThePhaseItWasPausedIn() {
    OperationExecution op = anOperation();
    op.start("M1", Phase.SETUP, T0);
    op.pause("M1", "WAIT-MAT", T0.plusSeconds(60));
    assertThat(op.units().get("M1").pauseReason()).isEqualTo("WAIT-MAT");

    op.resume("M1", T0.plusSeconds(120));

    assertThat(op.units().get("M1").state()).isEqualTo(UnitState.SETUP);
  }

  @Test
  void refusesToStartARunningUnitAgain() {
    OperationExecution op = anOperation();
    op.start("M1", Phase.RUN, T0);

    ConflictException e =
        assertThrows(ConflictException.class, () -> op.start("M1", Phase.RUN, T0));

    assertThat(e.getMessage()).contains("RUNNING");
  }

  @Test
  void refusesToResumeAUnitThatIsNotPaused() {
    OperationExecution op = anOperation();
    op.start("M1", Phase.RUN, T0);

    ConflictException e = assertThrows(ConflictException.class, () -> op.resume("M1", T0));

    assertThat(e.getMessage()).contains("it is RUNNING");
  }

  @Test
  void refusesToPauseAPausedUnit() {
    OperationExecution op = anOperation();
    op.start("M1", Phase.RUN, T0);
    op.pause("M1", "BRK", T0);

    assertThrows(ConflictException.class, () -> op.pause("M1", "BRK", T0));
  }

  @Test
  void refusesReportsFromAUnitThatIsNotOnTheOperation() {
    OperationExecution op = anOperation();
    op.start("M1", Phase.RUN, T0);

    ConflictException e =
        assertThrows(
            ConflictException.class,
            () -> op.report("M2", n("1"), BigDecimal.ZERO, BigDecimal.ZERO, PLENTY));

    assertThat(e.field()).isEqualTo("workUnit");
  }

  @Test
  void refusesEverythingOnceCompleted() {
    OperationExecution op = anOperation();
    op.start("M1", Phase.RUN, T0);
    op.complete("M1", T0);

    ConflictException e =
        assertThrows(ConflictException.class, () -> op.start("M1", Phase.RUN, T0));
    assertThat(e.getMessage()).contains("COMPLETED");
    assertThrows(
        ConflictException.class,
        () -> op.report("M1", n("1"), BigDecimal.ZERO, BigDecimal.ZERO, PLENTY));
    assertThrows(ConflictException.class, () -> op.complete("M1", T0));
  }

  @Test
  void addsUpPartialReportsFromSeveralUnits() {
    OperationExecution op = anOperation();
    op.start("M1", Phase.RUN, T0);
    op.start("M2", Phase.RUN, T0);

    op.report("M1", n("10"), n("1"), BigDecimal.ZERO, PLENTY);
    op.report("M2", n("2.5"), BigDecimal.ZERO, n("3"), PLENTY);

    assertThat(op.good()).isEqualByComparingTo("12.5");
    assertThat(op.scrap()).isEqualByComparingTo("1");
    assertThat(op.rework()).isEqualByComparingTo("3");
  }

  @Test
  void refusesMoreGoodThanAllowedNamingGood() {
    OperationExecution op = anOperation();
    op.start("M1", Phase.RUN, T0);
    op.report("M1", n("95"), BigDecimal.ZERO, BigDecimal.ZERO, n("100"));

    ConflictException e =
        assertThrows(
            ConflictException.class,
            () -> op.report("M1", n("6"), BigDecimal.ZERO, BigDecimal.ZERO, n("100")));

    assertThat(e.field()).isEqualTo("good");
    assertThat(op.good()).isEqualByComparingTo("95");
    // exactly up to the limit is fine
    op.report("M1", n("5"), BigDecimal.ZERO, BigDecimal.ZERO, n("100"));
    assertThat(op.good()).isEqualByComparingTo("100");
  }

  @Test
  void toleranceWidensTheLimitByItsPercentage() {
    // 5 % over 200 delivered allows 210; 0 % allows exactly what was delivered.
    assertThat(OperationExecution.allowedGood(n("200"), n("5"))).isEqualByComparingTo("210");
    assertThat(OperationExecution.allowedGood(n("200"), n("0"))).isEqualByComparingTo("200");
    assertThat(OperationExecution.allowedGood(n("7"), n("2.5"))).isEqualByComparingTo("7.175");
  }
}
