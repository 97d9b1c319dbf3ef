package dev.takt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@TaktIntegrationTest
class LoginIT {

  @Autowired Api api;

  @Test
  void anAdministratorLogsInWithHttpBasic() {
    var me = api.asAdmin().get("/api/v1/me").expect(200).json();
    assertThat(me.path("username").asString()).isEqualTo("admin");
    assertThat(me.path("roles").toString()).contains("ADMIN");
  }

  @Test
  void aCallWithoutCredentialsGets401AsProblem() {
    var response = api.anonymous().get("/api/v1/me").expect(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.header("WWW-Authenticate")).contains("Basic");
  }

  @Test
  void anOperatorIsRefusedTheUserList() {
    var operator = api.aUserWith(Role.OPERATOR);
    api.as(operator).get("/api/v1/users").expect(403);
  }
}
