package dev.takt.performance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import dev.takt.testing.TestClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Quantity reports reach the OEE counts through a table written in the booking's own transaction
 * and drained in batches: what a terminal was told is booked is counted, even when the drainer was
 * away (a crash) when it was booked, and one report that cannot be applied holds up no other.
 */
@TaktIntegrationTest
@Import(TestClock.Config.class)
class CountIntakeIT {

  static final Instant MONDAY_1000 = Instant.parse("2026-03-02T10:00:00Z");

  @Autowired Api api;
  @Autowired TestClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;
  OeeFloor floor;
  UUID operation;
  Lifecycle drainer;

  @BeforeEach
  void aRunningPressWithItsDrainerAway() {
    clock.set(MONDAY_1000);
    floor = new OeeFloor(api);
    operation = floor.aReleasedOrder("1000", new BigDecimal("30"));
    floor.start(operation);
    drainer = context.getBean("countDrainerThread", Lifecycle.class);
    drainer.stop();
  }

  @AfterEach
  void drainerBack() {
    drainer.start();
  }

  String day() {
    return "/api/v1/oee?scope=workUnit:"
        + floor.site
        + "/"
        + floor.unit
        + "&from=2026-03-02&to=2026-03-03&groupBy=none";
  }

  static JsonNode figures(JsonNode report) {
    return report.path("rows").get(0).path("figures");
  }

  long waitingReports() {
    return jdbc.sql("SELECT COUNT(*) FROM performance_count_intake WHERE site = :site")
        .param("site", floor.site)
        .query(Long.class)
        .single();
  }

  @Test
  void reportsBookedWhileTheDrainerWasAwayAreCountedWhenItIsBack() {
    // given: twelve bookings acknowledged while nothing applies them
    for (int i = 0; i < 12; i++) {
      floor.report(operation, 1, i == 0 ? 2 : 0);
    }
    assertThat(waitingReports()).isEqualTo(12);
    assertThat(figures(api.asAdmin().get(day()).expect(200).json()).path("good").asLong()).isZero();

    // when
    drainer.start();

    // then: every report counted, and none left waiting
    JsonNode f = figures(floor.eventually(day(), r -> figures(r).path("good").asLong() == 12));
    assertThat(f.path("scrap").asLong()).isEqualTo(2);
    assertThat(waitingReports()).isZero();
    // and counted once: the next booking adds one to twelve, not to twenty-four
    floor.report(operation, 1, 0);
    floor.eventually(day(), r -> figures(r).path("good").asLong() == 13);
  }

  @Test
  void reportsAServerStoppedBeforeTheUpgradeStillHeldAreCounted() {
    // given: a quantity report the former event handler had not applied (in the publication
    // registry, as that server serialized it)
    UUID publication = UUID.randomUUID();
    String event =
        """
        {"operationId":"%s","orderNumber":"%s","material":"PART","site":"%s","workUnit":"%s",\
        "good":{"value":5,"unit":"pcs","negative":false},\
        "scrap":{"value":0,"unit":"pcs","negative":false},"scrapReason":null,\
        "rework":{"value":0,"unit":"pcs","negative":false},"reworkReason":null,\
        "operator":"admin","outputLot":null,"serials":[],"at":"2026-03-02T10:05:00Z"}"""
            .formatted(operation, floor.orderOf(operation), floor.site, floor.unit);
    jdbc.sql(
            """
            INSERT INTO event_publication (id, listener_id, event_type, serialized_event,
              publication_date, status, completion_attempts)
            VALUES (:id, :listener, 'dev.takt.execution.QuantityReported', :event, :at,
              'PUBLISHED', 1)
            """)
        .param("id", publication)
        .param(
            "listener",
            "dev.takt.performance.internal.EventRecorder.on(dev.takt.execution.QuantityReported)")
        .param("event", event)
        .param("at", java.time.OffsetDateTime.parse("2026-03-02T10:05:00Z"))
        .update();

    // when: the upgraded server starts
    drainer.start();

    // then
    floor.eventually(day(), r -> figures(r).path("good").asLong() == 5);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE id = :id")
                .param("id", publication)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aReportThatCannotBeAppliedIsSetAsideWithoutHoldingUpTheOthers() {
    // given: a report too large for the count columns (13 digits of parts at 30 s each), then
    // three good parts booked at the terminal
    jdbc.sql(
            """
            INSERT INTO performance_count_intake (site, work_unit, order_number, operation_id,
              reported_at, good, scrap, rework)
            VALUES (:site, :unit, :order, :op, :at, 9999999999999, 0, 0)
            """)
        .param("site", floor.site)
        .param("unit", floor.unit)
        .param("order", floor.orderOf(operation))
        .param("op", operation)
        .param("at", java.time.OffsetDateTime.parse("2026-03-02T10:00:00Z"))
        .update();
    floor.report(operation, 3, 0);

    // when
    drainer.start();

    // then: the three are counted; the large one is set aside after five attempts (the drainer
    // looks every second)
    floor.eventually(day(), r -> figures(r).path("good").asLong() == 3);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (attemptsOfTheLargeReport() < 5 && System.nanoTime() < deadline) {
      pause();
    }
    assertThat(attemptsOfTheLargeReport()).isEqualTo(5);
    // and later bookings are counted past it, while it stays aside
    floor.report(operation, 1, 0);
    floor.eventually(day(), r -> figures(r).path("good").asLong() == 4);
    assertThat(waitingReports()).isEqualTo(1);
    assertThat(attemptsOfTheLargeReport()).isEqualTo(5);
  }

  static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  int attemptsOfTheLargeReport() {
    return jdbc.sql(
            "SELECT attempts FROM performance_count_intake WHERE site = :site AND good > 1000")
        .param("site", floor.site)
        .query(Integer.class)
        .single();
  }
}
