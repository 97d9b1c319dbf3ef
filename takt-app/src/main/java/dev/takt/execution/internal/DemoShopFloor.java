package dev.takt.execution.internal;

import dev.takt.demo.DemoPlantRequested;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo plant's shop floor on the first start: the machining centre is down with a hydraulics
 * failure, booked through the real downtime path, so the live plant view has a red tile to show.
 */
@Component
class DemoShopFloor {

  private final DowntimeService downtimes;

  DemoShopFloor(DowntimeService downtimes) {
    this.downtimes = downtimes;
  }

  @EventListener
  @Order(DemoPlantRequested.Order.LATER_MODULES + 50)
  void seed(DemoPlantRequested demo) {
    // the test bench, not a simulated machine: the simulator's states would contradict the stop
    downtimes.open(demo.siteCode(), "TEST-01", "BRK-HYD");
  }
}
