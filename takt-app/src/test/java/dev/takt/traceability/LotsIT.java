package dev.takt.traceability;

import static dev.takt.traceability.TracedPlant.LOTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.PlantFixture;
import dev.takt.testing.TaktIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Receiving lots from the ERP, quality's status decisions, and who may do what. */
@TaktIntegrationTest
class LotsIT {

  @Autowired Api api;
  TracedPlant plant;

  @BeforeEach
  void aPlant() {
    plant = new TracedPlant(api);
  }

  Map<String, Object> receipt(String lotNumber) {
    Map<String, Object> body = new HashMap<>();
    body.put("site", plant.site);
    body.put("material", plant.bar);
    body.put("lotNumber", lotNumber);
    body.put("quantity", 250.5);
    body.put("unit", "kg");
    body.put("supplier", "Alu Nord GmbH");
    body.put("supplierLot", "AN-1");
    body.put("expiry", "2030-06-30");
    return body;
  }

  @Test
  void theErpReceivesALotIntoQuarantineAndQualityReleasesBlocksAndQuarantinesItWithReasons() {
    // given: the ERP's machine account
    Api.Caller erp = api.as(api.aUserWith(Role.INTEGRATION, plant.site));
    Api.Caller quality = api.as(api.aUserWith(Role.QUALITY, plant.site));

    // when
    Api.Response created = erp.post(LOTS, receipt("AL-1")).expect(201);

    // then
    JsonNode lot = created.json();
    String id = lot.path("id").asString();
    assertThat(created.header("Location")).endsWith(LOTS + "/" + id);
    assertThat(lot.path("status").asString()).isEqualTo("QUARANTINE");
    assertThat(lot.path("origin").asString()).isEqualTo("RECEIVED");
    assertThat(lot.path("remaining").path("value").decimalValue()).isEqualByComparingTo("250.5");
    assertThat(lot.path("expiry").asString()).isEqualTo("2030-06-30");
    assertThat(plant.lot(plant.bar, "AL-1").path("id").asString()).isEqualTo(id);
    assertThat(api.asAdmin().get(LOTS + "/AL-1").expect(200).json().path("id").asString())
        .isEqualTo(id);

    // quality's decisions, each with a reason
    quality.post(LOTS + "/" + id + "/release", Map.of("reason", "Certificate checked")).expect(200);
    Api.Response again = quality.post(LOTS + "/" + id + "/release", Map.of("reason", "again"));
    again.expect(409);
    assertThat(again.json().path("detail").asString()).contains("RELEASED already");
    quality
        .post(LOTS + "/" + id + "/block", Map.of("reason", "Customer complaint 4711"))
        .expect(200);
    JsonNode back =
        quality
            .post(LOTS + "/" + id + "/quarantine", Map.of("reason", "Re-test", "version", 2))
            .expect(200)
            .json();
    assertThat(back.path("lot").path("status").asString()).isEqualTo("QUARANTINE");
    quality.post(LOTS + "/" + id + "/release", Map.of("reason", "stale", "version", 1)).expect(409);

    JsonNode history = api.asAdmin().get(LOTS + "/" + id + "/history").expect(200).json();
    List<String> steps = new ArrayList<>();
    history.forEach(
        h -> steps.add(h.path("toStatus").asString() + ":" + h.path("reason").asString()));
    assertThat(steps)
        .containsExactly(
            "QUARANTINE:received from Alu Nord GmbH",
            "RELEASED:Certificate checked",
            "BLOCKED:Customer complaint 4711",
            "QUARANTINE:Re-test");
    assertThat(history.get(1).path("changedBy").asString()).isNotEqualTo("system");
    JsonNode audit =
        api.asAdmin()
            .get("/api/v1/audit?entity=lot&key=" + plant.bar + "/AL-1")
            .expect(200)
            .json()
            .path("items");
    assertThat(audit.size()).isEqualTo(4);
  }

  @Test
  void aReceiptResentWithTheSameIdempotencyKeyIsAnsweredOnceAndADuplicateLotIsRefused() {
    String key = UUID.randomUUID().toString();
    Api.Response first = api.asAdmin().header("Idempotency-Key", key).post(LOTS, receipt("AL-2"));
    Api.Response second = api.asAdmin().header("Idempotency-Key", key).post(LOTS, receipt("AL-2"));
    first.expect(201);
    second.expect(201);
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.json().path("id").asString()).isEqualTo(first.json().path("id").asString());

    Api.Response duplicate = api.asAdmin().post(LOTS, receipt("AL-2"));
    duplicate.expect(409);
    assertThat(duplicate.faultyFields()).containsExactly("lotNumber");
    JsonNode list =
        api.asAdmin()
            .get(LOTS + "?site=" + plant.site + "&q=AL-2")
            .expect(200)
            .json()
            .path("items");
    assertThat(list.size()).isEqualTo(1);

    // the same number for another material is another lot
    Map<String, Object> housing = receipt("AL-2");
    housing.put("material", plant.housing);
    housing.put("unit", "pcs");
    api.asAdmin().post(LOTS, housing).expect(201);
    Api.Response ambiguous = api.asAdmin().get(LOTS + "/AL-2");
    ambiguous.expect(409);
    assertThat(ambiguous.faultyFields()).containsExactly("material");
  }

  @Test
  void badReceiptsAreRefusedNamingTheFieldAndWriteNothing() {
    expectFault(withField("lotNumber", null), "lotNumber");
    expectFault(withField("lotNumber", "has space"), "lotNumber");
    expectFault(withField("lotNumber", "<script>alert(1)</script>"), "lotNumber");
    expectFault(withField("lotNumber", "L".repeat(61)), "lotNumber");
    expectFault(withField("material", null), "material");
    expectFault(withField("material", "NO-SUCH-MATERIAL"), "material");
    expectFault(withField("quantity", -1), "quantity");
    expectFault(withField("quantity", 0), "quantity");
    expectFault(withField("quantity", "ten"), "quantity");
    expectFault(withField("quantity", 1e20), "quantity");
    expectFault(withField("unit", "pcs"), "unit");
    expectFault(withField("unit", "furlong"), "unit");
    expectFault(withField("site", "NOPE"), "site");
    expectFault(withField("supplier", "bad\u0000name"), "supplier");
    expectFault(withField("supplier", "S".repeat(101)), "supplier");
    expectFault(withField("expiry", "30.06.2030"), "expiry");
    expectFault(withField("color", "red"), "color");
    Map<String, Object> pump = receipt("P-1");
    pump.put("material", plant.pump);
    pump.put("unit", "pcs");
    pump.put("quantity", 2);
    expectFault(pump, "quantity");
    Api.Response malformed = api.asAdmin().send("POST", LOTS, "{\"site\": ");
    malformed.expect(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");

    // and bad status changes
    String id =
        plant.lots.aReceivedLot(plant.site, plant.bar, "AL-3", "5", "kg").path("id").asString();
    api.asAdmin().post(LOTS + "/" + id + "/release", Map.of("reason", "  ")).expect(400);
    api.asAdmin().post(LOTS + "/" + id + "/release", Map.of("reason", "x".repeat(501))).expect(400);
    api.asAdmin().post(LOTS + "/" + id + "/release", Map.of()).expect(400);
    api.asAdmin()
        .post(LOTS + "/" + UUID.randomUUID() + "/release", Map.of("reason", "x"))
        .expect(404);
    api.asAdmin().get(LOTS + "/NO-SUCH-LOT").expect(404);

    JsonNode list =
        api.asAdmin().get(LOTS + "?site=" + plant.site).expect(200).json().path("items");
    assertThat(list.size()).isEqualTo(1);
    assertThat(list.get(0).path("status").asString()).isEqualTo("QUARANTINE");
  }

  @Test
  void onlyTheRightRolesAtTheRightSiteMayReceiveDecideAndRead() {
    String id =
        plant.lots.aReceivedLot(plant.site, plant.bar, "AL-4", "5", "kg").path("id").asString();
    Api.Caller operator = api.as(api.aUserWith(Role.OPERATOR, plant.site));
    Api.Caller planner = api.as(api.aUserWith(Role.PLANNER, plant.site));
    String elsewhere = "X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    new PlantFixture(api).aSite(elsewhere);
    Api.Caller qualityElsewhere = api.as(api.aUserWith(Role.QUALITY, elsewhere));

    api.anonymous().get(LOTS + "/" + id).expect(401);
    api.anonymous().post(LOTS, receipt("AL-5")).expect(401);
    operator.post(LOTS, receipt("AL-5")).expect(403);
    planner.post(LOTS + "/" + id + "/release", Map.of("reason", "why not")).expect(403);
    operator.post(LOTS + "/" + id + "/block", Map.of("reason", "why not")).expect(403);
    qualityElsewhere.post(LOTS, receipt("AL-5")).expect(403);
    qualityElsewhere.post(LOTS + "/" + id + "/release", Map.of("reason", "x")).expect(403);
    qualityElsewhere.get(LOTS + "/" + id).expect(403);
    qualityElsewhere.get(LOTS + "/" + id + "/trace").expect(403);
    assertThat(qualityElsewhere.get(LOTS).expect(200).json().path("items").size()).isZero();
    operator.get(LOTS + "/" + id).expect(200);
    planner.get(LOTS + "/" + id + "/trace?direction=forward").expect(200);
    assertThat(plant.lot(plant.bar, "AL-4").path("status").asString()).isEqualTo("QUARANTINE");
  }

  @Test
  void aTraceFindsItsLotAndIsRefusedAsAReadOfTheLotIs() {
    // given: the number AL-6 for two materials, and a quality engineer of another site
    String bar =
        plant.lots.aReceivedLot(plant.site, plant.bar, "AL-6", "5", "kg").path("id").asString();
    Map<String, Object> housing = receipt("AL-6");
    housing.put("material", plant.housing);
    housing.put("unit", "pcs");
    api.asAdmin().post(LOTS, housing).expect(201);
    String elsewhere = "X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    new PlantFixture(api).aSite(elsewhere);
    Api.Caller qualityElsewhere = api.as(api.aUserWith(Role.QUALITY, elsewhere));
    Api.Caller admin = api.asAdmin();

    // then: by id or by number and material, the same trace of the lot
    JsonNode byId = admin.get(LOTS + "/" + bar + "/trace").expect(200).json();
    assertThat(byId.path("root").path("id").asString()).isEqualTo(bar);
    assertThat(admin.get(LOTS + "/AL-6/trace?material=" + plant.bar).expect(200).json())
        .isEqualTo(byId);
    // the number alone names two lots
    Api.Response ambiguous = admin.get(LOTS + "/AL-6/trace?direction=forward");
    ambiguous.expect(409);
    assertThat(ambiguous.faultyFields()).containsExactly("material");
    // no such lot, whichever way named (also before a bad direction), and a name too long
    admin.get(LOTS + "/NO-SUCH-LOT/trace").expect(404);
    admin.get(LOTS + "/AL-6/trace?material=" + plant.pump).expect(404);
    admin.get(LOTS + "/" + UUID.randomUUID() + "/trace?direction=forward").expect(404);
    admin.get(LOTS + "/NO-SUCH-LOT/trace?direction=up").expect(404);
    admin.get(LOTS + "/" + "L".repeat(61) + "/trace").expect(400);
    admin.get(LOTS + "/AL-6/trace?material=" + plant.bar + "&direction=up").expect(400);
    // another site's lot, by number as by id
    qualityElsewhere.get(LOTS + "/AL-6/trace?material=" + plant.bar).expect(403);
    qualityElsewhere.get(LOTS + "/" + bar + "/trace?direction=forward").expect(403);
  }

  private Map<String, Object> withField(String field, Object value) {
    Map<String, Object> body = receipt("AL-X" + UUID.randomUUID().toString().substring(0, 4));
    body.put(field, value);
    return body;
  }

  private void expectFault(Map<String, Object> body, String field) {
    Api.Response response = api.asAdmin().post(LOTS, body);
    response.expect(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.faultyFields()).as(response.toString()).contains(field);
  }
}
