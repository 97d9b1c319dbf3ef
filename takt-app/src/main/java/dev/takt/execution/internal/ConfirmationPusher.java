package dev.takt.execution.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes confirmations to the ERP's webhook ({@code takt.integration.confirmations.webhook-url};
 * off when empty), one at a time in sequence order, at least once: a confirmation is marked
 * delivered only after a 2xx answer, so a crash between answer and mark sends it again (receivers
 * deduplicate by the {@code Takt-Confirmation-Id} header). A failure waits {@code initial-delay},
 * doubling per attempt up to {@code max-delay}, and holds back the later ones so the ERP gets them
 * in order. With a {@code secret}, each body is signed: {@code Takt-Signature: sha256=<hex of
 * HMAC-SHA256(secret, body)>}.
 *
 * <p>One node pushes: with several Takt nodes, give the URL to one of them (a PostgreSQL advisory
 * lock is the planned way to elect it).
 */
@Component
class ConfirmationPusher {

  private static final Logger log = LoggerFactory.getLogger(ConfirmationPusher.class);

  private final Confirmations confirmations;
  private final TransactionTemplate tx;
  private final JsonMapper json;
  private final Clock clock;
  private final String url;
  private final String secret;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ConfirmationPusher(
      Confirmations confirmations,
      PlatformTransactionManager transactions,
      JsonMapper json,
      Clock clock,
      @Value("${takt.integration.confirmations.webhook-url:}") String url,
      @Value("${takt.integration.confirmations.secret:}") String secret,
      @Value("${takt.integration.confirmations.initial-delay:1s}") Duration initialDelay,
      @Value("${takt.integration.confirmations.max-delay:10m}") Duration maxDelay) {
    this.confirmations = confirmations;
    this.tx = new TransactionTemplate(transactions);
    this.json = json;
    this.clock = clock;
    this.url = url;
    this.secret = secret;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
  }

  @Scheduled(
      initialDelayString = "${takt.integration.confirmations.poll-interval:2s}",
      fixedDelayString = "${takt.integration.confirmations.poll-interval:2s}")
  void pushDue() {
    if (url.isBlank()) {
      return;
    }
    confirmations.numberAll();
    List<Confirmations.Pending> due = tx.execute(s -> confirmations.due(100));
    for (Confirmations.Pending pending : due) {
      long sequence = pending.confirmation().sequence();
      String error = send(pending.confirmation());
      if (error == null) {
        tx.executeWithoutResult(s -> confirmations.delivered(sequence));
      } else {
        Instant next = clock.instant().plus(backOff(pending.attempts()));
        log.info("Confirmation {} not delivered ({}); next try at {}", sequence, error, next);
        tx.executeWithoutResult(s -> confirmations.failed(sequence, next, error));
        return;
      }
    }
  }

  /** initial × 2^attempts, at most max. */
  Duration backOff(int attempts) {
    Duration delay = initialDelay;
    for (int i = 0; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /** Null on success, else what went wrong. */
  private String send(Confirmation c) {
    byte[] body = json.writeValueAsBytes(c);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Takt-Confirmation-Id", c.id().toString())
            .header("Takt-Sequence", String.valueOf(c.sequence()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (!secret.isBlank()) {
      request.header("Takt-Signature", "sha256=" + hmac(body));
    }
    try {
      HttpResponse<Void> response =
          http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (Exception e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private String hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
