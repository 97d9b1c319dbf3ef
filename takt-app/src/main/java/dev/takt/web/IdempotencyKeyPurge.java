package dev.takt.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys after {@code takt.api.idempotency-retention} (default 7 days): a
 * terminal retries within minutes, an ERP within hours; a key older than that is never replayed.
 */
@Component
@EnableScheduling
class IdempotencyKeyPurge {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration retention;

  IdempotencyKeyPurge(
      JdbcClient jdbc,
      Clock clock,
      @Value("${takt.api.idempotency-retention:7d}") Duration retention) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.retention = retention;
  }

  @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
  void purge() {
    jdbc.sql("DELETE FROM web_idempotency_key WHERE created_at < :before")
        .param("before", OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC))
        .update();
  }
}
