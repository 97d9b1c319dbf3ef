package dev.takt.testing;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Material lots for tests, through the real lot API as the ERP and quality would: {@code
 * lots.aReleasedLot(site, "STEEL-1", "L-4711", "100", "kg")} receives the lot (into quarantine) and
 * releases it after incoming inspection.
 */
public final class LotFixture {

  private final Api api;

  public LotFixture(Api api) {
    this.api = api;
  }

  /** A lot as received from a supplier: in QUARANTINE, waiting for quality. */
  public JsonNode aReceivedLot(
      String site, String material, String lotNumber, String quantity, String unit) {
    Map<String, Object> body = new HashMap<>();
    body.put("site", site);
    body.put("material", material);
    body.put("lotNumber", lotNumber);
    body.put("quantity", new java.math.BigDecimal(quantity));
    body.put("unit", unit);
    body.put("supplier", "Supplier of " + material);
    body.put("supplierLot", "S-" + lotNumber);
    return api.asAdmin().post("/api/v1/lots", body).expect(201).json();
  }

  /** A lot received and released by quality: ready to be consumed at a terminal. */
  public JsonNode aReleasedLot(
      String site, String material, String lotNumber, String quantity, String unit) {
    JsonNode lot = aReceivedLot(site, material, lotNumber, quantity, unit);
    return release(lot.path("id").asString());
  }

  public JsonNode release(String lotId) {
    return api.asAdmin()
        .post("/api/v1/lots/" + lotId + "/release", Map.of("reason", "Incoming inspection passed"))
        .expect(200)
        .json()
        .path("lot");
  }
}
