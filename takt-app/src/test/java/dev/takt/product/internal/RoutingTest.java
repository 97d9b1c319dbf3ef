package dev.takt.product.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.equipment.WorkCenterView;
import dev.takt.product.ReleaseStatus;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutingTest {

  static final Instant MONDAY = Instant.parse("2026-03-02T06:00:00Z");

  static Routing.Step step(int sequence, String workCenter) {
    return new Routing.Step(
        sequence, "step " + sequence, workCenter, 900, new BigDecimal("42.5"), null, null, null);
  }

  static Routing aDraftRouting() {
    return Routing.draft("BIKE", "P1", 1, List.of(step(10, "SAW"), step(20, "WELD")));
  }

  static Optional<WorkCenterView> wc(String code, boolean active) {
    return Optional.of(new WorkCenterView(UUID.randomUUID(), "P1", "A", code, code, active, 1));
  }

  @Test
  void refusesToChangeAReleasedRouting() {
    Routing released = aDraftRouting().release(MONDAY);
    ConflictException e =
        assertThrows(ConflictException.class, () -> released.revise(List.of(step(10, "SAW"))));
    assertThat(e.field()).isEqualTo("status");
    assertThat(e.getMessage()).contains("BIKE/P1/v1 is RELEASED");
  }

  @Test
  void aReleasedRoutingBecomesObsoleteAndStaysSo() {
    Routing obsolete = aDraftRouting().release(MONDAY).obsolete();
    assertThat(obsolete.status()).isEqualTo(ReleaseStatus.OBSOLETE);
    assertThrows(ConflictException.class, obsolete::obsolete);
    assertThrows(ConflictException.class, () -> obsolete.release(MONDAY));
    assertThrows(ConflictException.class, () -> aDraftRouting().obsolete());
  }

  @Test
  void aCopyOfAnyVersionIsTheNextDraft() {
    Routing obsolete = aDraftRouting().release(MONDAY).obsolete();
    Routing copy = obsolete.copyAs(3);
    assertThat(copy.status()).isEqualTo(ReleaseStatus.DRAFT);
    assertThat(copy.key()).isEqualTo("BIKE/P1/v3");
    assertThat(copy.operations()).isEqualTo(obsolete.operations());
  }

  @Test
  void refusesASequenceNumberUsedTwice() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> Routing.draft("BIKE", "P1", 1, List.of(step(10, "SAW"), step(10, "WELD"))));
    assertThat(e.field()).isEqualTo("operations[1].sequence");
  }

  @Test
  void showsOperationsInSequenceOrder() {
    Routing routing = Routing.draft("BIKE", "P1", 1, List.of(step(30, "SAW"), step(10, "WELD")));
    assertThat(routing.view().operations()).extracting(o -> o.sequence()).containsExactly(10, 30);
  }

  @Test
  void refusesAnUnknownOrInactiveWorkCenter() {
    Map<String, Optional<WorkCenterView>> plant =
        Map.of("SAW", wc("SAW", true), "WELD", wc("WELD", false));
    InvalidInputException inactive =
        assertThrows(
            InvalidInputException.class,
            () ->
                aDraftRouting()
                    .checkWorkCenters(
                        c -> plant.getOrDefault(c, Optional.empty()), InvalidInputException::new));
    assertThat(inactive.field()).isEqualTo("operations[1].workCenter");

    Routing elsewhere = Routing.draft("BIKE", "P1", 1, List.of(step(10, "PAINT")));
    InvalidInputException unknown =
        assertThrows(
            InvalidInputException.class,
            () ->
                elsewhere.checkWorkCenters(
                    c -> plant.getOrDefault(c, Optional.empty()), InvalidInputException::new));
    assertThat(unknown.field()).isEqualTo("operations[0].workCenter");
    assertThat(unknown.getMessage()).contains("PAINT").contains("P1");
  }
}
