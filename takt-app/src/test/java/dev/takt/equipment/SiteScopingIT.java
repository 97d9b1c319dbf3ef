package dev.takt.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Everyone reads the plant model of their own sites; only administrators and the ERP change it. */
@TaktIntegrationTest
class SiteScopingIT {

  @Autowired Api api;
  Plants plants;
  String mine;
  String theirs;
  JsonNode theirArea;

  @BeforeEach
  void twoSites() {
    plants = new Plants(api);
    mine = plants.aSite().path("code").asString();
    theirs = plants.aSite().path("code").asString();
    plants.anAreaIn(mine);
    theirArea = plants.anAreaIn(theirs);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void everyRoleReadsTheModelOfItsSite(Role role) {
    Api.Login user = api.aUserWith(role, mine);

    api.as(user).get("/api/v1/sites/" + mine).expect(200);
    api.as(user).get("/api/v1/sites/" + mine + "/tree").expect(200);
    api.as(user).get("/api/v1/areas?site=" + mine).expect(200);
    api.as(user).get("/api/v1/sites/" + mine + "/shift-calendar").expect(200);
  }

  @Test
  void aUserOfAnotherSiteIsRefusedWith403() {
    // given
    Api.Login planner = api.aUserWith(Role.PLANNER, mine);
    String theirAreaPath = "/api/v1/areas/" + theirArea.path("id").asString();

    // then
    api.as(planner).get("/api/v1/sites/" + theirs).expect(403);
    api.as(planner).get("/api/v1/sites/" + theirs + "/tree").expect(403);
    api.as(planner).get("/api/v1/sites/" + theirs + "/shift-calendar").expect(403);
    api.as(planner)
        .get(
            "/api/v1/sites/"
                + theirs
                + "/shift-calendar/shifts?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z")
        .expect(403);
    api.as(planner).get("/api/v1/areas?site=" + theirs).expect(403);
    api.as(planner).get(theirAreaPath).expect(403);
  }

  @Test
  void listsShowOnlyTheCallersSites() {
    // given
    Api.Login supervisor = api.aUserWith(Role.SUPERVISOR, mine);

    // when
    JsonNode sites = api.as(supervisor).get("/api/v1/sites?limit=500").expect(200).json();
    JsonNode areas = api.as(supervisor).get("/api/v1/areas?limit=500").expect(200).json();

    // then
    assertThat(sites.path("items").size()).isEqualTo(1);
    assertThat(sites.path("items").get(0).path("code").asString()).isEqualTo(mine);
    assertThat(areas.path("items").size()).isEqualTo(1);
    assertThat(areas.path("items").get(0).path("siteCode").asString()).isEqualTo(mine);
  }

  @Test
  void aUserWithoutSitesSeesNothing() {
    Api.Login auditor = api.aUserWith(Role.AUDITOR);

    assertThat(api.as(auditor).get("/api/v1/work-units").expect(200).json().path("items").size())
        .isZero();
    assertThat(api.as(auditor).get("/api/v1/sites").expect(200).json().path("items").size())
        .isZero();
  }

  @Test
  void onlyAdministratorsAndIntegrationsWrite() {
    // given
    Api.Login planner = api.aUserWith(Role.PLANNER, mine);
    String code = Plants.unique("A");

    // when
    var refused =
        api.as(planner)
            .post("/api/v1/areas", Map.of("site", mine, "code", code, "name", "Hall"))
            .expect(403);

    // then
    assertThat(refused.contentType()).startsWith("application/problem+json");
    api.as(planner).delete("/api/v1/sites/" + mine).expect(403);
    assertThat(
            api.asAdmin()
                .get("/api/v1/areas?site=" + mine + "&code=" + code)
                .expect(200)
                .json()
                .path("items")
                .size())
        .isZero();
    plants.assertNoAudit("area", mine + "/" + code);
  }

  @Test
  void onlyAdministratorsAndIntegrationsOfTheSiteChangeItsShiftCalendar() {
    // given
    Api.Login supervisor = api.aUserWith(Role.SUPERVISOR, mine);
    Api.Login erp = api.aUserWith(Role.INTEGRATION, mine);
    String emptyCalendar = "{\"shifts\":[],\"plannedNonWorking\":[],\"version\":0}";
    // a calendar that breaks the rules: the site check still comes first
    String badCalendar =
        "{\"shifts\":[{\"code\":\"X\",\"name\":\"X\",\"start\":\"06:00\","
            + "\"end\":\"06:00\",\"weekdays\":[\"MONDAY\"]}],\"plannedNonWorking\":[],"
            + "\"version\":0}";

    // then
    api.as(supervisor).put("/api/v1/sites/" + mine + "/shift-calendar", emptyCalendar).expect(403);
    api.as(erp).put("/api/v1/sites/" + theirs + "/shift-calendar", badCalendar).expect(403);
    plants.assertNoAudit("shift-calendar", mine);
    plants.assertNoAudit("shift-calendar", theirs);
    api.as(erp).put("/api/v1/sites/" + mine + "/shift-calendar", emptyCalendar).expect(200);
    assertThat(plants.auditOf("shift-calendar", mine).size()).isEqualTo(1);
  }

  @Test
  void anErpIntegrationWritesOnlyOnItsOwnSites() {
    // given
    Api.Login erp = api.aUserWith(Role.INTEGRATION, mine);
    String code = Plants.unique("A");

    // when
    api.as(erp)
        .post("/api/v1/areas", Map.of("site", mine, "code", code, "name", "Hall"))
        .expect(201);
    api.as(erp)
        .post("/api/v1/areas", Map.of("site", theirs, "code", code, "name", "Hall"))
        .expect(403);
    api.as(erp)
        .put(
            "/api/v1/areas/" + theirArea.path("id").asString(),
            Map.of("name", "Taken over", "version", 1))
        .expect(403);
    api.as(erp)
        .post("/api/v1/sites", Map.of("code", Plants.unique("S"), "name", "New", "timeZone", "UTC"))
        .expect(403);

    // then
    plants.assertNoAudit("area", theirs + "/" + code);
    assertThat(plants.auditOf("area", mine + "/" + code).size()).isEqualTo(1);
    assertThat(
            api.asAdmin()
                .get("/api/v1/areas/" + theirArea.path("id").asString())
                .expect(200)
                .json()
                .path("version")
                .asLong())
        .isEqualTo(1);
  }

  @Test
  void identityRefusesAUserForASiteThatDoesNotExist() {
    var refused =
        api.asAdmin()
            .post(
                "/api/v1/users",
                Map.of(
                    "username",
                    "nosite" + Plants.unique("").toLowerCase(),
                    "displayName",
                    "No site",
                    "password",
                    Api.USER_PASSWORD,
                    "roles",
                    List.of(Role.OPERATOR),
                    "sites",
                    List.of(Plants.unique("NONE"))))
            .expect(400);
    assertThat(refused.faultyFields()).containsExactly("sites");
  }
}
