package dev.takt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.shared.Role;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Five failed logins in a row lock an account (takt.security.lockout.max-attempts = 5). */
@TaktIntegrationTest
class LockoutIT {

  private static final int MAX_ATTEMPTS = 5;

  @Autowired Api api;

  @Test
  void fiveWrongPasswordsInARowLockTheAccountEvenAgainstTheRightPassword() {
    // given
    Api.Login planner = api.aUserWith(Role.PLANNER);

    // when
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      api.as(wrong(planner)).get("/api/v1/me").expect(401);
    }

    // then
    api.as(planner).get("/api/v1/me").expect(401);
    JsonNode user = api.asAdmin().get("/api/v1/users/" + planner.username()).expect(200).json();
    assertThat(user.path("locked").asBoolean()).isTrue();
    assertThat(user.path("lockedUntil").isNull()).isFalse();
  }

  @Test
  void fourWrongPasswordsDoNotLock() {
    Api.Login planner = api.aUserWith(Role.PLANNER);

    for (int i = 0; i < MAX_ATTEMPTS - 1; i++) {
      api.as(wrong(planner)).get("/api/v1/me").expect(401);
    }

    api.as(planner).get("/api/v1/me").expect(200);
  }

  @Test
  void theLockIsWrittenToTheAuditTrail() {
    // given
    Api.Login quality = api.aUserWith(Role.QUALITY);

    // when
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      api.as(wrong(quality)).get("/api/v1/me").expect(401);
    }

    // then
    List<JsonNode> history = auditOf(quality.username());
    assertThat(history).hasSize(2);
    JsonNode lock = history.getLast();
    assertThat(lock.path("action").asString()).isEqualTo("UPDATE");
    assertThat(lock.path("reason").asString()).contains("failed logins");
    assertThat(lock.path("actor").asString()).isEqualTo("system");
    assertThat(Api.json(lock.path("oldValue").asString()).path("locked").asBoolean()).isFalse();
    assertThat(Api.json(lock.path("newValue").asString()).path("locked").asBoolean()).isTrue();
  }

  @Test
  void anAdministratorUnlocksALockedAccount() {
    // given
    Api.Login planner = api.aUserWith(Role.PLANNER);
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      api.as(wrong(planner)).get("/api/v1/me").expect(401);
    }
    api.as(planner).get("/api/v1/me").expect(401);

    // when
    JsonNode unlocked =
        api.asAdmin()
            .post("/api/v1/users/" + planner.username() + "/unlock", null)
            .expect(200)
            .json();

    // then
    assertThat(unlocked.path("locked").asBoolean()).isFalse();
    api.as(planner).get("/api/v1/me").expect(200);
    JsonNode unlock = auditOf(planner.username()).getLast();
    assertThat(unlock.path("actor").asString()).isEqualTo("admin");
    assertThat(Api.json(unlock.path("newValue").asString()).path("locked").asBoolean()).isFalse();
  }

  @Test
  void anUnlockedAccountStartsCountingFromZero() {
    // given
    Api.Login planner = api.aUserWith(Role.PLANNER);
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      api.as(wrong(planner)).get("/api/v1/me").expect(401);
    }
    api.asAdmin().post("/api/v1/users/" + planner.username() + "/unlock", null).expect(200);

    // when
    api.as(wrong(planner)).get("/api/v1/me").expect(401);

    // then
    api.as(planner).get("/api/v1/me").expect(200);
  }

  @Test
  void aSuccessfulLoginResetsTheCountOfFailures() {
    // given
    Api.Login supervisor = api.aUserWith(Role.SUPERVISOR);
    for (int i = 0; i < MAX_ATTEMPTS - 1; i++) {
      api.as(wrong(supervisor)).get("/api/v1/me").expect(401);
    }

    // when
    api.as(supervisor).get("/api/v1/me").expect(200);
    for (int i = 0; i < MAX_ATTEMPTS - 1; i++) {
      api.as(wrong(supervisor)).get("/api/v1/me").expect(401);
    }

    // then
    api.as(supervisor).get("/api/v1/me").expect(200);
  }

  @Test
  void wrongPinsAtATerminalCountTowardsTheLock() {
    // given
    String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
    String badge = "LOCK-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("displayName", "Otto Operator");
    body.put("password", Api.USER_PASSWORD);
    body.put("roles", List.of("OPERATOR"));
    body.put("sites", List.of());
    body.put("badgeNumber", badge);
    body.put("pin", "5555");
    api.asAdmin().post("/api/v1/users", body).expect(201);

    // when
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      assertThat(badgeLogin(badge, "0000")).endsWith("/login/badge?error");
    }

    // then
    assertThat(badgeLogin(badge, "5555")).endsWith("/login/badge?error");
    api.as(new Api.Login(username, Api.USER_PASSWORD)).get("/api/v1/me").expect(401);
    assertThat(api.asAdmin().get("/api/v1/users/" + username).json().path("locked").asBoolean())
        .isTrue();
  }

  @Test
  void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
    // given
    Api.Login planner = api.aUserWith(Role.PLANNER);

    // when
    var wrongPassword = api.as(wrong(planner)).get("/api/v1/me");
    var unknownUser =
        api.as(new Api.Login("nobody-" + UUID.randomUUID(), "whatever-password")).get("/api/v1/me");

    // then
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownUser.status()).isEqualTo(wrongPassword.status());
    assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    assertThat(unknownUser.header("WWW-Authenticate"))
        .isEqualTo(wrongPassword.header("WWW-Authenticate"));
  }

  @Test
  void aLockedAccountAnswersLikeAWrongPassword() {
    // given
    Api.Login planner = api.aUserWith(Role.PLANNER);
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      api.as(wrong(planner)).get("/api/v1/me").expect(401);
    }

    // when
    var locked = api.as(planner).get("/api/v1/me");
    var unknownUser =
        api.as(new Api.Login("nobody-" + UUID.randomUUID(), "whatever-password")).get("/api/v1/me");

    // then
    assertThat(locked.status()).isEqualTo(401);
    assertThat(locked.body()).isEqualTo(unknownUser.body());
  }

  @Test
  void aReasonHeaderTheAuditTrailRefusesCannotKeepAnAccountFromLocking() {
    // given: an attacker adds a header that the audit trail would refuse
    Api.Login planner = api.aUserWith(Role.PLANNER);
    String tooLong = "r".repeat(501);

    // when
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < MAX_ATTEMPTS + 2; i++) {
      answers.add(api.as(wrong(planner)).header("Takt-Reason", tooLong).get("/api/v1/me").status());
    }

    // then
    assertThat(answers).containsOnly(401);
    JsonNode lock = auditOf(planner.username()).getLast();
    assertThat(lock.path("reason").asString()).doesNotContain("rrrr").contains("failed logins");
    api.as(planner).get("/api/v1/me").expect(401);
    assertThat(
            api.asAdmin()
                .get("/api/v1/users/" + planner.username())
                .json()
                .path("locked")
                .asBoolean())
        .isTrue();
  }

  // --- fixtures ---

  private static Api.Login wrong(Api.Login login) {
    return new Api.Login(login.username(), login.password() + "-typo");
  }

  private List<JsonNode> auditOf(String username) {
    List<JsonNode> records = new ArrayList<>();
    api.asAdmin()
        .get("/api/v1/audit?entity=user&key=" + username)
        .expect(200)
        .json()
        .path("items")
        .forEach(records::add);
    return records;
  }

  /** Logs in at a fresh terminal and returns where the server sends the operator. */
  private String badgeLogin(String badge, String pin) {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      HttpResponse<String> form =
          http.send(
              HttpRequest.newBuilder(URI.create(api.baseUrl() + "/login/badge")).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form.body());
      assertThat(csrf.find()).as("the badge form carries a CSRF token").isTrue();
      String fields =
          "_csrf="
              + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
              + "&badge="
              + URLEncoder.encode(badge, StandardCharsets.UTF_8)
              + "&pin="
              + URLEncoder.encode(pin, StandardCharsets.UTF_8);
      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(URI.create(api.baseUrl() + "/login/badge"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(fields))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(302);
      return login.headers().firstValue("Location").orElseThrow();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
