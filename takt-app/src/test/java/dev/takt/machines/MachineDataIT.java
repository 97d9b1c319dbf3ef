package dev.takt.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalKey;
import dev.takt.connector.SignalQuality;
import dev.takt.connector.SignalValue;
import dev.takt.execution.ShopFloor;
import dev.takt.machines.internal.ProcessValues;
import dev.takt.machines.internal.SignalIngest;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Signals as the connectors hand them to the server: durable in the database or, while it is
 * unreachable, in the disk spool, replayed in order; down-sampled into process values; purged after
 * the retention.
 */
@TaktIntegrationTest
@Import(DatabaseOutage.class)
class MachineDataIT {

  @Autowired Api api;
  @Autowired SignalIngest ingest;
  @Autowired ProcessValues processValues;
  @Autowired JdbcClient jdbc;
  ShopFloor floor;
  UUID connection;
  String source;

  @BeforeEach
  void aMappedMachine() {
    floor = new ShopFloor(api);
    source = "cnc-" + UUID.randomUUID().toString().substring(0, 6);
    connection =
        UUID.fromString(
            api.asAdmin()
                .post(
                    "/api/v1/connections",
                    Map.of(
                        "name",
                        source,
                        "site",
                        floor.site,
                        "protocol",
                        "MTCONNECT",
                        "enabled",
                        false,
                        "settings",
                        Map.of("agentUrl", "http://127.0.0.1:5999")))
                .expect(201)
                .json()
                .path("id")
                .asString());
    api.asAdmin()
        .put(
            "/api/v1/work-units/" + floor.site + "/M1/machine-mapping",
            Map.of(
                "connection", source,
                "source", source,
                "signals", Map.of("execution", "exec", "temperature", "temp"),
                "state",
                    Map.of(
                        "signal",
                        "execution",
                        "values",
                        Map.of("ACTIVE", "RUNNING", "STOPPED", "DOWN")),
                "processValues", List.of("temperature")))
        .expect(200);
  }

  @AfterEach
  void databaseIsBack() {
    DatabaseOutage.end();
  }

  private MachineSignal signal(String address, SignalValue value, Instant at) {
    return new MachineSignal(new SignalKey(source, address), value, SignalQuality.GOOD, at, at);
  }

  private List<String> states() {
    List<String> out = new ArrayList<>();
    api.asAdmin()
        .get("/api/v1/work-units/" + floor.site + "/M1/machine-states")
        .expect(200)
        .json()
        .forEach(i -> out.add(i.path("state").asString()));
    return out;
  }

  @Test
  void signalsWaitInTheSpoolWhileTheDatabaseIsAwayAndAreReplayedInOrder() throws Exception {
    // given
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ingest.accept(connection, List.of(signal("exec", SignalValue.of("ACTIVE"), t)));

    // when: the database becomes unreachable while the machine stops and runs again
    DatabaseOutage.begin();
    ingest.accept(connection, List.of(signal("exec", SignalValue.of("STOPPED"), t.plusSeconds(1))));
    ingest.accept(
        connection,
        List.of(
            signal("temp", SignalValue.of(40.5), t.plusSeconds(2)),
            signal("exec", SignalValue.of("ACTIVE"), t.plusSeconds(3))));
    ingest.accept(connection, List.of(signal("exec", SignalValue.of("STOPPED"), t.plusSeconds(4))));
    int waiting = ingest.spooledBatches();
    DatabaseOutage.end();

    // then: every batch was taken (durable on disk), and all come back in order
    assertThat(waiting).isEqualTo(3);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (ingest.spooledBatches() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(ingest.spooledBatches()).isZero();
    assertThat(states()).containsSubsequence("RUNNING", "DOWN", "RUNNING", "DOWN");
    List<Long> times =
        jdbc.sql(
                "SELECT source_ms FROM machines_signal WHERE connection_id = :c AND address = 'exec'"
                    + " ORDER BY source_ms")
            .param("c", connection)
            .query(Long.class)
            .list();
    assertThat(times).hasSize(4);
    JsonNode downtimes =
        api.asAdmin().get("/api/v1/work-units/" + floor.site + "/M1/downtimes").expect(200).json();
    assertThat(downtimes.size()).isEqualTo(2);
    assertThat(downtimes.get(1).path("openedAt").asString()).isEqualTo(t.plusSeconds(1).toString());
  }

  @Test
  void processValuesAreDownSampledIntoBucketsOfAverageMinimumAndMaximum() {
    // given: two minutes of a temperature, one value a second, 0..119
    Instant t = Instant.parse("2026-11-30T10:00:00Z");
    List<MachineSignal> batch = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      batch.add(signal("temp", SignalValue.of(i), t.plusSeconds(i)));
    }
    batch.add(signal("temp", SignalValue.of("sensor fault"), t.plusSeconds(5)));
    ingest.accept(connection, batch);

    // when
    JsonNode series =
        api.asAdmin()
            .get(
                "/api/v1/work-units/"
                    + floor.site
                    + "/M1/process-values/temperature?from="
                    + t
                    + "&to="
                    + t.plusSeconds(120)
                    + "&bucketSeconds=60")
            .expect(200)
            .json();

    // then
    JsonNode points = series.path("points");
    assertThat(points.size()).isEqualTo(2);
    assertThat(points.get(0).path("at").asString()).isEqualTo(t.toString());
    assertThat(points.get(0).path("avg").asDouble()).isEqualTo(29.5);
    assertThat(points.get(0).path("min").asDouble()).isEqualTo(0);
    assertThat(points.get(0).path("max").asDouble()).isEqualTo(59);
    assertThat(points.get(0).path("count").asLong()).isEqualTo(60);
    assertThat(points.get(1).path("avg").asDouble()).isEqualTo(89.5);
    assertThat(points.get(1).path("max").asDouble()).isEqualTo(119);
  }

  @Test
  void refusesProcessValueQueriesThatMakeNoSense() {
    String base = "/api/v1/work-units/" + floor.site + "/M1/process-values/";
    assertThat(api.asAdmin().get(base + "pressure").expect(400).faultyFields()).contains("signal");
    api.asAdmin()
        .get(base + "temperature?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")
        .expect(400);
    api.asAdmin()
        .get(base + "temperature?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z&bucketSeconds=1")
        .expect(400);
    api.asAdmin().get(base + "temperature?bucketSeconds=0").expect(400);
    api.asAdmin().get(base + "temperature?from=yesterday").expect(400);
    api.asAdmin().get(base + "drop%20table").expect(400);
    api.asAdmin()
        .get("/api/v1/work-units/" + floor.site + "/M2/process-values/temperature")
        .expect(404);
  }

  @Test
  void signalsOlderThanTheRetentionArePurged() {
    // given
    Instant now = Instant.now();
    Instant old = now.minus(Duration.ofDays(100));
    ingest.accept(
        connection,
        List.of(signal("temp", SignalValue.of(20), old), signal("temp", SignalValue.of(21), now)));

    // when
    int purged = processValues.purgeReceivedBefore(now.minus(Duration.ofDays(90)));

    // then
    assertThat(purged).isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM machines_signal WHERE connection_id = :c")
                .param("c", connection)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void countsAreBookedOnTheRunningOperationAcrossACounterRollOver() throws Exception {
    // given: M2 counts parts with a counter that rolls over after 99, and runs an operation
    api.asAdmin()
        .put(
            "/api/v1/work-units/" + floor.site + "/M2/machine-mapping",
            Map.of(
                "connection", source,
                "source", source,
                "signals", Map.of("execution", "exec2", "parts", "parts2"),
                "state", Map.of("signal", "execution", "values", Map.of("ACTIVE", "RUNNING")),
                "partCounter", Map.of("signal", "parts", "max", 99)))
        .expect(200);
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ingest.accept(connection, List.of(signal("parts2", SignalValue.of(96), t)));
    ingest.accept(connection, List.of(signal("parts2", SignalValue.of(97), t.plusSeconds(1))));
    dev.takt.execution.TestOrders.AnOrder order =
        new dev.takt.execution.TestOrders(api)
            .aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    floor.start(order.first(), "M2", "RUN").expect(200);

    // when: it makes 98, 99, then rolls over to 0, 1, 2
    ingest.accept(
        connection,
        List.of(
            signal("parts2", SignalValue.of(99), t.plusSeconds(2)),
            signal("parts2", SignalValue.of(2), t.plusSeconds(3))));

    // then: 5 parts booked as good on the operation, as the system; the one before it ran is kept
    // as a count without an operation
    JsonNode progress = floor.progress(order.first());
    assertThat(progress.path("good").path("value").decimalValue()).isEqualByComparingTo("5");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM machines_count WHERE site = :s AND work_unit = 'M2'"
                        + " AND operation_id IS NULL")
                .param("s", floor.site)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    JsonNode audit =
        api.asAdmin()
            .get("/api/v1/audit?entity=OperationExecution&limit=1000")
            .expect(200)
            .json()
            .path("items");
    List<String> actors = new ArrayList<>();
    audit.forEach(
        a -> {
          if (a.path("entityKey").asString().startsWith(order.orderNumber())) {
            actors.add(a.path("actor").asString());
          }
        });
    assertThat(actors).contains("system");
  }

  @Test
  void storesAwkwardTextsAndNumbersAsTheMachineSentThem() {
    // given
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<String> texts =
        List.of("", "say \"hi\", then\nleave", "a,b;c", "tab\there", "nul\u0000byte", "\\N");

    // when
    List<MachineSignal> batch = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      batch.add(signal("text" + i, SignalValue.of(texts.get(i)), t));
    }
    batch.add(signal("big", SignalValue.of(1e300), t));
    batch.add(signal("small", SignalValue.of(-0.000125), t));
    batch.add(signal("flag", SignalValue.of(true), t));
    batch.add(signal("gone", SignalValue.unavailable(), t));
    ingest.accept(connection, batch);

    // then
    for (int i = 0; i < texts.size(); i++) {
      String stored =
          jdbc.sql(
                  "SELECT text_value FROM machines_signal WHERE connection_id = :c AND address = :a")
              .param("c", connection)
              .param("a", "text" + i)
              .query(String.class)
              .single();
      assertThat(stored).isEqualTo(texts.get(i).replace('\u0000', '\uFFFD'));
    }
    assertThat(number("big")).isEqualTo(1e300);
    assertThat(number("small")).isEqualTo(-0.000125);
    assertThat(
            jdbc.sql(
                    "SELECT flag_value FROM machines_signal WHERE connection_id = :c"
                        + " AND address = 'flag'")
                .param("c", connection)
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM machines_signal WHERE connection_id = :c"
                        + " AND address = 'gone' AND num_value IS NULL AND text_value IS NULL"
                        + " AND flag_value IS NULL")
                .param("c", connection)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private double number(String address) {
    return jdbc.sql(
            "SELECT num_value FROM machines_signal WHERE connection_id = :c AND address = :a")
        .param("c", connection)
        .param("a", address)
        .query(Double.class)
        .single();
  }
}
