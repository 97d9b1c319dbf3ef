package dev.takt.execution;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.takt.orders.OrderStatus;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.LotFixture;
import dev.takt.testing.TaktIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The operator terminal in a real browser: badge login, one operation from start to completion. */
@TaktIntegrationTest
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminalIT {

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
  void anOperatorRunsAnOperationFromStartToCompletionAtTheTerminal() {
    // given: an order of 20 pieces with one operation at the work center, and an operator
    TestOrders.AnOrder order =
        orders.aReleasedOrder(
            floor.site, floor.workCenter, "20", Instant.now().plus(2, ChronoUnit.DAYS), 500, 1);
    Page page = loggedInAtTerminal(anOperator("4711"), "4711", "M1");

    // when: scan the operation's barcode, start running
    assertThat(page.locator("#dispatch")).containsText(order.orderNumber() + " / 10");
    Browser.screenshot(page, "terminal-dispatch");
    scan(page, order.orderNumber() + "/10");
    assertThat(page.locator("#op-order")).hasText(order.orderNumber() + " / 10");
    button(page, "Run").click();
    assertThat(page.locator("#op-state")).hasText("RUNNING");
    assertThat(page.locator("#banner")).containsText("Running");
    assertThat(page.locator("#scan")).isFocused();

    // report 11 good: 1 by default, +10
    button(page, "+ Good").click();
    button(page, "+10").click();
    button(page, "OK").click();
    assertThat(page.locator("#c-good")).hasText("11");
    assertThat(page.locator("#banner")).containsText("Booked");

    // report 2 scrap with the reason tapped on its tile
    button(page, "+ Scrap").click();
    button(page, "+1").click();
    button(page, "OK").click();
    assertThat(page.locator("#reasons")).isVisible();
    Browser.screenshot(page, "terminal-reasons");
    page.locator("#reasons [data-reason='" + floor.scrapReason + "']").click();
    assertThat(page.locator("#c-scrap")).hasText("2");
    assertThat(page.locator("#scan")).isFocused();
    page.waitForTimeout(1200); // the green success frame fades out
    Browser.screenshot(page, "terminal-running");

    // scan a lot: the only lot-tracked component, 0.25 kg per piece by default
    new LotFixture(api).aReleasedLot(floor.site, order.lotTracked(), "L-0815", "50", "kg");
    scan(page, "L-0815");
    assertThat(page.locator("#pad-title")).containsText(order.lotTracked());
    assertThat(page.locator("#amount")).hasValue("0.25");
    button(page, "OK").click();
    assertThat(page.locator("#banner")).containsText("Lot booked");

    // a mistake is shown in plain words: more good than the order quantity
    button(page, "+ Good").click();
    page.locator("#amount").fill("100");
    button(page, "OK").click();
    assertThat(page.locator("#banner")).hasClass(java.util.regex.Pattern.compile(".*error.*"));
    assertThat(page.locator("#banner")).containsText("good");
    Browser.screenshot(page, "terminal-error");
    assertThat(page.locator("#c-good")).hasText("11");

    button(page, "Complete").click();
    assertThat(page.locator("#banner")).containsText("Operation complete");
    assertThat(page.locator("#op-none")).isVisible();

    // then: the API shows what was booked
    JsonNode progress = floor.progress(order.first());
    assertThat(progress.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(progress.path("good").path("value").decimalValue()).isEqualByComparingTo("11");
    assertThat(progress.path("scrap").path("value").decimalValue()).isEqualByComparingTo("2");
    assertThat(progress.path("rework").path("value").decimalValue()).isEqualByComparingTo("0");
    JsonNode consumptions =
        api.asAdmin().get(ShopFloor.op(order.first(), "consumptions")).expect(200).json();
    assertThat(consumptions.size()).isEqualTo(1);
    assertThat(consumptions.get(0).path("lot").asString()).isEqualTo("L-0815");
    assertThat(consumptions.get(0).path("material").asString()).isEqualTo(order.lotTracked());
    assertThat(consumptions.get(0).path("quantity").path("value").decimalValue())
        .isEqualByComparingTo("0.25");
    assertThat(orders.statusOf(order.orderNumber())).isEqualTo(OrderStatus.COMPLETED);
    List<JsonNode> confirmations = floor.confirmationsOf(order.orderNumber());
    assertThat(confirmations)
        .extracting(c -> c.path("type").asString())
        .containsExactly("QUANTITY", "QUANTITY", "COMPLETION");
    assertThat(confirmations.get(1).path("scrapReason").asString()).isEqualTo(floor.scrapReason);
  }

  @Test
  void aBookingPressedWhileOfflineIsKeptAndSentExactlyOnceWhenTheNetworkIsBack() {
    // given: an operation running on M2
    TestOrders.AnOrder order =
        orders.aReleasedOrder(
            floor.site, floor.workCenter, "50", Instant.now().plus(1, ChronoUnit.DAYS), 500, 1);
    floor.start(order.first(), "M2", "RUN").expect(200);
    Page page = loggedInAtTerminal(anOperator("2580"), "2580", "M2");
    assertThat(page.locator("#op-state")).hasText("RUNNING");

    // when: the network is gone while the operator reports 5 good
    page.context().setOffline(true);
    button(page, "+ Good").click();
    page.locator("#amount").fill("5");
    button(page, "OK").click();

    // then: the booking waits
    assertThat(page.locator("#queue")).hasText("1 waiting");
    assertThat(goodOf(order.first())).isEqualByComparingTo("0");

    // when: the network is back
    page.context().setOffline(false);

    // then: it is sent, once
    assertThat(page.locator("#queue"))
        .isHidden(
            new com.microsoft.playwright.assertions.LocatorAssertions.IsHiddenOptions()
                .setTimeout(30_000));
    assertThat(page.locator("#c-good")).hasText("5");
    assertThat(goodOf(order.first())).isEqualByComparingTo("5");

    // when: the server books the next report but its answer is lost on the way back
    AtomicInteger lost = new AtomicInteger();
    page.route(
        "**/report",
        route -> {
          if (lost.getAndIncrement() == 0) {
            route.fetch(); // reaches the server, which books it
            route.abort("connectionreset");
          } else {
            route.resume();
          }
        });
    button(page, "+ Good").click();
    page.locator("#amount").fill("3");
    button(page, "OK").click();

    // then: the terminal sends it again with the same key and the server does not book it twice
    assertThat(page.locator("#c-good"))
        .hasText(
            "8",
            new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                .setTimeout(30_000));
    assertThat(lost.get()).isGreaterThanOrEqualTo(2);
    assertThat(goodOf(order.first())).isEqualByComparingTo("8");
    assertThat(floor.confirmationsOf(order.orderNumber())).hasSize(2);
  }

  @Test
  void anOperatorPausesWithAReasonReportsReworkAndRecordsADowntimeOfTheMachine() {
    // given: an operation running on M1
    TestOrders.AnOrder order =
        orders.aReleasedOrder(
            floor.site, floor.workCenter, "30", Instant.now().plus(3, ChronoUnit.DAYS), 500, 1);
    floor.start(order.first(), "M1", "RUN").expect(200);
    Page page = loggedInAtTerminal(anOperator("1357"), "1357", "M1");
    assertThat(page.locator("#op-state")).hasText("RUNNING");

    // when: pause for a downtime reason, resume, report one rework with its reason
    button(page, "Pause").click();
    assertThat(page.locator("#reasons [data-later]")).isHidden();
    page.locator("#reasons [data-reason='" + floor.downtimeReason + "']").click();
    assertThat(page.locator("#op-state")).hasText("PAUSED");
    JsonNode paused = floor.progress(order.first());
    assertThat(paused.path("workUnits").get(0).path("pauseReason").asString())
        .isEqualTo(floor.downtimeReason);
    button(page, "Resume").click();
    assertThat(page.locator("#op-state")).hasText("RUNNING");
    button(page, "+ Rework").click();
    button(page, "OK").click();
    page.locator("#reasons [data-reason='" + floor.reworkReason + "']").click();
    assertThat(page.locator("#c-rework")).hasText("1");

    // and: the machine goes down without a reason, gets one, runs again
    button(page, "Machine down").click();
    page.locator("#reasons [data-later]").click();
    assertThat(page.locator("#downtime")).containsText("no reason yet");
    button(page, "Reason").click();
    page.locator("#reasons [data-reason='" + floor.downtimeReason + "']").click();
    assertThat(page.locator("#downtime")).containsText("Reason " + floor.downtimeReason);
    button(page, "Running again").click();
    assertThat(page.locator("#downtime")).isHidden();
    assertThat(page.locator("#scan")).isFocused();

    // then
    JsonNode progress = floor.progress(order.first());
    assertThat(progress.path("rework").path("value").decimalValue()).isEqualByComparingTo("1");
    assertThat(progress.path("workUnits").get(0).path("state").asString()).isEqualTo("RUNNING");
    JsonNode downtimes =
        api.asAdmin().get("/api/v1/work-units/" + floor.site + "/M1/downtimes").expect(200).json();
    assertThat(downtimes.size()).isEqualTo(1);
    assertThat(downtimes.get(0).path("reason").asString()).isEqualTo(floor.downtimeReason);
    assertThat(downtimes.get(0).path("open").asBoolean()).isFalse();
  }

  @Test
  void aTerminalOfAnUnknownMachineOrAnotherSiteIsRefused() {
    // given
    Page page = loggedInAtTerminal(anOperator("9753"), "9753", "M1");
    ShopFloor elsewhere = new ShopFloor(api);

    // when / then
    assertThat(page.navigate(api.baseUrl() + "/terminal/NO-SUCH-UNIT").status()).isEqualTo(404);
    assertThat(page.navigate(api.baseUrl() + "/terminal/M1?site=" + elsewhere.site).status())
        .isEqualTo(403);
    assertThat(page.navigate(api.baseUrl() + "/terminal/M1?site=" + floor.site).status())
        .isEqualTo(200);
  }

  // --- fixtures ---

  private String anOperator(String pin) {
    String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
    String badge = "B-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("displayName", "Olga Operator");
    body.put("roles", List.of("OPERATOR"));
    body.put("sites", List.of(floor.site));
    body.put("badgeNumber", badge);
    body.put("pin", pin);
    api.asAdmin().post("/api/v1/users", body).expect(201);
    return badge;
  }

  private Page loggedInAtTerminal(String badge, String pin, String workUnit) {
    Page page = browser.newPage();
    page.navigate(api.baseUrl() + "/terminal/" + workUnit);
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login/badge\\?continue=.*"));
    page.getByLabel("Badge").fill(badge);
    page.getByLabel("PIN").fill(pin);
    button(page, "Log in").click();
    assertThat(page).hasURL(api.baseUrl() + "/terminal/" + workUnit);
    assertThat(page.locator(".t-code")).hasText(workUnit);
    // the work list has loaded (or is known to be empty)
    assertThat(page.locator("#dispatch li, #dispatch-empty:not([hidden])").first()).isVisible();
    return page;
  }

  private static com.microsoft.playwright.Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true))
        .locator("visible=true");
  }

  private static void scan(Page page, String code) {
    page.locator("#scan").fill(code);
    page.locator("#scan").press("Enter");
  }

  private java.math.BigDecimal goodOf(UUID operation) {
    return floor.progress(operation).path("good").path("value").decimalValue();
  }
}
