package dev.takt.performance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.MqttMachine;
import dev.takt.testing.TaktIntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The shift leader's pages in a real browser: the plant view follows a work unit going down and up
 * again without a reload, and the dashboard drills down from the site to one downtime.
 */
@TaktIntegrationTest
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantViewIT {

  @Autowired Api api;
  Browser browser;
  OeeFloor floor;

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

  @BeforeEach
  void aPressOnAnOrder() {
    floor = new OeeFloor(api);
    UUID operation = floor.aReleasedOrder("1000", BigDecimal.ONE);
    floor.start(operation);
  }

  Page loggedIn() {
    Page page = browser.newPage();
    page.navigate(api.baseUrl() + "/login");
    page.getByLabel("User name").fill("admin");
    page.getByLabel("Password").fill(Api.ADMIN_PASSWORD);
    page.getByLabel("Password").press("Enter");
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  @Test
  void aWorkUnitGoingDownShowsOnThePlantViewWithoutAReload() {
    // given: the plant view is open and the press runs
    Page page = loggedIn();
    page.navigate(api.baseUrl() + "/performance/plant?site=" + floor.site);
    Locator tile = page.locator(".tile[data-unit='" + floor.unit + "']");
    assertThat(tile).hasClass(java.util.regex.Pattern.compile("RUNNING"));
    assertThat(page.locator("#live")).hasClass(java.util.regex.Pattern.compile("on"));
    page.evaluate("window.__notReloaded = true");

    // when: the press stops, booked through the API as a terminal (or a machine) would
    String downtime = floor.openDowntime(floor.breakdown);

    // then: within a second or so, on the same page
    assertThat(tile)
        .hasClass(
            java.util.regex.Pattern.compile("DOWN"),
            new LocatorAssertions.HasClassOptions().setTimeout(3000));
    assertThat(tile.locator(".reason")).hasText("Reason " + floor.breakdown);
    Browser.screenshot(page, "performance-plant-down");

    // and when it runs again
    floor.closeDowntime(downtime);
    assertThat(tile)
        .hasClass(
            java.util.regex.Pattern.compile("RUNNING"),
            new LocatorAssertions.HasClassOptions().setTimeout(3000));
    assertThat(page.evaluate("window.__notReloaded === true")).isEqualTo(true);
  }

  @Test
  void aMachineReportingOverMqttShowsOnThePlantViewWithoutAReload() throws Exception {
    // given: the press's controller on the broker, and the plant view open while the run is booked
    try (MqttMachine press = new MqttMachine(api, floor.site, floor.unit)) {
      press.reports("ACTIVE");
      Page page = loggedIn();
      page.navigate(api.baseUrl() + "/performance/plant?site=" + floor.site);
      Locator tile = page.locator(".tile[data-unit='" + floor.unit + "']");
      assertThat(tile).hasClass(java.util.regex.Pattern.compile("RUNNING"));
      assertThat(page.locator("#live")).hasClass(java.util.regex.Pattern.compile("on"));
      page.evaluate("window.__notReloaded = true");

      // when: the machine waits for material although the order is booked as running
      press.reports("READY");

      // then: the tile turns idle on the same page
      assertThat(tile)
          .hasClass(
              java.util.regex.Pattern.compile("IDLE"),
              new LocatorAssertions.HasClassOptions().setTimeout(5000));

      // and when it faults: down (the machines module opens the downtime)
      press.reports("STOPPED");
      assertThat(tile)
          .hasClass(
              java.util.regex.Pattern.compile("DOWN"),
              new LocatorAssertions.HasClassOptions().setTimeout(5000));
      Browser.screenshot(page, "performance-plant-machine-down");
      press.reports("ACTIVE");
      assertThat(tile)
          .hasClass(
              java.util.regex.Pattern.compile("RUNNING"),
              new LocatorAssertions.HasClassOptions().setTimeout(5000));
      assertThat(page.evaluate("window.__notReloaded === true")).isEqualTo(true);
    }
  }

  /** A stop of the press, opened and closed, once OEE has it; returns the downtime's id. */
  private String aClosedStopOfThePress() {
    String downtime = floor.openDowntime(floor.breakdown);
    floor.closeDowntime(downtime);
    floor.eventually(
        "/api/v1/oee/downtimes?scope=workUnit:" + floor.site + "/" + floor.unit,
        r -> r.size() == 1 && !r.get(0).path("open").asBoolean());
    return downtime;
  }

  @Test
  void theDashboardDrillsDownFromTheSiteToASingleDowntime() {
    // given: a stop of the press, closed
    String downtime = aClosedStopOfThePress();
    Page page = loggedIn();

    // when: site -> area -> work center -> work unit
    page.navigate(api.baseUrl() + "/performance?scope=site:" + floor.site);
    page.locator(
            "#children a", new Page.LocatorOptions().setHasText("area:" + floor.site + "/AREA"))
        .click();
    page.locator(
            "#children a",
            new Page.LocatorOptions()
                .setHasText("workCenter:" + floor.site + "/" + floor.workCenter))
        .click();
    page.locator(
            "#children a",
            new Page.LocatorOptions().setHasText("workUnit:" + floor.site + "/" + floor.unit))
        .click();

    // then: the downtime record itself
    assertThat(page.locator("#downtimes tr[data-downtime='" + downtime + "']")).isVisible();
    assertThat(page.locator("#chart-gantt canvas").first()).isVisible();
    Browser.screenshot(page, "performance-dashboard-work-unit");
  }

  @Test
  void theSitesHeatMapOpensTheDayOfAWorkUnit() {
    // given: a shift every day, and a stop of the press today
    floor.anEightHourShiftWithAnHourOfBreaksOn(OeeFloor.EVERY_DAY);
    String downtime = aClosedStopOfThePress();
    Page page = loggedIn();

    // when: the site's dashboard has drawn its heat map
    page.navigate(api.baseUrl() + "/performance?scope=site:" + floor.site);
    Locator heatMap = page.locator("#chart-heatmap[data-cells]");
    assertThat(heatMap).isAttached();
    JsonNode grid =
        api.asAdmin()
            .get(
                "/api/v1/oee?scope=site:"
                    + floor.site
                    + "&groupBy=day&by=workUnit&fields=oee&layout=grid&from="
                    + page.locator("#from").inputValue()
                    + "&to="
                    + page.locator("#to").inputValue())
            .expect(200)
            .json();
    int days = grid.path("groups").size();
    assertThat(days).isEqualTo(7);
    assertThat(heatMap.getAttribute("data-cells"))
        .isEqualTo(String.valueOf(days * grid.path("scopes").size()));

    // and the press's cell of the last day is clicked
    @SuppressWarnings("unchecked")
    List<Number> xy =
        (List<Number>)
            page.evaluate(
                "i => echarts.getInstanceByDom(document.getElementById('chart-heatmap'))"
                    + ".convertToPixel({gridIndex: 0}, [i, 0])",
                days - 1);
    heatMap.scrollIntoViewIfNeeded(); // the mouse clicks within the viewport
    var box = heatMap.boundingBox();
    page.mouse().click(box.x + xy.get(0).doubleValue(), box.y + xy.get(1).doubleValue());

    // then: that work unit's dashboard for that day, with the stop
    String lastDay = grid.path("groups").get(days - 1).path("group").asString();
    page.waitForURL(u -> u.contains("from=" + lastDay) && u.contains(floor.unit));
    assertThat(page.locator("#downtimes tr[data-downtime='" + downtime + "']")).isVisible();
    Browser.screenshot(page, "performance-heat-map-drill-down");
  }

  @Test
  void theShiftReportShowsTheLastShiftAndOffersItAsPdf() {
    // given: a shift calendar, so there are shifts to report on
    floor.anEightHourShiftWithAnHourOfBreaks();
    Page page = loggedIn();

    // when
    page.navigate(api.baseUrl() + "/performance/shifts?site=" + floor.site);

    // then
    assertThat(page.locator(".shift-report h1")).containsText(floor.site);
    assertThat(page.locator("a[href*='report.pdf']")).isVisible();
    Browser.screenshot(page, "performance-shift-report");
  }
}
