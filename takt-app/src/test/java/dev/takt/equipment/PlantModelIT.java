package dev.takt.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@TaktIntegrationTest
class PlantModelIT {

  @Autowired Api api;
  @Autowired Equipment equipment;
  Plants plants;

  @BeforeEach
  void fixtures() {
    plants = new Plants(api);
  }

  @Test
  void buildsAPlantFromSiteToMachineAndReadsItBack() {
    // given
    String site = Plants.unique("P");

    // when
    var created =
        api.asAdmin()
            .post(
                "/api/v1/sites",
                Map.of("code", site, "name", "Plant Berlin", "timeZone", "Europe/Berlin"))
            .expect(201);
    api.asAdmin()
        .post("/api/v1/areas", Map.of("site", site, "code", "ASM", "name", "Assembly"))
        .expect(201);
    var wc =
        api.asAdmin()
            .post(
                "/api/v1/work-centers",
                Map.of("site", site, "area", "ASM", "code", "WC-10", "name", "Line 10"))
            .expect(201);
    var unit =
        api.asAdmin()
            .post(
                "/api/v1/work-units",
                Map.of("site", site, "workCenter", "WC-10", "code", "M-1", "name", "Press 1"))
            .expect(201);

    // then
    String siteId = created.json().path("id").asString();
    assertThat(created.header("Location")).endsWith("/api/v1/sites/" + siteId);
    assertThat(
            api.asAdmin()
                .get("/api/v1/sites/" + site)
                .expect(200)
                .json()
                .path("timeZone")
                .asString())
        .isEqualTo("Europe/Berlin");
    assertThat(
            api.asAdmin().get("/api/v1/sites/" + siteId).expect(200).json().path("code").asString())
        .isEqualTo(site);
    JsonNode unitRead = api.asAdmin().get(unit.header("Location")).expect(200).json();
    assertThat(unitRead.path("siteCode").asString()).isEqualTo(site);
    assertThat(unitRead.path("areaCode").asString()).isEqualTo("ASM");
    assertThat(unitRead.path("workCenterCode").asString()).isEqualTo("WC-10");
    assertThat(unitRead.path("version").asLong()).isEqualTo(1);
    JsonNode found =
        api.asAdmin().get("/api/v1/work-centers?site=" + site + "&code=WC-10").expect(200).json();
    assertThat(found.path("items").size()).isEqualTo(1);
    assertThat(found.path("items").get(0).path("id").asString())
        .isEqualTo(wc.json().path("id").asString());
    assertThat(equipment.workCenter(site, "WC-10")).map(WorkCenterView::areaCode).hasValue("ASM");
    assertThat(equipment.siteExists(site)).isTrue();
    assertThat(plants.auditOf("site", site).size()).isEqualTo(1);
    assertThat(plants.auditOf("work-center", site + "/WC-10").get(0).path("action").asString())
        .isEqualTo("CREATE");
    assertThat(plants.auditOf("work-unit", site + "/M-1").size()).isEqualTo(1);
  }

  @Test
  void drawsTheSiteAsANestedTree() {
    // given
    String site = plants.aSite().path("code").asString();
    String area = plants.anAreaIn(site).path("code").asString();
    String wc = plants.aWorkCenterIn(site, area).path("code").asString();
    String unit = plants.aWorkUnitIn(site, wc).path("code").asString();

    // when
    JsonNode tree = api.asAdmin().get("/api/v1/sites/" + site + "/tree").expect(200).json();

    // then
    assertThat(tree.path("code").asString()).isEqualTo(site);
    JsonNode areaNode = tree.path("areas").get(0);
    assertThat(areaNode.path("code").asString()).isEqualTo(area);
    JsonNode wcNode = areaNode.path("children").get(0);
    assertThat(wcNode.path("code").asString()).isEqualTo(wc);
    assertThat(wcNode.path("children").get(0).path("code").asString()).isEqualTo(unit);
  }

  @Test
  void renamesWithTheVersionReadAndRefusesAStaleOne() {
    // given
    String site = plants.aSite().path("code").asString();
    JsonNode area = plants.anAreaIn(site);
    String path = "/api/v1/areas/" + area.path("id").asString();

    // when
    JsonNode renamed =
        api.asAdmin().put(path, Map.of("name", "Final assembly", "version", 1)).expect(200).json();
    var stale = api.asAdmin().put(path, Map.of("name", "Again", "version", 1)).expect(409);

    // then
    assertThat(renamed.path("version").asLong()).isEqualTo(2);
    assertThat(stale.faultyFields()).containsExactly("version");
    assertThat(api.asAdmin().get(path).expect(200).json().path("name").asString())
        .isEqualTo("Final assembly");
    assertThat(plants.auditOf("area", site + "/" + area.path("code").asString()).size())
        .isEqualTo(2);
  }

  @Test
  void changesASitesTimeZoneButRefusesAnUnknownOne() {
    String site = plants.aSite().path("code").asString();

    var bad =
        api.asAdmin()
            .put(
                "/api/v1/sites/" + site,
                Map.of("name", "Plant", "timeZone", "Mars/Olympus", "version", 1))
            .expect(400);
    JsonNode changed =
        api.asAdmin()
            .put(
                "/api/v1/sites/" + site,
                Map.of("name", "Plant", "timeZone", "America/New_York", "version", 1))
            .expect(200)
            .json();

    assertThat(bad.faultyFields()).containsExactly("timeZone");
    assertThat(changed.path("timeZone").asString()).isEqualTo("America/New_York");
  }

  @Test
  void movesAWorkCenterToAnotherAreaAndAWorkUnitToAnotherWorkCenter() {
    // given
    String site = plants.aSite().path("code").asString();
    String assembly = plants.anAreaIn(site).path("code").asString();
    String painting = plants.anAreaIn(site).path("code").asString();
    JsonNode line = plants.aWorkCenterIn(site, assembly);
    String otherLine = plants.aWorkCenterIn(site, painting).path("code").asString();
    JsonNode press = plants.aWorkUnitIn(site, line.path("code").asString());

    // when
    JsonNode movedLine =
        api.asAdmin()
            .put(
                "/api/v1/work-centers/" + line.path("id").asString(),
                Map.of("area", painting, "name", "Line", "version", 1))
            .expect(200)
            .json();
    JsonNode movedPress =
        api.asAdmin()
            .put(
                "/api/v1/work-units/" + press.path("id").asString(),
                Map.of("workCenter", otherLine, "name", "Press", "version", 1))
            .expect(200)
            .json();

    // then
    assertThat(movedLine.path("areaCode").asString()).isEqualTo(painting);
    assertThat(movedPress.path("workCenterCode").asString()).isEqualTo(otherLine);
    assertThat(movedPress.path("areaCode").asString()).isEqualTo(painting);
    assertThat(
            api.asAdmin()
                .get("/api/v1/work-centers?site=" + site + "&area=" + painting)
                .expect(200)
                .json()
                .path("items")
                .size())
        .isEqualTo(2);
  }

  @Test
  void refusesToMoveToAParentThatDoesNotExistInTheSite() {
    // given an area of another site with the same code
    String site = plants.aSite().path("code").asString();
    String otherSite = plants.aSite().path("code").asString();
    String area = plants.anAreaIn(site).path("code").asString();
    String foreignArea = plants.anAreaIn(otherSite).path("code").asString();
    JsonNode line = plants.aWorkCenterIn(site, area);

    // when
    var refused =
        api.asAdmin()
            .put(
                "/api/v1/work-centers/" + line.path("id").asString(),
                Map.of("area", foreignArea, "name", "Line", "version", 1))
            .expect(400);

    // then
    assertThat(refused.faultyFields()).containsExactly("area");
    assertThat(plants.auditOf("work-center", site + "/" + line.path("code").asString()).size())
        .isEqualTo(1);
  }

  @Test
  void otherModulesSeeAMoveAndADeactivationAsSoonAsTheyAreSaved() {
    // given: a booking module has just read the press (it is kept for a few seconds)
    String site = plants.aSite().path("code").asString();
    String area = plants.anAreaIn(site).path("code").asString();
    String line = plants.aWorkCenterIn(site, area).path("code").asString();
    String otherLine = plants.aWorkCenterIn(site, area).path("code").asString();
    JsonNode press = plants.aWorkUnitIn(site, line);
    String pressCode = press.path("code").asString();
    String pressPath = "/api/v1/work-units/" + press.path("id").asString();
    assertThat(equipment.workUnit(site, pressCode))
        .map(WorkUnitView::workCenterCode)
        .hasValue(line);

    // when / then: moved, it is at once at the other line
    api.asAdmin()
        .put(pressPath, Map.of("workCenter", otherLine, "name", "Press", "version", 1))
        .expect(200);
    assertThat(equipment.workUnit(site, pressCode))
        .map(WorkUnitView::workCenterCode)
        .hasValue(otherLine);

    // and deactivated, at once inactive
    api.asAdmin().delete(pressPath).expect(204);
    assertThat(equipment.workUnit(site, pressCode)).map(WorkUnitView::active).hasValue(false);
  }

  @Test
  void deactivatesFromTheBottomUpAndRefusesAParentWithActiveChildren() {
    // given
    JsonNode siteNode = plants.aSite();
    String site = siteNode.path("code").asString();
    JsonNode area = plants.anAreaIn(site);
    JsonNode line = plants.aWorkCenterIn(site, area.path("code").asString());
    JsonNode press1 = plants.aWorkUnitIn(site, line.path("code").asString());
    JsonNode press2 = plants.aWorkUnitIn(site, line.path("code").asString());
    String linePath = "/api/v1/work-centers/" + line.path("id").asString();

    // when / then
    var refused = api.asAdmin().delete(linePath).expect(409);
    assertThat(refused.json().path("detail").asString()).contains("2 active work-unit");
    api.asAdmin().delete("/api/v1/sites/" + site).expect(409);
    api.asAdmin().delete("/api/v1/work-units/" + press1.path("id").asString()).expect(204);
    api.asAdmin().delete("/api/v1/work-units/" + press2.path("id").asString()).expect(204);
    api.asAdmin().delete(linePath).expect(204);
    api.asAdmin().delete("/api/v1/areas/" + area.path("id").asString()).expect(204);
    api.asAdmin().delete("/api/v1/sites/" + site).expect(204);
    api.asAdmin().delete("/api/v1/sites/" + site).expect(204);

    assertThat(api.asAdmin().get(linePath).expect(200).json().path("active").asBoolean()).isFalse();
    assertThat(
            api.asAdmin()
                .get("/api/v1/work-units?site=" + site + "&active=true")
                .expect(200)
                .json()
                .path("items")
                .size())
        .isZero();
    JsonNode siteAudit = plants.auditOf("site", site);
    assertThat(siteAudit.size()).isEqualTo(2);
    assertThat(siteAudit.get(1).path("action").asString()).isEqualTo("DELETE");
    // a unit cannot come back under an inactive work center
    api.asAdmin()
        .put(
            "/api/v1/work-units/" + press1.path("id").asString(),
            Map.of(
                "workCenter",
                line.path("code").asString(),
                "name",
                "Press",
                "active",
                true,
                "version",
                2))
        .expect(409);
    // nor can a new area open in a closed site
    api.asAdmin()
        .post("/api/v1/areas", Map.of("site", site, "code", "NEW", "name", "New hall"))
        .expect(409);
  }

  @Test
  void pagesThroughAListWithoutSkippingOrRepeating() {
    // given
    String site = plants.aSite().path("code").asString();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      codes.add(plants.anAreaIn(site).path("code").asString());
    }

    // when
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          api.asAdmin()
              .get(
                  "/api/v1/areas?site="
                      + site
                      + "&limit=2"
                      + (cursor == null ? "" : "&after=" + cursor))
              .expect(200)
              .json();
      page.path("items").forEach(a -> seen.add(a.path("code").asString()));
      JsonNode next = page.path("nextCursor");
      cursor = next.isString() ? next.asString() : null;
      pages++;
    } while (cursor != null && pages < 10);

    // then
    assertThat(seen).containsExactlyElementsOf(codes.stream().sorted().toList());
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void refusesACursorItDidNotHandOut() {
    var refused = api.asAdmin().get("/api/v1/areas?after=not*a*cursor").expect(400);
    assertThat(refused.faultyFields()).containsExactly("after");
  }

  @Test
  void unknownIdsAreNotFound() {
    api.asAdmin().get("/api/v1/sites/NOPE").expect(404);
    api.asAdmin().get("/api/v1/work-units/00000000-0000-0000-0000-000000000000").expect(404);
    api.asAdmin().delete("/api/v1/areas/00000000-0000-0000-0000-000000000000").expect(404);
  }
}
