package dev.takt.product;

import static dev.takt.product.ProductFixtures.assertRefused;
import static dev.takt.product.ProductFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@TaktIntegrationTest
class MaterialsIT {

  @Autowired Api api;
  @Autowired Products catalog;
  ProductFixtures products;

  @BeforeEach
  void setUp() {
    products = new ProductFixtures(api);
  }

  static Map<String, Object> material(String number) {
    Map<String, Object> body = new HashMap<>();
    body.put("number", number);
    body.put("description", "Steel tube 40x2");
    body.put("unit", "m");
    body.put("tracking", "LOT");
    body.put("type", "RAW");
    return body;
  }

  @Test
  void aPlannerDefinesChangesAndDeactivatesAMaterial() {
    // given
    var planner = api.aUserWith(Role.PLANNER);
    String number = unique("TUBE") + "/40.2";
    // when
    var created = api.as(planner).post("/api/v1/materials", material(number)).expect(201);
    // then
    assertThat(created.header("Location")).endsWith("/api/v1/materials/" + number);
    JsonNode read = api.as(planner).get("/api/v1/materials/" + number).expect(200).json();
    assertThat(read.path("description").asString()).isEqualTo("Steel tube 40x2");
    assertThat(read.path("unit").asString()).isEqualTo("m");
    assertThat(read.path("tracking").asString()).isEqualTo("LOT");
    assertThat(read.path("active").asBoolean()).isTrue();

    // when: changed, sending the version read
    Map<String, Object> change = material(number);
    change.remove("number");
    change.put("description", "Steel tube 40x2.5");
    change.put("tracking", "SERIAL");
    change.put("active", true);
    change.put("version", read.path("version").asLong());
    JsonNode changed =
        api.as(planner).put("/api/v1/materials/" + number, change).expect(200).json();
    assertThat(changed.path("description").asString()).isEqualTo("Steel tube 40x2.5");
    assertThat(changed.path("version").asLong()).isEqualTo(read.path("version").asLong() + 1);

    // when: deactivated
    api.as(planner).delete("/api/v1/materials/" + number).expect(204);
    JsonNode inactive = api.as(planner).get("/api/v1/materials/" + number).expect(200).json();
    assertThat(inactive.path("active").asBoolean()).isFalse();

    // then: every change is in the audit trail with old and new values
    JsonNode audit = products.audit("material", number);
    assertThat(audit).hasSize(3);
    assertThat(audit.get(0).path("action").asString()).isEqualTo("CREATE");
    assertThat(audit.get(1).path("oldValue").asString()).contains("Steel tube 40x2\"");
    assertThat(audit.get(1).path("newValue").asString()).contains("Steel tube 40x2.5");
    assertThat(audit.get(2).path("newValue").asString()).contains("\"active\":false");
  }

  @Test
  void otherModulesSeeAChangedTrackingAsSoonAsItIsSaved() {
    // given: genealogy has just read the material (it is kept for a few seconds)
    var planner = api.aUserWith(Role.PLANNER);
    String number = unique("TUBE");
    api.as(planner).post("/api/v1/materials", material(number)).expect(201);
    assertThat(catalog.material(number)).map(MaterialView::tracking).hasValue(Tracking.LOT);

    // when
    Map<String, Object> change = material(number);
    change.remove("number");
    change.put("tracking", "SERIAL");
    change.put("active", true);
    change.put("version", 1);
    api.as(planner).put("/api/v1/materials/" + number, change).expect(200);

    // then
    assertThat(catalog.material(number)).map(MaterialView::tracking).hasValue(Tracking.SERIAL);
  }

  @Test
  void everyRoleReadsButOnlyPlannersAdminsAndIntegrationsWrite() {
    String number = products.aMaterial("kg");
    for (Role role : Role.values()) {
      var user = api.aUserWith(role);
      api.as(user).get("/api/v1/materials/" + number).expect(200);
      api.as(user).get("/api/v1/materials?q=" + number).expect(200);
      int expected = List.of(Role.ADMIN, Role.PLANNER, Role.INTEGRATION).contains(role) ? 201 : 403;
      api.as(user).post("/api/v1/materials", material(unique("R"))).expect(expected);
    }
    api.anonymous().get("/api/v1/materials").expect(401);
  }

  @Test
  void listsBySearchTypeAndTrackingPageByPage() {
    // given: three lot-tracked finished goods sharing a word in their description
    String word = unique("WIDGET");
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> body = material(unique("F"));
      body.put("description", "Finished " + word + " " + i);
      body.put("type", "FINISHED");
      api.asAdmin().post("/api/v1/materials", body).expect(201);
      numbers.add((String) body.get("number"));
    }
    // when
    JsonNode first =
        api.asAdmin()
            .get(
                "/api/v1/materials?q=" + word.toLowerCase() + "&type=FINISHED&tracking=LOT&limit=2")
            .expect(200)
            .json();
    JsonNode second =
        api.asAdmin()
            .get(
                "/api/v1/materials?q="
                    + word
                    + "&type=FINISHED&tracking=LOT&limit=2&after="
                    + first.path("nextCursor").asString())
            .expect(200)
            .json();
    // then
    List<String> seen = new ArrayList<>();
    first.path("items").forEach(m -> seen.add(m.path("number").asString()));
    second.path("items").forEach(m -> seen.add(m.path("number").asString()));
    assertThat(seen).containsExactlyElementsOf(numbers.stream().sorted().toList());
    assertThat(second.path("nextCursor").isNull()).isTrue();
    assertThat(
            api.asAdmin()
                .get("/api/v1/materials?q=" + word + "&tracking=SERIAL")
                .expect(200)
                .json()
                .path("items"))
        .isEmpty();
  }

  @Test
  void refusesBadInputToCreateAndWritesNothing() {
    String number = unique("BAD");
    Map<String, Object> missing = material(number);
    missing.remove("unit");
    Map<String, Object> tooLong = material(number);
    tooLong.put("description", "x".repeat(201));
    Map<String, Object> unknownUnit = material(number);
    unknownUnit.put("unit", "furlong");
    Map<String, Object> badType = material(number);
    badType.put("type", "GASEOUS");
    Map<String, Object> badNumber = material(number + " with blanks");
    Map<String, Object> longNumber = material("N" + "1".repeat(40));

    assertRefused(api.asAdmin().post("/api/v1/materials", "{\"number\": "), 400, "body");
    assertRefused(
        api.asAdmin().post("/api/v1/materials", withField(material(number), "colour", "red")),
        400,
        "colour");
    assertRefused(api.asAdmin().post("/api/v1/materials", missing), 400, "unit");
    assertRefused(
        api.asAdmin().post("/api/v1/materials", withField(material(number), "unit", 7)),
        400,
        "unit");
    assertRefused(api.asAdmin().post("/api/v1/materials", tooLong), 400, "description");
    assertRefused(api.asAdmin().post("/api/v1/materials", unknownUnit), 400, "unit");
    assertRefused(api.asAdmin().post("/api/v1/materials", badType), 400, "type");
    assertRefused(api.asAdmin().post("/api/v1/materials", badNumber), 400, "number");
    assertRefused(api.asAdmin().post("/api/v1/materials", longNumber), 400, "number");

    api.asAdmin().get("/api/v1/materials/" + number).expect(404);
    assertThat(products.audit("material", number)).isEmpty();
  }

  @Test
  void refusesADuplicateNumber() {
    String number = products.aMaterial("pcs");
    assertRefused(api.asAdmin().post("/api/v1/materials", material(number)), 409, "number");
    assertThat(products.audit("material", number)).hasSize(1);
    JsonNode kept = api.asAdmin().get("/api/v1/materials/" + number).json();
    assertThat(kept.path("unit").asString()).isEqualTo("pcs");
  }

  @Test
  void refusesBadInputToUpdateAndWritesNothing() {
    // given
    String number = products.aMaterial("kg");
    JsonNode before = api.asAdmin().get("/api/v1/materials/" + number).json();
    Map<String, Object> change = new HashMap<>();
    change.put("description", "Changed");
    change.put("unit", "kg");
    change.put("tracking", "NONE");
    change.put("type", "RAW");
    change.put("active", true);
    change.put("version", before.path("version").asLong());
    String path = "/api/v1/materials/" + number;

    // when / then
    assertRefused(api.asAdmin().put(path, "[1,"), 400, "body");
    assertRefused(api.asAdmin().put(path, withField(change, "number", "X")), 400, "number");
    assertRefused(api.asAdmin().put(path, withField(change, "version", null)), 400, "version");
    assertRefused(api.asAdmin().put(path, withField(change, "version", "one")), 400, "version");
    assertRefused(
        api.asAdmin().put(path, withField(change, "description", "y".repeat(201))),
        400,
        "description");
    assertRefused(api.asAdmin().put(path, withField(change, "unit", "parsec")), 400, "unit");
    assertRefused(
        api.asAdmin().put(path, withField(change, "version", before.path("version").asLong() + 5)),
        409,
        "version");
    assertRefused(api.asAdmin().put("/api/v1/materials/" + unique("NONE"), change), 404, null);
    assertRefused(api.as(api.aUserWith(Role.OPERATOR)).put(path, change), 403, null);

    assertThat(api.asAdmin().get(path).json()).isEqualTo(before);
    assertThat(products.audit("material", number)).hasSize(1);
  }

  @Test
  void keepsTheBaseUnitOfAMaterialUsedInABom() {
    // given
    String bike = products.aMaterial("pcs");
    String frame = products.aMaterial("pcs");
    products.aDraftBom(bike, frame);
    JsonNode before = api.asAdmin().get("/api/v1/materials/" + frame).json();
    Map<String, Object> change = new HashMap<>();
    change.put("description", "Frame in kilograms");
    change.put("unit", "kg");
    change.put("tracking", "NONE");
    change.put("type", "RAW");
    change.put("active", true);
    change.put("version", before.path("version").asLong());
    // when / then
    assertRefused(api.asAdmin().put("/api/v1/materials/" + frame, change), 409, "unit");
    assertThat(api.asAdmin().get("/api/v1/materials/" + frame).json()).isEqualTo(before);
  }

  @Test
  void refusesBadQueryParameters() {
    assertRefused(api.asAdmin().get("/api/v1/materials?type=LIQUID"), 400, "type");
    assertRefused(api.asAdmin().get("/api/v1/materials?limit=0"), 400, "limit");
    assertRefused(api.asAdmin().get("/api/v1/materials?limit=ten"), 400, "limit");
    assertRefused(api.asAdmin().get("/api/v1/materials?q=" + "q".repeat(101)), 400, "q");
    api.asAdmin().delete("/api/v1/materials/" + unique("GONE")).expect(404);
  }

  static Map<String, Object> withField(Map<String, Object> body, String field, Object value) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.put(field, value);
    return copy;
  }
}
