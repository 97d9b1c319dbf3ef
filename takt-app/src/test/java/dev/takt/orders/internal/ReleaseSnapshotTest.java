package dev.takt.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.product.BomView;
import dev.takt.product.ReleaseStatus;
import dev.takt.product.RoutingView;
import dev.takt.product.Tracking;
import dev.takt.shared.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The component quantities an order needs, worked out by hand. */
class ReleaseSnapshotTest {

  @Test
  void explodesAnItemForTheOrderQuantityWithScrap() {
    // 1.35 kg per 1 piece, 7 pieces, 2.5 % scrap: 1.35 × 7 = 9.45; × 1.025 = 9.68625 kg
    assertThat(
            ReleaseSnapshot.requiredQuantity(
                new BigDecimal("1.35"), new BigDecimal("7"), BigDecimal.ONE, new BigDecimal("2.5")))
        .isEqualByComparingTo("9.686250");
  }

  @Test
  void roundsOnceToSixDecimalsHalfUp() {
    // 1 per 7 pieces, 2 pieces, 3 % scrap: 2 / 7 × 1.03 = 2.06 / 7 = 0.29428571… → 0.294286
    assertThat(
            ReleaseSnapshot.requiredQuantity(
                BigDecimal.ONE, new BigDecimal("2"), new BigDecimal("7"), new BigDecimal("3")))
        .isEqualByComparingTo("0.294286");
    // 1 per 3 pieces, 10 pieces, no scrap: 3.333333…; 2 per 3, 1 piece: 0.6666666… → 0.666667
    assertThat(
            ReleaseSnapshot.requiredQuantity(
                BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("3"), null))
        .isEqualByComparingTo("3.333333");
    assertThat(
            ReleaseSnapshot.requiredQuantity(
                new BigDecimal("2"), BigDecimal.ONE, new BigDecimal("3"), BigDecimal.ZERO))
        .isEqualByComparingTo("0.666667");
    // 0.0000005 × 1 / 1 = 0.0000005 → half up to 0.000001
    assertThat(
            ReleaseSnapshot.requiredQuantity(
                new BigDecimal("0.0000005"), BigDecimal.ONE, BigDecimal.ONE, null))
        .isEqualByComparingTo("0.000001");
  }

  @Test
  void copiesEveryOperationAndComponentForTheWholeOrder() {
    // given: a housing made in two steps from bar stock (per 2 pieces: 3 kg, 10 % scrap)
    RoutingView routing =
        new RoutingView(
            UUID.randomUUID(),
            "SF-HOUSING",
            "S1",
            4,
            ReleaseStatus.RELEASED,
            List.of(
                new RoutingView.OperationView(
                    10, "Turn", "TURN", 1800, new BigDecimal("95"), null, "INSERT", "IP-10"),
                new RoutingView.OperationView(
                    20, "Mill", "MILL", 1200, new BigDecimal("140"), "CNC", null, null)),
            Instant.EPOCH,
            1);
    BomView bom =
        new BomView(
            UUID.randomUUID(),
            "SF-HOUSING",
            2,
            ReleaseStatus.RELEASED,
            Quantity.of("2", "pcs"),
            List.of(
                new BomView.BomItemView(
                    10, "RM-BAR", Quantity.of("3", "kg"), new BigDecimal("10"))),
            Instant.EPOCH,
            1);

    // when: 5 pieces
    ReleaseSnapshot snapshot =
        ReleaseSnapshot.of(
            UUID.randomUUID(), Quantity.of("5", "pcs"), routing, bom, m -> Tracking.LOT);

    // then: 3 kg × 5 / 2 × 1.1 = 8.25 kg
    assertThat(snapshot.routingVersion()).isEqualTo(4);
    assertThat(snapshot.bomVersion()).isEqualTo(2);
    assertThat(snapshot.operations())
        .extracting(OrderOperation::sequence, OrderOperation::workCenter)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(10, "TURN"),
            org.assertj.core.groups.Tuple.tuple(20, "MILL"));
    assertThat(snapshot.operations().get(0).plannedQuantity()).isEqualByComparingTo("5");
    assertThat(snapshot.operations().get(0).toolType()).isEqualTo("INSERT");
    assertThat(snapshot.components()).hasSize(1);
    assertThat(snapshot.components().get(0).requiredQuantity())
        .isEqualTo(Quantity.of("8.25", "kg"));
    assertThat(snapshot.components().get(0).tracking()).isEqualTo(Tracking.LOT);
  }

  @Test
  void anOrderWithoutABomHasNoComponents() {
    RoutingView routing =
        new RoutingView(
            UUID.randomUUID(),
            "BOUGHT",
            "S1",
            1,
            ReleaseStatus.RELEASED,
            List.of(
                new RoutingView.OperationView(
                    10, "Inspect", "QC", 0, BigDecimal.ONE, null, null, null)),
            Instant.EPOCH,
            1);

    ReleaseSnapshot snapshot =
        ReleaseSnapshot.of(UUID.randomUUID(), Quantity.of("1", "pcs"), routing, null, m -> null);

    assertThat(snapshot.components()).isEmpty();
    assertThat(snapshot.bomVersion()).isNull();
  }
}
