package dev.takt.execution;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** An operator at a terminal in a real browser: badge login, buttons by their label, scanning. */
final class TerminalSession {

  /** An operator with a badge and PIN, allowed on one site. */
  record Operator(String username, String badge, String pin) {}

  private TerminalSession() {}

  static Operator anOperator(Api api, String site, String pin) {
    String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
    String badge = "B-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("displayName", "Olga Operator");
    body.put("roles", List.of("OPERATOR"));
    body.put("sites", List.of(site));
    body.put("badgeNumber", badge);
    body.put("pin", pin);
    api.asAdmin().post("/api/v1/users", body).expect(201);
    return new Operator(username, badge, pin);
  }

  /** Opens the terminal of a work unit, is sent to the badge login, logs in and is sent back. */
  static Page loggedIn(Browser browser, Api api, Operator operator, String workUnit) {
    Page page = browser.newPage();
    page.navigate(api.baseUrl() + "/terminal/" + workUnit);
    assertThat(page).hasURL(Pattern.compile(".*/login/badge\\?continue=.*"));
    page.getByLabel("Badge").fill(operator.badge());
    page.getByLabel("PIN").fill(operator.pin());
    button(page, "Log in").click();
    assertThat(page).hasURL(api.baseUrl() + "/terminal/" + workUnit);
    assertThat(page.locator(".t-code")).hasText(workUnit);
    // the work list has loaded (or is known to be empty)
    assertThat(page.locator("#dispatch li, #dispatch-empty:not([hidden])").first()).isVisible();
    return page;
  }

  static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true))
        .locator("visible=true");
  }

  /** A keyboard-wedge scanner: types the code into the focused scan field, then Enter. */
  static void scan(Page page, String code) {
    page.locator("#scan").fill(code);
    page.locator("#scan").press("Enter");
  }
}
