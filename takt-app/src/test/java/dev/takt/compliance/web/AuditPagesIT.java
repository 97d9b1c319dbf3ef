package dev.takt.compliance.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.TaktIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/** An auditor searches the audit trail, reads a record's history and checks the chain. */
@TaktIntegrationTest
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPagesIT {

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
  void anAuditorFindsAUsersHistoryWithOldAndNewValuesAndAnIntactChain() {
    // given a user created and then renamed through the API
    String username = "audited" + UUID.randomUUID().toString().substring(0, 8);
    long version =
        api.asAdmin()
            .post(
                "/api/v1/users",
                Map.of(
                    "username",
                    username,
                    "displayName",
                    "Erika Muster",
                    "roles",
                    List.of("PLANNER"),
                    "sites",
                    List.of()))
            .expect(201)
            .json()
            .path("version")
            .asLong();
    api.asAdmin()
        .header("Takt-Reason", "married")
        .put(
            "/api/v1/users/" + username,
            Map.of(
                "displayName",
                "Erika Beispiel",
                "roles",
                List.of("PLANNER"),
                "sites",
                List.of(),
                "active",
                true,
                "version",
                version))
        .expect(200);
    Page page = logIn(api.aUserWith(Role.AUDITOR));

    // when the auditor searches by entity and key
    page.navigate(api.baseUrl() + "/audit");
    assertThat(page.locator("#chain")).containsText("chain intact");
    page.getByLabel("Entity type").fill("user");
    page.getByLabel("Key", new Page.GetByLabelOptions().setExact(true)).fill(username);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();

    // then both records are listed, oldest first
    Locator rows = page.locator("table.list tbody tr");
    assertThat(rows).hasCount(2);
    assertThat(rows.nth(0)).containsText("created");
    assertThat(rows.nth(1)).containsText("changed");
    assertThat(rows.nth(1)).containsText("married");
    assertThat(rows.nth(1)).containsText("admin");
    Browser.screenshot(page, "audit-search");

    // when a record's entity is opened
    rows.nth(1).getByRole(AriaRole.LINK).first().click();

    // then the history shows old and new values, the changed field marked
    Locator entries = page.locator("ol.timeline > li");
    assertThat(entries).hasCount(2);
    Locator changed = entries.nth(1).locator("tr.changed");
    assertThat(changed).hasCount(2); // the name, and the version that counts every change
    Locator name =
        entries.nth(1).locator("tr").filter(new Locator.FilterOptions().setHasText("displayName"));
    assertThat(name).hasClass(java.util.regex.Pattern.compile("changed"));
    assertThat(name.locator("td.old")).hasText("Erika Muster");
    assertThat(name.locator("td.new")).hasText("Erika Beispiel");
    Locator roles =
        entries.nth(1).locator("tr").filter(new Locator.FilterOptions().setHasText("roles"));
    assertThat(roles).not().hasClass(java.util.regex.Pattern.compile("changed"));
    Browser.screenshot(page, "audit-history");

    // when the chain is verified again on demand
    page.navigate(api.baseUrl() + "/audit");
    page.getByText("Verify now").click();
    // then it is intact
    assertThat(page.locator("#chain .badge.ok")).containsText("chain intact");
  }

  @Test
  void aTimeWindowInTheFutureFindsNothing() {
    Page page = logIn(api.aUserWith(Role.QUALITY));
    page.navigate(api.baseUrl() + "/audit");
    page.getByLabel("From (UTC)").fill("2099-01-01T00:00");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
    assertThat(page.getByText("No records match.")).isVisible();
    assertThat(page).hasURL(java.util.regex.Pattern.compile("from=2099-01-01T00%3A00"));
  }

  @Test
  void anOperatorAndAPlannerAreRefusedTheAuditPages() {
    for (Role role : List.of(Role.OPERATOR, Role.PLANNER)) {
      Page page = logIn(api.aUserWith(role));
      assertThat(page.navigate(api.baseUrl() + "/audit").status()).as(role.name()).isEqualTo(403);
      assertThat(page.navigate(api.baseUrl() + "/audit/history?entity=user&key=admin").status())
          .as(role.name())
          .isEqualTo(403);
    }
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
