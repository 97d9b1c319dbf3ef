package dev.takt.execution;

import static dev.takt.execution.ShopFloor.book;
import static dev.takt.execution.ShopFloor.op;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.orders.OrderStatus;
import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.LotFixture;
import dev.takt.testing.PlantFixture;
import dev.takt.testing.TaktIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@TaktIntegrationTest
class ShopFloorIT {

  @Autowired Api api;
  TestOrders orders;
  ShopFloor floor;

  @BeforeEach
  void aShopFloor() {
    floor = new ShopFloor(api);
    orders = new TestOrders(api);
  }

  @Test
  void runsAnOrderThroughBothOperationsFromSetupToCompletion() {
    // given
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    Api.Caller operator = api.as(api.aUserWith(Role.OPERATOR, floor.site));

    // when: setup, run on two units (a split), pause and resume, partial reports, labour
    book(operator, op(order.first(), "start"), Map.of("workUnit", "M1", "phase", "SETUP"))
        .expect(200);
    assertThat(orders.statusOf(order.orderNumber())).isEqualTo(OrderStatus.IN_PROGRESS);
    book(operator, op(order.first(), "start"), Map.of("workUnit", "M1", "phase", "RUN"))
        .expect(200);
    book(operator, op(order.first(), "start"), Map.of("workUnit", "M2", "phase", "RUN"))
        .expect(200);
    JsonNode paused =
        book(
                operator,
                op(order.first(), "pause"),
                Map.of("workUnit", "M2", "reason", floor.downtimeReason))
            .expect(200)
            .json();
    assertThat(unit(paused, "M2").path("state").asString()).isEqualTo("PAUSED");
    assertThat(unit(paused, "M2").path("pauseReason").asString()).isEqualTo(floor.downtimeReason);
    book(operator, op(order.first(), "resume"), Map.of("workUnit", "M2")).expect(200);
    book(operator, op(order.first(), "clock-on"), Map.of("workUnit", "M1", "operator", "anna"))
        .expect(201);
    book(operator, op(order.first(), "clock-on"), Map.of("workUnit", "M1", "operator", "ben"))
        .expect(201);
    book(
            operator,
            op(order.first(), "report"),
            Map.of("workUnit", "M1", "good", 60, "scrap", 2, "scrapReason", floor.scrapReason))
        .expect(200);
    book(
            operator,
            op(order.first(), "report"),
            Map.of("workUnit", "M2", "good", 38.5, "rework", 1, "reworkReason", floor.reworkReason))
        .expect(200);
    book(operator, op(order.first(), "clock-off"), Map.of("workUnit", "M1", "operator", "anna"))
        .expect(200);
    new LotFixture(api).aReleasedLot(floor.site, order.lotTracked(), "L-4711", "100", "kg");
    JsonNode consumed =
        book(
                operator,
                op(order.first(), "consumptions"),
                Map.of(
                    "workUnit",
                    "M1",
                    "material",
                    order.lotTracked(),
                    "lot",
                    "L-4711",
                    "quantity",
                    12.5))
            .expect(201)
            .json();
    JsonNode completed =
        book(operator, op(order.first(), "complete"), Map.of("workUnit", "M1")).expect(200).json();

    // then
    assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(completed.path("good").path("value").decimalValue()).isEqualByComparingTo("98.5");
    assertThat(completed.path("good").path("unit").asString()).isEqualTo("pcs");
    assertThat(completed.path("scrap").path("value").decimalValue()).isEqualByComparingTo("2");
    assertThat(completed.path("rework").path("value").decimalValue()).isEqualByComparingTo("1");
    assertThat(completed.path("workUnits").size()).isZero();
    assertThat(orders.reportedFor(order, order.first())[0].value()).isEqualByComparingTo("98.5");
    assertThat(consumed.path("quantity").path("unit").asString()).isEqualTo("kg");
    assertThat(
            api.asAdmin()
                .get(op(order.first(), "consumptions"))
                .expect(200)
                .json()
                .get(0)
                .path("lot")
                .asString())
        .isEqualTo("L-4711");

    JsonNode tickets = api.asAdmin().get(op(order.first(), "time-tickets")).expect(200).json();
    assertThat(tickets.size()).isEqualTo(2);
    assertThat(tickets.get(0).path("operator").asString()).isEqualTo("anna");
    assertThat(tickets.get(0).path("confirmed").asBoolean()).isTrue();
    assertThat(tickets.get(1).path("confirmed").asBoolean()).isFalse();

    List<JsonNode> confirmations = floor.confirmationsOf(order.orderNumber());
    assertThat(confirmations)
        .extracting(c -> c.path("type").asString())
        .containsExactly("QUANTITY", "QUANTITY", "TIME_TICKET", "COMPLETION");
    assertThat(confirmations.get(0).path("scrapReason").asString()).isEqualTo(floor.scrapReason);
    assertThat(confirmations.get(2).path("operator").asString()).isEqualTo("anna");
    assertThat(confirmations.get(3).path("good").path("value").decimalValue())
        .isEqualByComparingTo("98.5");

    // the second operation may now run up to what the first delivered, then completes the order
    floor.start(order.second(), "M1", "RUN").expect(200);
    floor.reportGood(order.second(), "M1", 98.5).expect(200);
    book(operator, op(order.second(), "complete"), Map.of("workUnit", "M1")).expect(200);
    assertThat(orders.statusOf(order.orderNumber())).isEqualTo(OrderStatus.COMPLETED);
    assertThat(floor.auditCount("OperationExecution", order.orderNumber() + "/10")).isEqualTo(8);
  }

  @Test
  void dispatchListShowsWhatMayStartNowByDueDateThenPriority() {
    // given
    Instant soon = Instant.now().plus(1, ChronoUnit.DAYS);
    TestOrders.AnOrder later =
        orders.aReleasedOrder(floor.site, floor.workCenter, "10", soon.plusSeconds(3600), 0, 2);
    TestOrders.AnOrder urgent =
        orders.aReleasedOrder(floor.site, floor.workCenter, "10", soon, 5, 2);
    TestOrders.AnOrder sameDueLowerPriority =
        orders.aReleasedOrder(floor.site, floor.workCenter, "10", soon, 1, 2);
    TestOrders.AnOrder held = orders.aReleasedOrder(floor.site, floor.workCenter, "10", soon, 9, 1);
    orders.hold(held.orderNumber());
    Api.Caller operator = api.as(api.aUserWith(Role.OPERATOR, floor.site));

    // when / then: only first operations, in due-date then priority order
    assertThat(dispatch(operator, "workCenter=" + floor.workCenter))
        .containsExactly(urgent.first(), sameDueLowerPriority.first(), later.first());

    // a report of good output releases the next operation; a completed one disappears
    floor.start(urgent.first(), "M1", "RUN").expect(200);
    floor.reportGood(urgent.first(), "M1", 4).expect(200);
    assertThat(dispatch(operator, "workUnit=M2"))
        .containsExactly(
            urgent.first(), urgent.second(), sameDueLowerPriority.first(), later.first());
    book(api.asAdmin(), op(urgent.first(), "complete"), Map.of("workUnit", "M1")).expect(200);
    JsonNode list =
        operator
            .get("/api/v1/dispatch-list?site=" + floor.site + "&workCenter=" + floor.workCenter)
            .expect(200)
            .json();
    assertThat(list.get(0).path("operation").path("id").asString())
        .isEqualTo(urgent.second().toString());
    assertThat(list.get(0).path("progress").path("status").asString()).isEqualTo("WAITING");
    // the progress of a list item does not repeat what its operation says
    assertThat(list.get(0).path("progress").has("operationId")).isFalse();
    assertThat(list.get(0).path("progress").has("orderNumber")).isFalse();
    assertThat(list.get(0).path("operation").path("orderNumber").asString()).isNotEmpty();

    // a scrap-only report is no good output: the next operation stays away
    floor.start(later.first(), "M2", "RUN").expect(200);
    book(
            api.asAdmin(),
            op(later.first(), "report"),
            Map.of("workUnit", "M2", "scrap", 1, "scrapReason", floor.scrapReason))
        .expect(200);
    JsonNode running =
        operator
            .get("/api/v1/dispatch-list?site=" + floor.site + "&workUnit=M2")
            .expect(200)
            .json();
    assertThat(running)
        .extracting(i -> i.path("operation").path("id").asString())
        .doesNotContain(later.second().toString());
    JsonNode laterItem =
        java.util.stream.StreamSupport.stream(running.spliterator(), false)
            .filter(i -> i.path("operation").path("id").asString().equals(later.first().toString()))
            .findFirst()
            .orElseThrow();
    assertThat(laterItem.path("progress").path("workUnits").get(0).path("workUnit").asString())
        .isEqualTo("M2");
    // an operation whose predecessor delivered nothing cannot be started either
    floor.start(later.second(), "M1", "RUN").expect(409);

    // a terminal asks for the head of the list only; the order of the head stays the same
    JsonNode head =
        operator
            .get("/api/v1/dispatch-list?site=" + floor.site + "&workUnit=M2&limit=2")
            .expect(200)
            .json();
    assertThat(head)
        .extracting(i -> i.path("operation").path("id").asString())
        .containsExactly(
            running.get(0).path("operation").path("id").asString(),
            running.get(1).path("operation").path("id").asString());
    assertThat(
            operator
                .get("/api/v1/dispatch-list?site=" + floor.site + "&workUnit=M2&limit=0")
                .expect(400)
                .faultyFields())
        .containsExactly("limit");
  }

  @Test
  void refusesMoreGoodThanThePreviousOperationDeliveredNamingGood() {
    // given
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    floor.start(order.first(), "M1", "RUN").expect(200);
    floor.reportGood(order.first(), "M1", 30).expect(200);
    floor.start(order.second(), "M2", "RUN").expect(200);
    floor.reportGood(order.second(), "M2", 30).expect(200);

    // when
    Api.Response tooMuch = floor.reportGood(order.second(), "M2", 0.5).expect(409);
    Api.Response orderExceeded = floor.reportGood(order.first(), "M1", 71).expect(409);

    // then
    assertThat(tooMuch.faultyFields()).containsExactly("good");
    assertThat(orderExceeded.faultyFields()).containsExactly("good");
    assertThat(floor.progress(order.second()).path("good").path("value").decimalValue())
        .isEqualByComparingTo("30");
    floor.reportGood(order.first(), "M1", 70).expect(200);
  }

  @Test
  void aWorkUnitTakesNoBookingOnceItIsDeactivated() {
    // given: M1 has just taken a booking
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    floor.start(order.first(), "M1", "RUN").expect(200);
    floor.reportGood(order.first(), "M1", 5).expect(200);

    // when
    new PlantFixture(api).deactivateWorkUnit(floor.site, "M1");

    // then: the next booking there is refused, the other unit still books
    assertThat(floor.reportGood(order.first(), "M1", 5).expect(400).faultyFields())
        .containsExactly("workUnit");
    floor.start(order.first(), "M2", "RUN").expect(200);
    assertThat(floor.progress(order.first()).path("good").path("value").decimalValue())
        .isEqualByComparingTo("5");
  }

  @Test
  void refusesForbiddenTransitionsWithTheCurrentState() {
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    floor.start(order.first(), "M1", "RUN").expect(200);

    Api.Response again = floor.start(order.first(), "M1", "RUN").expect(409);
    Api.Response resume =
        book(api.asAdmin(), op(order.first(), "resume"), Map.of("workUnit", "M1")).expect(409);
    Api.Response notThere = floor.reportGood(order.first(), "M2", 1).expect(409);

    assertThat(again.json().path("detail").asString()).contains("RUNNING");
    assertThat(resume.json().path("detail").asString()).contains("RUNNING");
    assertThat(notThere.faultyFields()).containsExactly("workUnit");

    orders.hold(order.orderNumber());
    assertThat(floor.reportGood(order.first(), "M1", 1).expect(409).body()).contains("ON_HOLD");
  }

  @Test
  void refusesBadInputOnEveryWriteWithNothingWritten() {
    // given
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    floor.start(order.first(), "M1", "RUN").expect(200);
    long version = floor.progress(order.first()).path("version").asLong();
    UUID id = order.first();
    String longText = "X".repeat(61);

    // then: each a problem naming the field at fault
    expectFault(op(id, "start"), "{\"workUnit\":", "body");
    expectFault(op(id, "start"), Map.of("workUnit", "M2", "phase", "RUN", "shift", 1), "shift");
    expectFault(op(id, "start"), Map.of("workUnit", "M2"), "phase");
    expectFault(op(id, "start"), Map.of("workUnit", "M2", "phase", "FLY"), "phase");
    expectFault(op(id, "start"), Map.of("workUnit", "SAW1", "phase", "RUN"), "workUnit");
    expectFault(op(id, "start"), Map.of("workUnit", "NOPE", "phase", "RUN"), "workUnit");
    expectFault(op(id, "start"), Map.of("workUnit", longText, "phase", "RUN"), "workUnit");
    expectFault(op(id, "pause"), Map.of("workUnit", "M1"), "reason");
    expectFault(op(id, "pause"), Map.of("workUnit", "M1", "reason", "UNKNOWN"), "reason");
    expectFault(op(id, "pause"), Map.of("workUnit", "M1", "reason", floor.scrapReason), "reason");
    expectFault(op(id, "resume"), Map.of("workUnit", 7), "workUnit");
    expectFault(op(id, "report"), Map.of("workUnit", "M1", "good", -1), "good");
    expectFault(op(id, "report"), Map.of("workUnit", "M1", "good", "5"), "good");
    expectFault(op(id, "report"), Map.of("workUnit", "M1"), "good");
    expectFault(op(id, "report"), Map.of("workUnit", "M1", "scrap", 1), "scrapReason");
    expectFault(
        op(id, "report"),
        Map.of("workUnit", "M1", "scrap", 1, "scrapReason", floor.reworkReason),
        "scrapReason");
    expectFault(op(id, "report"), Map.of("workUnit", "M1", "rework", 1), "reworkReason");
    expectFault(op(id, "report"), Map.of("workUnit", "M1", "good", 1, "version", -1), "version");
    expectFault(op(id, "complete"), Map.of(), "workUnit");
    expectFault(op(id, "clock-on"), Map.of("workUnit", "M1"), "operator");
    expectFault(op(id, "clock-on"), Map.of("workUnit", "M1", "operator", longText), "operator");
    expectFault(op(id, "clock-off"), Map.of("workUnit", "M1", "operator", "nobody"), "operator");
    Map<String, Object> consumption = new HashMap<>();
    consumption.put("workUnit", "M1");
    consumption.put("material", "UNKNOWN-MAT");
    consumption.put("lot", "L1");
    consumption.put("quantity", 1);
    expectFault(op(id, "consumptions"), consumption, "material");
    consumption.put("material", "OIL-" + order.orderNumber().substring(3));
    expectFault(op(id, "consumptions"), consumption, "material");
    consumption.put("material", order.lotTracked());
    consumption.remove("lot");
    expectFault(op(id, "consumptions"), consumption, "lot");
    consumption.put("lot", "L1");
    consumption.put("quantity", 0);
    expectFault(op(id, "consumptions"), consumption, "quantity");
    String downtimes = "/api/v1/work-units/" + floor.site + "/M1/downtimes";
    expectFault(downtimes, Map.of("reason", "UNKNOWN"), "reason");
    expectFault(downtimes, Map.of("cause", "X"), "cause");

    // and nothing was written: no state change, no audit, no confirmation, no ticket, no stop
    JsonNode after = floor.progress(id);
    assertThat(after.path("version").asLong()).isEqualTo(version);
    assertThat(after.path("good").path("value").decimalValue()).isEqualByComparingTo("0");
    assertThat(floor.auditCount("OperationExecution", order.orderNumber() + "/10")).isEqualTo(1);
    assertThat(floor.confirmationsOf(order.orderNumber())).isEmpty();
    assertThat(api.asAdmin().get(op(id, "time-tickets")).expect(200).json().size()).isZero();
    assertThat(api.asAdmin().get(op(id, "consumptions")).expect(200).json().size()).isZero();
    assertThat(api.asAdmin().get(downtimes).expect(200).json().size()).isZero();
  }

  @Test
  void requiresAnIdempotencyKeyOfAtMostHundredCharacters() {
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    Map<String, Object> body = Map.of("workUnit", "M1", "phase", "RUN");

    Api.Response missing = api.asAdmin().post(op(order.first(), "start"), body).expect(400);
    Api.Response tooLong =
        api.asAdmin()
            .header("Idempotency-Key", "k".repeat(101))
            .post(op(order.first(), "start"), body)
            .expect(400);

    assertThat(missing.faultyFields()).containsExactly("Idempotency-Key");
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(tooLong.faultyFields()).containsExactly("Idempotency-Key");
    assertThat(floor.progress(order.first()).path("status").asString()).isEqualTo("WAITING");
  }

  @Test
  void recordsDowntimeUnclassifiedFirstAndClassifiedLater() {
    // given
    String downtimes = "/api/v1/work-units/" + floor.site + "/M2/downtimes";
    Api.Caller operator = api.as(api.aUserWith(Role.OPERATOR, floor.site));
    Api.Caller supervisor = api.as(api.aUserWith(Role.SUPERVISOR, floor.site));

    // when
    Api.Response opened = book(operator, downtimes, Map.of()).expect(201);
    JsonNode downtime = opened.json();
    book(operator, downtimes, Map.of()).expect(409);

    // then
    assertThat(downtime.path("unclassified").asBoolean()).isTrue();
    assertThat(downtime.path("reason").isNull()).isTrue();
    assertThat(opened.header("Location")).endsWith(downtime.path("id").asString());
    JsonNode open = operator.get(downtimes + "?open=true").expect(200).json();
    assertThat(open.size()).isEqualTo(1);
    assertThat(open.get(0).path("unclassified").asBoolean()).isTrue();

    String one = downtimes + "/" + downtime.path("id").asString();
    supervisor
        .header("Idempotency-Key", ShopFloor.key())
        .put(one, Map.of("reason", floor.downtimeReason, "version", 0))
        .expect(200);
    supervisor
        .header("Idempotency-Key", ShopFloor.key())
        .put(one, Map.of("reason", floor.downtimeReason, "version", 0))
        .expect(409);
    JsonNode closed = book(operator, one + "/close", Map.of()).expect(200).json();
    assertThat(closed.path("reason").asString()).isEqualTo(floor.downtimeReason);
    assertThat(closed.path("unclassified").asBoolean()).isFalse();
    assertThat(closed.path("open").asBoolean()).isFalse();
    book(operator, one + "/close", Map.of()).expect(409);
    assertThat(operator.get(downtimes + "?open=true").expect(200).json().size()).isZero();
    assertThat(floor.auditCount("Downtime", downtime.path("id").asString())).isEqualTo(3);
  }

  @Test
  void admitsOnlyShopFloorRolesOnTheirSites() {
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    Map<String, Object> start = Map.of("workUnit", "M1", "phase", "RUN");
    String elsewhere = "E" + floor.site;
    new dev.takt.testing.PlantFixture(api).aSite(elsewhere);

    book(api.as(api.aUserWith(Role.AUDITOR, floor.site)), op(order.first(), "start"), start)
        .expect(403);
    book(api.as(api.aUserWith(Role.OPERATOR, elsewhere)), op(order.first(), "start"), start)
        .expect(403);
    api.as(api.aUserWith(Role.OPERATOR, elsewhere))
        .get("/api/v1/dispatch-list?site=" + floor.site + "&workCenter=" + floor.workCenter)
        .expect(403);
    api.as(api.aUserWith(Role.OPERATOR, floor.site)).get("/api/v1/confirmations").expect(403);
    api.as(api.aUserWith(Role.INTEGRATION)).get("/api/v1/confirmations").expect(200);
    api.as(api.aUserWith(Role.PLANNER, floor.site))
        .get("/api/v1/dispatch-list?site=" + floor.site + "&workCenter=" + floor.workCenter)
        .expect(200);
    assertThat(floor.progress(order.first()).path("status").asString()).isEqualTo("WAITING");
  }

  private void expectFault(String path, Object body, String field) {
    Api.Response response = book(api.asAdmin(), path, body);
    assertThat(response.status()).as(response.toString()).isBetween(400, 499);
    assertThat(response.contentType())
        .as(response.toString())
        .startsWith("application/problem+json");
    assertThat(response.faultyFields()).as(response.toString()).contains(field);
  }

  private List<UUID> dispatch(Api.Caller caller, String filter) {
    JsonNode list =
        caller.get("/api/v1/dispatch-list?site=" + floor.site + "&" + filter).expect(200).json();
    return java.util.stream.StreamSupport.stream(list.spliterator(), false)
        .map(i -> UUID.fromString(i.path("operation").path("id").asString()))
        .toList();
  }

  private static JsonNode unit(JsonNode progress, String workUnit) {
    for (JsonNode u : progress.path("workUnits")) {
      if (u.path("workUnit").asString().equals(workUnit)) {
        return u;
      }
    }
    throw new AssertionError(workUnit + " is not on the operation: " + progress);
  }
}
