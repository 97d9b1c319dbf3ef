package dev.takt.product.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.PlantFixture;
import dev.takt.testing.TaktIntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A planner writes a routing in a real browser on a plant built through the equipment API: drafts
 * it, reorders, releases, copies it to the next version, changes a cycle time and compares the two
 * versions. The API shows what was saved.
 */
@TaktIntegrationTest
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingPagesIT {

  @Autowired Api api;
  Browser browser;

  @BeforeAll
  void openBrowser() {
    browser = new Browser();
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aPlannerDraftsReordersReleasesCopiesAndComparesARouting() {
    // given: a site with two work centers, a material, a planner of that site
    String site = Pages.unique("S").replace("-", "");
    PlantFixture plant = new PlantFixture(api);
    plant.aWorkCenter(site, "SAW", true);
    plant.aWorkCenter(site, "WELD", true);
    String frame = Pages.aMaterial(api, "FRAME", "Bicycle frame", "pcs");
    Page page = Pages.loggedIn(browser, api, api.aUserWith(Role.PLANNER, site));

    // when: drafted with two operations through the form
    page.navigate(api.baseUrl() + "/products/routings");
    assertThat(page.locator("select#site")).hasValue(site);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New routing")).click();
    page.getByLabel("Material").fill(frame);
    assertThat(page.locator("select#site")).hasValue(site);
    fill(page, 0, "Saw tubes", "SAW", "600", "30");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add operation")).click();
    assertThat(page.locator(".notice")).isVisible();
    fill(page, 1, "Weld frame", "WELD", "300", "45");
    page.locator(field(1, "qualification")).fill("WELD-ISO9606");
    save(page);

    // then
    assertThat(page.locator(".flash")).containsText("version 1 drafted");
    JsonNode v1 = routing(frame, site, 1);
    assertThat(v1.path("status").asString()).isEqualTo("DRAFT");
    assertThat(v1.path("operations"))
        .extracting(o -> o.path("workCenter").asString())
        .containsExactly("SAW", "WELD");

    // when: the weld moves before the saw (they swap sequence numbers)
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move operation 20 up"))
        .click();
    assertThat(page.locator(field(0, "description"))).hasValue("Weld frame");
    assertThat(page.locator(field(0, "sequence"))).hasValue("10");
    save(page);

    // then
    assertThat(page.locator(".flash")).containsText("saved");
    v1 = routing(frame, site, 1);
    assertThat(v1.path("operations"))
        .extracting(o -> o.path("sequence").asInt() + " " + o.path("workCenter").asString())
        .containsExactly("10 WELD", "20 SAW");
    assertThat(v1.path("operations").get(0).path("qualification").asString())
        .isEqualTo("WELD-ISO9606");
    Browser.screenshot(page, "products-routing-editor");

    // when: released, after confirming
    page.onceDialog(dialog -> dialog.accept());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release")).click();

    // then: read-only, shown as released
    assertThat(page.locator(".page-head .badge")).hasText("Released");
    assertThat(page.locator("input[name^='operations']")).hasCount(0);
    assertThat(page.locator("table.operations-table tbody tr")).hasCount(2);
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release")))
        .hasCount(0);
    assertThat(routing(frame, site, 1).path("status").asString()).isEqualTo("RELEASED");

    // when: copied to version 2 and the saw's cycle time changed
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy to new draft"))
        .click();
    assertThat(page.locator("h1")).containsText("version 2");
    page.locator(field(1, "cycleSeconds")).fill("27.5");
    save(page);

    // then
    JsonNode v2 = routing(frame, site, 2);
    assertThat(v2.path("status").asString()).isEqualTo("DRAFT");
    assertThat(v2.path("operations").get(1).path("cycleSeconds").decimalValue())
        .isEqualByComparingTo(new BigDecimal("27.5"));
    assertThat(
            routing(frame, site, 1).path("operations").get(1).path("cycleSeconds").decimalValue())
        .isEqualByComparingTo("30");

    // when: compared with the version before
    page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Changes from the version before"))
        .click();

    // then: only the saw's cycle time is highlighted, on both sides
    Locator changed = page.locator(".diff .changed");
    assertThat(changed).hasCount(2);
    assertThat(page.locator(".diff [data-side=left][data-sequence='20'] .changed")).hasText("30");
    assertThat(page.locator(".diff [data-side=right][data-sequence='20'] .changed"))
        .hasText("27.5");
    assertThat(changed.first()).hasAttribute("data-field", "cycleSeconds");
    Browser.screenshot(page, "products-routing-diff");
  }

  @Test
  void theDiffMarksAddedAndRemovedOperations() {
    // given: v1 saws and welds, v2 saws and paints (through the API)
    String site = Pages.unique("S").replace("-", "");
    PlantFixture plant = new PlantFixture(api);
    plant.aWorkCenter(site, "SAW", true);
    plant.aWorkCenter(site, "WELD", true);
    plant.aWorkCenter(site, "PAINT", true);
    String frame = Pages.aMaterial(api, "FRAME", "Bicycle frame", "pcs");
    String v1 =
        api.asAdmin()
            .post(
                "/api/v1/routings",
                Map.of(
                    "material",
                    frame,
                    "site",
                    site,
                    "operations",
                    List.of(op(10, "SAW"), op(20, "WELD"))))
            .expect(201)
            .json()
            .path("id")
            .asString();
    String v2 =
        api.asAdmin()
            .post(
                "/api/v1/routings",
                Map.of(
                    "material",
                    frame,
                    "site",
                    site,
                    "operations",
                    List.of(op(10, "SAW"), op(30, "PAINT"))))
            .expect(201)
            .json()
            .path("id")
            .asString();
    Page page = Pages.loggedIn(browser, api, api.aUserWith(Role.QUALITY, site));

    // when
    page.navigate(api.baseUrl() + "/products/routings/diff?left=" + v1 + "&right=" + v2);

    // then
    assertThat(page.locator(".diff .removed")).hasCount(1);
    assertThat(page.locator(".diff .removed")).containsText("WELD");
    assertThat(page.locator(".diff .added")).hasCount(1);
    assertThat(page.locator(".diff .added")).containsText("PAINT");
    assertThat(page.locator(".diff .changed")).hasCount(0);
  }

  @Test
  void aWorkCenterOfAnotherSiteIsNotOfferedAndAMissingOneIsShownAtItsField() {
    // given
    String site = Pages.unique("S").replace("-", "");
    String other = Pages.unique("S").replace("-", "");
    PlantFixture plant = new PlantFixture(api);
    plant.aWorkCenter(site, "SAW", true);
    plant.aWorkCenter(site, "OLD", false);
    plant.aWorkCenter(other, "LASER", true);
    String frame = Pages.aMaterial(api, "FRAME", "Bicycle frame", "pcs");
    Page page = Pages.loggedIn(browser, api, api.aUserWith(Role.PLANNER, site));

    // when
    page.navigate(api.baseUrl() + "/products/routings/new");

    // then: only the active work centers of the planner's site
    assertThat(page.locator(field(0, "workCenter") + " option"))
        .hasText(new String[] {"Choose a work center", "SAW – Work center SAW"});

    // when: saved without a work center
    page.getByLabel("Material").fill(frame);
    page.locator(field(0, "description")).fill("Saw tubes");
    page.locator(field(0, "cycleSeconds")).fill("30");
    save(page);

    // then
    assertThat(page.locator("[id='operations0.workCenter-error']")).isVisible();
    assertThat(page.locator(field(0, "workCenter"))).hasAttribute("aria-invalid", "true");
    assertThat(
            api.asAdmin()
                .get("/api/v1/routings?material=" + frame)
                .expect(200)
                .json()
                .path("items"))
        .isEmpty();
  }

  @Test
  void aPlannerOfAnotherSiteIsRefusedTheRouting() {
    // given
    String site = Pages.unique("S").replace("-", "");
    String other = Pages.unique("S").replace("-", "");
    PlantFixture plant = new PlantFixture(api);
    plant.aWorkCenter(site, "SAW", true);
    plant.aSite(other);
    String frame = Pages.aMaterial(api, "FRAME", "Bicycle frame", "pcs");
    String id =
        api.asAdmin()
            .post(
                "/api/v1/routings",
                Map.of("material", frame, "site", site, "operations", List.of(op(10, "SAW"))))
            .expect(201)
            .json()
            .path("id")
            .asString();
    Page page = Pages.loggedIn(browser, api, api.aUserWith(Role.PLANNER, other));

    // when / then
    assertThat(page.navigate(api.baseUrl() + "/products/routings/" + id).status()).isEqualTo(403);
    page.navigate(api.baseUrl() + "/products/routings?site=");
    assertThat(page.locator("table.list tbody")).not().containsText(frame);
  }

  private static Map<String, Object> op(int sequence, String workCenter) {
    return Map.of(
        "sequence",
        sequence,
        "description",
        "Operation at " + workCenter,
        "workCenter",
        workCenter,
        "setupSeconds",
        600,
        "cycleSeconds",
        30);
  }

  private static String field(int index, String name) {
    return "[name='operations[" + index + "]." + name + "']";
  }

  private static void fill(
      Page page, int index, String description, String workCenter, String setup, String cycle) {
    page.locator(field(index, "description")).fill(description);
    page.locator(field(index, "workCenter")).selectOption(workCenter);
    page.locator(field(index, "setupSeconds")).fill(setup);
    page.locator(field(index, "cycleSeconds")).fill(cycle);
  }

  private static void save(Page page) {
    page.locator("button.primary[value=save]").click();
  }

  private JsonNode routing(String material, String site, int version) {
    JsonNode items =
        api.asAdmin()
            .get("/api/v1/routings?material=" + material + "&site=" + site)
            .expect(200)
            .json()
            .path("items");
    for (JsonNode r : items) {
      if (r.path("routingVersion").asInt() == version) {
        return r;
      }
    }
    throw new AssertionError("no version " + version + " of " + material + " in " + items);
  }
}
