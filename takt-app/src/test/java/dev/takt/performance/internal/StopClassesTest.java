package dev.takt.performance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.reasons.LossCategory;
import dev.takt.reasons.ReasonKind;
import dev.takt.reasons.ReasonView;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When the class day rows built with one catalogue still hold for another. */
class StopClassesTest {

  static ReasonView downtime(String code, boolean planned, LossCategory category) {
    return new ReasonView(
        UUID.randomUUID(),
        ReasonKind.DOWNTIME,
        code,
        "Reason " + code,
        null,
        null,
        false,
        true,
        "#336699",
        0,
        true,
        planned,
        category,
        planned,
        category,
        0);
  }

  static final ReasonView JAM = downtime("JAM", false, LossCategory.EQUIPMENT_FAILURE);
  static final ReasonView MEETING = downtime("MEETING", true, LossCategory.PLANNED_STOP);
  static final ReasonView SLOW = downtime("SLOW", false, LossCategory.REDUCED_SPEED);

  @Test
  void theOrderOfTheCatalogueDoesNotChangeTheFingerprint() {
    assertThat(StopClasses.of(List.of(JAM, MEETING, SLOW)).fingerprint())
        .isEqualTo(StopClasses.of(List.of(SLOW, JAM, MEETING)).fingerprint());
  }

  @Test
  void aReasonMovedToAnotherClassChangesTheFingerprint() {
    ReasonView jamAsPlanned = downtime("JAM", true, LossCategory.PLANNED_STOP);

    assertThat(StopClasses.of(List.of(jamAsPlanned, MEETING, SLOW)).fingerprint())
        .isNotEqualTo(StopClasses.of(List.of(JAM, MEETING, SLOW)).fingerprint());
  }

  @Test
  void aReasonRenamedOrRecolouredKeepsTheFingerprint() {
    ReasonView renamed =
        new ReasonView(
            JAM.id(),
            ReasonKind.DOWNTIME,
            "JAM",
            "Jam at the infeed",
            null,
            null,
            false,
            true,
            "#FF0000",
            5,
            true,
            false,
            LossCategory.EQUIPMENT_FAILURE,
            false,
            LossCategory.EQUIPMENT_FAILURE,
            3);

    assertThat(StopClasses.of(List.of(renamed, MEETING, SLOW)).fingerprint())
        .isEqualTo(StopClasses.of(List.of(JAM, MEETING, SLOW)).fingerprint());
  }

  @Test
  void codesCannotShiftBetweenClassesUnnoticed() {
    // planned [A], performance [B] must differ from planned [A, B], performance []
    ReasonView a = downtime("A", true, LossCategory.PLANNED_STOP);
    ReasonView bSlow = downtime("B", false, LossCategory.SMALL_STOP);
    ReasonView bPlanned = downtime("B", true, LossCategory.PLANNED_STOP);

    assertThat(StopClasses.of(List.of(a, bSlow)).fingerprint())
        .isNotEqualTo(StopClasses.of(List.of(a, bPlanned)).fingerprint());
  }
}
