package dev.takt.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.TaktIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/** Logging in and out in a real browser. */
@TaktIntegrationTest
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginPageIT {

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
  void anAdministratorLogsInWithTheFormAndOutAgain() {
    Page page = browser.newPage();
    page.navigate(api.baseUrl() + "/");
    assertThat(page).hasURL(api.baseUrl() + "/login");
    Browser.screenshot(page, "login");

    page.getByLabel("User name").fill("admin");
    page.getByLabel("Password").fill(Api.ADMIN_PASSWORD);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Log in"))
        .click();

    assertThat(page.locator("h1")).containsText("Welcome, admin");
    Browser.screenshot(page, "home");
    page.getByText("Log out").click();
    assertThat(page).hasURL(api.baseUrl() + "/login?logout");
  }

  @Test
  void aWrongPasswordShowsAPlainMessage() {
    Page page = browser.newPage();
    page.navigate(api.baseUrl() + "/login");
    page.getByLabel("User name").fill("admin");
    page.getByLabel("Password").fill("not the password");
    page.getByLabel("Password").press("Enter");
    assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
        .containsText("not accepted");
  }
}
