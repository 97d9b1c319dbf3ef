package dev.takt.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takt.orders.OrderStatus;
import dev.takt.shared.ConflictException;
import dev.takt.shared.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The order's life: every verb from every status, allowed or refused with the current status. */
class ProductionOrderTest {

  private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

  /** The verbs of the order, by name. */
  private static final Map<String, UnaryOperator<ProductionOrder>> VERBS =
      Map.of(
          "release", o -> o.release(1, 1, NOW),
          "start", ProductionOrder::start,
          "complete", ProductionOrder::complete,
          "hold", o -> o.hold("tool broken"),
          "resume", ProductionOrder::resume,
          "cancel", o -> o.cancel("customer withdrew"),
          "close", ProductionOrder::close);

  /** The statuses each verb is allowed from (the diagram). */
  private static final Map<String, Set<OrderStatus>> ALLOWED =
      Map.of(
          "release", EnumSet.of(OrderStatus.CREATED),
          "start", EnumSet.of(OrderStatus.RELEASED, OrderStatus.IN_PROGRESS),
          "complete", EnumSet.of(OrderStatus.IN_PROGRESS),
          "hold", EnumSet.of(OrderStatus.RELEASED, OrderStatus.IN_PROGRESS),
          "resume", EnumSet.of(OrderStatus.ON_HOLD),
          "cancel", EnumSet.of(OrderStatus.CREATED, OrderStatus.RELEASED, OrderStatus.ON_HOLD),
          "close", EnumSet.of(OrderStatus.COMPLETED));

  static ProductionOrder aCreatedOrder() {
    return ProductionOrder.create(
        "PO-1",
        new ProductionOrder.Content(
            "FG-1",
            Quantity.of("10", "pcs"),
            Instant.parse("2026-12-01T00:00:00Z"),
            500,
            "S1",
            null,
            null));
  }

  /** An order brought into the status through the real verbs. */
  static ProductionOrder anOrderIn(OrderStatus status) {
    ProductionOrder created = aCreatedOrder();
    return switch (status) {
      case CREATED -> created;
      case RELEASED -> created.release(1, 1, NOW);
      case IN_PROGRESS -> anOrderIn(OrderStatus.RELEASED).start();
      case ON_HOLD -> anOrderIn(OrderStatus.RELEASED).hold("quality check");
      case COMPLETED -> anOrderIn(OrderStatus.IN_PROGRESS).complete();
      case CLOSED -> anOrderIn(OrderStatus.COMPLETED).close();
      case CANCELLED -> created.cancel("not needed");
    };
  }

  static Stream<Arguments> everyVerbFromEveryStatus() {
    List<Arguments> cases = new ArrayList<>();
    for (String verb : VERBS.keySet()) {
      for (OrderStatus from : OrderStatus.values()) {
        cases.add(Arguments.of(verb, from, ALLOWED.get(verb).contains(from)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} from {1}: allowed = {2}")
  @MethodSource("everyVerbFromEveryStatus")
  void allowsExactlyTheTransitionsOfTheDiagram(String verb, OrderStatus from, boolean allowed) {
    // given
    ProductionOrder order = anOrderIn(from);

    // when / then
    if (allowed) {
      assertThat(VERBS.get(verb).apply(order).status()).isNotNull();
    } else {
      assertThatThrownBy(() -> VERBS.get(verb).apply(order))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("is " + from)
          .extracting(e -> ((ConflictException) e).field())
          .isEqualTo("status");
    }
  }

  @Test
  void movesToTheStatusEachVerbNames() {
    assertThat(anOrderIn(OrderStatus.CREATED).release(2, null, NOW).status())
        .isEqualTo(OrderStatus.RELEASED);
    assertThat(anOrderIn(OrderStatus.RELEASED).start().status()).isEqualTo(OrderStatus.IN_PROGRESS);
    assertThat(anOrderIn(OrderStatus.IN_PROGRESS).start().status())
        .isEqualTo(OrderStatus.IN_PROGRESS);
    assertThat(anOrderIn(OrderStatus.IN_PROGRESS).complete().status())
        .isEqualTo(OrderStatus.COMPLETED);
    assertThat(anOrderIn(OrderStatus.COMPLETED).close().status()).isEqualTo(OrderStatus.CLOSED);
    for (OrderStatus from : EnumSet.of(OrderStatus.CREATED, OrderStatus.RELEASED)) {
      ProductionOrder cancelled = anOrderIn(from).cancel("customer withdrew");
      assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(cancelled.cancelReason()).isEqualTo("customer withdrew");
    }
    assertThat(anOrderIn(OrderStatus.ON_HOLD).cancel("scrapped").status())
        .isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void resumesAHeldOrderToWhereItWas() {
    for (OrderStatus before : EnumSet.of(OrderStatus.RELEASED, OrderStatus.IN_PROGRESS)) {
      // when
      ProductionOrder held = anOrderIn(before).hold("waiting for material");

      // then
      assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
      assertThat(held.holdReason()).isEqualTo("waiting for material");
      ProductionOrder resumed = held.resume();
      assertThat(resumed.status()).isEqualTo(before);
      assertThat(resumed.holdReason()).isNull();
    }
  }

  @Test
  void releaseRemembersTheVersionsItUsed() {
    ProductionOrder released = aCreatedOrder().release(3, null, NOW);

    assertThat(released.view().routingVersion()).isEqualTo(3);
    assertThat(released.view().bomVersion()).isNull();
    assertThat(released.view().releasedAt()).isEqualTo(NOW);
  }

  @Test
  void refusesToCancelAnOrderWithReportedQuantities() {
    // given: as the repository reads an order back after execution reported on it
    ProductionOrder held = anOrderIn(OrderStatus.ON_HOLD);
    ProductionOrder reported =
        new ProductionOrder(
            held.id(),
            held.orderNumber(),
            held.content(),
            held.status(),
            held.statusBeforeHold(),
            held.holdReason(),
            held.cancelReason(),
            held.routingVersion(),
            held.bomVersion(),
            held.releasedAt(),
            true,
            java.math.BigDecimal.ONE,
            held.version());

    // then
    assertThatThrownBy(() -> reported.cancel("too late"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("reported");
  }

  @Test
  void onlyACreatedOrderTakesNewContentFromTheErp() {
    ProductionOrder.Content more =
        new ProductionOrder.Content(
            "FG-1",
            Quantity.of("12", "pcs"),
            Instant.parse("2026-12-01T00:00:00Z"),
            500,
            "S1",
            null,
            null);

    assertThat(aCreatedOrder().revise(more).content().quantity())
        .isEqualTo(Quantity.of("12", "pcs"));
    assertThatThrownBy(() -> anOrderIn(OrderStatus.RELEASED).revise(more))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("is RELEASED");
  }

  @Test
  void theSameContentIsTheSameWhateverTheScaleOfTheQuantity() {
    ProductionOrder.Content a = aCreatedOrder().content();
    ProductionOrder.Content b =
        new ProductionOrder.Content(
            "FG-1",
            new Quantity(new java.math.BigDecimal("10.000"), a.quantity().unit()),
            a.dueDate(),
            500,
            "S1",
            null,
            null);

    assertThat(a.sameAs(b)).isTrue();
    assertThat(
            a.sameAs(
                new ProductionOrder.Content(
                    "FG-1", a.quantity(), a.dueDate(), 501, "S1", null, null)))
        .isFalse();
  }
}
