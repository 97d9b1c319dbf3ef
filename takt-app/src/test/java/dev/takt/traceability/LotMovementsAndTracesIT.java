package dev.takt.traceability;

import static dev.takt.traceability.TracedPlant.LOTS;
import static dev.takt.traceability.TracedPlant.lotNumbers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Splits, merges, transfers and rework in the genealogy; trace limits; recall reports. */
@TaktIntegrationTest
class LotMovementsAndTracesIT {

  @Autowired Api api;
  @Autowired JdbcClient jdbc;
  TracedPlant plant;

  @BeforeEach
  void aPlant() {
    plant = new TracedPlant(api);
  }

  @Test
  void splitsMergesTransfersAndReworkAreLinksOfTheGenealogy() {
    // given
    String a = released("A", "100");
    String b = released("B", "20");

    // when: A is split in two, part of A-1 is merged with B, A-2 moves into A-1, A is reworked
    JsonNode parts =
        api.asAdmin()
            .post(
                LOTS + "/" + a + "/split",
                Map.of(
                    "parts",
                    List.of(
                        Map.of("lotNumber", "A-1", "quantity", 30),
                        Map.of("lotNumber", "A-2", "quantity", 20)),
                    "reason",
                    "Two lines"))
            .expect(201)
            .json();
    String a1 = parts.get(0).path("id").asString();
    String a2 = parts.get(1).path("id").asString();
    JsonNode merged =
        api.asAdmin()
            .post(
                LOTS + "/merge",
                Map.of(
                    "lotNumber",
                    "M-1",
                    "sources",
                    List.of(Map.of("lot", a1, "quantity", 10), Map.of("lot", b, "quantity", 20)),
                    "reason",
                    "One container"))
            .expect(201)
            .json();
    api.asAdmin()
        .post(
            LOTS + "/" + a2 + "/transfer",
            Map.of("toLot", "A-1", "quantity", 5, "reason", "Rest into the open container"))
        .expect(200);
    JsonNode reworked =
        api.asAdmin()
            .post(
                LOTS + "/" + a + "/rework",
                Map.of("lotNumber", "A-RW", "quantity", 10, "reason", "Re-cut ends"))
            .expect(201)
            .json();

    // then: quantities and statuses
    assertThat(remaining(a)).isEqualByComparingTo("40");
    assertThat(remaining(a1)).isEqualByComparingTo("25");
    assertThat(remaining(b)).isEqualByComparingTo("0");
    assertThat(status(b)).isEqualTo("CONSUMED");
    assertThat(merged.path("quantity").path("value").decimalValue()).isEqualByComparingTo("30");
    assertThat(merged.path("status").asString()).isEqualTo("RELEASED");
    assertThat(reworked.path("status").asString()).isEqualTo("QUARANTINE");

    // and the graph: forward from A reaches everything made of it, backward from M both sources
    assertThat(lotNumbers(plant.trace(a, "forward")))
        .containsExactlyInAnyOrder("A-1", "A-2", "A-RW", "M-1");
    JsonNode back = plant.trace(merged.path("id").asString(), "backward");
    assertThat(lotNumbers(back)).containsExactlyInAnyOrder("A-1", "B", "A", "A-2");
    List<String> kinds = new ArrayList<>();
    back.path("links").forEach(l -> kinds.add(l.path("kind").asString()));
    assertThat(kinds).contains("MERGE", "SPLIT", "TRANSFER");

    // refusals: more than remains, a lot number twice, a blocked source
    Api.Response tooMuch =
        api.asAdmin()
            .post(
                LOTS + "/" + a + "/split",
                Map.of(
                    "parts", List.of(Map.of("lotNumber", "A-9", "quantity", 41)), "reason", "x"));
    tooMuch.expect(409);
    assertThat(tooMuch.faultyFields()).containsExactly("parts");
    api.asAdmin()
        .post(
            LOTS + "/" + a + "/split",
            Map.of("parts", List.of(Map.of("lotNumber", "A-1", "quantity", 1)), "reason", "x"))
        .expect(409);
    api.asAdmin().post(LOTS + "/" + a + "/block", Map.of("reason", "Hold")).expect(200);
    api.asAdmin()
        .post(LOTS + "/" + a + "/transfer", Map.of("toLot", "A-1", "quantity", 1, "reason", "x"))
        .expect(409);
    assertThat(remaining(a)).isEqualByComparingTo("40");
  }

  @Test
  void aCycleInBadDataEndsAtTheDepthLimit() {
    // given: X → Y → X, written past the API as a broken import would
    String x = released("X", "10");
    String y = released("Y", "10");
    link(x, y);
    link(y, x);

    // when
    long started = System.nanoTime();
    JsonNode forward = plant.trace(x, "forward");
    JsonNode backward = plant.trace(x, "backward");

    // then: an answer, with both lots once
    assertThat(System.nanoTime() - started).isLessThan(20_000_000_000L);
    assertThat(forward.path("lots").size()).isEqualTo(2);
    assertThat(backward.path("lots").size()).isEqualTo(2);
    assertThat(forward.path("links").size()).isEqualTo(2);
  }

  @Test
  void theDepthAndTheNumberOfLotsAreLimited() {
    // given: a chain C0 → C1 → … → C5
    List<String> chain = new ArrayList<>();
    for (int i = 0; i <= 5; i++) {
      chain.add(released("C" + i, "1"));
      if (i > 0) {
        link(chain.get(i - 1), chain.get(i));
      }
    }

    // then
    JsonNode two =
        api.asAdmin()
            .get(LOTS + "/" + chain.get(0) + "/trace?direction=forward&depth=2")
            .expect(200)
            .json();
    assertThat(lotNumbers(two)).containsExactly("C1", "C2");
    JsonNode cut =
        api.asAdmin()
            .get(LOTS + "/" + chain.get(0) + "/trace?direction=forward&maxLots=3")
            .expect(200)
            .json();
    assertThat(cut.path("truncated").asBoolean()).isTrue();
    assertThat(cut.path("lots").size()).isEqualTo(3);
    JsonNode whole = plant.trace(chain.get(5), "backward");
    assertThat(whole.path("truncated").asBoolean()).isFalse();
    assertThat(lotNumbers(whole)).containsExactly("C4", "C3", "C2", "C1", "C0");
    for (String bad :
        List.of("depth=0", "depth=51", "maxLots=0", "maxLots=50001", "direction=up", "depth=x")) {
      Api.Response r = api.asAdmin().get(LOTS + "/" + chain.get(0) + "/trace?" + bad);
      r.expect(400);
    }
  }

  @Test
  void theRecallReportListsWhereEveryAffectedLotIsNowSortedAsAsked() {
    // given: R split into R-1 (shipped) and R-2, R-2 split into R-2-A
    String r = released("R", "10");
    JsonNode parts =
        api.asAdmin()
            .post(
                LOTS + "/" + r + "/split",
                Map.of(
                    "parts",
                    List.of(
                        Map.of("lotNumber", "R-1", "quantity", 4),
                        Map.of("lotNumber", "R-2", "quantity", 6)),
                    "reason",
                    "Two customers"))
            .expect(201)
            .json();
    api.asAdmin()
        .post(
            LOTS + "/" + parts.get(0).path("id").asString() + "/shipments",
            Map.of("customer", "=HYPERLINK(\"x\"), Inc", "delivery", "D-1", "quantity", 3))
        .expect(201);
    api.asAdmin()
        .post(
            LOTS + "/" + parts.get(1).path("id").asString() + "/split",
            Map.of(
                "parts", List.of(Map.of("lotNumber", "R-2-A", "quantity", 1)), "reason", "Sample"))
        .expect(201);

    // when
    JsonNode json =
        api.asAdmin().get(LOTS + "/" + r + "/recall?sort=-lotNumber").expect(200).json();
    Api.Response csv =
        api.asAdmin().header("Accept", "text/csv").get(LOTS + "/" + r + "/recall.csv?sort=depth");

    // then
    List<String> order = new ArrayList<>();
    json.path("lines").forEach(l -> order.add(l.path("lotNumber").asString()));
    assertThat(order).containsExactly("R-2-A", "R-2", "R-1", "R");
    JsonNode r1 = json.path("lines").get(2);
    assertThat(r1.path("remaining").decimalValue()).isEqualByComparingTo("1");
    assertThat(r1.path("status").asString()).isEqualTo("RELEASED");
    csv.expect(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "depth,site,material,lot,serial,status,quantity,remaining,unit,order,shipped_to");
    assertThat(lines).hasSize(5);
    assertThat(lines[1]).startsWith("0," + plant.site + "," + plant.bar + ",R,");
    assertThat(lines[4]).contains(",R-2-A,");
    String shipped =
        List.of(lines).stream().filter(l -> l.contains(",R-1,")).findFirst().orElseThrow();
    // a formula is defused and quoted, not run by a spreadsheet
    assertThat(shipped).endsWith(",\"'=HYPERLINK(\"\"x\"\"), Inc\"");
    api.asAdmin().get(LOTS + "/" + r + "/recall?sort=price").expect(400);
  }

  @Test
  void badMovementsAndShipmentsAreRefusedNamingTheFieldAndWriteNothing() {
    String a = released("BAD-A", "10");
    String b = released("BAD-B", "10");
    String split = LOTS + "/" + a + "/split";
    expectFault(split, Map.of("reason", "x"), "parts");
    expectFault(split, Map.of("parts", List.of(), "reason", "x"), "parts");
    expectFault(
        split, Map.of("parts", List.of(Map.of("lotNumber", "P-1", "quantity", 1))), "reason");
    expectFault(
        split,
        Map.of("parts", List.of(Map.of("lotNumber", "P 1", "quantity", 1)), "reason", "x"),
        "lotNumber");
    expectFault(
        split,
        Map.of("parts", List.of(Map.of("lotNumber", "P-1", "quantity", -1)), "reason", "x"),
        "quantity");
    expectFault(
        split,
        Map.of(
            "parts",
            List.of(
                Map.of("lotNumber", "P-1", "quantity", 1),
                Map.of("lotNumber", "P-1", "quantity", 1)),
            "reason",
            "x"),
        "parts[1].lotNumber");
    expectFault(
        split,
        Map.of(
            "parts", List.of(Map.of("lotNumber", "P-1", "quantity", 1)), "reason", "x".repeat(501)),
        "reason");
    String merge = LOTS + "/merge";
    expectFault(
        merge,
        Map.of(
            "lotNumber", "M-X", "sources", List.of(Map.of("lot", a, "quantity", 1)), "reason", "x"),
        "sources");
    expectFault(
        merge,
        Map.of(
            "lotNumber", "M-X",
            "sources", List.of(Map.of("lot", "not-a-uuid", "quantity", 1)),
            "reason", "x"),
        "lot");
    expectFault(
        merge,
        Map.of(
            "lotNumber",
            "M-X",
            "sources",
            List.of(
                Map.of("lot", a, "quantity", 1),
                Map.of("lot", UUID.randomUUID().toString(), "quantity", 1)),
            "reason",
            "x"),
        "sources[1].lot");
    String transfer = LOTS + "/" + a + "/transfer";
    expectFault(transfer, Map.of("quantity", 1, "reason", "x"), "toLot");
    expectFault(transfer, Map.of("toLot", "BAD-B", "quantity", "one", "reason", "x"), "quantity");
    expectFault(transfer, Map.of("toLot", "BAD-A", "quantity", 1, "reason", "x"), "toLot");
    expectFault(
        LOTS + "/" + a + "/rework",
        Map.of("lotNumber", "<b>RW</b>", "quantity", 1, "reason", "x"),
        "lotNumber");
    String ship = LOTS + "/" + a + "/shipments";
    expectFault(ship, Map.of(), "customer");
    expectFault(ship, Map.of("customer", "C".repeat(101)), "customer");
    expectFault(ship, Map.of("customer", "ACME\u0007"), "customer");
    expectFault(ship, Map.of("customer", "ACME", "quantity", 0), "quantity");
    Api.Response malformed = api.asAdmin().send("POST", split, "{\"parts\": [");
    malformed.expect(400);
    Api.Response tooMuch = api.asAdmin().post(ship, Map.of("customer", "ACME", "quantity", 11));
    tooMuch.expect(409);

    // nothing moved
    assertThat(remaining(a)).isEqualByComparingTo("10");
    assertThat(remaining(b)).isEqualByComparingTo("10");
    assertThat(api.asAdmin().get(LOTS + "/" + a + "/shipments").expect(200).json().size()).isZero();
    assertThat(plant.trace(a, "forward").path("links").size()).isZero();
  }

  private void expectFault(String path, Object body, String field) {
    Api.Response response = api.asAdmin().post(path, body);
    response.expect(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.faultyFields()).as(response.toString()).anyMatch(f -> f.endsWith(field));
  }

  private String released(String number, String quantity) {
    return plant
        .lots
        .aReleasedLot(plant.site, plant.bar, number, quantity, "kg")
        .path("id")
        .asString();
  }

  private void link(String parent, String child) {
    jdbc.sql(
            """
            INSERT INTO traceability_link (id, parent_id, child_id, kind, quantity, unit, linked_at)
            VALUES (:id, :parent, :child, 'TRANSFER', 1, 'kg', :at)
            """)
        .param("id", UUID.randomUUID())
        .param("parent", UUID.fromString(parent))
        .param("child", UUID.fromString(child))
        .param("at", OffsetDateTime.now(ZoneOffset.UTC))
        .update();
  }

  private java.math.BigDecimal remaining(String id) {
    return api.asAdmin()
        .get(LOTS + "/" + id)
        .expect(200)
        .json()
        .path("remaining")
        .path("value")
        .decimalValue();
  }

  private String status(String id) {
    return api.asAdmin().get(LOTS + "/" + id).expect(200).json().path("status").asString();
  }
}
