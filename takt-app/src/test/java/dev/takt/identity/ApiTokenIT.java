package dev.takt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@TaktIntegrationTest
class ApiTokenIT {

  @Autowired Api api;
  @Autowired JdbcClient jdbc;

  @Test
  void anErpConnectorIssuesItselfATokenAndCallsTheApiWithIt() {
    // given
    Api.Login erp = api.aUserWith(Role.INTEGRATION);

    // when
    var issued =
        api.as(erp).post("/api/v1/me/tokens", Map.of("name", "SAP nightly export")).expect(201);

    // then
    String secret = issued.json().path("secret").asString();
    assertThat(secret).startsWith("takt_").hasSizeGreaterThan(40);
    assertThat(issued.json().path("token").path("name").asString()).isEqualTo("SAP nightly export");
    JsonNode me = api.withToken(secret).get("/api/v1/me").expect(200).json();
    assertThat(me.path("username").asString()).isEqualTo(erp.username());
  }

  @Test
  void theTokenListNeverShowsTheSecretAgain() {
    // given
    Api.Login erp = api.aUserWith(Role.INTEGRATION);
    var issued = api.as(erp).post("/api/v1/me/tokens", Map.of("name", "MES-to-WMS")).json();
    String secret = issued.path("secret").asString();
    String hash = sha256Hex(secret);

    // when
    var own = api.as(erp).get("/api/v1/me/tokens").expect(200);
    var asSeenByAdmin =
        api.asAdmin().get("/api/v1/users/" + erp.username() + "/tokens").expect(200);

    // then
    assertThat(own.json().size()).isEqualTo(1);
    assertThat(own.json().get(0).path("name").asString()).isEqualTo("MES-to-WMS");
    assertThat(own.json().get(0).has("secret")).isFalse();
    for (var response : List.of(own, asSeenByAdmin)) {
      assertThat(response.body()).doesNotContain(secret, secret.substring(5), hash);
    }
  }

  @Test
  void theDatabaseKeepsOnlyTheSha256OfAToken() {
    // given
    Api.Login erp = api.aUserWith(Role.INTEGRATION);

    // when
    JsonNode issued =
        api.as(erp).post("/api/v1/me/tokens", Map.of("name", "QMS bridge")).expect(201).json();

    // then
    String secret = issued.path("secret").asString();
    var row =
        jdbc.sql("SELECT * FROM identity_api_token WHERE name = 'QMS bridge' AND token_hash = :h")
            .param("h", sha256Hex(secret))
            .query()
            .singleRow();
    assertThat(row.values().toString()).doesNotContain(secret, secret.substring(5));
    assertThat(String.valueOf(row.get("token_hash")).strip()).isEqualTo(sha256Hex(secret));
  }

  @Test
  void aRevokedTokenNoLongerGetsIn() {
    // given
    Api.Login erp = api.aUserWith(Role.INTEGRATION);
    JsonNode issued = api.as(erp).post("/api/v1/me/tokens", Map.of("name", "old ERP")).json();
    String secret = issued.path("secret").asString();
    String id = issued.path("token").path("id").asString();
    api.withToken(secret).get("/api/v1/me").expect(200);

    // when
    api.as(erp).delete("/api/v1/me/tokens/" + id).expect(204);

    // then
    var refused = api.withToken(secret).get("/api/v1/me").expect(401);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    JsonNode listed = api.as(erp).get("/api/v1/me/tokens").json();
    assertThat(listed.get(0).path("revokedAt").isNull()).isFalse();
  }

  @Test
  void anExpiredTokenNoLongerGetsIn() throws InterruptedException {
    // given
    Api.Login erp = api.aUserWith(Role.INTEGRATION);
    Instant expiry = Instant.now().plusSeconds(3);
    JsonNode issued =
        api.as(erp)
            .post(
                "/api/v1/me/tokens",
                Map.of("name", "trial connector", "expiresAt", expiry.toString()))
            .expect(201)
            .json();
    String secret = issued.path("secret").asString();
    api.withToken(secret).get("/api/v1/me").expect(200);

    // when
    Thread.sleep(Duration.between(Instant.now(), expiry).plusMillis(500));

    // then
    api.withToken(secret).get("/api/v1/me").expect(401);
  }

  @Test
  void theTokenOfADeactivatedUserNoLongerGetsIn() {
    // given
    Api.Login erp = api.aUserWith(Role.INTEGRATION);
    String secret =
        api.as(erp)
            .post("/api/v1/me/tokens", Map.of("name", "retired line"))
            .json()
            .path("secret")
            .asString();
    api.withToken(secret).get("/api/v1/me").expect(200);

    // when
    api.asAdmin().delete("/api/v1/users/" + erp.username()).expect(204);

    // then
    api.withToken(secret).get("/api/v1/me").expect(401);
  }

  @Test
  void aTokenCarriesOnlyItsOwnersRoles() {
    // given
    Api.Login operator = api.aUserWith(Role.OPERATOR);
    String secret =
        api.as(operator)
            .post("/api/v1/me/tokens", Map.of("name", "terminal 7"))
            .json()
            .path("secret")
            .asString();

    // when
    var response = api.withToken(secret).get("/api/v1/users");

    // then
    response.expect(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aRoleChangeAppliesToTheNextCallWithAToken() {
    // given: a token that was just used (so its owner's roles are fresh in the server's memory)
    Api.Login machine = api.aUserWith(Role.ADMIN);
    String secret =
        api.as(machine)
            .post("/api/v1/me/tokens", Map.of("name", "role change"))
            .json()
            .path("secret")
            .asString();
    api.withToken(secret).get("/api/v1/users").expect(200);
    JsonNode user = api.asAdmin().get("/api/v1/users/" + machine.username()).expect(200).json();

    // when: an administrator takes ADMIN away and gives INTEGRATION
    Map<String, Object> update = new java.util.LinkedHashMap<>();
    update.put("displayName", user.path("displayName").asString());
    update.put("roles", List.of("INTEGRATION"));
    update.put("sites", List.of());
    update.put("badgeNumber", null);
    update.put("active", true);
    update.put("version", user.path("version").asLong());
    api.asAdmin().put("/api/v1/users/" + machine.username(), update).expect(200);

    // then
    api.withToken(secret).get("/api/v1/users").expect(403);
    JsonNode me = api.withToken(secret).get("/api/v1/me").expect(200).json();
    assertThat(me.path("roles").toString()).contains("INTEGRATION").doesNotContain("ADMIN");
  }

  @Test
  void anAdministratorIssuesAndRevokesATokenForAMachineAccount() {
    // given
    Api.Login machine = api.aUserWith(Role.INTEGRATION);

    // when
    JsonNode issued =
        api.asAdmin()
            .post("/api/v1/users/" + machine.username() + "/tokens", Map.of("name", "OPC gateway"))
            .expect(201)
            .json();
    String secret = issued.path("secret").asString();
    JsonNode me = api.withToken(secret).get("/api/v1/me").expect(200).json();
    api.asAdmin()
        .delete(
            "/api/v1/users/"
                + machine.username()
                + "/tokens/"
                + issued.path("token").path("id").asString())
        .expect(204);

    // then
    assertThat(me.path("username").asString()).isEqualTo(machine.username());
    api.withToken(secret).get("/api/v1/me").expect(401);
  }

  @Test
  void madeUpAndMalformedTokensGet401() {
    api.withToken("takt_" + "A".repeat(43)).get("/api/v1/me").expect(401);
    api.withToken("not-a-takt-token").get("/api/v1/me").expect(401);
    api.withToken("takt_" + "B".repeat(200)).get("/api/v1/me").expect(401);
    api.withToken("").get("/api/v1/me").expect(401);
  }

  @Test
  void aTokenCannotBeUsedToRevokeAnotherUsersToken() {
    // given
    Api.Login owner = api.aUserWith(Role.INTEGRATION);
    JsonNode issued = api.as(owner).post("/api/v1/me/tokens", Map.of("name", "owned")).json();
    Api.Login other = api.aUserWith(Role.INTEGRATION);

    // when
    api.as(other)
        .delete("/api/v1/me/tokens/" + issued.path("token").path("id").asString())
        .expect(404);

    // then
    api.withToken(issued.path("secret").asString()).get("/api/v1/me").expect(200);
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
