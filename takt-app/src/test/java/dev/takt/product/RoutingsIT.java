package dev.takt.product;

import static dev.takt.product.MaterialsIT.withField;
import static dev.takt.product.ProductFixtures.assertRefused;
import static dev.takt.product.ProductFixtures.operation;
import static dev.takt.product.ProductFixtures.routing;
import static dev.takt.product.ProductFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.PlantFixture;
import dev.takt.testing.TaktIntegrationTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Routings against a real plant model, built through the equipment API. */
@TaktIntegrationTest
class RoutingsIT {

  @Autowired Api api;
  PlantFixture plant;
  @Autowired Products catalogue;
  ProductFixtures products;
  String site;

  @BeforeEach
  void setUp() {
    products = new ProductFixtures(api);
    plant = new PlantFixture(api);
    site = unique("S").replace("-", "");
    plant.aWorkCenter(site, "SAW", true);
    plant.aWorkCenter(site, "WELD", true);
    plant.aWorkCenter(site, "OLD", false);
  }

  JsonNode aDraftRouting(String material) {
    return api.asAdmin()
        .post(
            "/api/v1/routings",
            routing(material, site, List.of(operation(10, "SAW"), operation(20, "WELD"))))
        .expect(201)
        .json();
  }

  @Test
  void aPlannerDraftsReleasesCopiesAndReplacesARouting() {
    // given
    var planner = api.aUserWith(Role.PLANNER, site);
    String bike = products.aMaterial("pcs");
    Map<String, Object> weld = new HashMap<>(operation(20, "WELD"));
    weld.put("qualification", "WELD-ISO9606");
    weld.put("toolType", "MIG-350");
    weld.put("inspectionPlan", "IP-WELD-7");

    // when: drafted (operations given out of order) and released
    var created =
        api.as(planner)
            .post("/api/v1/routings", routing(bike, site, List.of(weld, operation(10, "SAW"))))
            .expect(201);
    JsonNode v1 = created.json();
    String v1Path = "/api/v1/routings/" + v1.path("id").asString();
    assertThat(created.header("Location")).endsWith(v1Path);
    assertThat(v1.path("routingVersion").asInt()).isEqualTo(1);
    assertThat(v1.path("operations"))
        .extracting(o -> o.path("sequence").asInt())
        .containsExactly(10, 20);
    assertThat(v1.path("operations").get(1).path("qualification").asString())
        .isEqualTo("WELD-ISO9606");
    assertThat(v1.path("operations").get(0).path("setupSeconds").asLong()).isEqualTo(900);
    api.as(planner).post(v1Path + "/release", null).expect(200);

    // then: current for the API and for other modules
    assertThat(catalogue.currentRouting(bike, site)).map(RoutingView::routingVersion).contains(1);
    assertThat(
            catalogue.currentRouting(bike, site).orElseThrow().operations().get(0).cycleSeconds())
        .isEqualByComparingTo(new BigDecimal("42.5"));
    assertThat(catalogue.currentRouting(bike, "ELSEWHERE")).isEmpty();

    // when: copied into version 2, revised and released
    JsonNode v2 = api.as(planner).post(v1Path + "/copy", null).expect(201).json();
    assertThat(v2.path("routingVersion").asInt()).isEqualTo(2);
    assertThat(v2.path("status").asString()).isEqualTo("DRAFT");
    String v2Path = "/api/v1/routings/" + v2.path("id").asString();
    api.as(planner)
        .put(
            v2Path,
            Map.of(
                "operations",
                List.of(operation(10, "SAW"), operation(20, "WELD"), operation(30, "SAW")),
                "version",
                v2.path("version").asLong()))
        .expect(200);
    api.as(planner).post(v2Path + "/release", null).expect(200);

    // then: one current routing, the old one obsolete
    JsonNode current =
        api.as(planner)
            .get("/api/v1/routings?material=" + bike + "&site=" + site + "&status=RELEASED")
            .expect(200)
            .json()
            .path("items");
    assertThat(current).hasSize(1);
    assertThat(current.get(0).path("operations")).hasSize(3);
    assertThat(api.as(planner).get(v1Path).json().path("status").asString()).isEqualTo("OBSOLETE");

    // and every step is audited under material/site/version
    JsonNode audit = products.audit("routing", bike + "/" + site + "/v1");
    assertThat(audit)
        .extracting(r -> r.path("action").asString())
        .containsExactly("CREATE", "UPDATE", "UPDATE");
    assertThat(audit.get(2).path("newValue").asString()).contains("\"status\":\"OBSOLETE\"");
    assertThat(products.audit("routing", bike + "/" + site + "/v2")).hasSize(3);
  }

  @Test
  void aReleasedRoutingCannotBeChangedDeletedOrReleasedAgain() {
    // given
    String bike = products.aMaterial("pcs");
    String path = "/api/v1/routings/" + aDraftRouting(bike).path("id").asString();
    JsonNode released = products.release(path);
    // when / then
    var put =
        api.asAdmin()
            .put(
                path,
                Map.of(
                    "operations",
                    List.of(operation(10, "SAW")),
                    "version",
                    released.path("version").asLong()));
    assertRefused(put, 409, "status");
    assertThat(put.json().path("detail").asString()).contains("RELEASED");
    assertRefused(api.asAdmin().delete(path), 409, "status");
    assertRefused(api.asAdmin().post(path + "/release", null), 409, "status");
    assertThat(api.asAdmin().get(path).json()).isEqualTo(released);
    assertThat(products.audit("routing", bike + "/" + site + "/v1")).hasSize(2);
  }

  @Test
  void aPlannerActsOnlyOnRoutingsOfTheirSites() {
    // given: a routing at this site, and a planner of another one
    String bike = products.aMaterial("pcs");
    JsonNode draft = aDraftRouting(bike);
    String otherSite = unique("O").replace("-", "");
    plant.aWorkCenter(otherSite, "SAW", true);
    var stranger = api.aUserWith(Role.PLANNER, otherSite);
    String path = "/api/v1/routings/" + draft.path("id").asString();
    // when / then
    assertRefused(api.as(stranger).get(path), 403, null);
    assertRefused(api.as(stranger).post(path + "/release", null), 403, null);
    assertRefused(
        api.as(stranger)
            .post("/api/v1/routings", routing(bike, site, List.of(operation(10, "SAW")))),
        403,
        null);
    assertThat(api.as(stranger).get("/api/v1/routings?material=" + bike).json().path("items"))
        .isEmpty();
    var local = api.aUserWith(Role.OPERATOR, site);
    assertThat(api.as(local).get("/api/v1/routings?material=" + bike).json().path("items"))
        .hasSize(1);
    assertRefused(api.as(local).post(path + "/copy", null), 403, null);
    assertThat(api.asAdmin().get(path).json().path("status").asString()).isEqualTo("DRAFT");
    assertThat(products.audit("routing", bike + "/" + site + "/v1")).hasSize(1);
  }

  @Test
  void refusesBadInputToCreateAndWritesNothing() {
    // given
    String bike = products.aMaterial("pcs");
    String retired = products.aMaterial("pcs");
    api.asAdmin().delete("/api/v1/materials/" + retired).expect(204);
    Map<String, Object> good = routing(bike, site, List.of(operation(10, "SAW")));
    String p = "/api/v1/routings";

    // when / then
    assertRefused(api.asAdmin().post(p, "{\"operations\": [}"), 400, "body");
    assertRefused(api.asAdmin().post(p, withField(good, "line", "L1")), 400, "line");
    assertRefused(api.asAdmin().post(p, withField(good, "site", null)), 400, "site");
    assertRefused(api.asAdmin().post(p, withField(good, "site", 42)), 400, "site");
    assertRefused(api.asAdmin().post(p, withField(good, "site", "S".repeat(21))), 400, "site");
    assertRefused(api.asAdmin().post(p, withField(good, "site", "NOWHERE")), 400, "site");
    assertRefused(
        api.asAdmin().post(p, withField(good, "material", unique("NOPE"))), 400, "material");
    assertRefused(api.asAdmin().post(p, withField(good, "material", retired)), 400, "material");
    assertRefused(
        api.asAdmin().post(p, withField(good, "operations", List.of())), 400, "operations");
    assertRefused(
        api.asAdmin().post(p, routing(bike, site, List.of(operation(10, "PAINT")))),
        400,
        "operations[0].workCenter");
    assertRefused(
        api.asAdmin()
            .post(p, routing(bike, site, List.of(operation(10, "SAW"), operation(20, "OLD")))),
        400,
        "operations[1].workCenter");
    assertRefused(
        api.asAdmin()
            .post(p, routing(bike, site, List.of(operation(10, "SAW"), operation(10, "WELD")))),
        400,
        "operations[1].sequence");
    assertRefused(
        api.asAdmin().post(p, routing(bike, site, List.of(operation(0, "SAW")))),
        400,
        "operations[0].sequence");
    assertRefused(
        api.asAdmin()
            .post(
                p,
                routing(bike, site, List.of(withField(operation(10, "SAW"), "setupSeconds", -1)))),
        400,
        "operations[0].setupSeconds");
    assertRefused(
        api.asAdmin()
            .post(
                p,
                routing(
                    bike, site, List.of(withField(operation(10, "SAW"), "setupSeconds", "PT5M")))),
        400,
        "operations[0].setupSeconds");
    assertRefused(
        api.asAdmin()
            .post(
                p,
                routing(bike, site, List.of(withField(operation(10, "SAW"), "cycleSeconds", 0)))),
        400,
        "operations[0].cycleSeconds");
    assertRefused(
        api.asAdmin()
            .post(
                p,
                routing(
                    bike,
                    site,
                    List.of(withField(operation(10, "SAW"), "toolType", "T".repeat(41))))),
        400,
        "operations[0].toolType");
    assertRefused(
        api.asAdmin()
            .post(
                p,
                routing(bike, site, List.of(withField(operation(10, "SAW"), "description", null)))),
        400,
        "operations[0].description");
    assertRefused(api.as(api.aUserWith(Role.SUPERVISOR, site)).post(p, good), 403, null);

    // then: nothing was written
    assertThat(api.asAdmin().get(p + "?material=" + bike).json().path("items")).isEmpty();
    assertThat(products.audit("routing", bike + "/" + site + "/v1")).isEmpty();
  }

  @Test
  void refusesBadInputToUpdateAndWritesNothing() {
    // given
    String bike = products.aMaterial("pcs");
    JsonNode draft = aDraftRouting(bike);
    String path = "/api/v1/routings/" + draft.path("id").asString();
    Map<String, Object> change =
        Map.of(
            "operations",
            List.of(operation(10, "WELD")),
            "version",
            draft.path("version").asLong());
    // when / then
    assertRefused(api.asAdmin().put(path, "nonsense"), 400, "body");
    assertRefused(api.asAdmin().put(path, withField(change, "site", site)), 400, "site");
    assertRefused(api.asAdmin().put(path, withField(change, "version", null)), 400, "version");
    assertRefused(api.asAdmin().put(path, withField(change, "version", "v1")), 400, "version");
    assertRefused(
        api.asAdmin().put(path, withField(change, "version", draft.path("version").asLong() + 1)),
        409,
        "version");
    assertRefused(
        api.asAdmin().put(path, withField(change, "operations", List.of(operation(10, "NONE")))),
        400,
        "operations[0].workCenter");
    assertRefused(api.asAdmin().put("/api/v1/routings/" + UUID.randomUUID(), change), 404, null);
    assertRefused(api.asAdmin().put("/api/v1/routings/123", change), 400, "id");
    // then
    assertThat(api.asAdmin().get(path).json()).isEqualTo(draft);
    assertThat(products.audit("routing", bike + "/" + site + "/v1")).hasSize(1);
  }

  @Test
  void releaseChecksTheWorkCentersAgain() {
    // given: a work center retired after the draft was written
    String bike = products.aMaterial("pcs");
    String path = "/api/v1/routings/" + aDraftRouting(bike).path("id").asString();
    plant.deactivateWorkCenter(site, "WELD");
    // when / then
    assertRefused(api.asAdmin().post(path + "/release", null), 409, "operations[1].workCenter");
    assertThat(api.asAdmin().get(path).json().path("status").asString()).isEqualTo("DRAFT");
  }

  @Test
  void listsPageByPageAndRefusesBadQueries() {
    String bike = products.aMaterial("pcs");
    for (int i = 0; i < 3; i++) {
      aDraftRouting(bike);
    }
    JsonNode first = api.asAdmin().get("/api/v1/routings?material=" + bike + "&limit=2").json();
    JsonNode second =
        api.asAdmin()
            .get(
                "/api/v1/routings?material="
                    + bike
                    + "&limit=2&after="
                    + first.path("nextCursor").asString())
            .json();
    assertThat(first.path("items"))
        .extracting(r -> r.path("routingVersion").asInt())
        .containsExactly(1, 2);
    assertThat(second.path("items"))
        .extracting(r -> r.path("routingVersion").asInt())
        .containsExactly(3);
    assertRefused(api.asAdmin().get("/api/v1/routings?status=ACTIVE"), 400, "status");
    assertRefused(api.asAdmin().get("/api/v1/routings?after=x"), 400, "after");
    assertRefused(api.asAdmin().get("/api/v1/routings/" + UUID.randomUUID()), 404, null);
  }
}
