package dev.takt.orders.internal;

import dev.takt.demo.DemoPlantRequested;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo plant's order book: three pump orders and two housing orders due over the next days,
 * four of them released (so the terminals at TURN, MILL, ASSY-LINE and TEST have work) and one left
 * CREATED for a newcomer to release.
 */
@Component
class DemoOrders {

  private final OrderService orders;
  private final Clock clock;

  DemoOrders(OrderService orders, Clock clock) {
    this.orders = orders;
    this.clock = clock;
  }

  @EventListener
  @Order(DemoPlantRequested.Order.LATER_MODULES)
  void seed(DemoPlantRequested demo) {
    Instant today = clock.instant().truncatedTo(ChronoUnit.HOURS);
    String site = demo.siteCode();
    released(order("PO-10001", "SF-HOUSING", "40", today.plus(Duration.ofHours(20)), 600, site));
    released(order("PO-10002", "FG-PUMP-100", "25", today.plus(Duration.ofDays(2)), 500, site));
    released(order("PO-10003", "SF-HOUSING", "60", today.plus(Duration.ofDays(3)), 500, site));
    released(order("PO-10004", "FG-PUMP-100", "10", today.plus(Duration.ofDays(4)), 800, site));
    order("PO-10005", "FG-PUMP-100", "30", today.plus(Duration.ofDays(7)), 400, site);
  }

  private String order(
      String number, String material, String quantity, Instant due, int priority, String site) {
    orders.submit(
        new OrderCommands.SubmitOrder(
            number, material, new BigDecimal(quantity), "pcs", due, priority, site, null, null));
    return number;
  }

  private void released(String number) {
    orders.release(number);
  }
}
