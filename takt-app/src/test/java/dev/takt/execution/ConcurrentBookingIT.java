package dev.takt.execution;

import static dev.takt.execution.ShopFloor.op;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Retries and terminals booking at once, over real concurrent HTTP requests. */
@TaktIntegrationTest
class ConcurrentBookingIT {

  @Autowired Api api;
  @Autowired JdbcClient jdbc;
  TestOrders orders;
  ShopFloor floor;

  @BeforeEach
  void aShopFloor() {
    floor = new ShopFloor(api);
    orders = new TestOrders(api);
  }

  @Test
  void replaysTheFirstAnswerToARetryWithTheSameKey() {
    // given
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    floor.start(order.first(), "M1", "RUN").expect(200);
    Api.Caller terminal = api.asAdmin().header("Idempotency-Key", "retry-" + order.orderNumber());
    Map<String, Object> report = Map.of("workUnit", "M1", "good", 5);

    // when
    Api.Response first = terminal.post(op(order.first(), "report"), report).expect(200);
    Api.Response retry = terminal.post(op(order.first(), "report"), report).expect(200);

    // then
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(floor.progress(order.first()).path("good").path("value").asInt()).isEqualTo(5);
    assertThat(floor.confirmationsOf(order.orderNumber())).hasSize(1);

    // the same key for another booking is refused; another user has keys of their own
    Api.Response other =
        terminal.post(op(order.first(), "report"), Map.of("workUnit", "M1", "good", 6));
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.faultyFields()).containsExactly("Idempotency-Key");
    api.as(api.aUserWith(dev.takt.shared.Role.SUPERVISOR, floor.site))
        .header("Idempotency-Key", "retry-" + order.orderNumber())
        .post(op(order.first(), "report"), report)
        .expect(200);
    assertThat(floor.progress(order.first()).path("good").path("value").asInt()).isEqualTo(10);
  }

  @Test
  void replaysA201WithItsLocation() {
    Api.Caller terminal = api.asAdmin().header("Idempotency-Key", ShopFloor.key());
    String downtimes = "/api/v1/work-units/" + floor.site + "/M1/downtimes";

    Api.Response first = terminal.post(downtimes, Map.of()).expect(201);
    Api.Response retry = terminal.post(downtimes, Map.of()).expect(201);

    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
    assertThat(api.asAdmin().get(downtimes).expect(200).json().size()).isEqualTo(1);
  }

  @Test
  void aFailedRequestDoesNotUseUpItsKey() {
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    Api.Caller terminal = api.asAdmin().header("Idempotency-Key", ShopFloor.key());

    terminal.post(op(order.first(), "report"), Map.of("workUnit", "M1", "good", 1)).expect(409);
    floor.start(order.first(), "M1", "RUN").expect(200);

    terminal.post(op(order.first(), "report"), Map.of("workUnit", "M1", "good", 1)).expect(200);
  }

  @Test
  void twoConcurrentRequestsWithOneKeyBookOnce() throws Exception {
    // given
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    floor.start(order.first(), "M1", "RUN").expect(200);
    Api.Caller terminal = api.asAdmin().header("Idempotency-Key", ShopFloor.key());

    // when
    List<Api.Response> answers =
        concurrently(
            2,
            i -> terminal.post(op(order.first(), "report"), Map.of("workUnit", "M1", "good", 3)));

    // then
    assertThat(answers).extracting(Api.Response::status).containsOnly(200);
    assertThat(answers.get(0).body()).isEqualTo(answers.get(1).body());
    assertThat(floor.progress(order.first()).path("good").path("value").asInt()).isEqualTo(3);
    assertThat(floor.confirmationsOf(order.orderNumber())).hasSize(1);
  }

  @Test
  void twentyTerminalsReportingAtOnceLoseNoBooking() throws Exception {
    // given
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    floor.start(order.first(), "M1", "RUN").expect(200);
    floor.start(order.first(), "M2", "RUN").expect(200);

    // when: 1 + 2 + ... + 20 = 210 > 100 ordered, so report i/10 pieces: 21 in total
    List<Api.Response> answers =
        concurrently(
            20,
            i ->
                ShopFloor.book(
                    api.asAdmin(),
                    op(order.first(), "report"),
                    Map.of(
                        "workUnit",
                        i % 2 == 0 ? "M1" : "M2",
                        "good",
                        new java.math.BigDecimal(i + 1).movePointLeft(1))));

    // then
    assertThat(answers).extracting(Api.Response::status).containsOnly(200);
    JsonNode progress = floor.progress(order.first());
    assertThat(progress.path("good").path("value").decimalValue()).isEqualByComparingTo("21");
    assertThat(progress.path("version").asLong()).isEqualTo(2 + 20);
    assertThat(floor.confirmationsOf(order.orderNumber())).hasSize(20);
    assertThat(orders.reportedFor(order, order.first())[0].value()).isEqualByComparingTo("21");
  }

  @Test
  void ofTwoBookingsOnTheSameVersionExactlyOneWins() throws Exception {
    // given
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    floor.start(order.first(), "M1", "RUN").expect(200);
    long version = floor.progress(order.first()).path("version").asLong();

    // when
    List<Api.Response> answers =
        concurrently(
            2,
            i ->
                ShopFloor.book(
                    api.asAdmin(),
                    op(order.first(), "report"),
                    Map.of("workUnit", "M1", "good", 1, "version", version)));

    // then
    assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
    Api.Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
    assertThat(loser.faultyFields()).containsExactly("version");
    assertThat(floor.progress(order.first()).path("good").path("value").asInt()).isEqualTo(1);
    // If-Match works as well
    api.asAdmin()
        .header("Idempotency-Key", ShopFloor.key())
        .header("If-Match", "\"" + version + "\"")
        .post(op(order.first(), "report"), Map.of("workUnit", "M1", "good", 1))
        .expect(409);
  }

  @Test
  void twoTerminalsOpeningADowntimeAtOnceOpenOne() throws Exception {
    String downtimes = "/api/v1/work-units/" + floor.site + "/M2/downtimes";

    List<Api.Response> answers =
        concurrently(2, i -> ShopFloor.book(api.asAdmin(), downtimes, Map.of()));

    assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
    assertThat(api.asAdmin().get(downtimes + "?open=true").expect(200).json().size()).isEqualTo(1);
  }

  @Test
  void confirmationCursorNeverSkipsNorRepeatsWhileBookingsCommit() throws Exception {
    // given
    TestOrders.AnOrder order =
        orders.aReleasedOrder(floor.site, floor.workCenter, "1000", java.time.Instant.now(), 0, 1);
    floor.start(order.first(), "M1", "RUN").expect(200);
    floor.start(order.first(), "M2", "RUN").expect(200);
    String start = lastSequence();
    AtomicBoolean booking = new AtomicBoolean(true);
    List<Long> seen = new ArrayList<>();

    // when: a reader pages with small pages while 30 bookings commit in parallel
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Api.Response>> bookings = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        int n = i;
        bookings.add(
            pool.submit(
                () ->
                    ShopFloor.book(
                        api.asAdmin(),
                        op(order.first(), "report"),
                        Map.of("workUnit", n % 2 == 0 ? "M1" : "M2", "good", 1))));
      }
      Future<?> reader =
          pool.submit(
              () -> {
                String after = start;
                boolean lastRound = false;
                while (true) {
                  boolean stillBooking = booking.get();
                  JsonNode page =
                      api.asAdmin()
                          .get(
                              "/api/v1/confirmations?limit=3"
                                  + (after == null ? "" : "&after=" + after))
                          .expect(200)
                          .json();
                  for (JsonNode c : page.path("items")) {
                    seen.add(c.path("sequence").asLong());
                    after = c.path("sequence").asString();
                  }
                  if (page.path("nextCursor").isNull()) {
                    if (lastRound) {
                      return null;
                    }
                    lastRound = !stillBooking;
                  }
                }
              });
      for (Future<Api.Response> f : bookings) {
        assertThat(f.get().status()).isEqualTo(200);
      }
      booking.set(false);
      reader.get();
    } finally {
      pool.shutdownNow();
    }

    // then: every confirmation exactly once, in order
    assertThat(seen).hasSize(30);
    assertThat(new HashSet<>(seen)).hasSize(30);
    assertThat(seen).isSorted();
    assertThat(seen.getLast() - seen.getFirst()).isEqualTo(29);
  }

  @Test
  void aBookingsConfirmationIsNumberedSoonAfterItsCommitWithoutAnyoneReading() {
    // given
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    floor.start(order.first(), "M1", "RUN").expect(200);

    // when: a booking, and nobody reads the outbox
    ShopFloor.book(api.asAdmin(), op(order.first(), "report"), Map.of("workUnit", "M1", "good", 2))
        .expect(200);

    // then: the numbering has moved it into the outbox on its own
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql("SELECT COUNT(*) FROM execution_confirmation WHERE order_number = :o")
                        .param("o", order.orderNumber())
                        .query(Long.class)
                        .single()
                    == 1L);
  }

  @Test
  void aConfirmationLeftUnnumberedByACrashIsNumberedBeforeTheOutboxIsRead() {
    // given: a committed booking's confirmation that was never numbered, as after a crash
    String orderNumber = "CRASH-" + UUID.randomUUID().toString().substring(0, 8);
    String before = lastSequence();
    jdbc.sql(
            """
            INSERT INTO execution_confirmation_intake (id, type, site, order_number,
              operation_id, operation_seq, work_unit, unit, good, scrap, rework, operator,
              occurred_at)
            VALUES (:id, 'QUANTITY', :site, :order, :op, 10, 'M1', 'pcs', 3, 0, 0, 'anna',
              CURRENT_TIMESTAMP)
            """)
        .param("id", UUID.randomUUID())
        .param("site", floor.site)
        .param("order", orderNumber)
        .param("op", UUID.randomUUID())
        .update();

    // when
    List<JsonNode> confirmations = floor.confirmationsOf(orderNumber);

    // then: there once, with the next number
    assertThat(confirmations).hasSize(1);
    assertThat(confirmations.getFirst().path("good").path("value").asInt()).isEqualTo(3);
    assertThat(confirmations.getFirst().path("sequence").asLong())
        .isGreaterThan(before == null ? 0 : Long.parseLong(before));
  }

  private String lastSequence() {
    String after = null;
    String last = null;
    do {
      JsonNode page =
          api.asAdmin()
              .get("/api/v1/confirmations?limit=1000" + (after == null ? "" : "&after=" + after))
              .expect(200)
              .json();
      for (JsonNode c : page.path("items")) {
        last = c.path("sequence").asString();
      }
      after = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
    } while (after != null);
    return last;
  }

  interface Call {
    Api.Response run(int i) throws Exception;
  }

  /** Runs n calls at the same moment from n threads; answers in call order. */
  private static List<Api.Response> concurrently(int n, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Api.Response>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<Api.Response> task =
            () -> {
              ready.countDown();
              go.await();
              return call.run(index);
            };
        futures.add(pool.submit(task));
      }
      ready.await();
      go.countDown();
      List<Api.Response> answers = new ArrayList<>();
      for (Future<Api.Response> f : futures) {
        answers.add(f.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
