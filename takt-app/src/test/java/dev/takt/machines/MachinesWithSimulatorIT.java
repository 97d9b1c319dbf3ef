package dev.takt.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.execution.ShopFloor;
import dev.takt.execution.TestOrders;
import dev.takt.machines.simulator.MachineSimulator;
import dev.takt.machines.simulator.SimulatorLifecycle;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Machine data end to end, against the built-in simulator (a real OPC UA server in the test's
 * process, on a free port, driven by the test instead of its autopilot) through the real OPC UA
 * connector: signals become states, intervals, downtimes, bookings and alarms.
 */
@TaktIntegrationTest
@TestPropertySource(properties = {"takt.simulator.enabled=true", "takt.simulator.autopilot=false"})
class MachinesWithSimulatorIT {

  @Autowired Api api;
  @Autowired SimulatorLifecycle lifecycle;
  MachineSimulator sim;
  ShopFloor floor;

  @BeforeEach
  void aShopFloorAndTheSimulator() {
    sim = lifecycle.simulator().orElseThrow();
    floor = new ShopFloor(api);
  }

  private String connectionTo(String machine) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (String v :
        List.of(
            "Execution",
            "SpindleSpeed",
            "SpindleTemperature",
            "PartCount",
            "ScrapCount",
            "Alarm",
            "AlarmText")) {
      items.add(
          Map.of(
              "nodeId",
              MachineSimulator.nodeId(machine, v),
              "source",
              machine,
              "samplingIntervalMs",
              50));
    }
    String name = "sim-" + UUID.randomUUID().toString().substring(0, 8);
    api.asAdmin()
        .post(
            "/api/v1/connections",
            Map.of(
                "name",
                name,
                "site",
                floor.site,
                "protocol",
                "OPCUA",
                "settings",
                Map.of(
                    "endpointUrl",
                    sim.endpointUrl(),
                    "publishingIntervalMs",
                    100,
                    "monitoredItems",
                    items)))
        .expect(201);
    return name;
  }

  private Map<String, Object> signals(String machine) {
    return Map.of(
        "execution", MachineSimulator.nodeId(machine, "Execution"),
        "spindleSpeed", MachineSimulator.nodeId(machine, "SpindleSpeed"),
        "temperature", MachineSimulator.nodeId(machine, "SpindleTemperature"),
        "parts", MachineSimulator.nodeId(machine, "PartCount"),
        "scrap", MachineSimulator.nodeId(machine, "ScrapCount"),
        "alarm", MachineSimulator.nodeId(machine, "Alarm"),
        "alarmText", MachineSimulator.nodeId(machine, "AlarmText"));
  }

  private String unit(String workUnit) {
    return "/api/v1/work-units/" + floor.site + "/" + workUnit;
  }

  private String state(String workUnit) {
    Api.Response r = api.asAdmin().get(unit(workUnit) + "/machine-state");
    return r.status() == 200 ? r.json().path("state").asString() : "none";
  }

  private static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    T last = probe.get();
    while (!done.test(last) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      last = probe.get();
    }
    return last;
  }

  @Test
  void aMachineRunsCountsStopsWithAnAlarmAndLosesItsConnection() throws Exception {
    // given: CNC-01 of the simulator is work unit M1, which runs an operation
    String machine = "CNC-01";
    sim.set(machine, "Execution", "READY");
    sim.set(machine, "SpindleSpeed", 0.0);
    sim.set(machine, "PartCount", 100);
    sim.set(machine, "ScrapCount", 7);
    String connection = connectionTo(machine);
    api.asAdmin()
        .put(
            unit("M1") + "/machine-mapping",
            Map.of(
                "connection", connection,
                "source", machine,
                "signals", signals(machine),
                "state",
                    Map.of(
                        "signal", "execution",
                        "values", Map.of("ACTIVE", "RUNNING", "READY", "IDLE", "STOPPED", "DOWN"),
                        "otherwise", "IDLE"),
                "partCounter", Map.of("signal", "parts", "max", 65535),
                "scrapCounter", Map.of("signal", "scrap", "reason", floor.scrapReason),
                "alarms", List.of(Map.of("signal", "alarm", "text", "alarmText")),
                "processValues", List.of("spindleSpeed", "temperature")))
        .expect(200);
    TestOrders.AnOrder order =
        new TestOrders(api).aReleasedOrderWithTwoOperations(floor.site, floor.workCenter);
    floor.start(order.first(), "M1", "RUN").expect(200);
    assertThat(eventually(() -> state("M1"), "IDLE"::equals)).isEqualTo("IDLE");

    // when: it runs and makes 5 good parts and 2 scrap
    sim.set(machine, "Execution", "ACTIVE");
    sim.set(machine, "SpindleSpeed", 2400.0);
    assertThat(eventually(() -> state("M1"), "RUNNING"::equals)).isEqualTo("RUNNING");
    sim.set(machine, "PartCount", 105);
    sim.set(machine, "ScrapCount", 9);

    // then: booked on the running operation as the system
    JsonNode progress =
        eventually(
            () -> floor.progress(order.first()),
            p ->
                p.path("good").path("value").decimalValue().intValue() == 5
                    && p.path("scrap").path("value").decimalValue().intValue() == 2);
    assertThat(progress.path("good").path("value").decimalValue()).isEqualByComparingTo("5");
    assertThat(progress.path("scrap").path("value").decimalValue()).isEqualByComparingTo("2");

    // when: it stops with an alarm
    sim.set(machine, "AlarmText", "EX1012 Coolant level low");
    sim.set(machine, "Alarm", true);
    sim.set(machine, "Execution", "STOPPED");

    // then: DOWN opens an unclassified downtime in execution, and the alarm shows
    assertThat(eventually(() -> state("M1"), "DOWN"::equals)).isEqualTo("DOWN");
    JsonNode open =
        eventually(
            () -> api.asAdmin().get(unit("M1") + "/downtimes?open=true").expect(200).json(),
            d -> d.size() == 1);
    assertThat(open.size()).isEqualTo(1);
    assertThat(open.get(0).path("unclassified").asBoolean()).isTrue();
    JsonNode alarms =
        eventually(
            () -> api.asAdmin().get(unit("M1") + "/machine-state").expect(200).json(),
            s -> s.path("alarms").size() == 1);
    assertThat(alarms.path("alarms").get(0).asString()).isEqualTo("EX1012 Coolant level low");
    // the operator classifies the stop at the terminal (as the terminal does, through the API)
    Api.Caller operator = api.as(api.aUserWith(dev.takt.shared.Role.OPERATOR, floor.site));
    operator
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .put(
            unit("M1") + "/downtimes/" + open.get(0).path("id").asString(),
            Map.of("reason", floor.downtimeReason))
        .expect(200);

    // when: it runs again
    sim.set(machine, "Alarm", false);
    sim.set(machine, "Execution", "ACTIVE");

    // then: the downtime is closed, waiting for the operator's reason
    assertThat(eventually(() -> state("M1"), "RUNNING"::equals)).isEqualTo("RUNNING");
    JsonNode closed =
        eventually(
            () -> api.asAdmin().get(unit("M1") + "/downtimes?open=false").expect(200).json(),
            d -> d.size() == 1);
    assertThat(closed.get(0).path("closedAt").isNull()).isFalse();
    assertThat(closed.get(0).path("reason").asString()).isEqualTo(floor.downtimeReason);
    List<String> intervals = new ArrayList<>();
    api.asAdmin()
        .get(unit("M1") + "/machine-states")
        .expect(200)
        .json()
        .forEach(i -> intervals.add(i.path("state").asString()));
    assertThat(intervals).containsSubsequence("IDLE", "RUNNING", "DOWN", "RUNNING");
    assertThat(
            api.asAdmin()
                .get(unit("M1") + "/alarms")
                .expect(200)
                .json()
                .get(0)
                .path("clearedAt")
                .isNull())
        .isFalse();

    // when: the machine's server goes away
    sim.stopServer();

    // then: OFFLINE, never the last state
    try {
      assertThat(eventually(() -> state("M1"), "OFFLINE"::equals)).isEqualTo("OFFLINE");
    } finally {
      sim.startServer();
    }
    assertThat(eventually(() -> state("M1"), "RUNNING"::equals)).isEqualTo("RUNNING");

    // and the process values were kept as a time series
    JsonNode series =
        api.asAdmin()
            .get(unit("M1") + "/process-values/spindleSpeed?bucketSeconds=60")
            .expect(200)
            .json();
    // the speed before 2400 may sit in an earlier minute when the test crosses a minute boundary
    List<Double> maxima = new ArrayList<>();
    series.path("points").forEach(p -> maxima.add(p.path("max").asDouble()));
    assertThat(maxima).isNotEmpty().contains(2400.0).allMatch(max -> max <= 2400.0);
  }

  @Test
  void rulesDeriveTheStateAndBadMachineInputIsCountedNotFatal() throws Exception {
    // given: MILL-01 mapped to M2 by rules
    String machine = "MILL-01";
    sim.set(machine, "SpindleSpeed", 0.0);
    sim.set(machine, "Alarm", false);
    sim.set(machine, "PartCount", 3);
    String connection = connectionTo(machine);
    api.asAdmin()
        .put(
            unit("M2") + "/machine-mapping",
            Map.of(
                "connection", connection,
                "source", machine,
                "signals", signals(machine),
                "state",
                    Map.of(
                        "rules",
                        List.of(
                            Map.of("when", "alarm", "then", "DOWN"),
                            Map.of("when", "spindleSpeed > 0 and not alarm", "then", "RUNNING")),
                        "otherwise",
                        "IDLE"),
                "partCounter", Map.of("signal", "parts")))
        .expect(200);
    assertThat(eventually(() -> state("M2"), "IDLE"::equals)).isEqualTo("IDLE");
    String id =
        api.asAdmin()
            .get("/api/v1/connections?site=" + floor.site)
            .expect(200)
            .json()
            .get(0)
            .path("id")
            .asString();

    // when: the machine sends garbage: NaN, a text as part counter, a huge text
    sim.set(machine, "SpindleSpeed", Double.NaN);
    sim.set(machine, "PartCount", "lots");
    sim.set(machine, "AlarmText", "x".repeat(10_000));

    // then: counted per connection, the connection goes on
    JsonNode status =
        eventually(
            () -> api.asAdmin().get("/api/v1/connections/" + id + "/status").expect(200).json(),
            s -> s.path("rejected").asLong() + s.path("invalidInput").asLong() >= 3);
    assertThat(status.path("rejected").asLong() + status.path("invalidInput").asLong())
        .isGreaterThanOrEqualTo(3);
    assertThat(status.path("state").asString()).isEqualTo("CONNECTED");
    assertThat(status.path("recentProblems").size()).isGreaterThanOrEqualTo(1);

    sim.set(machine, "SpindleSpeed", 1800.0);
    assertThat(eventually(() -> state("M2"), "RUNNING"::equals)).isEqualTo("RUNNING");

    // and the integrator browses the server's address space to pick nodes
    String browse = "/api/v1/connections/" + id + "/browse";
    JsonNode root = api.asAdmin().get(browse).expect(200).json();
    String simulator = null;
    for (JsonNode e : root) {
      if (e.path("name").asString().equals("Simulator")) {
        simulator = e.path("address").asString();
      }
    }
    assertThat(simulator).isNotNull();
    JsonNode machines =
        api.asAdmin()
            .get(browse + "?node=" + java.net.URLEncoder.encode(simulator, "UTF-8"))
            .expect(200)
            .json();
    assertThat(machines.toString()).contains("MILL-01");
    assertThat(api.asAdmin().get(browse + "?node=not%20a%20node").expect(400).faultyFields())
        .contains("node");
    api.as(api.aUserWith(dev.takt.shared.Role.PLANNER, floor.site)).get(browse).expect(403);
    sim.set(machine, "Alarm", true);
    assertThat(eventually(() -> state("M2"), "DOWN"::equals)).isEqualTo("DOWN");
  }
}
