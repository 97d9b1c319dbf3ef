package dev.takt.traceability;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.takt.traceability.TracedPlant.LOTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.TaktIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A quality engineer finds a lot, sees its genealogy as a graph and moves along it by clicking. */
@TaktIntegrationTest
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracePageIT {

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
  void theTracePageDrawsTheGenealogyAndAClickOnALotMovesThere() {
    // given: bar lot G-1 split into G-1-A and G-1-B
    TracedPlant plant = new TracedPlant(api);
    String bar =
        plant.lots.aReleasedLot(plant.site, plant.bar, "G-1", "10", "kg").path("id").asString();
    JsonNode parts =
        api.asAdmin()
            .post(
                LOTS + "/" + bar + "/split",
                Map.of(
                    "parts",
                    List.of(
                        Map.of("lotNumber", "G-1-A", "quantity", 4),
                        Map.of("lotNumber", "G-1-B", "quantity", 5)),
                    "reason",
                    "Two machines"))
            .expect(201)
            .json();
    String partA = parts.get(0).path("id").asString();
    Api.Login quality = api.aUserWith(Role.QUALITY, plant.site);
    Page page = browser.newPage();
    page.navigate(api.baseUrl() + "/login");
    page.getByLabel("User name").fill(quality.username());
    page.getByLabel("Password").fill(quality.password());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    page.waitForURL(api.baseUrl() + "/");

    // when: the lot list of the site, searched for the bar lot
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Traceability")).click();
    assertThat(page.locator("h1")).containsText(plant.site);
    page.getByLabel("Lot or supplier lot").fill("G-1");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
    Browser.screenshot(page, "traceability-lots");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("G-1").setExact(true))
        .click();

    // then: the graph is drawn, and the links are listed with their records
    assertThat(page.locator("h1")).containsText("G-1");
    assertThat(page.locator("#trace-graph[data-ready=true]")).isVisible();
    assertThat(page.locator("#trace-graph canvas").first()).isVisible();
    assertThat(page.locator("#trace-links tbody tr")).hasCount(2);
    assertThat(page.locator("#trace-links")).containsText("SPLIT");
    assertThat(page.locator("#trace-links")).containsText("G-1-A");
    Browser.screenshot(page, "traceability-trace");

    // when: a click on the node of G-1-A
    @SuppressWarnings("unchecked")
    List<Number> at = (List<Number>) page.evaluate("id => window.taktTrace.position(id)", partA);
    BoundingBox box = page.locator("#trace-graph").boundingBox();
    page.mouse().click(box.x + at.get(0).doubleValue(), box.y + at.get(1).doubleValue());

    // then: the page moves to G-1-A, with G-1 as its input
    page.waitForURL("**/traceability/lots/" + partA + "/trace");
    assertThat(page.locator("h1")).containsText("G-1-A");
    assertThat(page.locator("#trace-graph[data-ready=true]")).isVisible();
    assertThat(page.locator("#trace-links tbody tr")).hasCount(1);
    assertThat(page.locator("#trace-links")).containsText("G-1");
    assertThat(page.url()).contains(partA);
    Browser.screenshot(page, "traceability-moved");
  }
}
