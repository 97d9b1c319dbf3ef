package dev.takt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The first start of an empty database with TAKT_ADMIN_PASSWORD set. */
@TaktIntegrationTest
class FirstStartIT {

  @Autowired Api api;
  @Autowired JdbcClient jdbc;

  @Test
  void theFirstStartCreatesAnAdministratorWithTheConfiguredPassword() {
    JsonNode me = api.asAdmin().get("/api/v1/me").expect(200).json();

    assertThat(me.path("username").asString()).isEqualTo("admin");
    assertThat(me.path("roles").toString()).contains("ADMIN");
    String hash =
        jdbc.sql("SELECT password_hash FROM identity_user WHERE username = 'admin'")
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{bcrypt}").doesNotContain(Api.ADMIN_PASSWORD);
  }

  @Test
  void thereIsNoDefaultPassword() {
    for (String guess : List.of("admin", "password", "takt", "changeme", "")) {
      api.as(new Api.Login("admin", guess)).get("/api/v1/me").expect(401);
    }
  }

  @Test
  void theCreationOfTheAdministratorIsAuditedAsDoneByTheSystem() {
    JsonNode history =
        api.asAdmin().get("/api/v1/audit?entity=user&key=admin").expect(200).json().path("items");

    assertThat(history.get(0).path("action").asString()).isEqualTo("CREATE");
    assertThat(history.get(0).path("actor").asString()).isEqualTo("system");
  }
}
