package dev.takt.execution;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.takt.execution.ShopFloor.book;
import static dev.takt.execution.ShopFloor.op;
import static dev.takt.execution.TerminalSession.button;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.TaktIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Labour at the terminal: operators clock on and off the operation they work on. */
@TaktIntegrationTest
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminalLabourIT {

  @Autowired Api api;
  Browser browser;
  ShopFloor floor;
  TestOrders orders;

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
  void aShopFloor() {
    floor = new ShopFloor(api);
    orders = new TestOrders(api);
  }

  @Test
  void anOperatorClocksOnBesideAColleagueAndOffAgainAndGetsATimeTicket() {
    // given: an operation running on M1, a colleague already clocked on to it there
    TestOrders.AnOrder order =
        orders.aReleasedOrder(
            floor.site, floor.workCenter, "10", Instant.now().plus(1, ChronoUnit.DAYS), 500, 1);
    floor.start(order.first(), "M1", "RUN").expect(200);
    book(
            api.asAdmin(),
            op(order.first(), "clock-on"),
            Map.of("workUnit", "M1", "operator", "colleague"))
        .expect(201);
    TerminalSession.Operator olga = TerminalSession.anOperator(api, floor.site, "2468");
    Page page = TerminalSession.loggedIn(browser, api, olga, "M1");
    assertThat(page.locator("#op-crew")).containsText("colleague");
    assertThat(button(page, "Clock off")).hasCount(0);

    // when: she clocks on, then off
    button(page, "Clock on").click();
    assertThat(page.locator("#banner")).containsText("Clocked on");
    assertThat(page.locator("#op-crew")).containsText(olga.username());
    assertThat(page.locator("#op-crew")).containsText("colleague");
    Browser.screenshot(page, "terminal-clocked-on");
    button(page, "Clock off").click();
    assertThat(page.locator("#banner")).containsText("Clocked off");
    assertThat(button(page, "Clock on")).isVisible();

    // then: her closed time ticket beside the colleague's open one, and a labour confirmation
    JsonNode tickets = api.asAdmin().get(op(order.first(), "time-tickets")).expect(200).json();
    assertThat(tickets.size()).isEqualTo(2);
    JsonNode hers = ticketOf(tickets, olga.username());
    assertThat(hers.path("workUnit").asString()).isEqualTo("M1");
    assertThat(open(hers)).isFalse();
    assertThat(hers.path("confirmed").asBoolean()).isTrue();
    assertThat(open(ticketOf(tickets, "colleague"))).isTrue();
    assertThat(floor.confirmationsOf(order.orderNumber()))
        .extracting(c -> c.path("operator").asString())
        .contains(olga.username());
  }

  private static boolean open(JsonNode ticket) {
    JsonNode off = ticket.path("clockedOffAt");
    return off.isNull() || off.isMissingNode();
  }

  private static JsonNode ticketOf(JsonNode tickets, String operator) {
    for (JsonNode t : tickets) {
      if (t.path("operator").asString().equals(operator)) {
        return t;
      }
    }
    throw new AssertionError("no time ticket of " + operator + " in " + tickets);
  }
}
