package dev.takt.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Builds plant models through the real API, as an administrator, with codes unique per test so
 * tests sharing a database never clash.
 */
final class Plants {

  private final Api api;

  Plants(Api api) {
    this.api = api;
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
  }

  JsonNode aSite() {
    return aSite(unique("S"), "Europe/Berlin");
  }

  JsonNode aSite(String code, String timeZone) {
    return api.asAdmin()
        .post("/api/v1/sites", Map.of("code", code, "name", "Plant " + code, "timeZone", timeZone))
        .expect(201)
        .json();
  }

  JsonNode anAreaIn(String site) {
    return api.asAdmin()
        .post("/api/v1/areas", Map.of("site", site, "code", unique("A"), "name", "Assembly hall"))
        .expect(201)
        .json();
  }

  JsonNode aWorkCenterIn(String site, String area) {
    return api.asAdmin()
        .post(
            "/api/v1/work-centers",
            Map.of("site", site, "area", area, "code", unique("WC"), "name", "Line"))
        .expect(201)
        .json();
  }

  JsonNode aWorkUnitIn(String site, String workCenter) {
    return api.asAdmin()
        .post(
            "/api/v1/work-units",
            Map.of("site", site, "workCenter", workCenter, "code", unique("M"), "name", "Press"))
        .expect(201)
        .json();
  }

  /** The audit records of one entity, oldest first. */
  JsonNode auditOf(String entityType, String key) {
    return api.asAdmin()
        .get("/api/v1/audit?entity=" + entityType + "&key=" + key)
        .expect(200)
        .json()
        .path("items");
  }

  void assertNoAudit(String entityType, String key) {
    assertThat(auditOf(entityType, key).size())
        .as("audit records of %s %s", entityType, key)
        .isZero();
  }
}
