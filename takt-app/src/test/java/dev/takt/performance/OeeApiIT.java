package dev.takt.performance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The OEE API refuses what it cannot answer with a problem naming the field, never a 500. */
@TaktIntegrationTest
class OeeApiIT {

  @Autowired Api api;
  OeeFloor floor;

  @BeforeEach
  void aPress() {
    floor = new OeeFloor(api);
  }

  String scope() {
    return "workUnit:" + floor.site + "/" + floor.unit;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "DEMO",
        "plant:DEMO",
        "site:",
        "workUnit:DEMO",
        "site:DEMO/X",
        "area:DEMO/<script>",
        "workUnit:DEMO/" + "X123456789012345678901"
      })
  void refusesAMalformedScope(String scope) {
    Api.Response r =
        api.asAdmin()
            .get(
                "/api/v1/oee?scope="
                    + java.net.URLEncoder.encode(scope, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(r.expect(400).contentType()).startsWith("application/problem+json");
    assertThat(r.faultyFields()).containsExactly("scope");
  }

  @Test
  void refusesAScopeThatDoesNotExist() {
    assertThat(
            api.asAdmin()
                .get("/api/v1/oee?scope=workCenter:" + floor.site + "/NOPE")
                .expect(400)
                .faultyFields())
        .containsExactly("scope");
    assertThat(api.asAdmin().get("/api/v1/oee?scope=site:NOSUCHSITE").expect(400).faultyFields())
        .containsExactly("scope");
    assertThat(
            api.asAdmin()
                .get("/api/v1/oee?scope=workUnit:" + floor.site + "/NOPE")
                .expect(400)
                .faultyFields())
        .containsExactly("scope");
  }

  @Test
  void refusesBadRanges() {
    String base = "/api/v1/oee?scope=" + scope();
    assertThat(
            api.asAdmin().get(base + "&from=2026-03-02&to=2026-03-01").expect(400).faultyFields())
        .containsExactly("to");
    assertThat(
            api.asAdmin().get(base + "&from=2024-01-01&to=2026-01-01").expect(400).faultyFields())
        .containsExactly("to");
    assertThat(api.asAdmin().get(base + "&from=yesterday").expect(400).faultyFields())
        .containsExactly("from");
    assertThat(api.asAdmin().get(base + "&to=" + "9".repeat(60)).expect(400).faultyFields())
        .containsExactly("to");
    assertThat(api.asAdmin().get(base + "&groupBy=year").expect(400).faultyFields())
        .containsExactly("groupBy");
    assertThat(api.asAdmin().get(base + "&by=machine").expect(400).faultyFields())
        .containsExactly("by");
    assertThat(api.asAdmin().get(base + "&format=xml").expect(400).faultyFields())
        .containsExactly("format");
    assertThat(api.asAdmin().get(base + "&layout=matrix").expect(400).faultyFields())
        .containsExactly("layout");
    assertThat(api.asAdmin().get(base + "&layout=" + "g".repeat(5000)).expect(400).faultyFields())
        .containsExactly("layout");
    assertThat(api.asAdmin().get(base + "&fields=oee,speed").expect(400).faultyFields())
        .containsExactly("fields");
    assertThat(api.asAdmin().get(base + "&fields=" + "x".repeat(5000)).expect(400).faultyFields())
        .containsExactly("fields");
    assertThat(
            api.asAdmin()
                .get("/api/v1/oee/timeline?scope=" + scope() + "&from=2026-03-01&to=2026-03-20")
                .expect(400)
                .faultyFields())
        .containsExactly("to");
  }

  @Test
  void aBadRequestForCsvStillGetsAProblem() {
    Api.Response r =
        api.asAdmin()
            .header("Accept", "text/csv")
            .get("/api/v1/oee?scope=" + scope() + "&groupBy=x");
    assertThat(r.expect(400).contentType()).startsWith("application/problem+json");
  }

  @Test
  void aDashboardCanAskForOnlyTheFiguresItDraws() {
    String path = "/api/v1/oee?scope=" + scope() + "&from=2026-03-02&to=2026-03-03&groupBy=none";
    var all = api.asAdmin().get(path).expect(200).json();

    var some = api.asAdmin().get(path + "&fields=availability,plannedSeconds").expect(200).json();

    assertThat(some.path("fields").toString()).isEqualTo("[\"availability\",\"plannedSeconds\"]");
    assertThat(some.path("rows").size()).isEqualTo(all.path("rows").size());
    var figures = some.path("rows").get(0).path("figures");
    assertThat(figures.propertyNames()).containsExactly("availability", "plannedSeconds");
    assertThat(figures.path("plannedSeconds").asLong())
        .isEqualTo(all.path("rows").get(0).path("figures").path("plannedSeconds").asLong());
  }

  @Test
  void answersAnEmptyRangeWithZerosNotErrors() {
    var report =
        api.asAdmin()
            .get("/api/v1/oee?scope=" + scope() + "&from=2026-03-02&to=2026-03-03&groupBy=none")
            .expect(200)
            .json();
    var f = report.path("rows").get(0).path("figures");
    assertThat(f.path("plannedSeconds").asLong()).isZero();
    assertThat(f.path("oee").isNull()).isTrue();
  }

  @Test
  void operatorsAndOtherSitesAreRefused() {
    Api.Caller operator = api.as(api.aUserWith(Role.OPERATOR, floor.site));
    String otherSite = "X" + floor.site.substring(1);
    new dev.takt.testing.PlantFixture(api).aSite(otherSite);
    Api.Caller elsewhere = api.as(api.aUserWith(Role.SUPERVISOR, otherSite));
    Api.Caller supervisor = api.as(api.aUserWith(Role.SUPERVISOR, floor.site));
    assertThat(operator.get("/api/v1/oee?scope=" + scope()).status()).isEqualTo(403);
    assertThat(elsewhere.get("/api/v1/oee?scope=" + scope()).status()).isEqualTo(403);
    assertThat(elsewhere.get("/api/v1/oee/plant?site=" + floor.site).status()).isEqualTo(403);
    assertThat(api.anonymous().get("/api/v1/oee?scope=" + scope()).status()).isEqualTo(401);
    supervisor.get("/api/v1/oee?scope=" + scope()).expect(200);
    supervisor.get("/api/v1/oee/losses?scope=" + scope()).expect(200);
    supervisor.get("/api/v1/oee/downtimes?scope=" + scope()).expect(200);
    supervisor
        .get("/api/v1/oee/timeline?scope=" + scope() + "&from=2026-03-02&to=2026-03-02")
        .expect(200);
    supervisor.get("/api/v1/oee/plant?site=" + floor.site).expect(200);
  }

  @Test
  void thePlantViewFollowsAnOperationThroughPauseResumeAndCompletion() {
    // given
    java.util.UUID operation = floor.aReleasedOrder("100", java.math.BigDecimal.ONE);
    String plant = "/api/v1/oee/plant?site=" + floor.site;

    // when / then
    floor.start(operation);
    floor.eventually(plant, t -> t.get(0).path("status").asString().equals("RUNNING"));
    floor.pause(operation, floor.breakdown);
    var paused = floor.eventually(plant, t -> t.get(0).path("status").asString().equals("PAUSED"));
    assertThat(paused.get(0).path("reason").asString()).isEqualTo(floor.breakdown);
    floor.resume(operation);
    floor.eventually(plant, t -> t.get(0).path("status").asString().equals("RUNNING"));
    floor.complete(operation);
    var idle = floor.eventually(plant, t -> t.get(0).path("status").asString().equals("IDLE"));
    assertThat(idle.get(0).path("orderNumber").isNull()).isTrue();
  }

  @Test
  void anUnknownOrderIsNotFound() {
    api.asAdmin().get("/api/v1/oee/orders/PO-NOPE").expect(404);
    assertThat(api.asAdmin().get("/api/v1/oee/orders/" + "P".repeat(41)).expect(400).faultyFields())
        .containsExactly("orderNumber");
  }
}
