package dev.takt.machines.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.takt.execution.ShopFloor;
import dev.takt.machines.simulator.MachineSimulator;
import dev.takt.machines.simulator.SimulatorLifecycle;
import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.TaktIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Plant IT connects the simulator on the pages, picks a node, and the board shows the state. */
@TaktIntegrationTest
@TestPropertySource(properties = {"takt.simulator.enabled=true", "takt.simulator.autopilot=false"})
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MachinePagesIT {

  @Autowired Api api;
  @Autowired SimulatorLifecycle lifecycle;
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
  void plantItConnectsAMachineBrowsesItsNodesAndSeesItRunOnTheBoard() {
    // given an integrator and a shop floor
    MachineSimulator sim = lifecycle.simulator().orElseThrow();
    ShopFloor floor = new ShopFloor(api);
    Api.Login integrator = api.aUserWith(Role.INTEGRATION, floor.site);
    sim.set("CNC-02", "Execution", "READY");
    Page page = logIn(integrator);
    String name = "sim-" + UUID.randomUUID().toString().substring(0, 6);

    // when they create a connection on the form
    page.navigate(api.baseUrl() + "/machines/connections/new");
    page.getByLabel("Name").fill(name);
    page.locator("select#site").selectOption(floor.site);
    page.getByLabel("Settings (JSON)")
        .fill(
            "{\"endpointUrl\": \""
                + sim.endpointUrl()
                + "\", \"publishingIntervalMs\": 100, \"monitoredItems\": [{\"nodeId\": \""
                + MachineSimulator.nodeId("CNC-02", "Execution")
                + "\", \"source\": \"CNC-02\", \"samplingIntervalMs\": 50}]}");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

    // then it is saved and connects
    assertThat(page.locator(".flash")).containsText(name);
    long deadline = System.currentTimeMillis() + 20_000;
    page.reload();
    while (!page.locator("dl.facts").textContent().contains("CONNECTED")
        && System.currentTimeMillis() < deadline) {
      page.waitForTimeout(300);
      page.reload();
    }
    assertThat(page.locator("dl.facts")).containsText("CONNECTED");

    // when they browse the server's nodes
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Browse")).click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Simulator")).click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CNC-02")).click();

    // then they see the node ids to map
    assertThat(page.locator("#browse")).containsText("CNC-02.Execution");
    Browser.screenshot(page, "machines-connection");

    // when the work unit is mapped and the machine runs
    api.asAdmin()
        .put(
            "/api/v1/work-units/" + floor.site + "/M1/machine-mapping",
            Map.of(
                "connection",
                name,
                "source",
                "CNC-02",
                "signals",
                Map.of("execution", MachineSimulator.nodeId("CNC-02", "Execution")),
                "state",
                Map.of("signal", "execution", "values", Map.of("ACTIVE", "RUNNING"))))
        .expect(200);
    sim.set("CNC-02", "Execution", "ACTIVE");
    page.navigate(api.baseUrl() + "/machines");

    // then the board shows it running, refreshed on its own
    assertThat(page.locator("tr[data-unit='M1'] .machine-state"))
        .hasText(
            "Running",
            new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                .setTimeout(30_000));
    Browser.screenshot(page, "machines-board");
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
