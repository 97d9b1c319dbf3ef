package dev.takt.machines.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.PlantFixture;
import dev.takt.testing.TaktIntegrationTest;
import dev.takt.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One node runs a connection: on PostgreSQL the node that holds its advisory lock (another node is
 * played by a second ownership on a session of its own), on H2 the only node.
 */
@TaktIntegrationTest
class ConnectionOwnershipIT {

  @Autowired Api api;
  @Autowired DataSource dataSource;

  @Test
  void aConnectionLockedByAnotherNodeDoesNotRunHere() {
    // given: a disabled connection, and another node that takes its lock
    String site = "O" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    new PlantFixture(api).aSite(site);
    String name = "agent-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("site", site);
    body.put("protocol", "MTCONNECT");
    body.put("enabled", false);
    body.put("settings", Map.of("agentUrl", "http://127.0.0.1:5999"));
    UUID id =
        UUID.fromString(
            api.asAdmin()
                .post("/api/v1/connections", body)
                .expect(201)
                .json()
                .path("id")
                .asString());
    ConnectionOwnership otherNode = new ConnectionOwnership(dataSource);
    try {
      boolean taken = otherNode.tryOwn(id);

      // when: it is enabled here
      body.put("enabled", true);
      body.put("version", 0);
      api.asAdmin().put("/api/v1/connections/" + id, body).expect(200);
      String placement =
          api.asAdmin()
              .get("/api/v1/connections/" + id + "/status")
              .expect(200)
              .json()
              .path("placement")
              .asString();

      // then
      assertThat(taken).isTrue();
      if (TestDatabase.postgresPass()) {
        assertThat(otherNode.multiNode()).isTrue();
        assertThat(placement).isEqualTo("OWNED_BY_ANOTHER_NODE");
      } else {
        assertThat(otherNode.multiNode()).isFalse();
        assertThat(placement).isEqualTo("RUNNING_HERE");
      }
    } finally {
      otherNode.releaseAll();
    }
  }

  @Test
  void aReleasedLockCanBeTakenByTheNextNode() {
    UUID connection = UUID.randomUUID();
    ConnectionOwnership first = new ConnectionOwnership(dataSource);
    ConnectionOwnership second = new ConnectionOwnership(dataSource);
    try {
      assertThat(first.tryOwn(connection)).isTrue();
      assertThat(second.tryOwn(connection)).isEqualTo(!TestDatabase.postgresPass());
      assertThat(first.tryOwn(connection)).isTrue();
      first.release(connection);
      assertThat(second.tryOwn(connection)).isTrue();
    } finally {
      first.releaseAll();
      second.releaseAll();
    }
  }
}
