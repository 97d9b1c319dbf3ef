package dev.takt.orders;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.takt.orders.OrderFixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.TaktIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/** A supervisor releases and holds an order on the orders page of their site. */
@TaktIntegrationTest
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderPagesIT {

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

  Page loggedIn(Api.Login login) {
    Page page = browser.newPage();
    page.navigate(api.baseUrl() + "/login");
    page.getByLabel("User name").fill(login.username());
    page.getByLabel("Password").fill(login.password());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    page.waitForURL(api.baseUrl() + "/");
    return page;
  }

  @Test
  void aSupervisorReleasesAndHoldsAnOrder() {
    // given: a site with a pump, one order in progress of being planned and one released
    OrderFixtures fixtures = new OrderFixtures(api);
    OrderFixtures.Product pump = fixtures.aProductWithRoutingAndBom();
    String number = fixtures.aCreatedOrder(pump.number()).path("orderNumber").asString();
    String other = fixtures.aReleasedOrder(pump.number()).path("orderNumber").asString();
    var supervisor = api.aUserWith(Role.SUPERVISOR, fixtures.site);
    Page page = loggedIn(supervisor);

    // when: the list of the site's orders
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Production")).click();
    assertThat(page.locator("h1")).containsText(fixtures.site);
    assertThat(page.locator("table.list")).containsText(number);
    assertThat(page.locator("table.list")).containsText(other);
    Browser.screenshot(page, "orders-list");
    page.getByLabel("Status").selectOption("RELEASED");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
    assertThat(page.locator("table.list")).not().containsText(number);
    page.getByLabel("Status").selectOption("");
    page.getByLabel("Order number").fill(number);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).click();

    // then: release it
    assertThat(page.locator("#order-status")).hasText("Created");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release")).click();
    assertThat(page.locator(".flash")).containsText("released");
    assertThat(page.locator("#order-status")).hasText("Released");
    assertThat(page.locator("table.list").first()).containsText("TURN");

    // when: held without a reason, then with one
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hold")).click();
    assertThat(page.locator("#hold-reason-error")).isVisible();
    assertThat(page.getByLabel("Reason for the hold")).hasAttribute("aria-invalid", "true");
    page.getByLabel("Reason for the hold").fill("Fixture damaged, waiting for repair");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hold")).click();

    // then
    assertThat(page.locator("#order-status")).hasText("On hold");
    assertThat(page.locator("main")).containsText("Fixture damaged, waiting for repair");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume")))
        .isVisible();
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close")))
        .hasCount(0);
    Browser.screenshot(page, "orders-detail");
    var order = api.asAdmin().get(PATH + "/" + number).expect(200).json();
    assertThat(order.path("status").asString()).isEqualTo("ON_HOLD");
    assertThat(order.path("holdReason").asString())
        .isEqualTo("Fixture damaged, waiting for repair");
  }

  @Test
  void anAuditorSeesNoButtonsAndAnOperatorIsRefused() {
    // given
    OrderFixtures fixtures = new OrderFixtures(api);
    OrderFixtures.Product pump = fixtures.aProductWithRoutingAndBom();
    String number = fixtures.aCreatedOrder(pump.number()).path("orderNumber").asString();

    // then: an auditor reads, but cannot act
    Page auditor = loggedIn(api.aUserWith(Role.AUDITOR, fixtures.site));
    auditor.navigate(api.baseUrl() + "/production/orders/" + number);
    assertThat(auditor.locator("#order-status")).hasText("Created");
    assertThat(auditor.locator("main button")).hasCount(0);

    // and an operator is refused the page
    Page operator = loggedIn(api.aUserWith(Role.OPERATOR, fixtures.site));
    var response = operator.navigate(api.baseUrl() + "/production/orders");
    assertThat(response.status()).isEqualTo(403);
    assertThat(api.asAdmin().get(PATH + "/" + number).json().path("status").asString())
        .isEqualTo("CREATED");
  }
}
