package dev.takt.product;

import static dev.takt.product.MaterialsIT.withField;
import static dev.takt.product.ProductFixtures.assertRefused;
import static dev.takt.product.ProductFixtures.bom;
import static dev.takt.product.ProductFixtures.item;
import static dev.takt.product.ProductFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@TaktIntegrationTest
class BomsIT {

  @Autowired Api api;
  @Autowired Products catalogue;
  ProductFixtures products;

  @BeforeEach
  void setUp() {
    products = new ProductFixtures(api);
  }

  @Test
  void aPlannerDraftsReleasesAndReplacesABom() {
    // given
    var planner = api.aUserWith(Role.PLANNER);
    String bike = products.aMaterial("pcs");
    String frame = products.aMaterial("pcs");
    String paint = products.aMaterial("kg");

    // when: drafted, revised and released
    var created =
        api.as(planner)
            .post(
                "/api/v1/boms",
                bom(
                    bike,
                    List.of(
                        item(10, frame, 1, "pcs"),
                        item(20, paint, new java.math.BigDecimal("0.25"), "kg"))))
            .expect(201);
    JsonNode v1 = created.json();
    String v1Path = "/api/v1/boms/" + v1.path("id").asString();
    assertThat(created.header("Location")).endsWith(v1Path);
    assertThat(v1.path("bomVersion").asInt()).isEqualTo(1);
    assertThat(v1.path("status").asString()).isEqualTo("DRAFT");

    Map<String, Object> revision = new HashMap<>();
    revision.put("baseQuantity", 2);
    revision.put("unit", "pcs");
    revision.put(
        "items",
        List.of(
            item(10, frame, 2, "pcs"),
            withField(
                item(20, paint, new java.math.BigDecimal("0.5"), "kg"), "scrapPercent", 2.5)));
    revision.put("version", v1.path("version").asLong());
    JsonNode revised = api.as(planner).put(v1Path, revision).expect(200).json();
    assertThat(revised.path("items").get(1).path("quantity").path("value").decimalValue())
        .isEqualByComparingTo("0.5");
    assertThat(revised.path("items").get(1).path("scrapPercent").decimalValue())
        .isEqualByComparingTo("2.5");

    JsonNode released = api.as(planner).post(v1Path + "/release", null).expect(200).json();
    assertThat(released.path("status").asString()).isEqualTo("RELEASED");
    assertThat(released.path("releasedAt").isNull()).isFalse();

    // then: it is the current one, for the API and for other modules
    JsonNode current =
        api.as(planner)
            .get("/api/v1/boms?material=" + bike + "&status=RELEASED")
            .expect(200)
            .json()
            .path("items");
    assertThat(current).hasSize(1);
    assertThat(current.get(0).path("id").asString()).isEqualTo(v1.path("id").asString());
    assertThat(catalogue.currentBom(bike)).map(BomView::bomVersion).contains(1);
    assertThat(catalogue.currentBom(bike).orElseThrow().baseQuantity().value())
        .isEqualByComparingTo("2");

    // when: copied to version 2, which is released in turn
    var copied = api.as(planner).post(v1Path + "/copy", null).expect(201);
    JsonNode v2 = copied.json();
    assertThat(v2.path("bomVersion").asInt()).isEqualTo(2);
    assertThat(v2.path("status").asString()).isEqualTo("DRAFT");
    assertThat(v2.path("items")).isEqualTo(released.path("items"));
    api.as(planner).post("/api/v1/boms/" + v2.path("id").asString() + "/release", null).expect(200);

    // then: version 1 is obsolete, version 2 is the one current BOM
    assertThat(api.as(planner).get(v1Path).json().path("status").asString()).isEqualTo("OBSOLETE");
    JsonNode releasedNow =
        api.as(planner)
            .get("/api/v1/boms?material=" + bike + "&status=RELEASED")
            .json()
            .path("items");
    assertThat(releasedNow).hasSize(1);
    assertThat(releasedNow.get(0).path("bomVersion").asInt()).isEqualTo(2);
    assertThat(
            api.as(planner)
                .get("/api/v1/boms?material=" + bike + "&bomVersion=1")
                .json()
                .path("items")
                .get(0)
                .path("status")
                .asString())
        .isEqualTo("OBSOLETE");

    // and the audit trail holds each step, release and obsolescence with old and new status
    JsonNode auditV1 = products.audit("bom", bike + "/v1");
    assertThat(auditV1)
        .extracting(r -> r.path("action").asString())
        .containsExactly("CREATE", "UPDATE", "UPDATE", "UPDATE");
    assertThat(auditV1.get(2).path("oldValue").asString()).contains("\"status\":\"DRAFT\"");
    assertThat(auditV1.get(2).path("newValue").asString()).contains("\"status\":\"RELEASED\"");
    assertThat(auditV1.get(3).path("oldValue").asString()).contains("\"status\":\"RELEASED\"");
    assertThat(auditV1.get(3).path("newValue").asString()).contains("\"status\":\"OBSOLETE\"");
    assertThat(products.audit("bom", bike + "/v2")).hasSize(2);
  }

  @Test
  void aReleasedBomCannotBeChangedDeletedOrReleasedAgain() {
    // given
    String bike = products.aMaterial("pcs");
    String frame = products.aMaterial("pcs");
    JsonNode draft = products.aDraftBom(bike, frame);
    String path = "/api/v1/boms/" + draft.path("id").asString();
    JsonNode released = products.release(path);
    Map<String, Object> change = new HashMap<>(bom(bike, List.of(item(10, frame, 3, "pcs"))));
    change.remove("material");
    change.put("version", released.path("version").asLong());

    // when / then
    var put = api.asAdmin().put(path, change);
    assertRefused(put, 409, "status");
    assertThat(put.json().path("detail").asString()).contains("RELEASED");
    assertRefused(api.asAdmin().delete(path), 409, "status");
    assertRefused(api.asAdmin().post(path + "/release", null), 409, "status");

    assertThat(api.asAdmin().get(path).json()).isEqualTo(released);
    assertThat(products.audit("bom", bike + "/v1")).hasSize(2);
  }

  @Test
  void aDraftCanBeThrownAway() {
    String bike = products.aMaterial("pcs");
    JsonNode draft = products.aDraftBom(bike, products.aMaterial("pcs"));
    String path = "/api/v1/boms/" + draft.path("id").asString();
    api.asAdmin().delete(path).expect(204);
    api.asAdmin().get(path).expect(404);
    assertThat(products.audit("bom", bike + "/v1"))
        .extracting(r -> r.path("action").asString())
        .containsExactly("CREATE", "DELETE");
  }

  @Test
  void refusesADirectCycle() {
    // given: the frame's released BOM uses the bike
    String bike = products.aMaterial("pcs");
    String frame = products.aMaterial("pcs");
    products.release("/api/v1/boms/" + products.aDraftBom(frame, bike).path("id").asString());
    // when / then
    var refused = api.asAdmin().post("/api/v1/boms", bom(bike, List.of(item(10, frame, 1, "pcs"))));
    assertRefused(refused, 400, "items[0].material");
    assertThat(refused.json().path("detail").asString()).contains("cycle");
    assertThat(api.asAdmin().get("/api/v1/boms?material=" + bike).json().path("items")).isEmpty();
  }

  @Test
  void releaseChecksTheComponentsAgain() {
    // given: a draft whose component was deactivated after drafting
    String bike = products.aMaterial("pcs");
    String frame = products.aMaterial("pcs");
    String path = "/api/v1/boms/" + products.aDraftBom(bike, frame).path("id").asString();
    api.asAdmin().delete("/api/v1/materials/" + frame).expect(204);
    // when / then
    assertRefused(api.asAdmin().post(path + "/release", null), 409, "items[0].material");
    assertThat(api.asAdmin().get(path).json().path("status").asString()).isEqualTo("DRAFT");
  }

  @Test
  void refusesBadInputToCreateAndWritesNothing() {
    // given
    String bike = products.aMaterial("pcs");
    String frame = products.aMaterial("pcs");
    String sand = products.aMaterial("kg");
    String retired = products.aMaterial("pcs");
    api.asAdmin().delete("/api/v1/materials/" + retired).expect(204);
    Map<String, Object> good = bom(bike, List.of(item(10, frame, 1, "pcs")));

    // when / then: every category is refused naming its field
    assertRefused(api.asAdmin().post("/api/v1/boms", "{\"material\""), 400, "body");
    assertRefused(api.asAdmin().post("/api/v1/boms", withField(good, "plant", "P1")), 400, "plant");
    assertRefused(api.asAdmin().post("/api/v1/boms", withField(good, "items", null)), 400, "items");
    assertRefused(
        api.asAdmin().post("/api/v1/boms", withField(good, "items", List.of())), 400, "items");
    assertRefused(
        api.asAdmin().post("/api/v1/boms", withField(good, "baseQuantity", "lots")),
        400,
        "baseQuantity");
    assertRefused(
        api.asAdmin().post("/api/v1/boms", withField(good, "baseQuantity", 0)),
        400,
        "baseQuantity");
    assertRefused(
        api.asAdmin().post("/api/v1/boms", withField(good, "material", "M" + "9".repeat(40))),
        400,
        "material");
    assertRefused(
        api.asAdmin().post("/api/v1/boms", withField(good, "unit", "bushel")), 400, "unit");
    assertRefused(api.asAdmin().post("/api/v1/boms", withField(good, "unit", "kg")), 400, "unit");
    assertRefused(
        api.asAdmin().post("/api/v1/boms", withField(good, "material", unique("NOPE"))),
        400,
        "material");
    assertRefused(
        api.asAdmin().post("/api/v1/boms", bom(bike, List.of(item(10, unique("NOPE"), 1, "pcs")))),
        400,
        "items[0].material");
    assertRefused(
        api.asAdmin().post("/api/v1/boms", bom(bike, List.of(item(10, retired, 1, "pcs")))),
        400,
        "items[0].material");
    assertRefused(
        api.asAdmin().post("/api/v1/boms", bom(bike, List.of(item(10, bike, 1, "pcs")))),
        400,
        "items[0].material");
    assertRefused(
        api.asAdmin().post("/api/v1/boms", bom(bike, List.of(item(10, sand, 1, "pcs")))),
        400,
        "items[0].unit");
    assertRefused(
        api.asAdmin()
            .post(
                "/api/v1/boms",
                bom(bike, List.of(item(10, frame, 1, "pcs"), item(10, sand, 1, "kg")))),
        400,
        "items[1].position");
    assertRefused(
        api.asAdmin().post("/api/v1/boms", bom(bike, List.of(item(10, frame, -1, "pcs")))),
        400,
        "items[0].quantity");
    assertRefused(
        api.asAdmin().post("/api/v1/boms", bom(bike, List.of(item(10, frame, "one", "pcs")))),
        400,
        "items[0].quantity");
    assertRefused(
        api.asAdmin()
            .post(
                "/api/v1/boms",
                bom(bike, List.of(withField(item(10, frame, 1, "pcs"), "scrapPercent", 101)))),
        400,
        "items[0].scrapPercent");
    assertRefused(
        api.asAdmin()
            .post(
                "/api/v1/boms",
                bom(bike, List.of(withField(item(10, frame, 1, "pcs"), "colour", 1)))),
        400,
        "items[0].colour");
    assertRefused(api.as(api.aUserWith(Role.QUALITY)).post("/api/v1/boms", good), 403, null);

    // then: nothing was written
    assertThat(api.asAdmin().get("/api/v1/boms?material=" + bike).json().path("items")).isEmpty();
    assertThat(products.audit("bom", bike + "/v1")).isEmpty();
  }

  @Test
  void refusesBadInputToUpdateAndWritesNothing() {
    // given
    String bike = products.aMaterial("pcs");
    String frame = products.aMaterial("pcs");
    JsonNode draft = products.aDraftBom(bike, frame);
    String path = "/api/v1/boms/" + draft.path("id").asString();
    Map<String, Object> change = new HashMap<>(bom(bike, List.of(item(10, frame, 2, "pcs"))));
    change.remove("material");
    change.put("version", draft.path("version").asLong());

    // when / then
    assertRefused(api.asAdmin().put(path, "{"), 400, "body");
    assertRefused(api.asAdmin().put(path, withField(change, "material", bike)), 400, "material");
    assertRefused(api.asAdmin().put(path, withField(change, "version", null)), 400, "version");
    assertRefused(api.asAdmin().put(path, withField(change, "version", 1.5)), 400, "version");
    assertRefused(
        api.asAdmin().put(path, withField(change, "version", draft.path("version").asLong() + 1)),
        409,
        "version");
    assertRefused(
        api.asAdmin().put(path, withField(change, "items", List.of(item(10, bike, 1, "pcs")))),
        400,
        "items[0].material");
    assertRefused(api.asAdmin().put("/api/v1/boms/" + UUID.randomUUID(), change), 404, null);
    assertRefused(api.asAdmin().put("/api/v1/boms/not-a-uuid", change), 400, "id");

    // then
    assertThat(api.asAdmin().get(path).json()).isEqualTo(draft);
    assertThat(products.audit("bom", bike + "/v1")).hasSize(1);
  }

  @Test
  void refusesBadQueryParametersAndUnknownBoms() {
    assertRefused(api.asAdmin().get("/api/v1/boms?status=FROZEN"), 400, "status");
    assertRefused(api.asAdmin().get("/api/v1/boms?after=garbage"), 400, "after");
    assertRefused(api.asAdmin().get("/api/v1/boms?limit=501"), 400, "limit");
    assertRefused(api.asAdmin().get("/api/v1/boms/" + UUID.randomUUID()), 404, null);
    assertRefused(
        api.asAdmin().post("/api/v1/boms/" + UUID.randomUUID() + "/release", null), 404, null);
    assertRefused(
        api.asAdmin().post("/api/v1/boms/" + UUID.randomUUID() + "/copy", null), 404, null);
  }

  @Test
  void listsPageByPageWithoutGapsOrRepeats() {
    String bike = products.aMaterial("pcs");
    String frame = products.aMaterial("pcs");
    for (int i = 0; i < 3; i++) {
      products.aDraftBom(bike, frame);
    }
    JsonNode first = api.asAdmin().get("/api/v1/boms?material=" + bike + "&limit=2").json();
    JsonNode second =
        api.asAdmin()
            .get(
                "/api/v1/boms?material="
                    + bike
                    + "&limit=2&after="
                    + first.path("nextCursor").asString())
            .json();
    assertThat(first.path("items"))
        .extracting(b -> b.path("bomVersion").asInt())
        .containsExactly(1, 2);
    assertThat(second.path("items"))
        .extracting(b -> b.path("bomVersion").asInt())
        .containsExactly(3);
    assertThat(second.path("nextCursor").isNull()).isTrue();
  }
}
