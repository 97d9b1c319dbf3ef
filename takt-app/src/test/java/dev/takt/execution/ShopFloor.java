package dev.takt.execution;

import dev.takt.testing.Api;
import dev.takt.testing.PlantFixture;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A shop floor for execution tests, built through the real APIs: a site with a work center and work
 * units, the reason codes an operator books, and bookings that carry an idempotency key.
 */
public final class ShopFloor {

  public final Api api;
  public final String site;
  public final String workCenter;
  public final String otherWorkCenter;
  public final String downtimeReason;
  public final String scrapReason;
  public final String reworkReason;

  public ShopFloor(Api api) {
    this.api = api;
    String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    site = "S" + suffix;
    workCenter = "MILL";
    otherWorkCenter = "SAW";
    PlantFixture plant = new PlantFixture(api);
    plant.aWorkCenter(site, workCenter, true);
    plant.aWorkCenter(site, otherWorkCenter, true);
    aWorkUnit(workCenter, "M1");
    aWorkUnit(workCenter, "M2");
    aWorkUnit(otherWorkCenter, "SAW1");
    downtimeReason = aReason("DOWNTIME", "BRK-" + suffix);
    scrapReason = aReason("SCRAP", "BURR-" + suffix);
    reworkReason = aReason("REWORK", "DEBURR-" + suffix);
  }

  public void aWorkUnit(String workCenter, String code) {
    api.asAdmin()
        .post(
            "/api/v1/work-units",
            Map.of("site", site, "workCenter", workCenter, "code", code, "name", "Unit " + code))
        .expect(201);
  }

  private String aReason(String kind, String code) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", kind);
    body.put("code", code);
    body.put("name", "Reason " + code);
    body.put("colour", "#336699");
    if (kind.equals("DOWNTIME")) {
      body.put("planned", false);
      body.put("lossCategory", "EQUIPMENT_FAILURE");
    }
    api.asAdmin().post("/api/v1/reasons", body).expect(201);
    return code;
  }

  static String key() {
    return UUID.randomUUID().toString();
  }

  /** A POST as this caller with a fresh idempotency key. */
  static Api.Response book(Api.Caller caller, String path, Object body) {
    return caller.header("Idempotency-Key", key()).post(path, body);
  }

  static String op(UUID operationId, String action) {
    return "/api/v1/operations/" + operationId + "/" + action;
  }

  public Api.Response start(UUID operation, String unit, String phase) {
    return book(api.asAdmin(), op(operation, "start"), Map.of("workUnit", unit, "phase", phase));
  }

  Api.Response reportGood(UUID operation, String unit, Number good) {
    return book(api.asAdmin(), op(operation, "report"), Map.of("workUnit", unit, "good", good));
  }

  public JsonNode progress(UUID operation) {
    return api.asAdmin().get("/api/v1/operations/" + operation).expect(200).json();
  }

  public int auditCount(String entity, String key) {
    return api.asAdmin()
        .get("/api/v1/audit?entity=" + entity + "&key=" + key + "&limit=1000")
        .expect(200)
        .json()
        .path("items")
        .size();
  }

  /** All confirmations of one order, through the paging API. */
  java.util.List<JsonNode> confirmationsOf(String orderNumber) {
    java.util.List<JsonNode> all = new java.util.ArrayList<>();
    String after = null;
    do {
      JsonNode page =
          api.asAdmin()
              .get("/api/v1/confirmations?limit=1000" + (after == null ? "" : "&after=" + after))
              .expect(200)
              .json();
      page.path("items")
          .forEach(
              c -> {
                if (c.path("orderNumber").asString().equals(orderNumber)) {
                  all.add(c);
                }
              });
      after = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
    } while (after != null);
    return all;
  }
}
