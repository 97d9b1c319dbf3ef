package dev.takt.product.internal;

import dev.takt.demo.DemoPlantRequested;
import dev.takt.product.MaterialType;
import dev.takt.product.Tracking;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo plant's products: a centrifugal pump (serial-tracked) assembled from a machined housing
 * (lot-tracked), an impeller, bolts and a seal kit, with released BOMs and routings, and a second
 * routing version still in draft to show the version life cycle.
 */
@Component
class DemoProducts {

  private final MaterialService materials;
  private final BomService boms;
  private final RoutingService routings;

  DemoProducts(MaterialService materials, BomService boms, RoutingService routings) {
    this.materials = materials;
    this.boms = boms;
    this.routings = routings;
  }

  @EventListener
  @Order(DemoPlantRequested.Order.PRODUCT)
  void seed(DemoPlantRequested demo) {
    material("RM-AL6061-80", "Aluminium bar 6061, Ø80 mm", "kg", Tracking.LOT, MaterialType.RAW);
    material("RM-BOLT-M8", "Hex bolt M8×25, A2-70", "pcs", Tracking.LOT, MaterialType.RAW);
    material("RM-SEAL-KIT", "Mechanical seal kit 25 mm", "pcs", Tracking.LOT, MaterialType.RAW);
    material(
        "SF-IMPELLER",
        "Impeller Ø120, bronze, bought in",
        "pcs",
        Tracking.LOT,
        MaterialType.SEMI_FINISHED);
    material(
        "SF-HOUSING", "Pump housing, machined", "pcs", Tracking.LOT, MaterialType.SEMI_FINISHED);
    material(
        "FG-PUMP-100", "Centrifugal pump CP-100", "pcs", Tracking.SERIAL, MaterialType.FINISHED);
    material("PK-BOX-L", "Shipping box L", "pcs", Tracking.NONE, MaterialType.PACKAGING);

    released(
        boms.create(
            new ProductCommands.DraftBom(
                "SF-HOUSING",
                BigDecimal.ONE,
                "pcs",
                List.of(line(10, "RM-AL6061-80", "1.35", "kg")))));
    released(
        boms.create(
            new ProductCommands.DraftBom(
                "FG-PUMP-100",
                BigDecimal.ONE,
                "pcs",
                List.of(
                    line(10, "SF-HOUSING", "1", "pcs"),
                    line(20, "SF-IMPELLER", "1", "pcs"),
                    line(30, "RM-SEAL-KIT", "1", "pcs"),
                    line(40, "RM-BOLT-M8", "8", "pcs"),
                    line(50, "PK-BOX-L", "1", "pcs")))));

    String site = demo.siteCode();
    routings.release(
        routings
            .create(
                new ProductCommands.DraftRouting(
                    "SF-HOUSING",
                    site,
                    List.of(
                        op(
                            10,
                            "Turn outer contour and bore",
                            "TURN",
                            1800,
                            "95",
                            null,
                            "INSERT-CNMG",
                            "IP-HOUSING-10"),
                        op(
                            20,
                            "Mill flange and drill bolt holes",
                            "MILL",
                            1200,
                            "140",
                            null,
                            "ENDMILL-D10",
                            "IP-HOUSING-20"))))
            .id());
    var pump =
        routings.create(
            new ProductCommands.DraftRouting(
                "FG-PUMP-100",
                site,
                List.of(
                    op(
                        10,
                        "Assemble pump",
                        "ASSY-LINE",
                        600,
                        "240",
                        "ASSY-CERT",
                        "TORQUE-WRENCH-25",
                        null),
                    op(
                        20,
                        "Pressure and flow test",
                        "TEST",
                        300,
                        "180",
                        "TEST-CERT",
                        null,
                        "IP-PUMP-EOL"))));
    routings.release(pump.id());
    // A draft of the next version: assembly split in two, as a planner would prepare it.
    var next = routings.copy(pump.id());
    routings.update(
        next.id(),
        new ProductCommands.ReviseRouting(
            List.of(
                op(
                    10,
                    "Pre-assemble rotating unit",
                    "ASSY-LINE",
                    300,
                    "120",
                    "ASSY-CERT",
                    "TORQUE-WRENCH-25",
                    null),
                op(
                    15,
                    "Final assembly",
                    "ASSY-LINE",
                    300,
                    "110",
                    "ASSY-CERT",
                    "TORQUE-WRENCH-25",
                    null),
                op(
                    20,
                    "Pressure and flow test",
                    "TEST",
                    300,
                    "180",
                    "TEST-CERT",
                    null,
                    "IP-PUMP-EOL")),
            next.version()));
  }

  private void material(
      String number, String description, String unit, Tracking tracking, MaterialType type) {
    materials.create(new ProductCommands.DefineMaterial(number, description, unit, tracking, type));
  }

  private void released(dev.takt.product.BomView bom) {
    boms.release(bom.id());
  }

  private static ProductCommands.BomLine line(
      int position, String material, String quantity, String unit) {
    return new ProductCommands.BomLine(position, material, new BigDecimal(quantity), unit, null);
  }

  private static ProductCommands.OperationLine op(
      int sequence,
      String description,
      String workCenter,
      long setupSeconds,
      String cycleSeconds,
      String qualification,
      String toolType,
      String inspectionPlan) {
    return new ProductCommands.OperationLine(
        sequence,
        description,
        workCenter,
        setupSeconds,
        new BigDecimal(cycleSeconds),
        qualification,
        toolType,
        inspectionPlan);
  }
}
