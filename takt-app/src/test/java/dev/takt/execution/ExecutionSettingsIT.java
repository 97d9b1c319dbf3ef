package dev.takt.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Execution with its settings changed: an over-delivery tolerance of 10 %, and confirmations pushed
 * to a real HTTP server on 127.0.0.1 that fails twice, then accepts.
 */
@TaktIntegrationTest
class ExecutionSettingsIT {

  private static final String SECRET = "erp-shared-secret";
  private static final List<Received> received = new CopyOnWriteArrayList<>();
  private static HttpServer erp;

  record Received(Instant at, int answeredWith, String body, String signature, String id) {}

  @DynamicPropertySource
  static void webhook(DynamicPropertyRegistry registry) throws IOException {
    erp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    erp.createContext(
        "/confirmations",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String id = exchange.getRequestHeaders().getFirst("Takt-Confirmation-Id");
          long earlier = received.stream().filter(r -> r.id().equals(id)).count();
          int status = earlier < 2 ? 503 : 204; // each confirmation fails twice, then passes
          received.add(
              new Received(
                  Instant.now(),
                  status,
                  body,
                  exchange.getRequestHeaders().getFirst("Takt-Signature"),
                  id));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    erp.start();
    String url = "http://127.0.0.1:" + erp.getAddress().getPort() + "/confirmations";
    registry.add("takt.integration.confirmations.webhook-url", () -> url);
    registry.add("takt.integration.confirmations.secret", () -> SECRET);
    registry.add("takt.integration.confirmations.initial-delay", () -> "300ms");
    registry.add("takt.integration.confirmations.max-delay", () -> "1s");
    registry.add("takt.integration.confirmations.poll-interval", () -> "50ms");
    registry.add("takt.execution.over-delivery-tolerance-percent", () -> "10");
  }

  @AfterAll
  static void stop() {
    erp.stop(0);
  }

  @Autowired Api api;
  TestOrders orders;

  @Test
  void retriesWithGrowingDelaysUntilTheErpAcceptsThenMarksItDelivered() throws Exception {
    // given
    ShopFloor floor = new ShopFloor(api);
    orders = new TestOrders(api);
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    floor.start(order.first(), "M1", "RUN").expect(200);

    // when
    floor.reportGood(order.first(), "M1", 7).expect(200);

    // then
    JsonNode confirmation = awaitDelivered(order.orderNumber(), Duration.ofSeconds(20));
    List<Received> attempts = receivedFor(confirmation.path("id").asString());
    assertThat(attempts).extracting(Received::answeredWith).containsExactly(503, 503, 204);
    Duration firstWait = Duration.between(attempts.get(0).at(), attempts.get(1).at());
    Duration secondWait = Duration.between(attempts.get(1).at(), attempts.get(2).at());
    assertThat(firstWait).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(secondWait).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    Received delivered = attempts.get(2);
    assertThat(delivered.signature()).isEqualTo("sha256=" + hmacSha256(SECRET, delivered.body()));
    JsonNode pushed = Api.json(delivered.body());
    assertThat(pushed.path("orderNumber").asString()).isEqualTo(order.orderNumber());
    assertThat(pushed.path("good").path("value").asInt()).isEqualTo(7);
    assertThat(pushed.path("good").path("unit").asString()).isEqualTo("pcs");
    // nothing more is sent once delivered
    Thread.sleep(500);
    assertThat(receivedFor(confirmation.path("id").asString())).hasSize(3);
  }

  @Test
  void allowsGoodOverTheOrderQuantityAndOverWhatWasDeliveredUpToTheTolerance() {
    // given: 100 ordered, 10 % tolerance
    ShopFloor floor = new ShopFloor(api);
    orders = new TestOrders(api);
    TestOrders.AnOrder order = orders.aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    floor.start(order.first(), "M1", "RUN").expect(200);

    // when / then: 110 is fine on the first operation, 110.5 is not
    floor.reportGood(order.first(), "M1", 108).expect(200);
    floor.reportGood(order.first(), "M1", 2.5).expect(409);
    floor.reportGood(order.first(), "M1", 2).expect(200);
    // the second may deliver 10 % over the 110 the first delivered: 121
    floor.start(order.second(), "M2", "RUN").expect(200);
    floor.reportGood(order.second(), "M2", 121).expect(200);
    assertThat(floor.reportGood(order.second(), "M2", 0.001).expect(409).faultyFields())
        .containsExactly("good");
  }

  private JsonNode awaitDelivered(String orderNumber, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode c :
          api.asAdmin().get("/api/v1/confirmations?limit=1000").expect(200).json().path("items")) {
        if (c.path("orderNumber").asString().equals(orderNumber)
            && !c.path("deliveredAt").isNull()) {
          return c;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not delivered within " + timeout + "; the ERP saw " + received);
  }

  private static List<Received> receivedFor(String confirmationId) {
    return received.stream().filter(r -> r.id().equals(confirmationId)).toList();
  }

  private static String hmacSha256(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
