package dev.takt.product.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.product.ReleaseStatus;
import dev.takt.product.RoutingView;
import dev.takt.product.RoutingView.OperationView;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutingDiffTest {

  @Test
  void alignsOperationsBySequenceAndNamesWhatChanged() {
    // given
    RoutingView v1 =
        routing(
            op(10, "Saw", "SAW", "30", null),
            op(20, "Weld", "WELD", "45", "WELD-1"),
            op(30, "Deburr", "BENCH", "12", null));
    RoutingView v2 =
        routing(
            op(10, "Saw", "SAW", "30.000", null),
            op(20, "Weld", "WELD", "40", "WELD-2"),
            op(40, "Paint", "PAINT", "60", null));

    // when
    RoutingDiff diff = RoutingDiff.of(v1, v2);

    // then
    assertThat(diff.rows())
        .extracting(r -> r.sequence() + " " + r.kind())
        .containsExactly("10 same", "20 changed", "30 removed", "40 added");
    assertThat(diff.rows().get(1).changed()).containsExactly("cycleSeconds", "qualification");
    assertThat(diff.rows().get(1).text("right", "cycleSeconds")).isEqualTo("40");
    assertThat(diff.rows().get(2).text("right", "description")).isEmpty();
    assertThat(diff.identical()).isFalse();
  }

  @Test
  void aCopyIsIdenticalToItsSource() {
    RoutingView v1 = routing(op(10, "Saw", "SAW", "30", null));
    assertThat(RoutingDiff.of(v1, routing(op(10, "Saw", "SAW", "30", null))).identical()).isTrue();
  }

  @Test
  void movingAnOperationSwapsSequenceNumbersAndPlaces() {
    // given
    RoutingForm form = RoutingForm.of(routing(op(10, "Saw", "SAW", "30", null)));
    form.addOperation();
    form.getOperations().get(1).setDescription("Weld");

    // when
    form.move(1, -1);

    // then
    assertThat(form.getOperations())
        .extracting(o -> o.getSequence() + " " + o.getDescription())
        .containsExactly("10 Weld", "20 Saw");
    form.move(0, -1); // already first: nothing moves
    assertThat(form.getOperations().get(0).getDescription()).isEqualTo("Weld");
  }

  private static OperationView op(
      int sequence, String description, String workCenter, String cycle, String qualification) {
    return new OperationView(
        sequence, description, workCenter, 600, new BigDecimal(cycle), qualification, null, null);
  }

  private static RoutingView routing(OperationView... operations) {
    return new RoutingView(
        UUID.randomUUID(), "M-1", "P1", 1, ReleaseStatus.DRAFT, List.of(operations), null, 0);
  }
}
