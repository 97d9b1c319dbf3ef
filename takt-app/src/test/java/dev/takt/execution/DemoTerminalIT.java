package dev.takt.execution;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.PostgresReachable;
import dev.takt.testing.TestDatabase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** The demo plant's operator finds the terminal of CNC-01 on the start page and its work list. */
@ExtendWith({PostgresReachable.class, OutputCaptureExtension.class, Browser.Available.class})
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "takt.demo.data=on",
      "takt.simulator.enabled=false", // the terminal, not machine data, is tested here
      "takt.admin.password=" + Api.ADMIN_PASSWORD,
      "takt.security.bcrypt-strength=4",
      "logging.level.root=WARN",
      "takt.test.context=demo-terminal" // a context (and database) of its own: the log is ours
    })
@ContextConfiguration(initializers = TestDatabase.class)
@Import(Api.class)
class DemoTerminalIT {

  @Autowired Api api;

  @Test
  void operatorOneOpensTheTerminalOfCnc01FromTheStartPage(CapturedOutput output) {
    // given: the badge and PIN the demo printed
    Matcher printed =
        Pattern.compile("operator1\\s+badge (\\S+)\\s+PIN (\\d{4})").matcher(output.getAll());
    assertThat(printed.find()).as("the log lists operator1's badge and PIN").isTrue();

    try (Browser browser = new Browser()) {
      Page page = browser.newPage();
      // when: operator1 logs in with the badge and taps the CNC-01 tile
      page.navigate(api.baseUrl() + "/login/badge");
      page.getByLabel("Badge").fill(printed.group(1));
      page.getByLabel("PIN").fill(printed.group(2));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
      assertThat(page.locator("main")).containsText("Terminal");
      Browser.screenshot(page, "terminal-home");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CNC-01")).click();

      // then: the terminal of CNC-01 at DEMO with released demo orders on its work list
      assertThat(page).hasURL(api.baseUrl() + "/terminal/CNC-01");
      assertThat(page.locator(".t-code")).hasText("CNC-01");
      assertThat(page.locator(".t-user")).hasText("operator1");
      assertThat(page.locator("#dispatch")).containsText("PO-1000");
      Browser.screenshot(page, "terminal-demo");
    }
  }

  @Test
  void theDemoBarLotIsReleasedForTheHousingsTurnedOnCnc01AndTheQuarantinedOneIsRefused() {
    String operation =
        api.asAdmin()
            .get("/api/v1/production-orders/PO-10001/operations")
            .expect(200)
            .json()
            .get(0)
            .path("id")
            .asString();
    String path = "/api/v1/operations/" + operation;
    api.asAdmin()
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .post(path + "/start", java.util.Map.of("workUnit", "CNC-01", "phase", "RUN"))
        .expect(200);
    api.asAdmin()
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .post(
            path + "/consumptions",
            java.util.Map.of(
                "workUnit",
                "CNC-01",
                "material",
                "RM-AL6061-80",
                "lot",
                "AL-2611-01",
                "quantity",
                1.35))
        .expect(201);
    var refused =
        api.asAdmin()
            .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
            .post(
                path + "/consumptions",
                java.util.Map.of(
                    "workUnit",
                    "CNC-01",
                    "material",
                    "RM-AL6061-80",
                    "lot",
                    "AL-2611-02",
                    "quantity",
                    1.35));
    refused.expect(409);
    assertThat(refused.json().path("detail").asString()).contains("QUARANTINE");
  }
}
