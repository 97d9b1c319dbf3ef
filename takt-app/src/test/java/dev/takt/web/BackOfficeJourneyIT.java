package dev.takt.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.PostgresReachable;
import dev.takt.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The back office's promise, end to end: on an empty database an administrator builds a small plant
 * through the pages only (site, area, work center, two machines, a material, a routing with two
 * operations, released), and the API then returns exactly that. A database of its own, so that
 * "empty" means empty.
 */
@ExtendWith({PostgresReachable.class, Browser.Available.class})
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "takt.demo.data=off",
      "takt.admin.password=" + Api.ADMIN_PASSWORD,
      "takt.security.bcrypt-strength=4",
      "logging.level.root=WARN",
      // A property of its own, so that no other test class shares (and fills) this database.
      "takt.it.context=back-office-journey"
    })
@ContextConfiguration(initializers = TestDatabase.class)
@Import(Api.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackOfficeJourneyIT {

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
  void anAdministratorBuildsAPlantFromAnEmptyDatabaseThroughThePagesOnly() {
    // given: nothing but the administrator
    assertThat(api.asAdmin().get("/api/v1/sites").expect(200).json().path("items").size()).isZero();
    Page page = browser.newPage();
    page.navigate(api.baseUrl() + "/login");
    page.getByLabel("User name").fill("admin");
    page.getByLabel("Password").fill(Api.ADMIN_PASSWORD);
    page.getByLabel("Password").press("Enter");
    page.waitForURL(url -> !url.contains("/login"));

    // when: the plant model, from the navigation
    link(page, "Plant").click();
    link(page, "New site").click();
    page.getByLabel("Code").fill("BERLIN");
    page.getByLabel("Name").fill("Berlin pump works");
    page.getByLabel("Time zone").fill("Europe/Berlin");
    button(page, "Create").click();
    assertThat(page.locator(".flash")).containsText("BERLIN");
    link(page, "Add area").click();
    create(page, "MACH", "Machining");
    link(page, "Add work center to MACH").click();
    create(page, "TURN", "CNC turning");
    link(page, "Add work unit to TURN").click();
    create(page, "CNC-01", "Lathe 1");
    link(page, "Add work unit to TURN").click();
    create(page, "CNC-02", "Lathe 2");
    Browser.screenshot(page, "journey-plant");

    // ... a material, with a mistake first: the same number twice shows next to the field
    link(page, "Products").click();
    link(page, "New material").click();
    page.getByLabel("Number").fill("SHAFT-20");
    page.getByLabel("Description").fill("Drive shaft Ø20");
    page.getByLabel("Unit").selectOption("pcs");
    page.getByLabel("Tracking").selectOption("LOT");
    page.getByLabel("Type").selectOption("FINISHED");
    button(page, "Create").click();
    link(page, "New material").click();
    page.getByLabel("Number").fill("SHAFT-20");
    page.getByLabel("Description").fill("The same number again");
    button(page, "Create").click();
    assertThat(page.getByLabel("Number")).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("#number-error")).containsText("exists");
    Browser.screenshot(page, "journey-validation-error");

    // ... and its routing with two operations, released
    page.navigate(api.baseUrl() + "/products/routings");
    link(page, "New routing").click();
    page.getByLabel("Material").fill("SHAFT-20");
    operation(page, 0, "Turn shaft", "TURN", "900", "75");
    button(page, "Add operation").click();
    operation(page, 1, "Finish turn", "TURN", "300", "40.5");
    page.locator("button.primary[value=save]").click();
    assertThat(page.locator(".flash")).containsText("version 1 drafted");
    page.onceDialog(dialog -> dialog.accept());
    button(page, "Release").click();
    assertThat(page.locator(".page-head .badge")).hasText("Released");
    Browser.screenshot(page, "journey-routing-released");

    // then: the API returns exactly that
    JsonNode site = api.asAdmin().get("/api/v1/sites/BERLIN").expect(200).json();
    assertThat(site.path("name").asString()).isEqualTo("Berlin pump works");
    assertThat(site.path("timeZone").asString()).isEqualTo("Europe/Berlin");
    assertThat(codes("/api/v1/areas?site=BERLIN")).containsExactly("MACH");
    assertThat(codes("/api/v1/work-centers?site=BERLIN")).containsExactly("TURN");
    assertThat(codes("/api/v1/work-units?site=BERLIN"))
        .containsExactlyInAnyOrder("CNC-01", "CNC-02");
    JsonNode material = api.asAdmin().get("/api/v1/materials/SHAFT-20").expect(200).json();
    assertThat(material.path("description").asString()).isEqualTo("Drive shaft Ø20");
    assertThat(material.path("tracking").asString()).isEqualTo("LOT");
    JsonNode routings =
        api.asAdmin()
            .get("/api/v1/routings?material=SHAFT-20&site=BERLIN")
            .expect(200)
            .json()
            .path("items");
    assertThat(routings.size()).isEqualTo(1);
    JsonNode routing = routings.get(0);
    assertThat(routing.path("status").asString()).isEqualTo("RELEASED");
    assertThat(routing.path("operations").size()).isEqualTo(2);
    assertThat(routing.path("operations").get(0).path("description").asString())
        .isEqualTo("Turn shaft");
    assertThat(routing.path("operations").get(1).path("cycleSeconds").decimalValue())
        .isEqualByComparingTo(new BigDecimal("40.5"));
    assertThat(
            api.asAdmin().get("/api/v1/audit/verify").expect(200).json().path("intact").asBoolean())
        .isTrue();
  }

  @Test
  void anOperatorIsRefusedEveryBackOfficePage() {
    Api.Login operator = api.aUserWith(dev.takt.shared.Role.OPERATOR);
    Page page = browser.newPage();
    page.navigate(api.baseUrl() + "/login");
    page.getByLabel("User name").fill(operator.username());
    page.getByLabel("Password").fill(operator.password());
    page.getByLabel("Password").press("Enter");
    page.waitForURL(url -> !url.contains("/login"));
    assertThat(page.locator("nav.areas a")).hasCount(0);
    for (String path :
        List.of(
            "/plant",
            "/products/materials",
            "/reasons",
            "/people",
            "/audit",
            "/production/orders")) {
      assertThat(page.navigate(api.baseUrl() + path).status()).as(path).isEqualTo(403);
    }
  }

  private List<String> codes(String path) {
    List<String> codes = new ArrayList<>();
    api.asAdmin()
        .get(path)
        .expect(200)
        .json()
        .path("items")
        .forEach(i -> codes.add(i.path("code").asString()));
    return codes;
  }

  private static void create(Page page, String code, String name) {
    page.getByLabel("Code").fill(code);
    page.getByLabel("Name").fill(name);
    button(page, "Create").click();
    assertThat(page.locator(".flash")).containsText(code + " created.");
  }

  private static void operation(
      Page page, int index, String description, String workCenter, String setup, String cycle) {
    page.locator("[name='operations[" + index + "].description']").fill(description);
    page.locator("[name='operations[" + index + "].workCenter']").selectOption(workCenter);
    page.locator("[name='operations[" + index + "].setupSeconds']").fill(setup);
    page.locator("[name='operations[" + index + "].cycleSeconds']").fill(cycle);
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
  }
}
