package dev.takt.execution;

import dev.takt.orders.OrderStatus;
import dev.takt.shared.Quantity;
import dev.takt.testing.Api;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Released production orders for execution tests, made through the real product and order APIs as
 * an ERP and a planner would: a material with a released BOM (one lot-tracked steel part, one
 * untracked oil) and routing (operations 10, 20, … at the work center), then an order, released.
 */
public final class TestOrders {

  private static final String ORDERS = "/api/v1/production-orders";

  /** Released order of the fixtures: its number and operation ids in sequence order. */
  public record AnOrder(String orderNumber, List<UUID> operations, String lotTracked) {
    public UUID first() {
      return operations.getFirst();
    }

    public UUID second() {
      return operations.get(1);
    }
  }

  private final Api api;

  public TestOrders(Api api) {
    this.api = api;
  }

  /** 100 pcs, due in a week, two operations (10, 20) at the work center, one lot-tracked part. */
  public AnOrder aReleasedOrderWithTwoOperations(String site, String workCenter) {
    return aReleasedOrder(site, workCenter, "100", Instant.now().plus(7, ChronoUnit.DAYS), 0, 2);
  }

  public AnOrder aReleasedOrder(
      String site,
      String workCenter,
      String quantity,
      Instant dueDate,
      int priority,
      int operationCount) {
    String id = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String gear = "GEAR-" + id;
    String steel = "STEEL-" + id;
    String oil = "OIL-" + id;
    material(gear, "pcs", "NONE", "FINISHED");
    material(steel, "kg", "LOT", "RAW");
    material(oil, "L", "NONE", "CONSUMABLE");
    String bom =
        api.asAdmin()
            .post(
                "/api/v1/boms",
                Map.of(
                    "material",
                    gear,
                    "baseQuantity",
                    1,
                    "unit",
                    "pcs",
                    "items",
                    List.of(
                        Map.of("position", 10, "material", steel, "quantity", 0.25, "unit", "kg"),
                        Map.of("position", 20, "material", oil, "quantity", 0.01, "unit", "L"))))
            .expect(201)
            .json()
            .path("id")
            .asString();
    api.asAdmin().post("/api/v1/boms/" + bom + "/release", null).expect(200);
    List<Map<String, Object>> operations = new ArrayList<>();
    for (int i = 1; i <= operationCount; i++) {
      operations.add(
          Map.of(
              "sequence",
              i * 10,
              "description",
              "Step " + i,
              "workCenter",
              workCenter,
              "setupSeconds",
              600,
              "cycleSeconds",
              30));
    }
    String routing =
        api.asAdmin()
            .post(
                "/api/v1/routings",
                Map.of("material", gear, "site", site, "operations", operations))
            .expect(201)
            .json()
            .path("id")
            .asString();
    api.asAdmin().post("/api/v1/routings/" + routing + "/release", null).expect(200);
    String number = "PO-" + id;
    Map<String, Object> order = new HashMap<>();
    order.put("orderNumber", number);
    order.put("material", gear);
    order.put("quantity", new java.math.BigDecimal(quantity));
    order.put("unit", "pcs");
    order.put("dueDate", dueDate.toString());
    order.put("priority", priority);
    order.put("site", site);
    api.asAdmin().post(ORDERS, order).expect(201);
    api.asAdmin().post(ORDERS + "/" + number + "/release", null).expect(200);
    List<UUID> ids = new ArrayList<>();
    operationsOf(number).forEach(o -> ids.add(UUID.fromString(o.path("id").asString())));
    return new AnOrder(number, ids, steel);
  }

  /** Puts the order on hold, as a supervisor would. */
  void hold(String orderNumber) {
    api.asAdmin()
        .post(ORDERS + "/" + orderNumber + "/hold", Map.of("reason", "Waiting for gauge"))
        .expect(200);
  }

  OrderStatus statusOf(String orderNumber) {
    return OrderStatus.valueOf(
        api.asAdmin().get(ORDERS + "/" + orderNumber).expect(200).json().path("status").asString());
  }

  /** What execution reported to orders for an operation of this order: good, scrap, rework. */
  Quantity[] reportedFor(AnOrder order, UUID operationId) {
    for (JsonNode o : operationsOf(order.orderNumber())) {
      if (o.path("id").asString().equals(operationId.toString())) {
        return new Quantity[] {
          quantity(o.path("good")), quantity(o.path("scrap")), quantity(o.path("rework"))
        };
      }
    }
    throw new AssertionError(
        "operation " + operationId + " is not in order " + order.orderNumber());
  }

  private List<JsonNode> operationsOf(String number) {
    List<JsonNode> list = new ArrayList<>();
    api.asAdmin().get(ORDERS + "/" + number + "/operations").expect(200).json().forEach(list::add);
    return list;
  }

  private static Quantity quantity(JsonNode q) {
    return Quantity.of(q.path("value").asString(), q.path("unit").asString());
  }

  private void material(String number, String unit, String tracking, String type) {
    api.asAdmin()
        .post(
            "/api/v1/materials",
            Map.of(
                "number",
                number,
                "description",
                "Test " + number,
                "unit",
                unit,
                "tracking",
                tracking,
                "type",
                type))
        .expect(201);
  }
}
