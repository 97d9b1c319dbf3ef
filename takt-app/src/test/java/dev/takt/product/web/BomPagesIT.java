package dev.takt.product.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.Browser;
import dev.takt.testing.PlantFixture;
import dev.takt.testing.TaktIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A planner writes and releases a bill of materials in a real browser. */
@TaktIntegrationTest
@ExtendWith(Browser.Available.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BomPagesIT {

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
  void aPlannerDraftsCorrectsAndReleasesABom() {
    // given
    String site = Pages.unique("S").replace("-", "");
    new PlantFixture(api).aSite(site);
    String bike = Pages.aMaterial(api, "BIKE", "City bike", "pcs");
    String wheel = Pages.aMaterial(api, "WHEEL", "Wheel 28 inch", "pcs");
    String grease = Pages.aMaterial(api, "GREASE", "Bearing grease", "g");
    Page page = Pages.loggedIn(browser, api, api.aUserWith(Role.PLANNER, site));

    // when: a draft with a component that does not exist
    page.navigate(api.baseUrl() + "/products/boms");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New BOM")).click();
    page.getByLabel("Material", new Page.GetByLabelOptions().setExact(true)).fill(bike);
    item(page, 0, "10", "NO-SUCH-PART", "2", "pcs");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add item")).click();
    item(page, 1, "20", grease, "12.5", "g");
    page.locator("[name='items[1].scrapPercent']").fill("4");
    save(page);

    // then: refused at the component's field, nothing written
    assertThat(page.locator("[id='items0.material-error']")).containsText("does not exist");
    assertThat(page.locator("[name='items[0].material']")).hasAttribute("aria-invalid", "true");
    assertThat(boms(bike)).isEmpty();

    // when: corrected
    page.locator("[name='items[0].material']").fill(wheel);
    save(page);

    // then
    assertThat(page.locator(".flash")).containsText("version 1 drafted");
    JsonNode v1 = boms(bike).get(0);
    assertThat(v1.path("status").asString()).isEqualTo("DRAFT");
    assertThat(v1.path("items"))
        .extracting(
            i ->
                i.path("material").asString()
                    + " "
                    + i.path("quantity").path("value").decimalValue().toPlainString()
                    + " "
                    + i.path("quantity").path("unit").asString())
        .containsExactly(wheel + " 2 pcs", grease + " 12.5 g");
    Browser.screenshot(page, "products-bom");

    // when: released, after confirming
    page.onceDialog(dialog -> dialog.accept());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release")).click();

    // then: read-only with its badge
    assertThat(page.locator(".page-head .badge")).hasText("Released");
    assertThat(page.locator("input[name^='items']")).hasCount(0);
    assertThat(page.locator("table.list").first()).containsText(grease);
    assertThat(boms(bike).get(0).path("status").asString()).isEqualTo("RELEASED");

    // when: copied to a new draft
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy to new draft"))
        .click();

    // then
    assertThat(page.locator("h1")).containsText("version 2");
    assertThat(page.locator(".page-head .badge")).hasText("Draft");
    assertThat(boms(bike)).hasSize(2);
  }

  private static void item(
      Page page, int index, String position, String material, String quantity, String unit) {
    page.locator("[name='items[" + index + "].position']").fill(position);
    page.locator("[name='items[" + index + "].material']").fill(material);
    page.locator("[name='items[" + index + "].quantity']").fill(quantity);
    page.locator("[name='items[" + index + "].unit']").selectOption(unit);
  }

  private static void save(Page page) {
    page.locator("button.primary[value=save]").click();
  }

  private JsonNode boms(String material) {
    return api.asAdmin().get("/api/v1/boms?material=" + material).expect(200).json().path("items");
  }
}
