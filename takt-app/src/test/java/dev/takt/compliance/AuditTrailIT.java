package dev.takt.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import dev.takt.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@TaktIntegrationTest
class AuditTrailIT {

  @Autowired Api api;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Value("${takt.it.database-name}")
  String databaseName;

  @Test
  void everyChangeOfAUserWritesOneRecordWithWhoWhatAndWhy() {
    // given
    String username = unique("inspector");

    // when
    api.asAdmin()
        .header("Takt-Reason", "New inspector for line 3")
        .post("/api/v1/users", aNewUser(username, "Ines Inspector"))
        .expect(201);
    List<JsonNode> afterCreate = historyOf(username);
    api.asAdmin()
        .header("Takt-Reason", "Promoted to quality lead (CR-1042)")
        .put("/api/v1/users/" + username, anUpdate("Ines Inspector-Lead", List.of("QUALITY"), 1))
        .expect(200);
    List<JsonNode> afterUpdate = historyOf(username);
    api.asAdmin()
        .header("Takt-Reason", "Left the company")
        .delete("/api/v1/users/" + username)
        .expect(204);
    List<JsonNode> history = historyOf(username);

    // then
    assertThat(afterCreate).hasSize(1);
    assertThat(afterUpdate).hasSize(2);
    assertThat(history).hasSize(3);
    JsonNode created = history.get(0);
    assertThat(created.path("action").asString()).isEqualTo("CREATE");
    assertThat(created.path("actor").asString()).isEqualTo("admin");
    assertThat(created.path("entityType").asString()).isEqualTo("user");
    assertThat(created.path("entityKey").asString()).isEqualTo(username);
    assertThat(created.path("reason").asString()).isEqualTo("New inspector for line 3");
    assertThat(created.path("oldValue").isNull()).isTrue();
    assertThat(Api.json(created.path("newValue").asString()).path("displayName").asString())
        .isEqualTo("Ines Inspector");

    JsonNode updated = history.get(1);
    assertThat(updated.path("action").asString()).isEqualTo("UPDATE");
    assertThat(updated.path("actor").asString()).isEqualTo("admin");
    assertThat(updated.path("reason").asString()).isEqualTo("Promoted to quality lead (CR-1042)");
    JsonNode before = Api.json(updated.path("oldValue").asString());
    JsonNode after = Api.json(updated.path("newValue").asString());
    assertThat(before.path("displayName").asString()).isEqualTo("Ines Inspector");
    assertThat(before.path("roles").toString()).doesNotContain("QUALITY");
    assertThat(after.path("displayName").asString()).isEqualTo("Ines Inspector-Lead");
    assertThat(after.path("roles").toString()).contains("QUALITY");

    JsonNode deactivated = history.get(2);
    assertThat(deactivated.path("reason").asString()).isEqualTo("Left the company");
    assertThat(Api.json(deactivated.path("oldValue").asString()).path("active").asBoolean())
        .isTrue();
    assertThat(Api.json(deactivated.path("newValue").asString()).path("active").asBoolean())
        .isFalse();

    assertThat(history.get(0).path("seq").asLong()).isLessThan(history.get(1).path("seq").asLong());
    assertThat(history.get(1).path("seq").asLong()).isLessThan(history.get(2).path("seq").asLong());
    assertThat(history.get(1).path("previousHash").asString()).hasSize(64);
  }

  @Test
  void aChangeWithoutAReasonIsRecordedWithoutOne() {
    String username = unique("noreason");

    api.asAdmin().post("/api/v1/users", aNewUser(username, "No Reason")).expect(201);

    assertThat(historyOf(username).getFirst().path("reason").isNull()).isTrue();
  }

  @Test
  void theHistoryPagesWithACursorSkippingAndRepeatingNothing() {
    // given: one user changed eleven times after its creation
    String username = unique("pager");
    api.asAdmin().post("/api/v1/users", aNewUser(username, "Pat Pager v0")).expect(201);
    for (int version = 1; version <= 11; version++) {
      api.asAdmin()
          .put(
              "/api/v1/users/" + username,
              anUpdate("Pat Pager v" + version, List.of("OPERATOR"), version))
          .expect(200);
    }

    // when
    List<Long> paged = new ArrayList<>();
    List<String> names = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          api.asAdmin()
              .get(
                  "/api/v1/audit?entity=user&key="
                      + username
                      + "&limit=5"
                      + (cursor == null ? "" : "&after=" + cursor))
              .expect(200)
              .json();
      assertThat(page.path("items").size()).isLessThanOrEqualTo(5);
      page.path("items")
          .forEach(
              r -> {
                paged.add(r.path("seq").asLong());
                names.add(Api.json(r.path("newValue").asString()).path("displayName").asString());
              });
      JsonNode next = page.path("nextCursor");
      cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
      pages++;
    } while (cursor != null);

    // then
    assertThat(pages).isEqualTo(3);
    assertThat(paged).hasSize(12).doesNotHaveDuplicates().isSorted();
    assertThat(paged)
        .containsExactlyElementsOf(
            historyOf(username).stream().map(r -> r.path("seq").asLong()).toList());
    assertThat(names.getFirst()).isEqualTo("Pat Pager v0");
    assertThat(names.getLast()).isEqualTo("Pat Pager v11");
  }

  @Test
  void aCursorTheApiNeverHandedOutIsRefused() {
    var response = api.asAdmin().get("/api/v1/audit?after=yesterday").expect(400);
    assertThat(response.faultyFields()).containsExactly("after");
    assertThat(api.asAdmin().get("/api/v1/audit?limit=0").expect(400).faultyFields())
        .containsExactly("limit");
    assertThat(api.asAdmin().get("/api/v1/audit?limit=1001").expect(400).faultyFields())
        .containsExactly("limit");
    assertThat(
            api.asAdmin().get("/api/v1/audit?entity=" + "e".repeat(61)).expect(400).faultyFields())
        .containsExactly("entity");
    assertThat(api.asAdmin().get("/api/v1/audit?from=last-week").expect(400).faultyFields())
        .containsExactly("from");
  }

  @Test
  void theUntouchedChainVerifiesIntact() {
    // given
    api.asAdmin().post("/api/v1/users", aNewUser(unique("chain"), "Chain Link")).expect(201);

    // when
    JsonNode verification = api.asAdmin().get("/api/v1/audit/verify").expect(200).json();

    // then
    assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.path("recordsChecked").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(verification.path("firstBrokenSeq").isNull()).isTrue();
  }

  @Test
  void anAuditorReadsTheTrailAndAnOperatorDoesNot() {
    // given
    Api.Login auditor = api.aUserWith(Role.AUDITOR);
    Api.Login operator = api.aUserWith(Role.OPERATOR);

    // then
    api.as(auditor).get("/api/v1/audit?entity=user").expect(200);
    api.as(auditor).get("/api/v1/audit/verify").expect(200);
    var refused = api.as(operator).get("/api/v1/audit?entity=user");
    refused.expect(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    api.as(operator).get("/api/v1/audit/verify").expect(403);
    api.anonymous().get("/api/v1/audit/verify").expect(401);
  }

  @Test
  void anOverLongReasonIsRefusedAndNothingIsWritten() {
    // given
    String username = unique("toolong");
    String reason = "x".repeat(501);

    // when
    var response =
        api.asAdmin()
            .header("Takt-Reason", reason)
            .post("/api/v1/users", aNewUser(username, "Too Long"));

    // then
    response.expect(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.faultyFields()).containsExactly("Takt-Reason");
    api.asAdmin().get("/api/v1/users/" + username).expect(404);
    assertThat(historyOf(username)).isEmpty();
  }

  @Test
  void aReasonOfExactly500CharactersIsKept() {
    String username = unique("maxlen");
    String reason = "y".repeat(500);

    api.asAdmin()
        .header("Takt-Reason", reason)
        .post("/api/v1/users", aNewUser(username, "Max Len"))
        .expect(201);

    assertThat(historyOf(username).getFirst().path("reason").asString()).isEqualTo(reason);
  }

  @Test
  void aFailedUpdateLeavesNoRecordBehind() {
    // given
    String username = unique("stale");
    api.asAdmin().post("/api/v1/users", aNewUser(username, "Stan Stale")).expect(201);

    // when
    api.asAdmin()
        .header("Takt-Reason", "should not be kept")
        .put("/api/v1/users/" + username, anUpdate("Stan", List.of("OPERATOR"), 99))
        .expect(409);

    // then
    assertThat(historyOf(username)).hasSize(1);
  }

  @Test
  void onH2TheEmbeddedDatabaseRefusesToChangeOrRemoveARecord() {
    Assumptions.assumeFalse(
        TestDatabase.postgresPass(), "the H2 trigger is checked in the H2 pass");
    long seq = aRecordedChange();

    assertThrows(
        DataAccessException.class,
        () ->
            jdbc.sql("UPDATE compliance_audit_record SET reason = 'edited' WHERE seq = :s")
                .param("s", seq)
                .update());
    assertThrows(
        DataAccessException.class,
        () ->
            jdbc.sql("DELETE FROM compliance_audit_record WHERE seq = :s")
                .param("s", seq)
                .update());
    assertThat(api.asAdmin().get("/api/v1/audit/verify").json().path("intact").asBoolean())
        .isTrue();
  }

  @Test
  void onPostgresqlTheApplicationCannotChangeOrRemoveARecord() {
    Assumptions.assumeTrue(
        TestDatabase.postgresPass(), "the PostgreSQL trigger is checked in the PostgreSQL pass");
    long seq = aRecordedChange();

    assertThrows(
        DataAccessException.class,
        () ->
            jdbc.sql("UPDATE compliance_audit_record SET reason = 'edited' WHERE seq = :s")
                .param("s", seq)
                .update());
    assertThrows(
        DataAccessException.class,
        () ->
            jdbc.sql("DELETE FROM compliance_audit_record WHERE seq = :s")
                .param("s", seq)
                .update());
    assertThrows(
        DataAccessException.class, () -> jdbc.sql("TRUNCATE compliance_audit_record").update());
    assertThat(api.asAdmin().get("/api/v1/audit/verify").json().path("intact").asBoolean())
        .isTrue();
  }

  /**
   * Tampers as the database superuser, past the trigger, then puts the original value back so that
   * the test classes sharing this database find the chain intact again.
   */
  @Test
  void onPostgresqlTamperingBySuperuserIsFoundByVerify() throws Exception {
    Assumptions.assumeTrue(
        TestDatabase.postgresPass(), "tampering past the trigger needs a PostgreSQL superuser");
    // given
    long seq = aRecordedChange();
    api.asAdmin().post("/api/v1/users", aNewUser(unique("later"), "Later Change")).expect(201);
    String original =
        jdbc.sql("SELECT new_value FROM compliance_audit_record WHERE seq = :s")
            .param("s", seq)
            .query(String.class)
            .single();

    try {
      // when
      setNewValueAsSuperuser(seq, "{\"displayName\":\"Someone Else\",\"roles\":[\"ADMIN\"]}");
      JsonNode verification = api.asAdmin().get("/api/v1/audit/verify").expect(200).json();

      // then
      assertThat(verification.path("intact").asBoolean()).isFalse();
      assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(seq);
      assertThat(verification.path("problem").asString()).isNotBlank();
    } finally {
      setNewValueAsSuperuser(seq, original);
    }
    assertThat(api.asAdmin().get("/api/v1/audit/verify").json().path("intact").asBoolean())
        .isTrue();
  }

  private void setNewValueAsSuperuser(long seq, String newValue) throws Exception {
    try (Connection admin = TestDatabase.admin(databaseName);
        Statement replica = admin.createStatement();
        PreparedStatement tamper =
            admin.prepareStatement(
                "UPDATE compliance_audit_record SET new_value = ? WHERE seq = ?")) {
      replica.execute("SET session_replication_role = replica");
      tamper.setString(1, newValue);
      tamper.setLong(2, seq);
      assertThat(tamper.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void changesMadeAtTheSameTimeFormOneUnbrokenChain() throws Exception {
    // given: twelve new users, created at the same time from four threads
    List<String> usernames = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      usernames.add(unique("rush"));
    }

    // when
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<?>> calls = new ArrayList<>();
      for (String username : usernames) {
        calls.add(
            pool.submit(
                () -> api.asAdmin().post("/api/v1/users", aNewUser(username, "Rush")).expect(201)));
      }
      for (Future<?> call : calls) {
        call.get(60, TimeUnit.SECONDS);
      }
    }

    // then: each change once, each at its own place in the chain, and the chain intact
    List<Long> seqs = new ArrayList<>();
    for (String username : usernames) {
      List<JsonNode> history = historyOf(username);
      assertThat(history).hasSize(1);
      seqs.add(history.getFirst().path("seq").asLong());
    }
    assertThat(seqs).doesNotHaveDuplicates();
    assertThat(api.asAdmin().get("/api/v1/audit/verify").json().path("intact").asBoolean())
        .isTrue();
  }

  @Test
  void aChangeIsLinkedIntoTheChainSoonAfterItsCommitWithoutAnyoneReading() {
    // given
    String username = unique("unread");

    // when: nobody reads the trail
    api.asAdmin().post("/api/v1/users", aNewUser(username, "Una Unread")).expect(201);

    // then: the sealer has linked it on its own
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql(
                            "SELECT COUNT(*) FROM compliance_audit_record"
                                + " WHERE entity_type = 'user' AND entity_key = :key")
                        .param("key", username)
                        .query(Long.class)
                        .single()
                    == 1L);
  }

  @Test
  void aChangeLeftWaitingByACrashIsLinkedBeforeTheTrailIsRead() {
    // given: a committed change whose transaction never woke the sealer, as after a crash
    String key = unique("left-by-crash");
    jdbc.sql(
            """
            INSERT INTO compliance_audit_pending (occurred_at, actor, action, entity_type,
              entity_key, old_value, new_value, reason)
            VALUES (CURRENT_TIMESTAMP, 'system', 'CREATE', 'user', :key, NULL, '{}', NULL)
            """)
        .param("key", key)
        .update();

    // when
    List<JsonNode> history = historyOf(key);

    // then
    assertThat(history).hasSize(1);
    assertThat(history.getFirst().path("hash").asString()).hasSize(64);
    assertThat(api.asAdmin().get("/api/v1/audit/verify").json().path("intact").asBoolean())
        .isTrue();
  }

  @Test
  void aChangeWaitingToBeLinkedCannotBeAltered() {
    String key = unique("waiting");

    // when: in the transaction that records it (so the sealer cannot have linked it yet), the
    // change is altered
    DataAccessException refused =
        assertThrows(
            DataAccessException.class,
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        tx -> {
                          jdbc.sql(
                                  """
                                  INSERT INTO compliance_audit_pending (occurred_at, actor,
                                    action, entity_type, entity_key, old_value, new_value, reason)
                                  VALUES (CURRENT_TIMESTAMP, 'alice', 'UPDATE', 'user', :key,
                                    '{}', '{}', NULL)
                                  """)
                              .param("key", key)
                              .update();
                          jdbc.sql(
                                  "UPDATE compliance_audit_pending SET actor = 'mallory'"
                                      + " WHERE entity_key = :key")
                              .param("key", key)
                              .update();
                        }));

    // then
    assertThat(refused.getMostSpecificCause()).hasMessageContaining("append-only");
    assertThat(historyOf(key)).isEmpty();
  }

  // --- fixtures ---

  /** Creates a user and returns the sequence number of its audit record. */
  private long aRecordedChange() {
    String username = unique("tamper");
    api.asAdmin().post("/api/v1/users", aNewUser(username, "Tina Target")).expect(201);
    return historyOf(username).getFirst().path("seq").asLong();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Map<String, Object> aNewUser(String username, String displayName) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("displayName", displayName);
    body.put("password", Api.USER_PASSWORD);
    body.put("roles", List.of("OPERATOR"));
    body.put("sites", List.of());
    return body;
  }

  private static Map<String, Object> anUpdate(
      String displayName, List<String> roles, long version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("displayName", displayName);
    body.put("roles", roles);
    body.put("sites", List.of());
    body.put("active", true);
    body.put("version", version);
    return body;
  }

  private List<JsonNode> historyOf(String username) {
    List<JsonNode> records = new ArrayList<>();
    api.asAdmin()
        .get("/api/v1/audit?entity=user&limit=1000&key=" + username)
        .expect(200)
        .json()
        .path("items")
        .forEach(records::add);
    return records;
  }
}
