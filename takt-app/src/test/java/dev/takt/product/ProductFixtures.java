package dev.takt.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Materials, BOMs and routings made through the real API, in the words of a planner. */
final class ProductFixtures {

  private final Api api;

  ProductFixtures(Api api) {
    this.api = api;
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  /** A new active material with this base unit; returns its number. */
  String aMaterial(String unit) {
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
                "NONE",
                "type",
                "RAW"))
        .expect(201);
    return number;
  }

  static Map<String, Object> item(int position, String material, Object quantity, String unit) {
    return Map.of("position", position, "material", material, "quantity", quantity, "unit", unit);
  }

  static Map<String, Object> bom(String material, List<Map<String, Object>> items) {
    return Map.of("material", material, "baseQuantity", 1, "unit", "pcs", "items", items);
  }

  /** A draft BOM of {@code parent} (in pieces) made of one piece of each component. */
  JsonNode aDraftBom(String parent, String... components) {
    List<Map<String, Object>> items =
        java.util.stream.IntStream.range(0, components.length)
            .mapToObj(i -> item((i + 1) * 10, components[i], 1, "pcs"))
            .toList();
    return api.asAdmin().post("/api/v1/boms", bom(parent, items)).expect(201).json();
  }

  JsonNode release(String path) {
    return api.asAdmin().post(path + "/release", null).expect(200).json();
  }

  static Map<String, Object> operation(int sequence, String workCenter) {
    return Map.of(
        "sequence",
        sequence,
        "description",
        "Operation " + sequence,
        "workCenter",
        workCenter,
        "setupSeconds",
        900,
        "cycleSeconds",
        42.5);
  }

  static Map<String, Object> routing(
      String material, String site, List<Map<String, Object>> operations) {
    return Map.of("material", material, "site", site, "operations", operations);
  }

  /** The audit records of one entity, oldest first. */
  JsonNode audit(String entity, String key) {
    return api.asAdmin()
        .get(
            "/api/v1/audit?entity="
                + entity
                + "&key="
                + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8))
        .expect(200)
        .json()
        .path("items");
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
