package dev.takt.orders;

import static dev.takt.orders.OrderFixtures.PATH;
import static dev.takt.orders.OrderFixtures.assertRefused;
import static dev.takt.orders.OrderFixtures.operation;
import static dev.takt.orders.OrderFixtures.unique;
import static dev.takt.orders.OrderFixtures.withField;
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

/** Production orders through the API, against a real plant model and real products. */
@TaktIntegrationTest
class ProductionOrdersIT {

  @Autowired Api api;
  OrderFixtures fixtures;
  OrderFixtures.Product pump;

  @BeforeEach
  void setUp() {
    fixtures = new OrderFixtures(api);
    pump = fixtures.aProductWithRoutingAndBom();
  }

  @Test
  void theErpCreatesAnOrderAndSendingItAgainUnchangedChangesNothing() {
    // given
    var erp = api.aUserWith(Role.INTEGRATION, fixtures.site);
    String number = unique("PO");
    Map<String, Object> order = fixtures.anOrder(number, pump.number(), 12);

    // when
    var created = api.as(erp).post(PATH, order).expect(201);
    var again = api.as(erp).post(PATH, withField(order, "quantity", 12.000)).expect(200);

    // then
    assertThat(created.header("Location")).endsWith(PATH + "/" + number);
    JsonNode view = created.json();
    assertThat(view.path("status").asString()).isEqualTo("CREATED");
    assertThat(view.path("priority").asInt()).isEqualTo(500);
    assertThat(view.path("quantity").path("value").decimalValue()).isEqualByComparingTo("12");
    assertThat(view.path("quantity").path("unit").asString()).isEqualTo("pcs");
    assertThat(again.json()).isEqualTo(view);
    assertThat(fixtures.audit(number)).hasSize(1);
    assertThat(fixtures.order(number)).isEqualTo(view);
  }

  @Test
  void theErpChangesACreatedOrderButNotAReleasedOne() {
    // given
    String number = unique("PO");
    Map<String, Object> order = fixtures.anOrder(number, pump.number(), 10);
    api.asAdmin().post(PATH, order).expect(201);

    // when: changed while CREATED
    JsonNode changed =
        api.asAdmin()
            .post(PATH, withField(withField(order, "quantity", 15), "priority", 900))
            .expect(200)
            .json();

    // then
    assertThat(changed.path("quantity").path("value").decimalValue()).isEqualByComparingTo("15");
    assertThat(changed.path("priority").asInt()).isEqualTo(900);
    assertThat(fixtures.audit(number)).hasSize(2);

    // when: released, then sent again unchanged and changed
    api.asAdmin().post(PATH + "/" + number + "/release", null).expect(200);
    JsonNode released = fixtures.order(number);
    api.asAdmin()
        .post(PATH, withField(withField(order, "quantity", 15), "priority", 900))
        .expect(200);
    var refused = api.asAdmin().post(PATH, withField(order, "quantity", 20));

    // then
    assertRefused(refused, 409, "status");
    assertThat(refused.json().path("detail").asString()).contains("RELEASED");
    assertThat(fixtures.order(number)).isEqualTo(released);
    assertThat(fixtures.audit(number)).hasSize(3);
  }

  @Test
  void releaseCopiesRoutingAndBomIntoTheOrderAndLaterChangesLeaveItAlone() {
    // given: 7 pumps; steel 1.5 kg per pump + 5 % scrap = 7 × 1.5 × 1.05 = 11.025 kg
    String number = unique("PO");
    api.asAdmin().post(PATH, fixtures.anOrder(number, pump.number(), 7)).expect(201);

    // when
    JsonNode released =
        api.asAdmin().post(PATH + "/" + number + "/release", null).expect(200).json();

    // then
    assertThat(released.path("status").asString()).isEqualTo("RELEASED");
    assertThat(released.path("routingVersion").asInt()).isEqualTo(1);
    assertThat(released.path("bomVersion").asInt()).isEqualTo(1);
    assertThat(released.path("releasedAt").asString()).isNotEmpty();
    JsonNode operations = operations(number);
    assertThat(operations).hasSize(2);
    JsonNode turn = operations.get(0);
    assertThat(turn.path("sequence").asInt()).isEqualTo(10);
    assertThat(turn.path("description").asString()).isEqualTo("Turn body");
    assertThat(turn.path("workCenter").asString()).isEqualTo("TURN");
    assertThat(turn.path("setupSeconds").asLong()).isEqualTo(600);
    assertThat(turn.path("cycleSeconds").decimalValue()).isEqualByComparingTo("90.5");
    assertThat(turn.path("qualification").asString()).isEqualTo("Q-TURN");
    assertThat(turn.path("toolType").asString()).isEqualTo("T-TURN");
    assertThat(turn.path("inspectionPlan").asString()).isEqualTo("IP-TURN");
    assertThat(turn.path("plannedQuantity").path("value").decimalValue()).isEqualByComparingTo("7");
    assertThat(turn.path("status").asString()).isEqualTo("PENDING");
    JsonNode components = components(number);
    assertThat(components).hasSize(2);
    assertThat(components.get(0).path("material").asString()).isEqualTo(pump.steel());
    assertThat(components.get(0).path("requiredQuantity").path("value").decimalValue())
        .isEqualByComparingTo("11.025");
    assertThat(components.get(0).path("requiredQuantity").path("unit").asString()).isEqualTo("kg");
    assertThat(components.get(0).path("tracking").asString()).isEqualTo("LOT");
    assertThat(components.get(1).path("requiredQuantity").path("value").decimalValue())
        .isEqualByComparingTo("14");
    assertThat(components.get(1).path("tracking").asString()).isEqualTo("NONE");

    // when: the planner replaces the routing and the BOM
    String routingPath = "/api/v1/routings/" + pump.routing().path("id").asString();
    JsonNode v2 = api.asAdmin().post(routingPath + "/copy", null).expect(201).json();
    api.asAdmin()
        .put(
            "/api/v1/routings/" + v2.path("id").asString(),
            Map.of(
                "operations",
                List.of(operation(5, "ASSY", "Only assemble")),
                "version",
                v2.path("version").asLong()))
        .expect(200);
    api.asAdmin().post("/api/v1/routings/" + v2.path("id").asString() + "/release", null);
    fixtures.aReleasedBom(
        pump.number(),
        java.math.BigDecimal.ONE,
        List.of(OrderFixtures.item(10, pump.steel(), "9", "kg", null)));

    // then: the released order keeps its snapshot; a new order takes the new versions
    assertThat(operations(number)).isEqualTo(operations);
    assertThat(components(number)).isEqualTo(components);
    assertThat(fixtures.order(number).path("routingVersion").asInt()).isEqualTo(1);
    JsonNode next = fixtures.aReleasedOrder(pump.number());
    assertThat(next.path("routingVersion").asInt()).isEqualTo(2);
    assertThat(next.path("bomVersion").asInt()).isEqualTo(2);
    assertThat(operations(next.path("orderNumber").asString())).hasSize(1);
  }

  @Test
  void releasesANamedOlderRoutingVersion() {
    // given: v2 released after v1; the ERP asks for v1
    String routingPath = "/api/v1/routings/" + pump.routing().path("id").asString();
    String v2 =
        api.asAdmin().post(routingPath + "/copy", null).expect(201).json().path("id").asString();
    api.asAdmin().post("/api/v1/routings/" + v2 + "/release", null).expect(200);
    String number = unique("PO");
    api.asAdmin()
        .post(PATH, withField(fixtures.anOrder(number, pump.number(), 3), "routingVersion", 1))
        .expect(201);

    // when
    JsonNode released =
        api.asAdmin().post(PATH + "/" + number + "/release", null).expect(200).json();

    // then
    assertThat(released.path("routingVersion").asInt()).isEqualTo(1);
  }

  @Test
  void refusesToReleaseWithoutARoutingButReleasesWithoutABom() {
    // given
    String bought = fixtures.aMaterial("pcs", "NONE");
    String number = fixtures.aCreatedOrder(bought).path("orderNumber").asString();

    // when
    var refused = api.asAdmin().post(PATH + "/" + number + "/release", null);

    // then
    assertRefused(refused, 409, "routingVersion");
    assertThat(fixtures.order(number).path("status").asString()).isEqualTo("CREATED");
    assertThat(fixtures.audit(number)).hasSize(1);

    // given: a routing but still no BOM
    fixtures.aReleasedRouting(bought, List.of(operation(10, "ASSY", "Pack")));

    // when
    JsonNode released =
        api.asAdmin().post(PATH + "/" + number + "/release", null).expect(200).json();

    // then
    assertThat(released.path("bomVersion").isNull()).isTrue();
    assertThat(components(number)).isEmpty();
    assertThat(operations(number)).hasSize(1);
  }

  @Test
  void aSupervisorHoldsResumesAndCancelsAndForbiddenMovesNameTheState() {
    // given
    var supervisor = api.aUserWith(Role.SUPERVISOR, fixtures.site);
    String number = fixtures.aReleasedOrder(pump.number()).path("orderNumber").asString();
    String order = PATH + "/" + number;

    // when / then
    assertRefused(api.as(supervisor).post(order + "/resume", null), 409, "status");
    assertRefused(api.as(supervisor).post(order + "/close", null), 409, "status");
    assertRefused(api.as(supervisor).post(order + "/release", null), 409, "status");
    JsonNode held =
        api.as(supervisor)
            .post(order + "/hold", Map.of("reason", "Material quality under review"))
            .expect(200)
            .json();
    assertThat(held.path("status").asString()).isEqualTo("ON_HOLD");
    assertThat(held.path("holdReason").asString()).isEqualTo("Material quality under review");
    var twice = api.as(supervisor).post(order + "/hold", Map.of("reason", "again"));
    assertRefused(twice, 409, "status");
    assertThat(twice.json().path("detail").asString()).contains("ON_HOLD");
    JsonNode resumed = api.as(supervisor).post(order + "/resume", null).expect(200).json();
    assertThat(resumed.path("status").asString()).isEqualTo("RELEASED");
    JsonNode cancelled =
        api.as(supervisor)
            .post(order + "/cancel", Map.of("reason", "Customer withdrew"))
            .expect(200)
            .json();
    assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
    assertThat(cancelled.path("cancelReason").asString()).isEqualTo("Customer withdrew");
    assertRefused(api.as(supervisor).post(order + "/resume", null), 409, "status");
    assertRefused(api.as(supervisor).post(order + "/cancel", Map.of("reason", "x")), 409, "status");

    // and every change is audited with old and new state
    JsonNode audit = fixtures.audit(number);
    assertThat(audit).hasSize(5);
    assertThat(Api.json(audit.get(4).path("newValue").asString()).path("status").asString())
        .isEqualTo("CANCELLED");
    assertThat(Api.json(audit.get(4).path("oldValue").asString()).path("status").asString())
        .isEqualTo("RELEASED");
  }

  @Test
  void refusesBadInputOnCreateWritingNothing() {
    String number = unique("PO");
    Map<String, Object> good = fixtures.anOrder(number, pump.number(), 10);
    Map<String, Object> missing = new HashMap<>(good);
    missing.remove("dueDate");

    assertRefused(api.asAdmin().post(PATH, "{\"orderNumber\": "), 400, "body");
    assertRefused(api.asAdmin().post(PATH, withField(good, "colour", "red")), 400, "colour");
    assertRefused(api.asAdmin().post(PATH, missing), 400, "dueDate");
    assertRefused(api.asAdmin().post(PATH, withField(good, "quantity", "ten")), 400, "quantity");
    assertRefused(api.asAdmin().post(PATH, withField(good, "dueDate", "tomorrow")), 400, "dueDate");
    assertRefused(api.asAdmin().post(PATH, withField(good, "priority", "high")), 400, "priority");
    assertRefused(api.asAdmin().post(PATH, withField(good, "site", 42)), 400, "site");
    assertRefused(
        api.asAdmin().post(PATH, withField(good, "orderNumber", "P" + "1".repeat(40))),
        400,
        "orderNumber");
    assertRefused(
        api.asAdmin().post(PATH, withField(good, "orderNumber", "-bad start")), 400, "orderNumber");
    assertRefused(api.asAdmin().post(PATH, withField(good, "quantity", 0)), 400, "quantity");
    assertRefused(api.asAdmin().post(PATH, withField(good, "quantity", -3)), 400, "quantity");
    assertRefused(api.asAdmin().post(PATH, withField(good, "priority", 1001)), 400, "priority");
    assertRefused(api.asAdmin().post(PATH, withField(good, "unit", "kg")), 400, "unit");
    assertRefused(api.asAdmin().post(PATH, withField(good, "unit", "parsec")), 400, "unit");
    assertRefused(
        api.asAdmin().post(PATH, withField(good, "material", unique("NONE"))), 400, "material");
    assertRefused(api.asAdmin().post(PATH, withField(good, "site", unique("X"))), 400, "site");
    assertRefused(
        api.asAdmin().post(PATH, withField(good, "routingVersion", 9)), 400, "routingVersion");
    assertRefused(api.asAdmin().post(PATH, withField(good, "bomVersion", 9)), 400, "bomVersion");
    assertRefused(api.asAdmin().post(PATH, withField(good, "bomVersion", 0)), 400, "bomVersion");

    api.asAdmin().get(PATH + "/" + number).expect(404);
    assertThat(fixtures.audit(number)).isEmpty();
  }

  @Test
  void refusesBadInputOnTheVerbsWritingNothing() {
    // given
    String number = fixtures.aReleasedOrder(pump.number()).path("orderNumber").asString();
    String order = PATH + "/" + number;
    JsonNode before = fixtures.order(number);

    // when / then
    for (String verb : List.of("/hold", "/cancel")) {
      assertRefused(api.asAdmin().post(order + verb, "{\"reason\": "), 400, "body");
      assertRefused(
          api.asAdmin().post(order + verb, Map.of("reason", "x", "urgent", true)), 400, "urgent");
      assertRefused(api.asAdmin().post(order + verb, Map.of()), 400, "reason");
      assertRefused(api.asAdmin().post(order + verb, Map.of("reason", " ")), 400, "reason");
      assertRefused(api.asAdmin().post(order + verb, Map.of("reason", 7)), 400, "reason");
      assertRefused(
          api.asAdmin().post(order + verb, Map.of("reason", "r".repeat(501))), 400, "reason");
      assertRefused(
          api.asAdmin().post(PATH + "/" + unique("NONE") + verb, Map.of("reason", "x")), 404, null);
    }
    for (String verb : List.of("/release", "/resume", "/close")) {
      assertRefused(api.asAdmin().post(PATH + "/" + unique("NONE") + verb, null), 404, null);
    }
    assertRefused(api.asAdmin().get(PATH + "/" + unique("NONE") + "/operations"), 404, null);

    assertThat(fixtures.order(number)).isEqualTo(before);
    assertThat(fixtures.audit(number)).hasSize(2);
  }

  @Test
  void rolesAndSitesDecideWhoMayDoWhat() {
    // given
    String number = fixtures.aCreatedOrder(pump.number()).path("orderNumber").asString();
    String order = PATH + "/" + number;
    Map<String, Object> another = fixtures.anOrder(unique("PO"), pump.number(), 5);
    var operator = api.aUserWith(Role.OPERATOR, fixtures.site);
    var quality = api.aUserWith(Role.QUALITY, fixtures.site);
    var planner = api.aUserWith(Role.PLANNER, fixtures.site);
    String elsewhere = unique("E").replace("-", "");
    new dev.takt.testing.PlantFixture(api).aSite(elsewhere);
    var plannerElsewhere = api.aUserWith(Role.PLANNER, elsewhere);

    // then: operators and quality read, but do not write
    api.as(operator).get(order).expect(200);
    api.as(operator).get(order + "/operations").expect(200);
    api.as(quality).get(PATH + "?site=" + fixtures.site).expect(200);
    assertRefused(api.as(operator).post(PATH, another), 403, null);
    assertRefused(api.as(operator).post(order + "/release", null), 403, null);
    assertRefused(api.as(quality).post(order + "/release", null), 403, null);
    assertRefused(api.as(operator).post(order + "/hold", Map.of("reason", "x")), 403, null);
    assertRefused(api.as(planner).post(order + "/close", null), 403, null);
    assertRefused(api.anonymous().get(order), 401, null);

    // and a planner of another site neither sees nor touches the order
    assertRefused(api.as(plannerElsewhere).get(order), 403, null);
    assertRefused(api.as(plannerElsewhere).post(PATH, another), 403, null);
    assertRefused(api.as(plannerElsewhere).post(order + "/release", null), 403, null);
    assertRefused(
        api.as(plannerElsewhere).post(PATH, fixtures.anOrder(number, pump.number(), 99)),
        403,
        null);
    assertThat(api.as(plannerElsewhere).get(PATH).expect(200).json().path("items")).isEmpty();
    assertThat(fixtures.audit(number)).hasSize(1);
    api.asAdmin().get(PATH + "/" + another.get("orderNumber")).expect(404);

    // and the planner of the site releases it
    api.as(planner).post(order + "/release", null).expect(200);
  }

  @Test
  void listsBySiteStatusAndDueDateInPages() {
    // given: three orders due on three days, one released
    List<String> numbers = new ArrayList<>();
    for (String due :
        List.of("2027-01-03T06:00:00Z", "2027-01-01T06:00:00Z", "2027-01-02T06:00:00Z")) {
      String number = unique("PO");
      api.asAdmin()
          .post(PATH, withField(fixtures.anOrder(number, pump.number(), 1), "dueDate", due))
          .expect(201);
      numbers.add(number);
    }
    api.asAdmin().post(PATH + "/" + numbers.get(0) + "/release", null).expect(200);

    // when
    JsonNode first =
        api.asAdmin().get(PATH + "?site=" + fixtures.site + "&limit=2").expect(200).json();
    JsonNode second =
        api.asAdmin()
            .get(
                PATH
                    + "?site="
                    + fixtures.site
                    + "&limit=2&after="
                    + first.path("nextCursor").asString())
            .expect(200)
            .json();

    // then: by due date
    assertThat(numbersOf(first)).containsExactly(numbers.get(1), numbers.get(2));
    assertThat(numbersOf(second)).containsExactly(numbers.get(0));
    assertThat(second.path("nextCursor").isNull()).isTrue();
    assertThat(
            numbersOf(
                api.asAdmin()
                    .get(PATH + "?site=" + fixtures.site + "&status=RELEASED")
                    .expect(200)
                    .json()))
        .containsExactly(numbers.get(0));
    assertThat(
            numbersOf(
                api.asAdmin()
                    .get(PATH + "?site=" + fixtures.site + "&dueBefore=2027-01-02T00:00:00Z")
                    .expect(200)
                    .json()))
        .containsExactly(numbers.get(1));
    assertThat(
            numbersOf(
                api.asAdmin()
                    .get(PATH + "?number=" + numbers.get(2).substring(3).toLowerCase())
                    .expect(200)
                    .json()))
        .containsExactly(numbers.get(2));
    assertRefused(api.asAdmin().get(PATH + "?after=nonsense!"), 400, "after");
    assertRefused(api.asAdmin().get(PATH + "?status=DONE"), 400, "status");
  }

  private JsonNode operations(String number) {
    return api.asAdmin().get(PATH + "/" + number + "/operations").expect(200).json();
  }

  private JsonNode components(String number) {
    return api.asAdmin().get(PATH + "/" + number + "/components").expect(200).json();
  }

  private static List<String> numbersOf(JsonNode page) {
    List<String> numbers = new ArrayList<>();
    page.path("items").forEach(i -> numbers.add(i.path("orderNumber").asString()));
    return numbers;
  }
}
