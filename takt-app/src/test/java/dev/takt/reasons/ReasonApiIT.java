package dev.takt.reasons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@TaktIntegrationTest
class ReasonApiIT {

  @Autowired Api api;

  // ---- fixtures in the language of the plant ----

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static Map<String, Object> reason(String kind, String code, String parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("code", code);
    body.put("name", "Reason " + code);
    body.put("colour", "#D32F2F");
    if (parent != null) {
      body.put("parent", parent);
    }
    return body;
  }

  static Map<String, Object> category(String kind, String code, String parent) {
    Map<String, Object> body = reason(kind, code, parent);
    body.put("category", true);
    return body;
  }

  JsonNode create(Map<String, Object> body) {
    return api.asAdmin().post("/api/v1/reasons", body).expect(201).json();
  }

  /** The update body that keeps everything as the view shows it. */
  static Map<String, Object> unchanged(JsonNode view) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", view.path("name").asString());
    body.put("parent", view.path("parent").isNull() ? null : view.path("parent").asString());
    body.put("category", view.path("category").asBoolean());
    body.put("colour", view.path("colour").asString());
    body.put("sortOrder", view.path("sortOrder").asInt());
    body.put("active", view.path("active").asBoolean());
    if (!view.path("planned").isNull()) {
      body.put("planned", view.path("planned").asBoolean());
    }
    if (!view.path("lossCategory").isNull()) {
      body.put("lossCategory", view.path("lossCategory").asString());
    }
    body.put("version", view.path("version").asLong());
    return body;
  }

  List<String> listed(String kind, String code) {
    List<String> codes = new ArrayList<>();
    api.asAdmin()
        .get("/api/v1/reasons?kind=" + kind + "&code=" + code)
        .expect(200)
        .json()
        .path("items")
        .forEach(i -> codes.add(i.path("code").asString()));
    return codes;
  }

  int auditRecords(String key) {
    return api.asAdmin()
        .get("/api/v1/audit?entity=reason&key=" + key)
        .expect(200)
        .json()
        .path("items")
        .size();
  }

  void assertRefused(Api.Response response, int status, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.faultyFields()).as(response.toString()).contains(field);
  }

  // ---- the flow ----

  @Test
  void aSupervisorBuildsADowntimeTreeAndOnlyItsLeavesAreBookable() {
    // given
    var supervisor = api.aUserWith(Role.SUPERVISOR);
    String stops = unique("STOPS");
    String breakdown = unique("BRK");
    String motor = unique("MOTOR");
    Map<String, Object> top = category("DOWNTIME", stops, null);
    top.put("planned", false);
    top.put("lossCategory", "EQUIPMENT_FAILURE");

    // when
    api.as(supervisor).post("/api/v1/reasons", top).expect(201);
    api.as(supervisor).post("/api/v1/reasons", category("DOWNTIME", breakdown, stops)).expect(201);
    var created =
        api.as(supervisor)
            .post("/api/v1/reasons", reason("DOWNTIME", motor, breakdown))
            .expect(201);

    // then
    JsonNode leaf = created.json();
    assertThat(created.header("Location"))
        .endsWith("/api/v1/reasons/" + leaf.path("id").asString());
    JsonNode fetched = api.as(supervisor).get(created.header("Location")).expect(200).json();
    assertThat(fetched.path("code").asString()).isEqualTo(motor);
    assertThat(fetched.path("parent").asString()).isEqualTo(breakdown);
    assertThat(fetched.path("bookable").asBoolean()).isTrue();
    assertThat(fetched.path("lossCategory").isNull()).isTrue();
    assertThat(fetched.path("effectiveLossCategory").asString()).isEqualTo("EQUIPMENT_FAILURE");
    assertThat(fetched.path("effectivePlanned").asBoolean()).isFalse();
    assertThat(fetched.path("version").asLong()).isEqualTo(1);

    JsonNode category =
        api.asAdmin()
            .get("/api/v1/reasons?kind=DOWNTIME&code=" + breakdown)
            .expect(200)
            .json()
            .path("items")
            .get(0);
    assertThat(category.path("bookable").asBoolean()).isFalse();

    var audit =
        api.asAdmin()
            .get("/api/v1/audit?entity=reason&key=DOWNTIME/" + motor)
            .expect(200)
            .json()
            .path("items");
    assertThat(audit.size()).isEqualTo(1);
    assertThat(audit.get(0).path("action").asString()).isEqualTo("CREATE");
    assertThat(audit.get(0).path("actor").asString()).isEqualTo(supervisor.username());
  }

  @Test
  void theTreeNestsCategoriesAndSortsTheirChildren() {
    // given
    String surface = unique("SURF");
    create(category("SCRAP", surface, null));
    Map<String, Object> scratch = reason("SCRAP", unique("SCRATCH"), surface);
    scratch.put("sortOrder", 20);
    Map<String, Object> dent = reason("SCRAP", unique("DENT"), surface);
    dent.put("sortOrder", 10);
    create(scratch);
    create(dent);

    // when
    JsonNode tree =
        api.as(api.aUserWith(Role.OPERATOR))
            .get("/api/v1/reasons/tree?kind=SCRAP")
            .expect(200)
            .json();

    // then
    JsonNode node = null;
    for (JsonNode n : tree) {
      if (n.path("reason").path("code").asString().equals(surface)) {
        node = n;
      }
    }
    assertThat(node).as(tree.toString()).isNotNull();
    assertThat(node.path("children").size()).isEqualTo(2);
    assertThat(node.path("children").get(0).path("reason").path("code").asString())
        .isEqualTo(dent.get("code"));
    assertThat(node.path("children").get(1).path("reason").path("code").asString())
        .isEqualTo(scratch.get("code"));
  }

  @Test
  void movesAReasonToAnotherCategoryAndTakesItsLossCategory() {
    // given
    String breakdown = unique("BRK");
    String changeover = unique("CHG");
    Map<String, Object> b = category("DOWNTIME", breakdown, null);
    b.put("lossCategory", "EQUIPMENT_FAILURE");
    Map<String, Object> c = category("DOWNTIME", changeover, null);
    c.put("lossCategory", "SETUP_AND_ADJUSTMENT");
    create(b);
    create(c);
    JsonNode tool = create(reason("DOWNTIME", unique("TOOL"), breakdown));

    // when
    Map<String, Object> move = unchanged(tool);
    move.put("parent", changeover);
    JsonNode moved =
        api.asAdmin().put("/api/v1/reasons/" + tool.path("id").asString(), move).expect(200).json();

    // then
    assertThat(moved.path("parent").asString()).isEqualTo(changeover);
    assertThat(moved.path("effectiveLossCategory").asString()).isEqualTo("SETUP_AND_ADJUSTMENT");
    assertThat(moved.path("version").asLong()).isEqualTo(2);
    assertThat(auditRecords("DOWNTIME/" + tool.path("code").asString())).isEqualTo(2);
  }

  @Test
  void refusesAStaleVersionAndKeepsTheReason() {
    // given
    JsonNode burr = create(reason("SCRAP", unique("BURR"), null));
    String path = "/api/v1/reasons/" + burr.path("id").asString();
    Map<String, Object> first = unchanged(burr);
    first.put("name", "Burr at the edge");
    api.asAdmin().put(path, first).expect(200);

    // when
    Map<String, Object> second = unchanged(burr);
    second.put("name", "Burr anywhere");
    var response = api.asAdmin().put(path, second);

    // then
    assertRefused(response, 409, "version");
    assertThat(api.asAdmin().get(path).expect(200).json().path("name").asString())
        .isEqualTo("Burr at the edge");
    assertThat(auditRecords("SCRAP/" + burr.path("code").asString())).isEqualTo(2);
  }

  @Test
  void refusesToMoveACategoryBelowItsOwnChildAndWritesNothing() {
    // given
    String outer = unique("OUTER");
    String inner = unique("INNER");
    JsonNode o = create(category("REWORK", outer, null));
    create(category("REWORK", inner, outer));

    // when
    Map<String, Object> move = unchanged(o);
    move.put("parent", inner);
    var response = api.asAdmin().put("/api/v1/reasons/" + o.path("id").asString(), move);

    // then
    assertRefused(response, 400, "parent");
    JsonNode after = api.asAdmin().get("/api/v1/reasons/" + o.path("id").asString()).json();
    assertThat(after.path("parent").isNull()).isTrue();
    assertThat(after.path("version").asLong()).isEqualTo(1);
    assertThat(auditRecords("REWORK/" + outer)).isEqualTo(1);
  }

  @Test
  void refusesAFifthLevel() {
    String l1 = unique("L1");
    String l2 = unique("L2");
    String l3 = unique("L3");
    String l4 = unique("L4");
    String l5 = unique("L5");
    create(category("DOWNTIME", l1, null));
    create(category("DOWNTIME", l2, l1));
    create(category("DOWNTIME", l3, l2));
    create(category("DOWNTIME", l4, l3));

    var response = api.asAdmin().post("/api/v1/reasons", reason("DOWNTIME", l5, l4));

    assertRefused(response, 400, "parent");
    assertThat(listed("DOWNTIME", l5)).isEmpty();
    assertThat(auditRecords("DOWNTIME/" + l5)).isZero();
  }

  @Test
  void deactivatesALeafButNotACategoryWithActiveReasons() {
    // given
    String surface = unique("SURF");
    JsonNode category = create(category("SCRAP", surface, null));
    JsonNode crack = create(reason("SCRAP", unique("CRACK"), surface));
    String categoryPath = "/api/v1/reasons/" + category.path("id").asString();
    String crackPath = "/api/v1/reasons/" + crack.path("id").asString();

    // when the category goes first, it is refused
    var refused = api.asAdmin().delete(categoryPath);

    // then
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body()).contains(crack.path("code").asString());
    assertThat(api.asAdmin().get(categoryPath).json().path("active").asBoolean()).isTrue();
    assertThat(auditRecords("SCRAP/" + surface)).isEqualTo(1);

    // when the reason goes first, both go
    api.as(api.aUserWith(Role.QUALITY)).delete(crackPath).expect(204);
    api.asAdmin().delete(categoryPath).expect(204);

    // then
    JsonNode gone = api.asAdmin().get(crackPath).expect(200).json();
    assertThat(gone.path("active").asBoolean()).isFalse();
    assertThat(gone.path("bookable").asBoolean()).isFalse();
    assertThat(api.asAdmin().get(categoryPath).json().path("active").asBoolean()).isFalse();
    assertThat(auditRecords("SCRAP/" + surface)).isEqualTo(2);
    assertThat(
            api.asAdmin()
                .get("/api/v1/reasons?kind=SCRAP&active=false&code=" + surface)
                .json()
                .path("items")
                .size())
        .isEqualTo(1);
    assertThat(api.asAdmin().get("/api/v1/reasons/tree?kind=SCRAP&activeOnly=true").body())
        .doesNotContain(surface);
  }

  @Test
  void aCodeIsUniquePerKindOnly() {
    String code = unique("SHARED");
    create(reason("SCRAP", code, null));
    create(reason("REWORK", code, null));

    var response = api.asAdmin().post("/api/v1/reasons", reason("SCRAP", code, null));

    assertRefused(response, 409, "code");
    assertThat(auditRecords("SCRAP/" + code)).isEqualTo(1);
  }

  @Test
  void pagesThroughAKindWithTheCursor() {
    // given
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String code = unique("PAGE");
      create(reason("REWORK", code, null));
      mine.add(code);
    }

    // when
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          api.asAdmin()
              .get(
                  "/api/v1/reasons?kind=REWORK&limit=2"
                      + (cursor == null ? "" : "&after=" + cursor))
              .expect(200)
              .json();
      page.path("items").forEach(i -> seen.add(i.path("code").asString()));
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
      pages++;
    } while (cursor != null && pages < 100);

    // then
    assertThat(seen).containsAll(mine).doesNotHaveDuplicates().isSorted();
    assertThat(pages).isGreaterThanOrEqualTo(3);
  }

  // ---- who may ----

  @Test
  void everyRoleReadsButOnlyKeepersWrite() {
    JsonNode burr = create(reason("SCRAP", unique("BURR"), null));
    for (Role role : Role.values()) {
      var user = api.aUserWith(role);
      api.as(user).get("/api/v1/reasons/" + burr.path("id").asString()).expect(200);
      api.as(user).get("/api/v1/reasons/tree?kind=SCRAP").expect(200);
      api.as(user).get("/api/v1/reasons?kind=SCRAP").expect(200);
    }
    for (Role reader : List.of(Role.PLANNER, Role.OPERATOR, Role.AUDITOR)) {
      String code = unique("NOPE");
      var user = api.aUserWith(reader);
      api.as(user).post("/api/v1/reasons", reason("SCRAP", code, null)).expect(403);
      api.as(user).delete("/api/v1/reasons/" + burr.path("id").asString()).expect(403);
      assertThat(listed("SCRAP", code)).isEmpty();
    }
    for (Role keeper : List.of(Role.ADMIN, Role.SUPERVISOR, Role.QUALITY, Role.INTEGRATION)) {
      api.as(api.aUserWith(keeper))
          .post("/api/v1/reasons", reason("SCRAP", unique("OK"), null))
          .expect(201);
    }
    api.anonymous().get("/api/v1/reasons").expect(401);
  }

  // ---- bad input: a 4xx problem naming the field, and nothing written ----

  void assertCreateRefused(String kind, String code, Object body, int status, String field) {
    var response = api.asAdmin().post("/api/v1/reasons", body);
    assertRefused(response, status, field);
    assertThat(listed(kind, code)).isEmpty();
    assertThat(auditRecords(kind + "/" + code)).isZero();
  }

  @Test
  void refusesMalformedJson() {
    String code = unique("BAD");
    assertCreateRefused(
        "SCRAP", code, "{\"kind\":\"SCRAP\",\"code\":\"" + code + "\",", 400, "body");
  }

  @Test
  void refusesAnUnknownField() {
    String code = unique("BAD");
    Map<String, Object> body = reason("SCRAP", code, null);
    body.put("severity", "high");
    assertCreateRefused("SCRAP", code, body, 400, "severity");
  }

  @Test
  void refusesAMissingName() {
    String code = unique("BAD");
    Map<String, Object> body = reason("SCRAP", code, null);
    body.remove("name");
    assertCreateRefused("SCRAP", code, body, 400, "name");
  }

  @Test
  void refusesAMissingColour() {
    String code = unique("BAD");
    Map<String, Object> body = reason("SCRAP", code, null);
    body.remove("colour");
    assertCreateRefused("SCRAP", code, body, 400, "colour");
  }

  @Test
  void refusesAMissingKind() {
    String code = unique("BAD");
    Map<String, Object> body = reason("SCRAP", code, null);
    body.remove("kind");
    var response = api.asAdmin().post("/api/v1/reasons", body);
    assertRefused(response, 400, "kind");
    for (String kind : List.of("DOWNTIME", "SCRAP", "REWORK")) {
      assertThat(listed(kind, code)).isEmpty();
    }
  }

  @Test
  void refusesAnUnknownKind() {
    String code = unique("BAD");
    Map<String, Object> body = reason("SCRAP", code, null);
    body.put("kind", "WASTE");
    var response = api.asAdmin().post("/api/v1/reasons", body);
    assertRefused(response, 400, "kind");
    assertThat(listed("SCRAP", code)).isEmpty();
  }

  @Test
  void refusesAWrongType() {
    String code = unique("BAD");
    Map<String, Object> body = reason("SCRAP", code, null);
    body.put("sortOrder", "first");
    assertCreateRefused("SCRAP", code, body, 400, "sortOrder");
  }

  @Test
  void refusesAnOverlongName() {
    String code = unique("BAD");
    Map<String, Object> body = reason("SCRAP", code, null);
    body.put("name", "x".repeat(101));
    assertCreateRefused("SCRAP", code, body, 400, "name");
  }

  @Test
  void refusesAnOverlongOrMalformedCode() {
    // a code too long to be filtered for: look for it in the whole tree instead
    String tooLong = "A".repeat(31);
    var response = api.asAdmin().post("/api/v1/reasons", reason("SCRAP", tooLong, null));
    assertRefused(response, 400, "code");
    assertThat(api.asAdmin().get("/api/v1/reasons/tree?kind=SCRAP").expect(200).body())
        .doesNotContain(tooLong);
    assertThat(auditRecords("SCRAP/" + tooLong)).isZero();

    String lowercase = unique("bad").toLowerCase();
    assertRefused(
        api.asAdmin().post("/api/v1/reasons", reason("SCRAP", lowercase, null)), 400, "code");
    assertThat(auditRecords("SCRAP/" + lowercase)).isZero();
  }

  @Test
  void refusesAColourThatIsNotRgb() {
    String code = unique("BAD");
    Map<String, Object> body = reason("SCRAP", code, null);
    body.put("colour", "red");
    assertCreateRefused("SCRAP", code, body, 400, "colour");
  }

  @Test
  void refusesADuplicateCode() {
    String code = unique("DUP");
    create(reason("DOWNTIME", code, null));

    Map<String, Object> again = reason("DOWNTIME", code, null);
    again.put("name", "a second one");
    var response = api.asAdmin().post("/api/v1/reasons", again);

    assertRefused(response, 409, "code");
    assertThat(auditRecords("DOWNTIME/" + code)).isEqualTo(1);
  }

  @Test
  void refusesAParentThatDoesNotExist() {
    String code = unique("ORPHAN");
    assertCreateRefused(
        "DOWNTIME", code, reason("DOWNTIME", code, unique("NOWHERE")), 400, "parent");
  }

  @Test
  void refusesAParentOfAnotherKind() {
    String scrapCategory = unique("SURF");
    create(category("SCRAP", scrapCategory, null));
    String code = unique("POLISH");
    assertCreateRefused("REWORK", code, reason("REWORK", code, scrapCategory), 400, "parent");
  }

  @Test
  void refusesAParentThatIsNotACategory() {
    String leaf = unique("LEAF");
    create(reason("SCRAP", leaf, null));
    String code = unique("UNDER");
    assertCreateRefused("SCRAP", code, reason("SCRAP", code, leaf), 400, "parent");
  }

  @Test
  void refusesDowntimeFieldsOnScrapAndRework() {
    String scrap = unique("BURR");
    Map<String, Object> planned = reason("SCRAP", scrap, null);
    planned.put("planned", true);
    assertCreateRefused("SCRAP", scrap, planned, 400, "planned");

    String rework = unique("REGRIND");
    Map<String, Object> loss = reason("REWORK", rework, null);
    loss.put("lossCategory", "SMALL_STOP");
    assertCreateRefused("REWORK", rework, loss, 400, "lossCategory");
  }

  @Test
  void refusesAnUnknownLossCategory() {
    String code = unique("BAD");
    Map<String, Object> body = reason("DOWNTIME", code, null);
    body.put("lossCategory", "COFFEE_BREAK");
    assertCreateRefused("DOWNTIME", code, body, 400, "lossCategory");
  }

  @Test
  void refusesBadUpdatesAndKeepsTheReason() {
    // given
    JsonNode burr = create(reason("SCRAP", unique("BURR"), null));
    String path = "/api/v1/reasons/" + burr.path("id").asString();
    String key = "SCRAP/" + burr.path("code").asString();

    // when / then: each refused, naming the field
    Map<String, Object> noVersion = unchanged(burr);
    noVersion.remove("version");
    assertRefused(api.asAdmin().put(path, noVersion), 400, "version");

    Map<String, Object> kind = unchanged(burr);
    kind.put("kind", "REWORK");
    assertRefused(api.asAdmin().put(path, kind), 400, "kind");

    Map<String, Object> longName = unchanged(burr);
    longName.put("name", "y".repeat(101));
    assertRefused(api.asAdmin().put(path, longName), 400, "name");

    Map<String, Object> loss = unchanged(burr);
    loss.put("lossCategory", "OTHER");
    assertRefused(api.asAdmin().put(path, loss), 400, "lossCategory");

    Map<String, Object> parent = unchanged(burr);
    parent.put("parent", unique("NOWHERE"));
    assertRefused(api.asAdmin().put(path, parent), 400, "parent");

    assertRefused(api.asAdmin().put(path, "{\"name\": "), 400, "body");

    // and nothing changed
    JsonNode after = api.asAdmin().get(path).expect(200).json();
    assertThat(after.path("version").asLong()).isEqualTo(1);
    assertThat(after.path("name").asString()).isEqualTo(burr.path("name").asString());
    assertThat(auditRecords(key)).isEqualTo(1);
  }

  @Test
  void refusesBadQueries() {
    assertRefused(api.asAdmin().get("/api/v1/reasons?kind=WASTE"), 400, "kind");
    assertRefused(api.asAdmin().get("/api/v1/reasons?limit=0"), 400, "limit");
    assertRefused(api.asAdmin().get("/api/v1/reasons?after=nonsense"), 400, "after");
    assertRefused(api.asAdmin().get("/api/v1/reasons?after=WASTE/X"), 400, "after");
    assertRefused(api.asAdmin().get("/api/v1/reasons/tree"), 400, "kind");
    assertRefused(api.asAdmin().get("/api/v1/reasons/not-a-uuid"), 400, "id");
    var missing = api.asAdmin().get("/api/v1/reasons/" + UUID.randomUUID());
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(api.asAdmin().delete("/api/v1/reasons/" + UUID.randomUUID()).status())
        .isEqualTo(404);
  }
}
