package dev.takt.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.PostgresReachable;
import dev.takt.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * A newcomer's first start with the demo plant: everything the demo promises is there, readable
 * through the API, audited, and the printed credentials work.
 */
@ExtendWith({PostgresReachable.class, OutputCaptureExtension.class})
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "takt.demo.data=on",
      "takt.simulator.enabled=true",
      "takt.simulator.port=0",
      "takt.admin.password=" + Api.ADMIN_PASSWORD,
      "takt.security.bcrypt-strength=4",
      "logging.level.root=WARN"
    })
@ContextConfiguration(initializers = TestDatabase.class)
@Import(Api.class)
class DemoPlantIT {

  @Autowired Api api;

  @Test
  void theDemoMachinesShowLiveStatesFromTheBuiltInSimulatorWithinAMinute() throws Exception {
    JsonNode connections = api.asAdmin().get("/api/v1/connections?site=DEMO").expect(200).json();
    assertThat(connections.get(0).path("name").asString()).isEqualTo("SIM-OPCUA");
    long deadline = System.currentTimeMillis() + 60_000;
    List<String> live = new ArrayList<>();
    while (System.currentTimeMillis() < deadline) {
      live.clear();
      api.asAdmin()
          .get("/api/v1/machine-states?site=DEMO")
          .expect(200)
          .json()
          .forEach(
              s -> {
                if (!s.path("state").asString().equals("OFFLINE")) {
                  live.add(s.path("workUnit").asString());
                }
              });
      if (live.size() == 3) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(live).containsExactlyInAnyOrder("CNC-01", "CNC-02", "MILL-01");
  }

  @Test
  void theLivePlantAndTheOeeDashboardHaveSomethingToShowOnTheFirstStart() throws Exception {
    // the test bench is down (booked through execution; applied to the plant view on its own
    // thread)
    JsonNode bench = null;
    for (int i = 0; i < 100; i++) {
      for (JsonNode tile : api.asAdmin().get("/api/v1/oee/plant?site=DEMO").expect(200).json()) {
        if (tile.path("workUnit").asString().equals("TEST-01")) {
          bench = tile;
        }
      }
      if (bench != null && bench.path("status").asString().equals("DOWN")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(bench).isNotNull();
    assertThat(bench.path("status").asString()).isEqualTo("DOWN");
    assertThat(bench.path("reason").asString()).isEqualTo("BRK-HYD");

    // and the last week has history to chart
    JsonNode week =
        api.asAdmin().get("/api/v1/oee?scope=site:DEMO&groupBy=none").expect(200).json();
    assertThat(week.path("rows").get(0).path("figures").path("total").decimalValue()).isPositive();
    assertThat(
            api.asAdmin()
                .get("/api/v1/oee/losses?scope=site:DEMO")
                .expect(200)
                .json()
                .path("downtimeByReason")
                .size())
        .isPositive();
  }

  @Test
  void theDemoPlantHasASiteWithMachinesAndAWorkingWeek() {
    JsonNode site = api.asAdmin().get("/api/v1/sites/DEMO").expect(200).json();
    assertThat(site.path("timeZone").asString()).isEqualTo("Europe/Berlin");

    JsonNode units =
        api.asAdmin().get("/api/v1/work-units?site=DEMO").expect(200).json().path("items");
    assertThat(codes(units))
        .contains("CNC-01", "CNC-02", "MILL-01", "ASSY-01", "ASSY-02", "TEST-01");

    // The week of 2026-11-23 (Monday) in Berlin: three shifts on five weekdays.
    JsonNode shifts =
        api.asAdmin()
            .get(
                "/api/v1/sites/DEMO/shift-calendar/shifts?from=2026-11-22T23:00:00Z&to=2026-11-29T23:00:00Z")
            .expect(200)
            .json();
    assertThat(shifts.size()).isEqualTo(15);
    shifts.forEach(s -> assertThat(s.path("plannedProductionMinutes").asInt()).isEqualTo(450));
  }

  @Test
  void theDemoPlantHasAPumpWithReleasedBomAndRoutingAndADraftOfTheNextRouting() {
    JsonNode pump = api.asAdmin().get("/api/v1/materials/FG-PUMP-100").expect(200).json();
    assertThat(pump.path("tracking").asString()).isEqualTo("SERIAL");

    JsonNode bom =
        api.asAdmin()
            .get("/api/v1/boms?material=FG-PUMP-100&status=RELEASED")
            .expect(200)
            .json()
            .path("items");
    assertThat(bom.size()).isEqualTo(1);
    assertThat(bom.get(0).path("items").size()).isEqualTo(5);

    JsonNode routings =
        api.asAdmin()
            .get("/api/v1/routings?material=FG-PUMP-100&site=DEMO")
            .expect(200)
            .json()
            .path("items");
    List<String> statuses = new ArrayList<>();
    routings.forEach(r -> statuses.add(r.path("status").asString()));
    assertThat(statuses).containsExactlyInAnyOrder("RELEASED", "DRAFT");
  }

  @Test
  void theDemoPlantHasReasonCataloguesForDowntimeScrapAndRework() {
    JsonNode tree = api.asAdmin().get("/api/v1/reasons/tree?kind=DOWNTIME").expect(200).json();
    assertThat(tree.size()).isGreaterThanOrEqualTo(5);
    assertThat(
            api.asAdmin().get("/api/v1/reasons?kind=SCRAP").expect(200).json().path("items").size())
        .isGreaterThanOrEqualTo(3);
    assertThat(
            api.asAdmin()
                .get("/api/v1/reasons?kind=REWORK")
                .expect(200)
                .json()
                .path("items")
                .size())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void thePrintedCredentialsLetThePlannerAndAnOperatorIn(CapturedOutput output) {
    Matcher password = Pattern.compile("erp\\s+password (\\S+)").matcher(output.getAll());
    assertThat(password.find()).as("the log lists the demo users' password").isTrue();
    var planner = new Api.Login("planner", password.group(1));
    JsonNode me = api.as(planner).get("/api/v1/me").expect(200).json();
    assertThat(me.path("roles").toString()).contains("PLANNER");
    assertThat(me.path("sites").toString()).contains("DEMO");

    Matcher badge =
        Pattern.compile("operator1\\s+badge (\\S+)\\s+PIN (\\d{4})").matcher(output.getAll());
    assertThat(badge.find()).as("the log lists operator1's badge and PIN").isTrue();
  }

  @Test
  void theDemoPlantHasReleasedOrdersForTheTerminalsAndOneLeftToRelease() {
    JsonNode released =
        api.asAdmin()
            .get("/api/v1/production-orders?site=DEMO&status=RELEASED")
            .expect(200)
            .json()
            .path("items");
    assertThat(released.size()).isEqualTo(4);
    assertThat(
            api.asAdmin()
                .get("/api/v1/production-orders?site=DEMO&status=CREATED")
                .expect(200)
                .json()
                .path("items")
                .size())
        .isEqualTo(1);
  }

  @Test
  void theDemoPlantHasAReleasedBarLotForCnc01AndAShippedPumpHistoryToTrace() {
    JsonNode bar = api.asAdmin().get("/api/v1/lots/AL-2611-01").expect(200).json();
    assertThat(bar.path("status").asString()).isEqualTo("RELEASED");
    assertThat(bar.path("material").asString()).isEqualTo("RM-AL6061-80");

    JsonNode pump = api.asAdmin().get("/api/v1/lots/PO-09002-0001").expect(200).json();
    JsonNode backward =
        api.asAdmin()
            .get("/api/v1/lots/" + pump.path("id").asString() + "/trace?direction=backward")
            .expect(200)
            .json();
    List<String> inputs = new ArrayList<>();
    backward.path("lots").forEach(n -> inputs.add(n.path("lot").path("lotNumber").asString()));
    assertThat(inputs).contains("H-09001", "AL-2610-01", "IMP-2611-01", "SK-2611-01");

    JsonNode oldBar = api.asAdmin().get("/api/v1/lots/AL-2610-01").expect(200).json();
    JsonNode forward =
        api.asAdmin()
            .get("/api/v1/lots/" + oldBar.path("id").asString() + "/trace?direction=forward")
            .expect(200)
            .json();
    assertThat(forward.path("lots").size()).isEqualTo(7);
    assertThat(forward.path("shipments").size()).isEqualTo(5);
  }

  @Test
  void theSeedIsAuditedAsTheSystemAndTheChainIsIntact() {
    JsonNode records =
        api.asAdmin().get("/api/v1/audit?entity=site&key=DEMO").expect(200).json().path("items");
    assertThat(records.get(0).path("actor").asString()).isEqualTo("system");
    assertThat(
            api.asAdmin().get("/api/v1/audit/verify").expect(200).json().path("intact").asBoolean())
        .isTrue();
  }

  private static List<String> codes(JsonNode items) {
    List<String> codes = new ArrayList<>();
    items.forEach(i -> codes.add(i.path("code").asString()));
    return codes;
  }
}
