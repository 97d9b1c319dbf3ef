package dev.takt.traceability;

import dev.takt.testing.Api;
import dev.takt.testing.LotFixture;
import dev.takt.testing.PlantFixture;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A small plant for traceability tests, built through the real APIs: a site with a turning work
 * center (units CNC1, CNC2), an aluminium bar (kg, lot-controlled), a housing machined from 1.5 kg
 * of bar (lot-controlled) and a pump assembled from one housing (serial-controlled), each with a
 * released BOM and routing; released orders; and bookings at the terminal with idempotency keys.
 */
final class TracedPlant {

  static final String LOTS = "/api/v1/lots";

  final Api api;
  final LotFixture lots;
  final String site;
  final String bar;
  final String housing;
  final String pump;
  final String workCenter = "TURN";

  TracedPlant(Api api) {
    this.api = api;
    this.lots = new LotFixture(api);
    String id = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    site = "T" + id;
    new PlantFixture(api).aWorkCenter(site, workCenter, true);
    aWorkUnit("CNC1");
    aWorkUnit("CNC2");
    aWorkUnit("CNC3");
    bar = "BAR-" + id;
    housing = "HSG-" + id;
    pump = "PUMP-" + id;
    material(bar, "kg", "LOT", "RAW");
    material(housing, "pcs", "LOT", "SEMI_FINISHED");
    material(pump, "pcs", "SERIAL", "FINISHED");
    releasedBom(housing, bar, "1.5", "kg");
    releasedBom(pump, housing, "1", "pcs");
    releasedRouting(housing);
    releasedRouting(pump);
  }

  /** A released order; its number and its single operation. */
  record AnOrder(String number, UUID operation) {}

  AnOrder aReleasedOrder(String material, String quantity) {
    String number = "PO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Map<String, Object> order = new HashMap<>();
    order.put("orderNumber", number);
    order.put("material", material);
    order.put("quantity", new java.math.BigDecimal(quantity));
    order.put("unit", "pcs");
    order.put("dueDate", Instant.now().plus(3, ChronoUnit.DAYS).toString());
    order.put("site", site);
    api.asAdmin().post("/api/v1/production-orders", order).expect(201);
    api.asAdmin().post("/api/v1/production-orders/" + number + "/release", null).expect(200);
    JsonNode ops =
        api.asAdmin().get("/api/v1/production-orders/" + number + "/operations").expect(200).json();
    return new AnOrder(number, UUID.fromString(ops.get(0).path("id").asString()));
  }

  static Api.Response book(Api.Caller caller, String path, Object body) {
    return caller.header("Idempotency-Key", UUID.randomUUID().toString()).post(path, body);
  }

  static String op(UUID operation, String action) {
    return "/api/v1/operations/" + operation + "/" + action;
  }

  Api.Response start(Api.Caller operator, AnOrder order, String unit) {
    return book(operator, op(order.operation(), "start"), Map.of("workUnit", unit, "phase", "RUN"));
  }

  Api.Response consume(
      Api.Caller operator, AnOrder order, String unit, String material, String lot, Number qty) {
    return book(
        operator,
        op(order.operation(), "consumptions"),
        Map.of("workUnit", unit, "material", material, "lot", lot, "quantity", qty));
  }

  Api.Response report(Api.Caller operator, AnOrder order, String unit, Map<String, Object> more) {
    Map<String, Object> body = new HashMap<>(more);
    body.put("workUnit", unit);
    return book(operator, op(order.operation(), "report"), body);
  }

  JsonNode lot(String material, String number) {
    return api.asAdmin().get(LOTS + "/" + number + "?material=" + material).expect(200).json();
  }

  JsonNode trace(String lotId, String direction) {
    return api.asAdmin()
        .get(LOTS + "/" + lotId + "/trace?direction=" + direction)
        .expect(200)
        .json();
  }

  /** The lot numbers a trace reached, without its start. */
  static List<String> lotNumbers(JsonNode trace) {
    List<String> numbers = new ArrayList<>();
    trace
        .path("lots")
        .forEach(
            n -> {
              if (n.path("depth").asInt() > 0) {
                numbers.add(n.path("lot").path("lotNumber").asString());
              }
            });
    return numbers;
  }

  private void aWorkUnit(String code) {
    api.asAdmin()
        .post(
            "/api/v1/work-units",
            Map.of("site", site, "workCenter", workCenter, "code", code, "name", "Lathe " + code))
        .expect(201);
  }

  private void material(String number, String unit, String tracking, String type) {
    api.asAdmin()
        .post(
            "/api/v1/materials",
            Map.of(
                "number", number,
                "description", "Test " + number,
                "unit", unit,
                "tracking", tracking,
                "type", type))
        .expect(201);
  }

  private void releasedBom(String material, String component, String quantity, String unit) {
    String bom =
        api.asAdmin()
            .post(
                "/api/v1/boms",
                Map.of(
                    "material",
                    material,
                    "baseQuantity",
                    1,
                    "unit",
                    "pcs",
                    "items",
                    List.of(
                        Map.of(
                            "position",
                            10,
                            "material",
                            component,
                            "quantity",
                            new java.math.BigDecimal(quantity),
                            "unit",
                            unit))))
            .expect(201)
            .json()
            .path("id")
            .asString();
    api.asAdmin().post("/api/v1/boms/" + bom + "/release", null).expect(200);
  }

  private void releasedRouting(String material) {
    String routing =
        api.asAdmin()
            .post(
                "/api/v1/routings",
                Map.of(
                    "material",
                    material,
                    "site",
                    site,
                    "operations",
                    List.of(
                        Map.of(
                            "sequence", 10,
                            "description", "Make " + material,
                            "workCenter", workCenter,
                            "setupSeconds", 600,
                            "cycleSeconds", 60))))
            .expect(201)
            .json()
            .path("id")
            .asString();
    api.asAdmin().post("/api/v1/routings/" + routing + "/release", null).expect(200);
  }
}
