package dev.takt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@TaktIntegrationTest
class UsersIT {

  private static final String PASSWORD = "correct-horse-battery";

  @Autowired Api api;
  @Autowired JdbcClient jdbc;

  @Test
  void anAdministratorCreatesAMachineSetterWhoCanThenLogIn() {
    // given
    String username = unique("setter");

    // when
    var response =
        api.asAdmin()
            .post("/api/v1/users", aNewUser(username, "Maria Setter", "SUPERVISOR"))
            .expect(201);

    // then
    JsonNode created = response.json();
    assertThat(response.header("Location")).endsWith("/api/v1/users/" + username);
    assertThat(created.path("username").asString()).isEqualTo(username);
    assertThat(created.path("displayName").asString()).isEqualTo("Maria Setter");
    assertThat(created.path("roles").toString()).contains("SUPERVISOR");
    assertThat(created.path("active").asBoolean()).isTrue();
    assertThat(created.path("hasPassword").asBoolean()).isTrue();
    assertThat(created.path("version").asLong()).isEqualTo(1);
    api.as(new Api.Login(username, PASSWORD)).get("/api/v1/me").expect(200);
  }

  @Test
  void theUsernameIsStoredInLowerCaseAndFoundInAnyCase() {
    // given
    String suffix = UUID.randomUUID().toString().substring(0, 8);

    // when
    var created =
        api.asAdmin()
            .post("/api/v1/users", aNewUser("Line.Lead-" + suffix, "Line Lead", "SUPERVISOR"))
            .expect(201)
            .json();

    // then
    String lower = "line.lead-" + suffix;
    assertThat(created.path("username").asString()).isEqualTo(lower);
    api.asAdmin().get("/api/v1/users/" + lower).expect(200);
    api.asAdmin().get("/api/v1/users/LINE.LEAD-" + suffix).expect(200);
    api.as(new Api.Login("LINE.Lead-" + suffix, PASSWORD)).get("/api/v1/me").expect(200);
  }

  @Test
  void theUserListPagesByUsernameWithoutGapsOrRepeats() {
    // given
    String team = "crew" + UUID.randomUUID().toString().substring(0, 6);
    List<String> crew = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      crew.add(team + "-op" + i);
      api.asAdmin()
          .post("/api/v1/users", aNewUser(team + "-op" + i, "Op " + i, "OPERATOR"))
          .expect(201);
    }

    // when
    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      JsonNode page =
          api.asAdmin()
              .get(
                  "/api/v1/users?q=" + team + "&limit=2" + (after == null ? "" : "&after=" + after))
              .expect(200)
              .json();
      page.path("items").forEach(u -> seen.add(u.path("username").asString()));
      JsonNode cursor = page.path("nextCursor");
      after = cursor.isNull() || cursor.isMissingNode() ? null : cursor.asString();
    } while (after != null);

    // then
    assertThat(seen).containsExactlyElementsOf(crew);
  }

  @Test
  void anAdministratorRenamesAndRegrantsAUserSendingTheVersionRead() {
    // given
    String username = unique("planner");
    long version = create(username, "Paul Planner", "PLANNER").path("version").asLong();

    // when
    JsonNode updated =
        api.asAdmin()
            .put(
                "/api/v1/users/" + username,
                anUpdate("Paul P. Planner", List.of("PLANNER", "SUPERVISOR"), null, true, version))
            .expect(200)
            .json();

    // then
    assertThat(updated.path("displayName").asString()).isEqualTo("Paul P. Planner");
    assertThat(updated.path("roles").toString()).contains("PLANNER", "SUPERVISOR");
    assertThat(updated.path("version").asLong()).isEqualTo(version + 1);
    JsonNode read = api.asAdmin().get("/api/v1/users/" + username).expect(200).json();
    assertThat(read.path("displayName").asString()).isEqualTo("Paul P. Planner");
  }

  @Test
  void anUpdateWithAStaleVersionIsRefusedAndChangesNothing() {
    // given
    String username = unique("quality");
    long version = create(username, "Quinn Quality", "QUALITY").path("version").asLong();
    api.asAdmin()
        .put(
            "/api/v1/users/" + username,
            anUpdate("Quinn Q.", List.of("QUALITY"), null, true, version))
        .expect(200);
    int auditRecords = auditOf(username).size();

    // when
    var response =
        api.asAdmin()
            .put(
                "/api/v1/users/" + username,
                anUpdate("Someone Else", List.of("ADMIN"), null, true, version));

    // then
    response.expect(409);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode read = api.asAdmin().get("/api/v1/users/" + username).expect(200).json();
    assertThat(read.path("displayName").asString()).isEqualTo("Quinn Q.");
    assertThat(read.path("roles").toString()).doesNotContain("ADMIN");
    assertThat(auditOf(username)).hasSize(auditRecords);
  }

  @Test
  void aDeactivatedUserIsKeptButCanNoLongerLogIn() {
    // given
    String username = unique("leaver");
    create(username, "Lee Leaver", "OPERATOR");
    api.as(new Api.Login(username, PASSWORD)).get("/api/v1/me").expect(200);

    // when
    api.asAdmin().delete("/api/v1/users/" + username).expect(204);

    // then
    JsonNode read = api.asAdmin().get("/api/v1/users/" + username).expect(200).json();
    assertThat(read.path("active").asBoolean()).isFalse();
    api.as(new Api.Login(username, PASSWORD)).get("/api/v1/me").expect(401);
  }

  @Test
  void anUnknownUserIsNotFound() {
    var response = api.asAdmin().get("/api/v1/users/nobody-" + UUID.randomUUID()).expect(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aSecondUserWithTheSameUsernameInAnotherCaseIsAConflictOnUsername() {
    // given
    String username = unique("twin");
    create(username, "First Twin", "OPERATOR");
    int auditRecords = auditOf(username).size();

    // when
    var response =
        api.asAdmin()
            .post("/api/v1/users", aNewUser(username.toUpperCase(), "Second Twin", "ADMIN"));

    // then
    response.expect(409);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.faultyFields()).containsExactly("username");
    JsonNode read = api.asAdmin().get("/api/v1/users/" + username).expect(200).json();
    assertThat(read.path("displayName").asString()).isEqualTo("First Twin");
    assertThat(auditOf(username)).hasSize(auditRecords);
  }

  @Test
  void aBadgeAlreadyHandedOutIsAConflictOnBadgeNumber() {
    // given
    String badge = "B-" + UUID.randomUUID().toString().substring(0, 8);
    String holder = unique("holder");
    Map<String, Object> first = aNewUser(holder, "Badge Holder", "OPERATOR");
    first.put("badgeNumber", badge);
    first.put("pin", "4711");
    api.asAdmin().post("/api/v1/users", first).expect(201);
    String other = unique("other");
    Map<String, Object> second = aNewUser(other, "Other Operator", "OPERATOR");
    second.put("badgeNumber", badge);

    // when
    var onCreate = api.asAdmin().post("/api/v1/users", second);

    // then
    onCreate.expect(409);
    assertThat(onCreate.faultyFields()).containsExactly("badgeNumber");
    api.asAdmin().get("/api/v1/users/" + other).expect(404);
    assertThat(auditOf(other)).isEmpty();

    // and when an existing user is given that badge
    long version = create(other, "Other Operator", "OPERATOR").path("version").asLong();
    var onUpdate =
        api.asAdmin()
            .put(
                "/api/v1/users/" + other,
                anUpdate("Other Operator", List.of("OPERATOR"), badge, true, version));
    onUpdate.expect(409);
    assertThat(onUpdate.faultyFields()).containsExactly("badgeNumber");
    assertThat(api.asAdmin().get("/api/v1/users/" + other).json().path("badgeNumber").isNull())
        .isTrue();
  }

  @Test
  void passwordsAndPinsAreStoredAsBcryptHashesAndNeverShown() {
    // given
    String username = unique("hashed");
    Map<String, Object> body = aNewUser(username, "Hannah Hashed", "OPERATOR");
    body.put("badgeNumber", "H-" + UUID.randomUUID().toString().substring(0, 8));
    body.put("pin", "90817");

    // when
    var created = api.asAdmin().post("/api/v1/users", body).expect(201);
    api.asAdmin()
        .post(
            "/api/v1/users/" + username + "/password", Map.of("newPassword", "second-secret-pass"))
        .expect(200);
    api.asAdmin().post("/api/v1/users/" + username + "/pin", Map.of("pin", "246813")).expect(200);

    // then
    var row =
        jdbc.sql("SELECT password_hash, pin_hash FROM identity_user WHERE username = :u")
            .param("u", username)
            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
            .single();
    assertThat(row.get(0)).startsWith("{bcrypt}$2").doesNotContain("second-secret-pass");
    assertThat(row.get(1)).startsWith("{bcrypt}$2").doesNotContain("246813");
    api.as(new Api.Login(username, "second-secret-pass")).get("/api/v1/me").expect(200);
    List<String> shown =
        List.of(
            created.body(),
            api.asAdmin().get("/api/v1/users/" + username).body(),
            api.asAdmin().get("/api/v1/users?q=" + username).body(),
            api.as(new Api.Login(username, "second-secret-pass")).get("/api/v1/me").body(),
            api.asAdmin().get("/api/v1/audit?entity=user&key=" + username).body());
    for (String body2 : shown) {
      assertThat(body2)
          .doesNotContain("bcrypt", "$2a$", "$2b$", PASSWORD, "second-secret-pass", "90817")
          .doesNotContain("246813", row.get(0), row.get(1));
    }
  }

  // --- bad input: each a 400 problem naming the field, and nothing written ---

  static Stream<Arguments> badNewUsers() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"username\": \"x\", ", "body"),
        Arguments.of("an unknown field", with("shoeSize", 44), "shoeSize"),
        Arguments.of("no username", without("username"), "username"),
        Arguments.of("no display name", without("displayName"), "displayName"),
        Arguments.of("no roles", without("roles"), "roles"),
        Arguments.of("roles as a single string", with("roles", "ADMIN"), "roles"),
        Arguments.of("an unknown role", with("roles", List.of("BOSS")), "roles"),
        Arguments.of(
            "an object as display name", with("displayName", Map.of("first", "Al")), "displayName"),
        Arguments.of("a list as password", with("password", List.of(PASSWORD)), "password"),
        Arguments.of("sites as an object", with("sites", Map.of("code", "S1")), "sites"),
        Arguments.of(
            "an over-long display name", with("displayName", "x".repeat(121)), "displayName"),
        Arguments.of("a too-short password", with("password", "short-pw"), "password"),
        Arguments.of("a PIN with letters", withBadgeAnd("pin", "12ab"), "pin"),
        Arguments.of("a PIN too short", withBadgeAnd("pin", "123"), "pin"),
        Arguments.of("a PIN without a badge", with("pin", "4711"), "pin"),
        Arguments.of("a username with spaces", with("username", "bad name"), "username"),
        Arguments.of("an over-long username", with("username", "u".repeat(61)), "username"),
        Arguments.of("a badge with a space", with("badgeNumber", "B 1"), "badgeNumber"),
        Arguments.of("a site that is no site code", with("sites", List.of("no site!")), "sites"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badNewUsers")
  void aNewUserWithBadInputIsRefusedNamingTheFieldAndNothingIsWritten(
      String what, Object body, String field) {
    // given
    String username = body instanceof BadUser bad ? bad.username() : null;

    // when
    var response =
        api.asAdmin().post("/api/v1/users", body instanceof BadUser bad ? bad.body() : body);

    // then
    response.expect(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.faultyFields()).as(what).anyMatch(f -> f.startsWith(field));
    if (username != null) {
      api.asAdmin().get("/api/v1/users/" + username).expect(404);
      assertThat(auditOf(username)).isEmpty();
    }
  }

  static Stream<Arguments> badUpdates() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"displayName\": ", "body"),
        Arguments.of("an unknown field", Map.of("password", "sneaky-new-password"), "password"),
        Arguments.of("no version", Map.of("version", "__remove__"), "version"),
        Arguments.of("no display name", Map.of("displayName", "__remove__"), "displayName"),
        Arguments.of("no active flag", Map.of("active", "__remove__"), "active"),
        Arguments.of("a version that is text", Map.of("version", "one"), "version"),
        Arguments.of("roles as a single string", Map.of("roles", "ADMIN"), "roles"),
        Arguments.of("an unknown role", Map.of("roles", List.of("BOSS")), "roles"),
        Arguments.of("an active flag that is text", Map.of("active", "maybe"), "active"),
        Arguments.of(
            "an over-long display name", Map.of("displayName", "y".repeat(121)), "displayName"),
        Arguments.of("a badge with a space", Map.of("badgeNumber", "B 2"), "badgeNumber"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badUpdates")
  void anUpdateWithBadInputIsRefusedNamingTheFieldAndNothingIsWritten(
      String what, Object change, String field) {
    // given
    String username = unique("upd");
    long version = create(username, "Ursula Update", "OPERATOR").path("version").asLong();
    Object body = change;
    if (change instanceof Map<?, ?> fields) {
      Map<String, Object> update =
          anUpdate("Ursula Update", List.of("OPERATOR"), null, true, version);
      fields.forEach(
          (k, v) -> {
            if ("__remove__".equals(v)) {
              update.remove((String) k);
            } else {
              update.put((String) k, v);
            }
          });
      body = update;
    }

    // when
    var response = api.asAdmin().put("/api/v1/users/" + username, body);

    // then
    response.expect(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.faultyFields()).as(what).anyMatch(f -> f.startsWith(field));
    JsonNode read = api.asAdmin().get("/api/v1/users/" + username).expect(200).json();
    assertThat(read.path("version").asLong()).isEqualTo(version);
    assertThat(read.path("roles").toString()).doesNotContain("ADMIN");
    assertThat(auditOf(username)).hasSize(1);
  }

  static Stream<Arguments> badSecrets() {
    return Stream.of(
        Arguments.of("password", "malformed JSON", "{\"newPassword\":", "body"),
        Arguments.of(
            "password", "an unknown field", Map.of("newPassword", PASSWORD + "x", "x", 1), "x"),
        Arguments.of("password", "no new password", Map.of(), "newPassword"),
        Arguments.of(
            "password", "a too-short password", Map.of("newPassword", "short"), "newPassword"),
        Arguments.of(
            "password",
            "a password that is a list",
            Map.of("newPassword", List.of(PASSWORD)),
            "newPassword"),
        Arguments.of(
            "password",
            "an over-long password",
            Map.of("newPassword", "p".repeat(129)),
            "newPassword"),
        Arguments.of("pin", "malformed JSON", "{pin: 1234}", "body"),
        Arguments.of("pin", "an unknown field", Map.of("pin", "1234", "badge", "X"), "badge"),
        Arguments.of("pin", "no PIN", Map.of(), "pin"),
        Arguments.of("pin", "a PIN with letters", Map.of("pin", "12ab"), "pin"),
        Arguments.of("pin", "a PIN too long", Map.of("pin", "123456789"), "pin"),
        Arguments.of(
            "pin", "a PIN that is an object", Map.of("pin", Map.of("digits", "1234")), "pin"),
        Arguments.of("tokens", "malformed JSON", "[", "body"),
        Arguments.of("tokens", "an unknown field", Map.of("name", "erp", "scope", "all"), "scope"),
        Arguments.of("tokens", "no name", Map.of(), "name"),
        Arguments.of("tokens", "an over-long name", Map.of("name", "n".repeat(61)), "name"),
        Arguments.of(
            "tokens",
            "an expiry in the past",
            Map.of("name", "erp", "expiresAt", "2001-01-01T00:00:00Z"),
            "expiresAt"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badSecrets")
  void badInputToThePasswordPinAndTokenEndpointsIsRefusedAndNothingIsWritten(
      String endpoint, String what, Object body, String field) {
    // given
    String username = unique("sec");
    Map<String, Object> user = aNewUser(username, "Sam Secret", "INTEGRATION");
    user.put("badgeNumber", "S-" + UUID.randomUUID().toString().substring(0, 8));
    user.put("pin", "1357");
    api.asAdmin().post("/api/v1/users", user).expect(201);
    String before = secretsOf(username);

    // when
    var response = api.asAdmin().post("/api/v1/users/" + username + "/" + endpoint, body);

    // then
    response.expect(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.faultyFields()).as(what).anyMatch(f -> f.startsWith(field));
    assertThat(secretsOf(username)).isEqualTo(before);
    assertThat(api.asAdmin().get("/api/v1/users/" + username + "/tokens").expect(200).json().size())
        .isZero();
    assertThat(auditOf(username)).hasSize(1);
    assertThat(
            api.asAdmin()
                .get("/api/v1/audit?entity=api-token&limit=1000")
                .json()
                .path("items")
                .toString())
        .doesNotContain(username + "/");
  }

  @Test
  void anOverLongUsernameInThePathIsBadInputNotAServerError() {
    var response = api.asAdmin().get("/api/v1/users/" + "u".repeat(61)).expect(400);

    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.faultyFields()).containsExactly("username");
    api.asAdmin().delete("/api/v1/users/" + "u".repeat(61)).expect(400);
    api.asAdmin()
        .put(
            "/api/v1/users/" + "u".repeat(61),
            anUpdate("Nobody", List.of("OPERATOR"), null, true, 1))
        .expect(404);
  }

  @Test
  void aUserListWithParametersOutOfRangeIsBadInput() {
    assertThat(api.asAdmin().get("/api/v1/users?limit=0").expect(400).faultyFields())
        .containsExactly("limit");
    assertThat(api.asAdmin().get("/api/v1/users?limit=501").expect(400).faultyFields())
        .containsExactly("limit");
    assertThat(api.asAdmin().get("/api/v1/users?limit=ten").expect(400).faultyFields())
        .containsExactly("limit");
    assertThat(api.asAdmin().get("/api/v1/users?q=" + "q".repeat(61)).expect(400).faultyFields())
        .containsExactly("q");
  }

  @Test
  void aPinCannotBeSetForAUserWithoutABadge() {
    String username = unique("nobadge");
    create(username, "No Badge", "PLANNER");

    var response =
        api.asAdmin().post("/api/v1/users/" + username + "/pin", Map.of("pin", "1234")).expect(400);

    assertThat(response.faultyFields()).containsExactly("pin");
    assertThat(auditOf(username)).hasSize(1);
  }

  // --- fixtures ---

  /** A body whose username is known, so that the test can check nothing was created. */
  record BadUser(String username, Object body) {}

  private static BadUser with(String field, Object value) {
    String username = unique("bad");
    Map<String, Object> body = aNewUser(username, "Bad Input", "OPERATOR");
    body.put(field, value);
    String effective = "username".equals(field) ? String.valueOf(value).toLowerCase() : username;
    return new BadUser(effective.contains(" ") || effective.length() > 60 ? null : effective, body);
  }

  private static BadUser without(String field) {
    String username = unique("bad");
    Map<String, Object> body = aNewUser(username, "Bad Input", "OPERATOR");
    body.remove(field);
    return new BadUser(username, body);
  }

  private static BadUser withBadgeAnd(String field, Object value) {
    BadUser bad = with(field, value);
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) bad.body();
    body.put("badgeNumber", "BB-" + UUID.randomUUID().toString().substring(0, 8));
    return bad;
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Map<String, Object> aNewUser(String username, String displayName, String role) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("displayName", displayName);
    body.put("password", PASSWORD);
    body.put("roles", List.of(role));
    body.put("sites", List.of());
    return body;
  }

  private static Map<String, Object> anUpdate(
      String displayName, List<String> roles, String badge, boolean active, long version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("displayName", displayName);
    body.put("roles", roles);
    body.put("sites", List.of());
    body.put("badgeNumber", badge);
    body.put("active", active);
    body.put("version", version);
    return body;
  }

  private JsonNode create(String username, String displayName, String role) {
    return api.asAdmin()
        .post("/api/v1/users", aNewUser(username, displayName, role))
        .expect(201)
        .json();
  }

  private List<JsonNode> auditOf(String username) {
    List<JsonNode> records = new ArrayList<>();
    api.asAdmin()
        .get("/api/v1/audit?entity=user&limit=1000&key=" + username)
        .expect(200)
        .json()
        .path("items")
        .forEach(records::add);
    return records;
  }

  private String secretsOf(String username) {
    return jdbc.sql(
            "SELECT password_hash || '/' || pin_hash || '/' || version FROM identity_user"
                + " WHERE username = :u")
        .param("u", username)
        .query(String.class)
        .single();
  }
}
