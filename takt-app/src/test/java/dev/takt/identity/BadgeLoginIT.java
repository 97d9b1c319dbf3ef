package dev.takt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@TaktIntegrationTest
class BadgeLoginIT {

  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

  @Autowired Api api;

  @Test
  void anOperatorScansTheBadgeTypesThePinAndLandsOnTheHomePage() {
    // given
    Operator operator = anOperatorWithBadge("2468");
    Terminal terminal = new Terminal();

    // when
    HttpResponse<String> login = terminal.logIn(operator.badge(), "2468", null);

    // then
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(terminal.resolve(login)).isEqualTo(URI.create(api.baseUrl() + "/"));
    HttpResponse<String> me = terminal.get("/api/v1/me");
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode body = Api.json(me.body());
    assertThat(body.path("username").asString()).isEqualTo(operator.username());
    assertThat(body.path("lastLoginAt").isNull()).isFalse();
  }

  @Test
  void aWrongPinSendsTheOperatorBackToTheBadgeFormWithoutASession() {
    // given
    Operator operator = anOperatorWithBadge("1357");
    Terminal terminal = new Terminal();

    // when
    HttpResponse<String> login = terminal.logIn(operator.badge(), "7531", null);

    // then
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(terminal.resolve(login)).isEqualTo(URI.create(api.baseUrl() + "/login/badge?error"));
    assertThat(terminal.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void anUnknownBadgeIsRefusedLikeAWrongPin() {
    Terminal terminal = new Terminal();

    HttpResponse<String> login = terminal.logIn("NO-SUCH-BADGE", "1234", null);

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(terminal.resolve(login)).isEqualTo(URI.create(api.baseUrl() + "/login/badge?error"));
  }

  @Test
  void aBadgeLoginWithoutTheFormsCsrfTokenIsRefused() {
    // given
    Operator operator = anOperatorWithBadge("8642");
    Terminal terminal = new Terminal();
    terminal.get("/login/badge");

    // when
    HttpResponse<String> login =
        terminal.postForm("/login/badge", Map.of("badge", operator.badge(), "pin", "8642"));

    // then
    assertThat(login.statusCode()).isEqualTo(403);
    assertThat(terminal.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void aContinuePathOnThisServerIsFollowed() {
    Operator operator = anOperatorWithBadge("9753");
    Terminal terminal = new Terminal();

    HttpResponse<String> login = terminal.logIn(operator.badge(), "9753", "/api/v1/me");

    assertThat(terminal.resolve(login)).isEqualTo(URI.create(api.baseUrl() + "/api/v1/me"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example",
        "https://evil.example/login/badge",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        " //evil.example",
        "javascript:alert(1)"
      })
  void aContinueLinkToAnotherSiteIsNotFollowed(String target) {
    // given
    Operator operator = anOperatorWithBadge("3141");
    Terminal terminal = new Terminal();

    // when
    HttpResponse<String> login = terminal.logIn(operator.badge(), "3141", target);

    // then
    assertThat(login.statusCode()).isEqualTo(302);
    String location = login.headers().firstValue("Location").orElseThrow();
    assertThat(location).doesNotContain("evil.example").doesNotContain("javascript");
    assertThat(terminal.resolve(login)).isEqualTo(URI.create(api.baseUrl() + "/"));
  }

  @Test
  void aDeactivatedOperatorIsLoggedOutOfTheTerminalAtOnce() {
    // given
    Operator operator = anOperatorWithBadge("1928");
    Terminal terminal = new Terminal();
    terminal.logIn(operator.badge(), "1928", null);
    assertThat(terminal.get("/api/v1/me").statusCode()).isEqualTo(200);

    // when
    api.asAdmin().delete("/api/v1/users/" + operator.username()).expect(204);

    // then
    assertThat(terminal.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void aRoleTakenAwayNoLongerWorksInAnOpenSession() {
    // given
    Operator operator = anOperatorWithBadge("3746", "OPERATOR", "AUDITOR");
    Terminal terminal = new Terminal();
    terminal.logIn(operator.badge(), "3746", null);
    assertThat(terminal.get("/api/v1/audit/verify").statusCode()).isEqualTo(200);

    // when
    JsonNode user = api.asAdmin().get("/api/v1/users/" + operator.username()).json();
    Map<String, Object> update = new LinkedHashMap<>();
    update.put("displayName", user.path("displayName").asString());
    update.put("roles", List.of("OPERATOR"));
    update.put("sites", List.of());
    update.put("badgeNumber", operator.badge());
    update.put("active", true);
    update.put("version", user.path("version").asLong());
    api.asAdmin().put("/api/v1/users/" + operator.username(), update).expect(200);

    // then
    assertThat(terminal.get("/api/v1/audit/verify").statusCode()).isEqualTo(403);
    assertThat(terminal.get("/api/v1/me").statusCode()).isEqualTo(200);
  }

  // --- fixtures ---

  record Operator(String username, String badge) {}

  private Operator anOperatorWithBadge(String pin, String... roles) {
    String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
    String badge = "BADGE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("displayName", "Olga Operator");
    body.put("roles", roles.length == 0 ? List.of("OPERATOR") : List.of(roles));
    body.put("sites", List.of());
    body.put("badgeNumber", badge);
    body.put("pin", pin);
    api.asAdmin().post("/api/v1/users", body).expect(201);
    return new Operator(username, badge);
  }

  /**
   * A shared shop-floor terminal: a browser with its own cookies that does not follow redirects.
   */
  final class Terminal {
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> logIn(String badge, String pin, String continueTo) {
      HttpResponse<String> form =
          get(
              "/login/badge"
                  + (continueTo == null
                      ? ""
                      : "?continue=" + URLEncoder.encode(continueTo, StandardCharsets.UTF_8)));
      assertThat(form.statusCode()).isEqualTo(200);
      Matcher csrf = CSRF.matcher(form.body());
      assertThat(csrf.find()).as("the badge form carries a CSRF token").isTrue();
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
      fields.put("badge", badge);
      fields.put("pin", pin);
      if (continueTo != null) {
        fields.put("continue", continueTo);
      }
      return postForm("/login/badge", fields);
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
      String form =
          fields.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Where a redirect leads, resolved as a browser would against the page it came from. */
    URI resolve(HttpResponse<String> redirect) {
      String location = redirect.headers().firstValue("Location").orElseThrow();
      return redirect.uri().resolve(location.replace('\\', '/'));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(
            request.header("Accept", "text/html,application/json").build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
