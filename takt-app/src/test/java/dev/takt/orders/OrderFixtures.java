package dev.takt.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.PlantFixture;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A plant, products and orders made through the real API, in the words of a planner: {@code
 * aProductWithRoutingAndBom()} gives a pump made at TURN then ASSY from a kg of steel (5 % scrap)
 * and two bolts per 1 piece.
 */
final class OrderFixtures {

  static final String PATH = "/api/v1/production-orders";

  private final Api api;
  private final PlantFixture plant;
  final String site;

  OrderFixtures(Api api) {
    this.api = api;
    this.plant = new PlantFixture(api);
    this.site = unique("S").replace("-", "");
    plant.aWorkCenter(site, "TURN", true);
    plant.aWorkCenter(site, "ASSY", true);
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  String aMaterial(String unit, String tracking) {
    String number = unique("M");
    api.asAdmin()
        .post(
            "/api/v1/materials",
            Map.of(
                "number",
                number,
                "description",
                "Material " + number,
                "unit",
                unit,
                "tracking",
                tracking,
                "type",
                "RAW"))
        .expect(201);
    return number;
  }

  /** A draft routing of the material at the fixture's site, released; returns it. */
  JsonNode aReleasedRouting(String material, List<Map<String, Object>> operations) {
    JsonNode draft =
        api.asAdmin()
            .post(
                "/api/v1/routings",
                Map.of("material", material, "site", site, "operations", operations))
            .expect(201)
            .json();
    return api.asAdmin()
        .post("/api/v1/routings/" + draft.path("id").asString() + "/release", null)
        .expect(200)
        .json();
  }

  static Map<String, Object> operation(int sequence, String workCenter, String description) {
    return Map.of(
        "sequence",
        sequence,
        "description",
        description,
        "workCenter",
        workCenter,
        "setupSeconds",
        600,
        "cycleSeconds",
        new BigDecimal("90.5"),
        "qualification",
        "Q-" + workCenter,
        "toolType",
        "T-" + workCenter,
        "inspectionPlan",
        "IP-" + workCenter);
  }

  JsonNode aReleasedBom(String material, BigDecimal baseQuantity, List<Map<String, Object>> items) {
    JsonNode draft =
        api.asAdmin()
            .post(
                "/api/v1/boms",
                Map.of(
                    "material",
                    material,
                    "baseQuantity",
                    baseQuantity,
                    "unit",
                    "pcs",
                    "items",
                    items))
            .expect(201)
            .json();
    return api.asAdmin()
        .post("/api/v1/boms/" + draft.path("id").asString() + "/release", null)
        .expect(200)
        .json();
  }

  static Map<String, Object> item(
      int position, String material, String quantity, String unit, String scrapPercent) {
    Map<String, Object> item = new HashMap<>();
    item.put("position", position);
    item.put("material", material);
    item.put("quantity", new BigDecimal(quantity));
    item.put("unit", unit);
    if (scrapPercent != null) {
      item.put("scrapPercent", new BigDecimal(scrapPercent));
    }
    return item;
  }

  /** Components of the product, by role. */
  record Product(String number, String steel, String bolt, JsonNode routing, JsonNode bom) {}

  /**
   * A pump: TURN (10) then ASSY (20); per 1 piece 1.5 kg of steel with 5 % scrap and 2 bolts, no
   * scrap.
   */
  Product aProductWithRoutingAndBom() {
    String pump = aMaterial("pcs", "SERIAL");
    String steel = aMaterial("kg", "LOT");
    String bolt = aMaterial("pcs", "NONE");
    JsonNode routing =
        aReleasedRouting(
            pump, List.of(operation(10, "TURN", "Turn body"), operation(20, "ASSY", "Assemble")));
    JsonNode bom =
        aReleasedBom(
            pump,
            BigDecimal.ONE,
            List.of(item(10, steel, "1.5", "kg", "5"), item(20, bolt, "2", "pcs", null)));
    return new Product(pump, steel, bolt, routing, bom);
  }

  /** The body the ERP sends. */
  Map<String, Object> anOrder(String number, String material, Object quantity) {
    Map<String, Object> body = new HashMap<>();
    body.put("orderNumber", number);
    body.put("material", material);
    body.put("quantity", quantity);
    body.put("unit", "pcs");
    body.put("dueDate", "2026-12-01T14:00:00Z");
    body.put("site", site);
    return body;
  }

  JsonNode aCreatedOrder(String material) {
    return api.asAdmin().post(PATH, anOrder(unique("PO"), material, 10)).expect(201).json();
  }

  JsonNode aReleasedOrder(String material) {
    String number = aCreatedOrder(material).path("orderNumber").asString();
    return api.asAdmin().post(PATH + "/" + number + "/release", null).expect(200).json();
  }

  JsonNode order(String number) {
    return api.asAdmin().get(PATH + "/" + number).expect(200).json();
  }

  /** The audit records of one order, oldest first. */
  JsonNode audit(String number) {
    return api.asAdmin()
        .get(
            "/api/v1/audit?entity=production-order&key="
                + URLEncoder.encode(number, StandardCharsets.UTF_8))
        .expect(200)
        .json()
        .path("items");
  }

  static Map<String, Object> withField(Map<String, Object> body, String field, Object value) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.put(field, value);
    return copy;
  }

  /** Asserts a refusal as an RFC 9457 problem naming the field. */
  static void assertRefused(Api.Response response, int status, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(response.faultyFields()).as(response.toString()).contains(field);
    }
  }
}
