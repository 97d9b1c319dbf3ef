package dev.takt.product.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import java.util.Map;
import java.util.UUID;

/** A user at the products pages of a real browser, and the data they need, made through the API. */
final class Pages {

  private Pages() {}

  /** Opens a fresh page and logs in with the form at /login. */
  static Page loggedIn(Browser browser, Api api, Api.Login login) {
    Page page = browser.newPage();
    page.navigate(api.baseUrl() + "/login");
    page.getByLabel("User name").fill(login.username());
    page.getByLabel("Password").fill(login.password());
    page.getByLabel("Password").press("Enter");
    assertThat(page).hasURL(api.baseUrl() + "/");
    return page;
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  /** A new active material defined through the API; returns its number. */
  static String aMaterial(Api api, String prefix, String description, String unit) {
    String number = unique(prefix);
    api.asAdmin()
        .post(
            "/api/v1/materials",
            Map.of(
                "number",
                number,
                "description",
                description,
                "unit",
                unit,
                "tracking",
                "NONE",
                "type",
                "RAW"))
        .expect(201);
    return number;
  }
}
