package dev.takt.identity.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.PlantFixture;
import dev.takt.testing.TaktIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An administrator sets up a person, their token and their lock on the people pages. */
@TaktIntegrationTest
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeoplePagesIT {

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
  void anAdministratorCreatesAUserIssuesATokenAndUnlocksThem() {
    // given a site and an administrator on the people pages
    String site = "P" + suffix().substring(0, 6).toUpperCase();
    new PlantFixture(api).aSite(site);
    String username = "jdoe" + suffix();
    String badge = "B-" + suffix();
    Page page = logIn("admin", Api.ADMIN_PASSWORD);
    page.navigate(api.baseUrl() + "/people");
    page.getByText("New user").click();

    // when the form is sent with a password that is too short
    page.getByLabel("User name", new Page.GetByLabelOptions().setExact(true)).fill("admin");
    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Jane Doe");
    page.getByLabel("Initial password").fill("short");
    page.getByLabel("PLANNER", new Page.GetByLabelOptions().setExact(true)).check();
    page.getByLabel("SUPERVISOR", new Page.GetByLabelOptions().setExact(true)).check();
    page.getByLabel(site, new Page.GetByLabelOptions().setExact(true)).check();
    page.getByLabel("Badge number").fill(badge);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();

    // then the error stands next to the password, and what was entered is kept
    assertThat(page.locator("#password-error")).containsText("12 to 128");
    assertThat(page.locator("#password")).hasAttribute("aria-invalid", "true");
    assertThat(page.getByLabel("PLANNER", new Page.GetByLabelOptions().setExact(true))).isChecked();
    Browser.screenshot(page, "people-form");

    // when a good password is given, but the user name is taken
    page.getByLabel("Initial password").fill("a-long-enough-password");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();

    // then the error stands next to the user name
    assertThat(page.locator("#username-error")).containsText("exists already");
    assertThat(page.locator("#username")).hasAttribute("aria-invalid", "true");

    // when the user name is free
    page.getByLabel("User name", new Page.GetByLabelOptions().setExact(true)).fill(username);
    page.getByLabel("Initial password").fill("a-long-enough-password");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();

    // then the user exists as entered
    assertThat(page.locator(".flash")).containsText("User " + username + " created");
    JsonNode user = api.asAdmin().get("/api/v1/users/" + username).expect(200).json();
    assertThat(user.path("displayName").asString()).isEqualTo("Jane Doe");
    assertThat(user.path("roles").toString()).contains("PLANNER", "SUPERVISOR");
    assertThat(user.path("roles").size()).isEqualTo(2);
    assertThat(user.path("sites").toString()).contains(site);
    assertThat(user.path("badgeNumber").asString()).isEqualTo(badge);
    api.as(new Api.Login(username, "a-long-enough-password")).get("/api/v1/me").expect(200);

    // when an administrator sets a password that is too short
    page.getByLabel("New password").fill("short");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
    // then it is refused next to that field
    assertThat(page.locator("#newPassword-error")).containsText("12 to 128");

    // when a token is issued
    page.getByLabel("Token name").fill("erp-sync");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue token")).click();

    // then its secret is on the page once, and it works against the API
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("will not be shown again");
    String secret = page.getByLabel("New token").inputValue();
    assertThat(secret).startsWith("takt_");
    Browser.screenshot(page, "people-token");
    assertThat(
            api.withToken(secret).get("/api/v1/me").expect(200).json().path("username").asString())
        .isEqualTo(username);
    page.navigate(api.baseUrl() + "/people/" + username);
    assertThat(page.locator("#token-secret")).hasCount(0);
    assertThat(page.content()).doesNotContain(secret);
    assertThat(page.locator("#tokens")).containsText("erp-sync");

    // when the user fails five Basic logins
    for (int i = 0; i < 5; i++) {
      api.as(new Api.Login(username, "not-the-password")).get("/api/v1/me").expect(401);
    }

    // then the list shows them locked, and the administrator unlocks them on their page
    assertThat(api.asAdmin().get("/api/v1/users/" + username).json().path("locked").asBoolean())
        .isTrue();
    page.navigate(api.baseUrl() + "/people?q=" + username);
    assertThat(page.locator("table.list tbody tr")).hasCount(1);
    assertThat(page.locator("table.list .badge.locked")).isVisible();
    page.navigate(api.baseUrl() + "/people");
    Browser.screenshot(page, "people-list");
    page.navigate(api.baseUrl() + "/people/" + username);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlock")).click();
    assertThat(page.locator(".flash")).containsText("unlocked");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlock")))
        .hasCount(0);
    assertThat(api.asAdmin().get("/api/v1/users/" + username).json().path("locked").asBoolean())
        .isFalse();
    api.as(new Api.Login(username, "a-long-enough-password")).get("/api/v1/me").expect(200);
  }

  @Test
  void theListPagesOnWithItsCursorAndBackToTheFirstPage() {
    // given at least two users besides the administrator
    api.aUserWith(Role.PLANNER);
    api.aUserWith(Role.QUALITY);
    Page page = logIn("admin", Api.ADMIN_PASSWORD);

    // when the list shows one user per page
    page.navigate(api.baseUrl() + "/people?limit=1");
    Locator rows = page.locator("table.list tbody tr");
    assertThat(rows).hasCount(1);
    assertThat(rows.first()).containsText("admin");
    page.getByText("Next page").click();

    // then the next page holds the next user, and "first page" leads back
    assertThat(rows).hasCount(1);
    assertThat(rows.first()).not().containsText("Administrator");
    page.getByText("First page").click();
    assertThat(rows.first()).containsText("Administrator");
    assertThat(page.getByText("First page")).hasCount(0);
  }

  @Test
  void anOfficeUserChangesTheirOwnPasswordOnMyAccount() {
    // given a planner
    Api.Login planner = api.aUserWith(Role.PLANNER);
    Page page = logIn(planner.username(), planner.password());
    page.navigate(api.baseUrl() + "/account");

    // when the current password is wrong
    page.getByLabel("Current password").fill("wrong-password-here");
    page.getByLabel("New password").fill("my-new-password-2026");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change my password"))
        .click();
    // then it says so next to that field
    assertThat(page.locator("#currentPassword-error")).containsText("not right");

    // when it is right
    page.getByLabel("Current password").fill(planner.password());
    page.getByLabel("New password").fill("my-new-password-2026");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change my password"))
        .click();
    // then the new one works
    assertThat(page.locator(".flash")).containsText("changed");
    api.as(new Api.Login(planner.username(), "my-new-password-2026")).get("/api/v1/me").expect(200);
  }

  @Test
  void anOperatorIsRefusedThePeopleAndAccountPages() {
    // given an operator logged in with the form
    Api.Login operator = api.aUserWith(Role.OPERATOR);
    Page page = logIn(operator.username(), operator.password());
    // when / then
    for (String path : new String[] {"/people", "/people/new", "/people/admin", "/account"}) {
      Response response = page.navigate(api.baseUrl() + path);
      assertThat(response.status()).as(path).isEqualTo(403);
    }
  }

  @Test
  void aPlannerIsRefusedThePeoplePages() {
    Api.Login planner = api.aUserWith(Role.PLANNER);
    Page page = logIn(planner.username(), planner.password());
    assertThat(page.navigate(api.baseUrl() + "/people").status()).isEqualTo(403);
    assertThat(page.navigate(api.baseUrl() + "/account").status()).isEqualTo(200);
  }

  private Page logIn(String username, String password) {
    Page page = browser.newPage();
    page.navigate(api.baseUrl() + "/login");
    page.getByLabel("User name").fill(username);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    assertThat(page).hasURL(api.baseUrl() + "/");
    return page;
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }
}
