package dev.takt.product.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.PlantFixture;
import dev.takt.testing.TaktIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A planner keeps the material master in a real browser; the API shows what was saved. */
@TaktIntegrationTest
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialPagesIT {

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
  void aPlannerDefinesRevisesAndDeactivatesAMaterialWithTheForms() {
    // given
    String site = Pages.unique("S").replace("-", "");
    new PlantFixture(api).aSite(site);
    Page page = Pages.loggedIn(browser, api, api.aUserWith(Role.PLANNER, site));
    String number = Pages.unique("SHEET");

    // when: defined through the form
    page.navigate(api.baseUrl() + "/products/materials");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New material")).click();
    page.getByLabel("Number").fill(number);
    page.getByLabel("Description").fill("Steel sheet 2 mm");
    page.getByLabel("Unit").selectOption("kg");
    page.getByLabel("Tracking").selectOption("LOT");
    page.getByLabel("Type").selectOption("RAW");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();

    // then
    assertThat(page.locator(".flash")).containsText("Material " + number + " created.");
    assertThat(page.locator("table.list tbody")).containsText("Steel sheet 2 mm");
    JsonNode saved = api.asAdmin().get("/api/v1/materials/" + number).expect(200).json();
    assertThat(saved.path("unit").asString()).isEqualTo("kg");
    assertThat(saved.path("tracking").asString()).isEqualTo("LOT");
    assertThat(saved.path("description").asString()).isEqualTo("Steel sheet 2 mm");

    // when: revised
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).click();
    page.getByLabel("Description").fill("Steel sheet 2 mm, galvanized");
    page.getByLabel("Type").selectOption("SEMI_FINISHED");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

    // then
    assertThat(page.locator(".flash")).containsText("Material " + number + " saved.");
    JsonNode revised = api.asAdmin().get("/api/v1/materials/" + number).expect(200).json();
    assertThat(revised.path("description").asString()).isEqualTo("Steel sheet 2 mm, galvanized");
    assertThat(revised.path("type").asString()).isEqualTo("SEMI_FINISHED");

    // when: deactivated, after confirming
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).click();
    page.onceDialog(dialog -> dialog.accept());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate")).click();

    // then
    assertThat(page.locator(".flash")).containsText("deactivated");
    JsonNode deactivated = api.asAdmin().get("/api/v1/materials/" + number).expect(200).json();
    assertThat(deactivated.path("active").isBoolean()).isTrue();
    assertThat(deactivated.path("active").asBoolean()).isFalse();
  }

  @Test
  void refusalsShowNextToTheirFieldAndNothingIsWritten() {
    // given
    String site = Pages.unique("S").replace("-", "");
    new PlantFixture(api).aSite(site);
    String existing = Pages.aMaterial(api, "BOLT", "Hex bolt M8", "pcs");
    Page page = Pages.loggedIn(browser, api, api.aUserWith(Role.PLANNER, site));

    // when: a number that exists already
    page.navigate(api.baseUrl() + "/products/materials/new");
    page.getByLabel("Number").fill(existing);
    page.getByLabel("Description").fill("A second bolt");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();

    // then: the error stands next to the number, the form keeps what was typed
    assertThat(page.locator("#number-error")).containsText("exists already");
    assertThat(page.getByLabel("Number")).hasAttribute("aria-invalid", "true");
    assertThat(page.getByLabel("Description")).hasValue("A second bolt");
    Browser.screenshot(page, "products-material-form");
    assertThat(
            api.asAdmin()
                .get("/api/v1/materials/" + existing)
                .json()
                .path("description")
                .asString())
        .isEqualTo("Hex bolt M8");
    assertThat(audit(existing)).hasSize(1);

    // when: a description longer than the API takes
    String fresh = Pages.unique("NUT");
    page.getByLabel("Number").fill(fresh);
    page.getByLabel("Description").fill("x".repeat(201));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();

    // then
    assertThat(page.locator("#description-error")).isVisible();
    assertThat(page.getByLabel("Description")).hasAttribute("aria-invalid", "true");
    api.asAdmin().get("/api/v1/materials/" + fresh).expect(404);
    assertThat(audit(fresh)).isEmpty();
  }

  @Test
  void theListSearchesFiltersAndSortsOnePageAtATime() {
    // given: a family of materials with a common prefix
    String family = "FAM" + Pages.unique("X").substring(2);
    for (int i = 0; i < 5; i++) {
      api.asAdmin()
          .post(
              "/api/v1/materials",
              java.util.Map.of(
                  "number", family + "-" + (100 + i),
                  "description", i % 2 == 0 ? "Aluminium profile " + i : "Gear wheel " + i,
                  "unit", i % 2 == 0 ? "m" : "pcs",
                  "tracking", i == 4 ? "SERIAL" : "LOT",
                  "type", i % 2 == 0 ? "RAW" : "SEMI_FINISHED"))
          .expect(201);
    }
    String site = Pages.unique("S").replace("-", "");
    new PlantFixture(api).aSite(site);
    Page page = Pages.loggedIn(browser, api, api.aUserWith(Role.PLANNER, site));

    // when: searched by the prefix and filtered by type
    page.navigate(api.baseUrl() + "/products/materials");
    page.getByLabel("Search").first().fill(family);
    page.locator("select#type").selectOption("SEMI_FINISHED");
    page.locator("form.toolbar button[type=submit]").click();

    // then
    assertThat(page.locator("table.list tbody tr")).hasCount(2);
    assertThat(page.locator("table.list tbody")).not().containsText("Aluminium");

    // when: all types, sorted by description descending (two clicks)
    page.locator("select#type").selectOption("");
    page.locator("form.toolbar button[type=submit]").click();
    assertThat(page.locator("table.list tbody tr")).hasCount(5);
    page.locator("th[data-sort]", new Page.LocatorOptions().setHasText("Description")).click();
    page.locator("th[data-sort]", new Page.LocatorOptions().setHasText("Description")).click();

    // then
    assertThat(page.locator("table.list tbody tr").first()).containsText("Gear wheel 3");
    Browser.screenshot(page, "products-materials");
  }

  @Test
  void aLongListIsPagedWithTheCursorAndKeepsItsSearch() {
    // given: one page and two more of a family
    String family = "PG" + Pages.unique("X").substring(2);
    for (int i = 0; i < ProductPages.PAGE_SIZE + 2; i++) {
      api.asAdmin()
          .post(
              "/api/v1/materials",
              java.util.Map.of(
                  "number", family + "-" + (1000 + i),
                  "description", "Spacer " + i,
                  "unit", "pcs",
                  "tracking", "NONE",
                  "type", "RAW"))
          .expect(201);
    }
    String site = Pages.unique("S").replace("-", "");
    new PlantFixture(api).aSite(site);
    Page page = Pages.loggedIn(browser, api, api.aUserWith(Role.SUPERVISOR, site));

    // when
    page.navigate(api.baseUrl() + "/products/materials?q=" + family);
    assertThat(page.locator("table.list tbody tr")).hasCount(ProductPages.PAGE_SIZE);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")).click();

    // then: the rest, still searched
    assertThat(page.locator("table.list tbody tr")).hasCount(2);
    assertThat(page.locator("table.list tbody")).containsText(family + "-1051");
    assertThat(page.getByLabel("Search").first()).hasValue(family);

    // when
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("First page")).click();

    // then
    assertThat(page.locator("table.list tbody tr")).hasCount(ProductPages.PAGE_SIZE);
    assertThat(page.locator("table.list tbody")).containsText(family + "-1000");
  }

  @Test
  void anOperatorIsRefusedTheProductsPages() {
    // given
    String site = Pages.unique("S").replace("-", "");
    new PlantFixture(api).aSite(site);
    Page page = Pages.loggedIn(browser, api, api.aUserWith(Role.OPERATOR, site));

    // when
    var response = page.navigate(api.baseUrl() + "/products/materials");

    // then
    assertThat(response.status()).isEqualTo(403);
    assertThat(page.navigate(api.baseUrl() + "/products/routings").status()).isEqualTo(403);
  }

  @Test
  void anAuditorReadsButSeesNoButtonsToChangeAndIsRefusedWrites() {
    // given
    String site = Pages.unique("S").replace("-", "");
    new PlantFixture(api).aSite(site);
    String number = Pages.aMaterial(api, "PIN", "Dowel pin", "pcs");
    Page page = Pages.loggedIn(browser, api, api.aUserWith(Role.AUDITOR, site));

    // when
    page.navigate(api.baseUrl() + "/products/materials/edit/" + number);

    // then
    assertThat(page.locator("h1")).containsText(number);
    assertThat(page.getByLabel("Description")).isDisabled();
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")))
        .hasCount(0);
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate")))
        .hasCount(0);
    page.navigate(api.baseUrl() + "/products/materials");
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New material")))
        .hasCount(0);
    assertThat(page.navigate(api.baseUrl() + "/products/materials/new").status()).isEqualTo(403);
  }

  private JsonNode audit(String number) {
    return api.asAdmin()
        .get("/api/v1/audit?entity=material&key=" + number)
        .expect(200)
        .json()
        .path("items");
  }
}
