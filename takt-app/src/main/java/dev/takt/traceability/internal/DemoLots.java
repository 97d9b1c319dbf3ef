package dev.takt.traceability.internal;

import dev.takt.demo.DemoPlantRequested;
import dev.takt.shared.Quantity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo plant's lots: released raw material for the released orders (aluminium bar lot {@code
 * AL-2611-01} for the housings turned on CNC-01, bolts, seal kits, impellers), and a finished
 * history to trace on the first start: bar lot {@code AL-2610-01} went into housing lot {@code
 * H-09001} (order PO-09001 on CNC-01), five of those housings into the pumps {@code PO-09002-0001}
 * … {@code -0005} (order PO-09002 on ASSY-01), which were shipped.
 */
@Component
class DemoLots {

  private final LotService lots;
  private final Clock clock;

  DemoLots(LotService lots, Clock clock) {
    this.lots = lots;
    this.clock = clock;
  }

  @EventListener
  @Order(DemoPlantRequested.Order.LATER_MODULES + 100)
  void seed(DemoPlantRequested demo) {
    String site = demo.siteCode();
    // The bar of the released housing orders, for the terminal at CNC-01.
    released(site, "RM-AL6061-80", "AL-2611-01", "500", "kg", "Alu Nord GmbH", "AN-77812", null);
    released(site, "RM-BOLT-M8", "B-2611-01", "2000", "pcs", "Schraub AG", "S-5521", null);
    Lot seals =
        released(
            site,
            "RM-SEAL-KIT",
            "SK-2611-01",
            "100",
            "pcs",
            "Dicht KG",
            "DK-0193",
            LocalDate.of(2028, 12, 31));
    Lot impellers =
        released(
            site, "SF-IMPELLER", "IMP-2611-01", "50", "pcs", "Bronze Works Ltd", "BW-3317", null);
    lots.receive(
        new LotCommands.Receive(
            site,
            "RM-AL6061-80",
            "AL-2611-02",
            new BigDecimal("250"),
            "kg",
            "Alu Nord GmbH",
            "AN-77840",
            null));

    Instant lastWeek = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(7));
    Lot oldBar =
        released(
            site, "RM-AL6061-80", "AL-2610-01", "300", "kg", "Alu Nord GmbH", "AN-77501", null);
    Lot housings =
        lots.produced(
            site,
            "SF-HOUSING",
            "H-09001",
            false,
            Quantity.of("40", "pcs"),
            "PO-09001",
            10,
            "CNC-01",
            "operator1",
            lastWeek,
            List.of(new LotService.Consumed(oldBar, new BigDecimal("54"))));
    List<Lot> pumps = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Lot current = lots.get(housings.id());
      Lot currentSeals = lots.get(seals.id());
      Lot currentImpellers = lots.get(impellers.id());
      pumps.add(
          lots.produced(
              site,
              "FG-PUMP-100",
              "PO-09002-000" + i,
              true,
              Quantity.of("1", "pcs"),
              "PO-09002",
              10,
              "ASSY-01",
              "operator2",
              lastWeek.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(12L * i)),
              List.of(
                  new LotService.Consumed(current, BigDecimal.ONE),
                  new LotService.Consumed(currentImpellers, BigDecimal.ONE),
                  new LotService.Consumed(currentSeals, BigDecimal.ONE))));
    }
    for (Lot pump : pumps) {
      lots.ship(pump.id(), "Stadtwerke Musterstadt", "DN-80017", null);
    }
  }

  private Lot released(
      String site,
      String material,
      String number,
      String quantity,
      String unit,
      String supplier,
      String supplierLot,
      LocalDate expiry) {
    Lot lot =
        lots.receive(
            new LotCommands.Receive(
                site,
                material,
                number,
                new BigDecimal(quantity),
                unit,
                supplier,
                supplierLot,
                expiry));
    return lots.release(lot.id(), "incoming inspection passed", null).lot();
  }
}
