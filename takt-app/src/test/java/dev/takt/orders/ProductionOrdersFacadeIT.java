package dev.takt.orders;

import static dev.takt.orders.OrderFixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.shared.ConflictException;
import dev.takt.shared.Quantity;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import dev.takt.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Execution's side of the contract: it reads workable operations and reports progress through
 * {@link ProductionOrders}, inside its own transaction, and the order follows.
 */
@TaktIntegrationTest
class ProductionOrdersFacadeIT {

  @Autowired Api api;
  @Autowired ProductionOrders orders;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  OrderFixtures fixtures;
  OrderFixtures.Product pump;

  @BeforeEach
  void setUp() {
    fixtures = new OrderFixtures(api);
    pump = fixtures.aProductWithRoutingAndBom();
  }

  @Test
  void executionStartsReportsAndCompletesAnOrderOperationByOperation() {
    // given: a released order of 10 pumps
    String number = fixtures.aReleasedOrder(pump.number()).path("orderNumber").asString();
    List<OperationView> operations = orders.operationsOf(number);
    OperationView turn = operations.get(0);
    OperationView assy = operations.get(1);
    Instant at = Instant.parse("2026-11-20T08:00:00Z");

    // then: what a terminal at TURN sees
    assertThat(turn.sequence()).isEqualTo(10);
    assertThat(turn.previousSequence()).isNull();
    assertThat(assy.previousSequence()).isEqualTo(10);
    assertThat(turn.plannedQuantity()).isEqualTo(Quantity.of("10", "pcs"));
    assertThat(orders.dispatchableAt(fixtures.site, "TURN", 100))
        .extracting(OperationView::id)
        .contains(turn.id());
    assertThat(orders.operation(turn.id()).orElseThrow().orderStatus())
        .isEqualTo(OrderStatus.RELEASED);
    assertThat(orders.componentsOf(number)).hasSize(2);

    // when: started, reported, completed
    tx.executeWithoutResult(s -> orders.operationStarted(turn.id(), at));
    assertThat(orders.order(number).orElseThrow().status()).isEqualTo(OrderStatus.IN_PROGRESS);
    tx.executeWithoutResult(
        s ->
            orders.quantityReported(
                turn.id(),
                Quantity.of("9", "pcs"),
                Quantity.of("1", "pcs"),
                Quantity.of("0", "pcs"),
                at.plusSeconds(600)));
    tx.executeWithoutResult(s -> orders.operationCompleted(turn.id(), at.plusSeconds(700)));
    assertThat(orders.dispatchableAt(fixtures.site, "TURN", 100))
        .extracting(OperationView::id)
        .doesNotContain(turn.id());
    tx.executeWithoutResult(s -> orders.operationStarted(assy.id(), at.plusSeconds(800)));
    tx.executeWithoutResult(
        s ->
            orders.quantityReported(
                assy.id(),
                Quantity.of("8", "pcs"),
                Quantity.of("0", "pcs"),
                Quantity.of("1", "pcs"),
                at.plusSeconds(900)));
    assertThat(orders.order(number).orElseThrow().status()).isEqualTo(OrderStatus.IN_PROGRESS);
    tx.executeWithoutResult(s -> orders.operationCompleted(assy.id(), at.plusSeconds(1000)));

    // then
    assertThat(orders.order(number).orElseThrow().status()).isEqualTo(OrderStatus.COMPLETED);
    JsonNode ops = api.asAdmin().get(PATH + "/" + number + "/operations").expect(200).json();
    assertThat(ops.get(0).path("good").path("value").decimalValue()).isEqualByComparingTo("9");
    assertThat(ops.get(0).path("scrap").path("value").decimalValue()).isEqualByComparingTo("1");
    assertThat(ops.get(1).path("rework").path("value").decimalValue()).isEqualByComparingTo("1");
    assertThat(ops.get(1).path("status").asString()).isEqualTo("COMPLETED");
    JsonNode order = fixtures.order(number);
    assertThat(order.path("goodQuantity").path("value").decimalValue()).isEqualByComparingTo("8");
    assertThat(statusesAudited(number))
        .containsExactly("CREATED", "RELEASED", "IN_PROGRESS", "COMPLETED");
    api.asAdmin().post(PATH + "/" + number + "/close", null).expect(200);
    // a reported order cannot be cancelled, a closed one not at all
    assertThat(api.asAdmin().post(PATH + "/" + number + "/cancel", Map.of("reason", "x")).status())
        .isEqualTo(409);
  }

  @Test
  void refusesProgressOnAnOrderOnHoldAndOutsideATransaction() {
    // given
    String number = fixtures.aReleasedOrder(pump.number()).path("orderNumber").asString();
    UUID turn = orders.operationsOf(number).get(0).id();
    api.asAdmin().post(PATH + "/" + number + "/hold", Map.of("reason", "Tool broken")).expect(200);

    // then
    assertThrows(
        ConflictException.class,
        () -> tx.executeWithoutResult(s -> orders.operationStarted(turn, Instant.now())));
    assertThat(orders.dispatchableAt(fixtures.site, "TURN", 100))
        .extracting(OperationView::orderNumber)
        .doesNotContain(number);
    assertThrows(
        IllegalTransactionStateException.class, () -> orders.operationStarted(turn, Instant.now()));
    assertThat(orders.order(number).orElseThrow().status()).isEqualTo(OrderStatus.ON_HOLD);

    // and after resuming, a reported order can no longer be cancelled
    api.asAdmin().post(PATH + "/" + number + "/resume", null).expect(200);
    tx.executeWithoutResult(
        s ->
            orders.quantityReported(
                turn,
                Quantity.of("1", "pcs"),
                Quantity.of("0", "pcs"),
                Quantity.of("0", "pcs"),
                Instant.now()));
    assertThat(orders.order(number).orElseThrow().status()).isEqualTo(OrderStatus.IN_PROGRESS);
    api.asAdmin().post(PATH + "/" + number + "/hold", Map.of("reason", "Check")).expect(200);
    var refused = api.asAdmin().post(PATH + "/" + number + "/cancel", Map.of("reason", "x"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.body()).contains("reported");
  }

  @Test
  void listsWorkableOperationsByDueDateThenPriority() {
    // given: the same due date, different priorities; an earlier due date with low priority
    String low = released("2027-02-01T06:00:00Z", 100);
    String high = released("2027-02-01T06:00:00Z", 900);
    String early = released("2027-01-15T06:00:00Z", 0);

    // when
    List<String> dispatch = new ArrayList<>();
    orders.dispatchableAt(fixtures.site, "TURN", 100).stream()
        .map(OperationView::orderNumber)
        .filter(n -> n.equals(low) || n.equals(high) || n.equals(early))
        .forEach(dispatch::add);

    // then
    assertThat(dispatch).containsExactly(early, high, low);
  }

  @Test
  void dispatchesAnOperationOnlyOnceTheOperationBeforeItHasDeliveredGoodQuantity() {
    // given: a released order, nothing reported yet
    String number = released("2026-12-01T06:00:00Z", 500);
    List<OperationView> operations = orders.operationsOf(number);
    OperationView turn = operations.get(0);
    OperationView assy = operations.get(1);
    assertThat(orders.dispatchableAt(fixtures.site, "ASSY", 100))
        .extracting(OperationView::id)
        .doesNotContain(assy.id());

    // when: turning reports scrap only, then good
    reportOn(turn, "0", "1");
    assertThat(orders.dispatchableAt(fixtures.site, "ASSY", 100))
        .extracting(OperationView::id)
        .doesNotContain(assy.id());
    reportOn(turn, "1", "0");

    // then
    assertThat(orders.dispatchableAt(fixtures.site, "ASSY", 100))
        .extracting(OperationView::id)
        .contains(assy.id());
  }

  @Test
  void givesOnlyTheHeadOfTheDispatchListInDispatchOrder() {
    // given: three orders at TURN
    String third = released("2027-03-03T06:00:00Z", 0);
    String first = released("2027-03-01T06:00:00Z", 0);
    String second = released("2027-03-02T06:00:00Z", 0);

    // when
    List<String> all =
        orders.dispatchableAt(fixtures.site, "TURN", 1000).stream()
            .map(OperationView::orderNumber)
            .filter(n -> n.equals(first) || n.equals(second) || n.equals(third))
            .toList();
    List<OperationView> head = orders.dispatchableAt(fixtures.site, "TURN", 2);

    // then
    assertThat(all).containsExactly(first, second, third);
    assertThat(head).hasSize(2);
    assertThat(head).isEqualTo(orders.dispatchableAt(fixtures.site, "TURN", 1000).subList(0, 2));
  }

  @Test
  void aFirstReportThatWaitedForTheOrderAuditsItsStartWithTheTotalsAsTheyAreThen()
      throws Exception {
    Assumptions.assumeTrue(
        TestDatabase.postgresPass(),
        "reading an order's totals in the statement that waited for its lock is PostgreSQL's case");
    // given: a released order, and a transaction that holds its lock while it puts 4 good on its
    // last operation (as a report would, but leaving the order RELEASED)
    String number = fixtures.aReleasedOrder(pump.number()).path("orderNumber").asString();
    List<OperationView> operations = orders.operationsOf(number);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch letGo = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> other =
          threads.submit(
              () ->
                  tx.executeWithoutResult(
                      s -> {
                        jdbc.sql(
                                "SELECT id FROM orders_production_order"
                                    + " WHERE order_number = :n FOR UPDATE")
                            .param("n", number)
                            .query()
                            .listOfRows();
                        jdbc.sql("UPDATE orders_operation SET good_quantity = 4 WHERE id = :id")
                            .param("id", operations.get(1).id())
                            .update();
                        holding.countDown();
                        awaitQuietly(letGo);
                      }));
      assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

      // when: the first report on its first operation waits for that lock
      Future<?> report = threads.submit(() -> reportOn(operations.get(0), "1", "0"));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.sql(
                              "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                  + " AND datname = current_database()"
                                  + " AND query LIKE '%orders_production_order%'")
                          .query(Long.class)
                          .single()
                      > 0);
      letGo.countDown();
      other.get(30, TimeUnit.SECONDS);
      report.get(30, TimeUnit.SECONDS);
    } finally {
      letGo.countDown();
      threads.shutdownNow();
    }

    // then: its start is audited with the 4 good committed while it waited
    JsonNode audit = fixtures.audit(number);
    JsonNode start = audit.get(audit.size() - 1);
    assertThat(Api.json(start.path("newValue").asString()).path("status").asString())
        .isEqualTo("IN_PROGRESS");
    assertThat(
            Api.json(start.path("oldValue").asString())
                .path("goodQuantity")
                .path("value")
                .decimalValue())
        .isEqualByComparingTo("4");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void reportOn(OperationView operation, String good, String scrap) {
    tx.executeWithoutResult(
        s ->
            orders.quantityReported(
                operation.id(),
                Quantity.of(good, "pcs"),
                Quantity.of(scrap, "pcs"),
                Quantity.of("0", "pcs"),
                Instant.now()));
  }

  private String released(String due, int priority) {
    String number = OrderFixtures.unique("PO");
    Map<String, Object> body = fixtures.anOrder(number, pump.number(), 1);
    body.put("dueDate", due);
    body.put("priority", priority);
    api.asAdmin().post(PATH, body).expect(201);
    api.asAdmin().post(PATH + "/" + number + "/release", null).expect(200);
    return number;
  }

  private List<String> statusesAudited(String number) {
    List<String> statuses = new ArrayList<>();
    fixtures
        .audit(number)
        .forEach(
            r -> statuses.add(Api.json(r.path("newValue").asString()).path("status").asString()));
    return statuses;
  }
}
