package dev.takt.reasons.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.TaktIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A supervisor keeps the downtime catalogue on the reason pages. */
@TaktIntegrationTest
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReasonPagesIT {

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
  void aSupervisorCreatesADowntimeCategoryAndAColouredReasonUnderIt() {
    // given a supervisor on the downtime tab
    String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String category = "BRK-" + suffix;
    String reason = "SPINDLE-" + suffix;
    Api.Login supervisor = api.aUserWith(Role.SUPERVISOR);
    Page page = logIn(supervisor);
    page.navigate(api.baseUrl() + "/reasons");
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Downtime")))
        .hasAttribute("aria-current", "page");

    // when they create a category, unplanned, counting as equipment failure
    page.getByText("New category").click();
    page.getByLabel("Code").fill(category);
    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Breakdowns");
    page.getByLabel("Colour").fill("#c62828");
    page.getByLabel("Planned stop?").selectOption("false");
    page.getByLabel("Loss category").selectOption("EQUIPMENT_FAILURE");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
    assertThat(page.locator(".flash")).containsText(category);

    // and a reason under it with a code the API refuses
    page.getByLabel("Add a reason under " + category).click();
    assertThat(page.getByLabel("Category above")).hasValue(category);
    page.getByLabel("Code").fill("spindle broken");
    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Spindle broken");
    page.getByLabel("Colour").fill("#1e88e5");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();

    // then the error stands next to the code
    assertThat(page.locator("#code-error")).containsText("capital letters");
    Browser.screenshot(page, "reasons-form");
    assertThat(page.locator("#code")).hasAttribute("aria-invalid", "true");
    assertThat(page.getByLabel("Category above")).hasValue(category);

    // when the code is right
    page.getByLabel("Code").fill(reason);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();

    // then the tree shows the reason under its category, its colour and its inherited loss
    Locator node =
        page.locator("ul.tree li li").filter(new Locator.FilterOptions().setHasText(reason));
    assertThat(node).isVisible();
    assertThat(node.locator(".swatch"))
        .hasAttribute(
            "style",
            java.util.regex.Pattern.compile("#1E88E5", java.util.regex.Pattern.CASE_INSENSITIVE));
    assertThat(node.locator(".badge.loss")).hasText("Equipment failure (inherited)");
    assertThat(node.locator(".badge.unplanned")).containsText("(inherited)");
    Browser.screenshot(page, "reasons-tree");

    // and the API agrees
    JsonNode stored =
        api.asAdmin()
            .get("/api/v1/reasons?kind=DOWNTIME&code=" + reason)
            .expect(200)
            .json()
            .path("items")
            .get(0);
    assertThat(stored.path("parent").asString()).isEqualTo(category);
    assertThat(stored.path("colour").asString()).isEqualTo("#1E88E5");
    assertThat(stored.path("lossCategory").isNull()).isTrue();
    assertThat(stored.path("effectiveLossCategory").asString()).isEqualTo("EQUIPMENT_FAILURE");
    assertThat(stored.path("effectivePlanned").asBoolean()).isFalse();

    // when the reason is renamed, then deactivated
    node.getByRole(AriaRole.LINK).first().click();
    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Spindle failure");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    assertThat(page.locator(".flash")).containsText(reason);
    page.locator("ul.tree").getByText(reason).click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate")).click();

    // then the API shows both changes
    JsonNode changed =
        api.asAdmin()
            .get("/api/v1/reasons?kind=DOWNTIME&code=" + reason)
            .json()
            .path("items")
            .get(0);
    assertThat(changed.path("name").asString()).isEqualTo("Spindle failure");
    assertThat(changed.path("active").asBoolean()).isFalse();
  }

  @Test
  void aDuplicateCodeIsRefusedNextToTheCodeOnTheScrapTab() {
    // given a scrap reason
    String code = "SCR-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    api.asAdmin()
        .post(
            "/api/v1/reasons",
            java.util.Map.of("kind", "SCRAP", "code", code, "name", "Burr", "colour", "#795548"))
        .expect(201);
    Page page = logIn(api.aUserWith(Role.QUALITY));
    page.navigate(api.baseUrl() + "/reasons?kind=SCRAP");
    assertThat(page.locator("table.list")).containsText(code);
    assertThat(page.getByLabel("Loss category")).hasCount(0);

    // when the same code is created again
    page.getByText("New reason").click();
    assertThat(page.getByLabel("Loss category")).hasCount(0);
    page.getByLabel("Code").fill(code);
    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Burr again");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();

    // then
    assertThat(page.locator("#code-error")).containsText("exists already");
  }

  @Test
  void anAuditorReadsTheCataloguesButMayNotChangeThem() {
    Page page = logIn(api.aUserWith(Role.AUDITOR));
    assertThat(page.navigate(api.baseUrl() + "/reasons").status()).isEqualTo(200);
    assertThat(page.getByText("New reason")).hasCount(0);
    assertThat(page.navigate(api.baseUrl() + "/reasons/new").status()).isEqualTo(403);
  }

  @Test
  void anOperatorIsRefusedTheReasonPages() {
    Page page = logIn(api.aUserWith(Role.OPERATOR));
    assertThat(page.navigate(api.baseUrl() + "/reasons").status()).isEqualTo(403);
    assertThat(page.navigate(api.baseUrl() + "/reasons?kind=SCRAP").status()).isEqualTo(403);
    assertThat(page.navigate(api.baseUrl() + "/reasons/new").status()).isEqualTo(403);
  }

  private Page logIn(Api.Login login) {
    Page page = browser.newPage();
    page.navigate(api.baseUrl() + "/login");
    page.getByLabel("User name").fill(login.username());
    page.getByLabel("Password").fill(login.password());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    assertThat(page).hasURL(api.baseUrl() + "/");
    return page;
  }
}
