package dev.takt.testing;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real headless Chromium (Debian's package) driven by Playwright, one per test class. Never
 * downloads a browser: the executable is {@code TAKT_CHROMIUM} or {@code /usr/bin/chromium}. A test
 * class using it is skipped with a message when there is no Chromium, unless {@code
 * TAKT_BROWSER_REQUIRED=true} (CI), where that fails.
 *
 * <p>{@link #screenshot} writes PNGs to {@code target/screenshots} so a reviewer can see the pages.
 */
public final class Browser implements AutoCloseable {

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser browser;

  public Browser() {
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(executable())
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
  }

  /** A fresh page in a fresh context (own cookies), sized like a laptop screen. */
  public Page newPage() {
    return browser
        .newContext(
            new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 900))
        .newPage();
  }

  public static void screenshot(Page page, String name) {
    Path dir = Paths.get("target", "screenshots");
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    page.screenshot(
        new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
  }

  static Path executable() {
    String configured = System.getenv("TAKT_CHROMIUM");
    return Paths.get(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }

  /** Skips browser tests where there is no Chromium; CI insists on one. */
  public static class Available implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (Files.isExecutable(executable())) {
        return ConditionEvaluationResult.enabled("Chromium at " + executable());
      }
      String why =
          "no Chromium at " + executable() + " (apt-get install chromium, or set TAKT_CHROMIUM)";
      if ("true".equals(System.getenv("TAKT_BROWSER_REQUIRED"))) {
        throw new IllegalStateException(
            "browser tests required (TAKT_BROWSER_REQUIRED) but " + why);
      }
      System.err.println("[takt] browser test SKIPPED: " + why);
      return ConditionEvaluationResult.disabled(why);
    }
  }
}
