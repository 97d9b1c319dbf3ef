package dev.takt.equipment.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.TaktIntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Setting up a plant through the plant pages in a real browser, checked through the API. */
@TaktIntegrationTest
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantPagesIT {

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
  void anAdministratorSetsUpASiteWithMachinesMovesOneAndDeactivatesAnother() {
    // given
    String site = unique("S");
    Page page = loggedIn("admin", Api.ADMIN_PASSWORD);
    page.navigate(api.baseUrl() + "/plant");

    // when: a site, an area, two work centers and two machines, all through the forms
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New site")).click();
    page.getByLabel("Code").fill(site);
    page.getByLabel("Name").fill("Pump works " + site);
    page.getByLabel("Time zone").fill("Europe/Vienna");
    button(page, "Create").click();
    assertThat(page.locator(".flash")).containsText("Site " + site + " opened.");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add area")).click();
    create(page, "HALL", "Machining hall", null);
    link(page, "Add work center to HALL").click();
    create(page, "TURN", "CNC turning", null);
    link(page, "Add work center to HALL").click();
    create(page, "MILL", "CNC milling", null);
    link(page, "Add work unit to TURN").click();
    create(page, "CNC-01", "Lathe 1", null);
    link(page, "Add work unit to TURN").click();
    create(page, "CNC-02", "Lathe 2", null);

    // ... renames the hall
    link(page, "Edit HALL").click();
    page.getByLabel("Name").fill("Machining hall 1");
    button(page, "Save").click();
    assertThat(page.locator(".flash")).containsText("Area HALL saved.");

    // ... moves the second lathe to milling
    link(page, "Move CNC-02").click();
    page.getByLabel("New work center").selectOption("MILL");
    Browser.screenshot(page, "plant-move-form");
    button(page, "Move").click();
    assertThat(page.locator(".flash")).containsText("Work unit CNC-02 moved.");

    // ... deactivates the first lathe, and tries the milling center that still has a machine
    page.onDialog(dialog -> dialog.accept());
    button(page, "Deactivate CNC-01").click();
    assertThat(page.locator(".flash")).containsText("Work unit CNC-01 deactivated.");
    button(page, "Deactivate MILL").click();
    assertThat(page.locator(".flash.error")).containsText("still has 1 active work-unit");

    // then: the tree shows it, the inactive lathe only on request and greyed
    assertThat(page.locator("#node-CNC-01")).hasCount(0);
    page.getByLabel("Show inactive").check();
    assertThat(page.locator("li.inactive > #node-CNC-01")).containsText("inactive");
    assertThat(page.locator("#node-MILL + ul #node-CNC-02")).containsText("Lathe 2");
    assertThat(page.locator("#site-switch")).hasValue(site);
    Browser.screenshot(page, "plant-tree");

    // ... and the API agrees
    JsonNode lathe2 = one("/api/v1/work-units?site=" + site + "&code=CNC-02");
    assertThat(lathe2.path("workCenterCode").asString()).isEqualTo("MILL");
    assertThat(lathe2.path("areaCode").asString()).isEqualTo("HALL");
    assertThat(one("/api/v1/work-units?site=" + site + "&code=CNC-01").path("active").asBoolean())
        .isFalse();
    assertThat(one("/api/v1/work-centers?site=" + site + "&code=MILL").path("active").asBoolean())
        .isTrue();
    assertThat(one("/api/v1/areas?site=" + site + "&code=HALL").path("name").asString())
        .isEqualTo("Machining hall 1");
    JsonNode siteView = api.asAdmin().get("/api/v1/sites/" + site).expect(200).json();
    assertThat(siteView.path("timeZone").asString()).isEqualTo("Europe/Vienna");
  }

  @Test
  void anAdministratorPlansTwoShiftsWithBreaksAndSeesThemInTheWeek() {
    // given
    String site = aSiteWithAnArea();
    Page page = loggedIn("admin", Api.ADMIN_PASSWORD);
    page.navigate(api.baseUrl() + "/plant?site=" + site);
    link(page, "Shift calendar").first().click();

    // when: an early shift 06:00-14:00 with a break at 09:00 and a night shift 22:00-06:00
    // with a break at 02:00, both Monday to Friday, and the Christmas shutdown
    button(page, "Add shift").click();
    shift(page, 0, "EARLY", "Early shift", "06:00", "14:00", "09:00", "09:30");
    button(page, "Add shift").click();
    shift(page, 1, "NIGHT", "Night shift", "22:00", "06:00", "02:00", "02:30");
    button(page, "Add period").click();
    field(page, "plannedNonWorking0.from").fill("2030-12-24T00:00");
    field(page, "plannedNonWorking0.to").fill("2031-01-02T00:00");
    field(page, "plannedNonWorking0.reason").fill("Christmas shutdown");
    button(page, "Save calendar").click();

    // then
    assertThat(page.locator(".flash")).containsText("Shift calendar of " + site + " saved.");
    JsonNode calendar =
        api.asAdmin().get("/api/v1/sites/" + site + "/shift-calendar").expect(200).json();
    assertThat(calendar.path("version").asLong()).isEqualTo(1);
    assertThat(calendar.path("shifts")).hasSize(2);
    JsonNode night = calendar.path("shifts").get(1);
    assertThat(night.path("code").asString()).isEqualTo("NIGHT");
    assertThat(night.path("start").asString()).isEqualTo("22:00:00");
    assertThat(night.path("end").asString()).isEqualTo("06:00:00");
    assertThat(night.path("weekdays")).hasSize(5);
    assertThat(night.path("breaks").get(0).path("start").asString()).isEqualTo("02:00:00");
    assertThat(calendar.path("plannedNonWorking").get(0).path("reason").asString())
        .isEqualTo("Christmas shutdown");

    // The week: Monday has the early shift, its break, the night shift from 22:00 to midnight
    // and nothing before 06:00 (no Sunday night shift); Tuesday starts with Monday's night.
    Locator monday = page.locator(".week .day").nth(0);
    assertThat(monday.locator(".block:not(.break)")).hasCount(2);
    assertThat(monday.locator(".block.break")).hasCount(1);
    assertThat(monday.locator(".block").first())
        .hasAttribute("style", "top:25.000%;height:33.333%");
    Locator tuesday = page.locator(".week .day").nth(1);
    assertThat(tuesday.locator(".block:not(.break)")).hasCount(3);
    assertThat(tuesday.locator(".block.break")).hasCount(2);
    assertThat(tuesday.locator(".block[style='top:0.000%;height:25.000%']")).hasCount(1);
    // Saturday holds the end of Friday's night shift only; Sunday is free.
    assertThat(page.locator(".week .day").nth(5).locator(".block:not(.break)")).hasCount(1);
    assertThat(page.locator(".week .day").nth(6).locator(".block")).hasCount(0);
    // Ten weekday shifts in the next 14 days, each 8 h minus a 30 min break.
    assertThat(page.locator("table.upcoming tbody tr")).hasCount(upcomingShifts());
    assertThat(page.locator("table.upcoming tbody tr").first()).containsText("450 min");
    Browser.screenshot(page, "plant-calendar");
  }

  @Test
  void aStaleCalendarIsRefusedWithAMessageAndNothingChanges() {
    // given: the page is open while someone else saves the calendar through the API
    String site = aSiteWithAnArea();
    Page page = loggedIn("admin", Api.ADMIN_PASSWORD);
    page.navigate(api.baseUrl() + "/plant/sites/" + site + "/calendar");
    button(page, "Add shift").click();
    shift(page, 0, "EARLY", "Early shift", "06:00", "14:00", "09:00", "09:30");
    api.asAdmin()
        .put(
            "/api/v1/sites/" + site + "/shift-calendar",
            Map.of("shifts", List.of(), "plannedNonWorking", List.of(), "version", 0))
        .expect(200);

    // when
    button(page, "Save calendar").click();

    // then
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("was changed meanwhile");
    JsonNode calendar =
        api.asAdmin().get("/api/v1/sites/" + site + "/shift-calendar").expect(200).json();
    assertThat(calendar.path("shifts")).isEmpty();
    assertThat(calendar.path("version").asLong()).isEqualTo(1);
  }

  @Test
  void anOverlappingBreakIsShownAtItsShift() {
    // given
    String site = aSiteWithAnArea();
    Page page = loggedIn("admin", Api.ADMIN_PASSWORD);
    page.navigate(api.baseUrl() + "/plant/sites/" + site + "/calendar");

    // when: a break outside its shift
    button(page, "Add shift").click();
    shift(page, 0, "EARLY", "Early shift", "06:00", "14:00", "15:00", "15:30");
    button(page, "Save calendar").click();

    // then
    assertThat(page.locator(".break-row .error")).containsText("is not inside shift EARLY");
    assertThat(
            api.asAdmin()
                .get("/api/v1/sites/" + site + "/shift-calendar")
                .expect(200)
                .json()
                .path("version")
                .asLong())
        .isZero();
  }

  @Test
  void aDuplicateCodeAndAnUnknownTimeZoneAreShownNextToTheirFields() {
    // given
    String existing = aSiteWithAnArea();
    String site = unique("S");
    Page page = loggedIn("admin", Api.ADMIN_PASSWORD);
    page.navigate(api.baseUrl() + "/plant/sites/new");

    // when: a code that is taken
    page.getByLabel("Code").fill(existing);
    page.getByLabel("Name").fill("Second plant");
    page.getByLabel("Time zone").fill("Europe/Berlin");
    button(page, "Create").click();

    // then
    assertThat(page.locator("#code-error")).containsText("exists already");
    assertThat(page.getByLabel("Code")).hasAttribute("aria-invalid", "true");

    // when: a free code but a time zone that does not exist
    page.getByLabel("Code").fill(site);
    page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
    button(page, "Create").click();

    // then
    assertThat(page.locator("#timeZone-error")).containsText("not an IANA time zone");
    assertThat(page.getByLabel("Time zone")).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("#code-error")).hasCount(0);
    Browser.screenshot(page, "plant-site-form");
    api.asAdmin().get("/api/v1/sites/" + site).expect(404);
    assertThat(
            api.asAdmin()
                .get("/api/v1/audit?entity=site&key=" + site)
                .expect(200)
                .json()
                .path("items"))
        .isEmpty();

    // when: a duplicate work center code in the same site
    page.navigate(api.baseUrl() + "/plant/sites/" + existing + "/work-centers/new?parent=HALL");
    create(page, "DUP", "First", null);
    page.navigate(api.baseUrl() + "/plant/sites/" + existing + "/work-centers/new?parent=HALL");
    page.getByLabel("Code").fill("DUP");
    page.getByLabel("Name").fill("Second");
    button(page, "Create").click();

    // then
    assertThat(page.locator("#code-error")).containsText("exists already");
    assertThat(one("/api/v1/work-centers?site=" + existing + "&code=DUP").path("name").asString())
        .isEqualTo("First");
  }

  @Test
  void aPlannerSeesTheTreeButNoButtonsToChangeIt() {
    // given
    String site = aSiteWithAnArea();
    Api.Login planner = api.aUserWith(Role.PLANNER, site);
    Page page = loggedIn(planner.username(), planner.password());

    // when
    page.navigate(api.baseUrl() + "/plant?site=" + site);

    // then
    assertThat(page.locator("#node-HALL")).containsText("Machining hall");
    assertThat(page.getByText("New site")).hasCount(0);
    assertThat(page.locator(".node-actions")).hasCount(0);
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")))
        .hasCount(0);
    page.navigate(api.baseUrl() + "/plant/sites/" + site + "/calendar");
    assertThat(
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save calendar")))
        .hasCount(0);
    // and the server refuses the forms anyway
    assertThat(page.navigate(api.baseUrl() + "/plant/sites/new").status()).isEqualTo(403);
    assertThat(page.navigate(api.baseUrl() + "/plant/sites/" + site + "/edit").status())
        .isEqualTo(403);
  }

  @Test
  void anOperatorMayNotOpenThePlantPages() {
    // given
    String site = aSiteWithAnArea();
    Api.Login operator = api.aUserWith(Role.OPERATOR, site);
    Page page = loggedIn(operator.username(), operator.password());

    // when / then
    assertThat(page.navigate(api.baseUrl() + "/plant").status()).isEqualTo(403);
    assertThat(page.navigate(api.baseUrl() + "/plant/sites/" + site + "/calendar").status())
        .isEqualTo(403);
  }

  // --- helpers in the words of the pages

  private Page loggedIn(String username, String password) {
    Page page = browser.newPage();
    page.navigate(api.baseUrl() + "/login");
    page.getByLabel("User name").fill(username);
    page.getByLabel("Password").fill(password);
    page.getByLabel("Password").press("Enter");
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  /** Fills and submits an element form; a parent is chosen only when given. */
  private static void create(Page page, String code, String name, String parent) {
    page.getByLabel("Code").fill(code);
    page.getByLabel("Name").fill(name);
    if (parent != null) {
      page.locator("select").selectOption(parent);
    }
    button(page, "Create").click();
    assertThat(page.locator(".flash")).containsText(code + " created.");
  }

  private static void shift(
      Page page,
      int i,
      String code,
      String name,
      String start,
      String end,
      String breakStart,
      String breakEnd) {
    field(page, "shifts" + i + ".code").fill(code);
    field(page, "shifts" + i + ".name").fill(name);
    field(page, "shifts" + i + ".start").fill(start);
    field(page, "shifts" + i + ".end").fill(end);
    Locator days = page.locator("fieldset.shift").nth(i).locator("fieldset.weekdays");
    for (String day : List.of("Mon", "Tue", "Wed", "Thu", "Fri")) {
      days.getByLabel(day, new Locator.GetByLabelOptions().setExact(true)).check();
    }
    button(page, "Add break to shift " + (i + 1)).click();
    field(page, "shifts" + i + ".breaks0.start").fill(breakStart);
    field(page, "shifts" + i + ".breaks0.end").fill(breakEnd);
  }

  private static Locator field(Page page, String id) {
    return page.locator("[id='" + id + "']");
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private JsonNode one(String query) {
    JsonNode items = api.asAdmin().get(query).expect(200).json().path("items");
    assertThat(items).as(query).hasSize(1);
    return items.get(0);
  }

  /** A site with the area HALL, opened through the API. */
  private String aSiteWithAnArea() {
    String site = unique("S");
    api.asAdmin()
        .post(
            "/api/v1/sites",
            Map.of("code", site, "name", "Plant " + site, "timeZone", "Europe/Berlin"))
        .expect(201);
    api.asAdmin()
        .post("/api/v1/areas", Map.of("site", site, "code", "HALL", "name", "Machining hall"))
        .expect(201);
    return site;
  }

  /**
   * Shifts overlapping the next 14 days from midnight: two per weekday, plus last night's shift
   * when yesterday was a weekday (it runs until 06:00 today).
   */
  private static int upcomingShifts() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    int count = isWeekday(today.minusDays(1)) ? 1 : 0;
    for (int d = 0; d < 14; d++) {
      count += isWeekday(today.plusDays(d)) ? 2 : 0;
    }
    return count;
  }

  private static boolean isWeekday(LocalDate day) {
    return day.getDayOfWeek().getValue() <= 5;
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
  }
}
