package dev.takt.traceability;

import static dev.takt.traceability.TracedPlant.LOTS;
import static dev.takt.traceability.TracedPlant.lotNumbers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import dev.takt.traceability.internal.LotService;
import dev.takt.traceability.internal.TraceService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Genealogy from real bookings at the shop-floor API, and what a lot's status allows there. */
@TaktIntegrationTest
class GenealogyIT {

  @Autowired Api api;
  @Autowired TraceService traces;
  @Autowired LotService lots;
  @Autowired ObjectMapper json;
  TracedPlant plant;
  Api.Caller operator;
  String operatorName;

  @BeforeEach
  void aPlant() {
    plant = new TracedPlant(api);
    Api.Login login = api.aUserWith(Role.OPERATOR, plant.site);
    operatorName = login.username();
    operator = api.as(login);
  }

  @Test
  void barConsumedForHousingsAndHousingsForSerialisedPumpsAreTracedBothWays() {
    // given: a released bar lot and an order of 10 housings running on CNC1
    plant.lots.aReleasedLot(plant.site, plant.bar, "BAR-1", "100", "kg");
    TracedPlant.AnOrder housings = plant.aReleasedOrder(plant.housing, "10");
    plant.start(operator, housings, "CNC1").expect(200);

    // when: the operator books 15 kg of the bar and reports 10 good housings
    plant.consume(operator, housings, "CNC1", plant.bar, "BAR-1", 15).expect(201);
    plant.report(operator, housings, "CNC1", Map.of("good", 10)).expect(200);

    // then: the order's own lot holds the housings, made from the bar
    JsonNode housingLot = plant.lot(plant.housing, housings.number());
    assertThat(housingLot.path("status").asString()).isEqualTo("RELEASED");
    assertThat(housingLot.path("origin").asString()).isEqualTo("PRODUCED");
    assertThat(housingLot.path("quantity").path("value").decimalValue()).isEqualByComparingTo("10");
    JsonNode barLot = plant.lot(plant.bar, "BAR-1");
    assertThat(barLot.path("remaining").path("value").decimalValue()).isEqualByComparingTo("85");

    JsonNode backward = plant.trace(housingLot.path("id").asString(), "backward");
    assertThat(lotNumbers(backward)).containsExactly("BAR-1");
    assertThat(backward.path("truncated").asBoolean()).isFalse();
    JsonNode link = backward.path("links").get(0);
    assertThat(link.path("kind").asString()).isEqualTo("CONSUMPTION");
    assertThat(link.path("orderNumber").asString()).isEqualTo(housings.number());
    assertThat(link.path("operationSequence").asInt()).isEqualTo(10);
    assertThat(link.path("workUnit").asString()).isEqualTo("CNC1");
    assertThat(link.path("operator").asString()).isEqualTo(operatorName);
    assertThat(link.path("quantity").path("value").decimalValue()).isEqualByComparingTo("15");
    assertThat(link.path("at").isNull()).isFalse();
    JsonNode raw = backward.path("lots").get(1).path("lot");
    assertThat(raw.path("supplier").asString()).isEqualTo("Supplier of " + plant.bar);

    // when: two pumps are assembled from housings of that lot, with their serial numbers
    TracedPlant.AnOrder pumps = plant.aReleasedOrder(plant.pump, "2");
    plant.start(operator, pumps, "CNC2").expect(200);
    plant.consume(operator, pumps, "CNC2", plant.housing, housings.number(), 2).expect(201);
    plant
        .report(operator, pumps, "CNC2", Map.of("good", 2, "serials", List.of("SN-1", "SN-2")))
        .expect(200);

    // then: each serial's as-built record reaches the bar; the bar's forward trace every serial
    JsonNode serial = plant.lot(plant.pump, "SN-1");
    assertThat(serial.path("serial").asBoolean()).isTrue();
    JsonNode asBuilt = plant.trace(serial.path("id").asString(), "backward");
    assertThat(lotNumbers(asBuilt)).containsExactly(housings.number(), "BAR-1");
    JsonNode forward = plant.trace(barLot.path("id").asString(), "forward");
    assertThat(lotNumbers(forward)).containsExactly(housings.number(), "SN-1", "SN-2");

    // and a shipment of a serial shows in the forward trace
    api.asAdmin()
        .post(LOTS + "/" + serial.path("id").asString() + "/shipments", Map.of("customer", "ACME"))
        .expect(201);
    JsonNode shipped = plant.trace(barLot.path("id").asString(), "forward");
    assertThat(shipped.path("shipments").get(0).path("customer").asString()).isEqualTo("ACME");
    assertThat(plant.lot(plant.pump, "SN-1").path("status").asString()).isEqualTo("CONSUMED");
  }

  @Test
  void theTraceDocumentIsTheSameWhetherTheDatabaseOrJacksonWritesIt() {
    // given: a bar lot with an expiry and fractions, made into housings, serialised pumps (one
    // shipped) and a split of the housings: every kind of field and value a trace carries
    Map<String, Object> receipt = new HashMap<>();
    receipt.put("site", plant.site);
    receipt.put("material", plant.bar);
    receipt.put("lotNumber", "BAR-J");
    receipt.put("quantity", new java.math.BigDecimal("120.250"));
    receipt.put("unit", "kg");
    receipt.put("supplier", "Alu \"Nord\" GmbH");
    receipt.put("supplierLot", "AN-\u00e9-1");
    receipt.put("expiry", LocalDate.now().plusDays(30).toString());
    String bar = api.asAdmin().post(LOTS, receipt).expect(201).json().path("id").asString();
    plant.lots.release(bar);
    TracedPlant.AnOrder housings = plant.aReleasedOrder(plant.housing, "10");
    plant.start(operator, housings, "CNC1").expect(200);
    plant.consume(operator, housings, "CNC1", plant.bar, "BAR-J", 15.125).expect(201);
    plant.report(operator, housings, "CNC1", Map.of("good", 10)).expect(200);
    String housingLot = plant.lot(plant.housing, housings.number()).path("id").asString();
    TracedPlant.AnOrder pumps = plant.aReleasedOrder(plant.pump, "2");
    plant.start(operator, pumps, "CNC2").expect(200);
    plant.consume(operator, pumps, "CNC2", plant.housing, housings.number(), 2).expect(201);
    plant
        .report(operator, pumps, "CNC2", Map.of("good", 2, "serials", List.of("J-1", "J-2")))
        .expect(200);
    String serial = plant.lot(plant.pump, "J-1").path("id").asString();
    api.asAdmin()
        .post(LOTS + "/" + serial + "/shipments", Map.of("customer", "ACME", "delivery", "D-1"))
        .expect(201);
    api.asAdmin()
        .post(
            LOTS + "/" + housingLot + "/split",
            Map.of(
                "parts",
                List.of(Map.of("lotNumber", housings.number() + "-A", "quantity", 3)),
                "reason",
                "Second line"))
        .expect(201);

    // then: on each database, for each lot and direction, the document of the API is the one
    // Jackson writes from the mapped rows (on H2 it is that; on PostgreSQL the database writes it,
    // and the API's request finds the lot in the same statement)
    for (String id : List.of(bar, housingLot, serial)) {
      for (TraceService.Direction direction : TraceService.Direction.values()) {
        var root = lots.get(UUID.fromString(id));
        JsonNode written = json.readTree(traces.json(root, direction, null, null));
        JsonNode mapped =
            json.readTree(json.writeValueAsBytes(traces.trace(root.id(), direction, null, null)));
        assertThat(written).as(id + " " + direction).isEqualTo(mapped);
        String asked = direction.name().toLowerCase(java.util.Locale.ROOT);
        assertThat(plant.trace(id, asked)).as("API " + id + " " + direction).isEqualTo(mapped);
        assertThat(
                api.asAdmin()
                    .get(
                        LOTS
                            + "/"
                            + root.lotNumber()
                            + "/trace?direction="
                            + asked
                            + "&material="
                            + root.material())
                    .expect(200)
                    .json())
            .as("API by number " + id + " " + direction)
            .isEqualTo(mapped);
      }
    }
    var root = lots.get(UUID.fromString(bar));
    JsonNode forward = json.readTree(traces.json(root, TraceService.Direction.FORWARD, null, null));
    assertThat(forward.path("lots").size()).isEqualTo(5);
    assertThat(forward.path("links").size()).isEqualTo(4);
    assertThat(forward.path("shipments").get(0).path("delivery").asString()).isEqualTo("D-1");
    // and a limit cuts both the same way
    JsonNode cut = json.readTree(traces.json(root, TraceService.Direction.FORWARD, 2, 2));
    assertThat(cut.path("truncated").asBoolean()).isTrue();
    assertThat(cut)
        .isEqualTo(
            json.readTree(
                json.writeValueAsBytes(
                    traces.trace(root.id(), TraceService.Direction.FORWARD, 2, 2))));
  }

  @Test
  void aConsumptionBookedAfterTheReportIsLinkedToTheOutputToo() {
    plant.lots.aReleasedLot(plant.site, plant.bar, "BAR-LATE", "10", "kg");
    TracedPlant.AnOrder order = plant.aReleasedOrder(plant.housing, "5");
    plant.start(operator, order, "CNC1").expect(200);
    plant.report(operator, order, "CNC1", Map.of("good", 5, "outputLot", "H-LOT-7")).expect(200);
    plant.consume(operator, order, "CNC1", plant.bar, "BAR-LATE", 7.5).expect(201);

    JsonNode out = plant.lot(plant.housing, "H-LOT-7");
    assertThat(lotNumbers(plant.trace(out.path("id").asString(), "backward")))
        .containsExactly("BAR-LATE");
  }

  @Test
  void aLotThatIsNotReleasedExpiredUnknownOrTooSmallIsRefusedAtTheTerminal() {
    // given
    TracedPlant.AnOrder order = plant.aReleasedOrder(plant.housing, "10");
    plant.start(operator, order, "CNC1").expect(200);
    plant.lots.aReceivedLot(plant.site, plant.bar, "Q-1", "50", "kg");
    String blocked =
        plant.lots.aReleasedLot(plant.site, plant.bar, "B-1", "50", "kg").path("id").asString();
    api.asAdmin()
        .post(LOTS + "/" + blocked + "/block", Map.of("reason", "Supplier complaint"))
        .expect(200);
    Map<String, Object> expired = new HashMap<>();
    expired.put("site", plant.site);
    expired.put("material", plant.bar);
    expired.put("lotNumber", "E-1");
    expired.put("quantity", 50);
    expired.put("unit", "kg");
    expired.put("expiry", LocalDate.now().minusDays(2).toString());
    String expiredId = api.asAdmin().post(LOTS, expired).expect(201).json().path("id").asString();
    plant.lots.release(expiredId);
    plant.lots.aReleasedLot(plant.site, plant.bar, "S-1", "2", "kg");

    // when / then
    assertRefused(plant.consume(operator, order, "CNC1", plant.bar, "Q-1", 1), "QUARANTINE");
    assertRefused(plant.consume(operator, order, "CNC1", plant.bar, "B-1", 1), "BLOCKED");
    assertRefused(plant.consume(operator, order, "CNC1", plant.bar, "E-1", 1), "expired");
    assertRefused(plant.consume(operator, order, "CNC1", plant.bar, "NOPE-1", 1), "unknown");
    assertRefused(plant.consume(operator, order, "CNC1", plant.bar, "S-1", 3), "remain");
    assertThat(
            api.asAdmin()
                .get(TracedPlant.op(order.operation(), "consumptions"))
                .expect(200)
                .json()
                .size())
        .isZero();
    assertThat(plant.lot(plant.bar, "S-1").path("remaining").path("value").decimalValue())
        .isEqualByComparingTo("2");

    // a lot used up is CONSUMED and refused after that
    plant.consume(operator, order, "CNC1", plant.bar, "S-1", 2).expect(201);
    assertThat(plant.lot(plant.bar, "S-1").path("status").asString()).isEqualTo("CONSUMED");
    assertRefused(plant.consume(operator, order, "CNC1", plant.bar, "S-1", 1), "CONSUMED");
  }

  @Test
  void serialsMustMatchTheGoodQuantityAndBeNew() {
    plant.lots.aReleasedLot(plant.site, plant.housing, "H-S", "10", "pcs");
    TracedPlant.AnOrder pumps = plant.aReleasedOrder(plant.pump, "5");
    plant.start(operator, pumps, "CNC1").expect(200);
    Api.Response tooFew =
        plant.report(operator, pumps, "CNC1", Map.of("good", 2, "serials", List.of("X-1")));
    tooFew.expect(400);
    assertThat(tooFew.faultyFields()).containsExactly("serials");
    plant.report(operator, pumps, "CNC1", Map.of("good", 1, "serials", List.of("X-1"))).expect(200);
    Api.Response twice =
        plant.report(operator, pumps, "CNC1", Map.of("good", 1, "serials", List.of("X-1")));
    twice.expect(409);
    assertThat(twice.faultyFields()).containsExactly("serials");
    Api.Response hostile =
        plant.report(operator, pumps, "CNC1", Map.of("good", 1, "serials", List.of("<script>")));
    hostile.expect(400);
    // nothing of the refused reports was booked
    assertThat(
            api.asAdmin()
                .get("/api/v1/operations/" + pumps.operation())
                .expect(200)
                .json()
                .path("good")
                .path("value")
                .decimalValue())
        .isEqualByComparingTo("1");
  }

  @Test
  void blockingABarLotWithCascadeBlocksEverythingMadeFromIt() {
    // given: bar → housings → two pumps
    String barId =
        plant.lots.aReleasedLot(plant.site, plant.bar, "BAR-C", "100", "kg").path("id").asString();
    TracedPlant.AnOrder housings = plant.aReleasedOrder(plant.housing, "4");
    plant.start(operator, housings, "CNC1").expect(200);
    plant.consume(operator, housings, "CNC1", plant.bar, "BAR-C", 6).expect(201);
    plant.report(operator, housings, "CNC1", Map.of("good", 4)).expect(200);
    TracedPlant.AnOrder pumps = plant.aReleasedOrder(plant.pump, "2");
    plant.start(operator, pumps, "CNC2").expect(200);
    plant.consume(operator, pumps, "CNC2", plant.housing, housings.number(), 2).expect(201);
    plant
        .report(operator, pumps, "CNC2", Map.of("good", 2, "serials", List.of("C-1", "C-2")))
        .expect(200);
    plant.lots.aReleasedLot(plant.site, plant.bar, "BAR-OTHER", "10", "kg");

    // when: quality blocks the bar with cascade
    JsonNode result =
        api.as(api.aUserWith(Role.QUALITY, plant.site))
            .post(LOTS + "/" + barId + "/block", Map.of("reason", "Wrong alloy", "cascade", true))
            .expect(200)
            .json();

    // then
    assertThat(result.path("lot").path("status").asString()).isEqualTo("BLOCKED");
    List<String> cascaded = new ArrayList<>();
    result.path("cascaded").forEach(l -> cascaded.add(l.path("lotNumber").asString()));
    assertThat(cascaded).containsExactlyInAnyOrder(housings.number(), "C-1", "C-2");
    assertThat(plant.lot(plant.pump, "C-2").path("status").asString()).isEqualTo("BLOCKED");
    assertThat(plant.lot(plant.bar, "BAR-OTHER").path("status").asString()).isEqualTo("RELEASED");
    JsonNode history =
        api.asAdmin().get(LOTS + "/C-1/history?material=" + plant.pump).expect(200).json();
    assertThat(history.get(history.size() - 1).path("reason").asString())
        .contains("Wrong alloy")
        .contains("BAR-C");
    // a blocked housing can no longer be consumed
    TracedPlant.AnOrder more = plant.aReleasedOrder(plant.pump, "1");
    plant.start(operator, more, "CNC3").expect(200);
    assertRefused(
        plant.consume(operator, more, "CNC3", plant.housing, housings.number(), 1), "BLOCKED");
  }

  private static void assertRefused(Api.Response response, String why) {
    response.expect(409);
    assertThat(response.faultyFields()).containsExactly("lot");
    assertThat(response.json().path("detail").asString()).contains(why);
  }
}
