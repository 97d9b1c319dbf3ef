package dev.takt.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input, on every write endpoint: a 4xx problem naming the field, and nothing
 * written, neither the data nor an audit record.
 *
 * <p>Placeholders in paths and bodies: {S} the fixture site, {A}/{W}/{U} its area, work center and
 * work unit codes, {areaId}/{wcId}/{unitId} their ids, {N} a fresh code per case, {LONG} 121
 * characters.
 */
@TaktIntegrationTest
class EquipmentBadInputIT {

  /** One refused request and where to look that nothing changed. */
  record Case(
      String label,
      String method,
      String path,
      String body,
      int status,
      String field,
      String readBack,
      Check check) {
    @Override
    public String toString() {
      return label;
    }
  }

  /** What the read-back must show: no such item, or the fixture still at its first version. */
  enum Check {
    NOT_LISTED,
    UNCHANGED,
    NO_CALENDAR
  }

  static final String LONG = "x".repeat(121);
  static JsonNode site;
  static JsonNode area;
  static JsonNode workCenter;
  static JsonNode workUnit;

  @Autowired Api api;

  @BeforeEach
  void aPlantOnce() {
    if (site == null) {
      Plants plants = new Plants(api);
      site = plants.aSite();
      area = plants.anAreaIn(code(site));
      workCenter = plants.aWorkCenterIn(code(site), code(area));
      workUnit = plants.aWorkUnitIn(code(site), code(workCenter));
    }
  }

  static Stream<Case> badInputs() {
    String newSite = "/api/v1/sites?code={N}";
    String newArea = "/api/v1/areas?site={S}&code={N}";
    String newWc = "/api/v1/work-centers?site={S}&code={N}";
    String newUnit = "/api/v1/work-units?site={S}&code={N}";
    String siteUrl = "/api/v1/sites/{S}";
    String areaUrl = "/api/v1/areas/{areaId}";
    String wcUrl = "/api/v1/work-centers/{wcId}";
    String unitUrl = "/api/v1/work-units/{unitId}";
    String calendar = "/api/v1/sites/{S}/shift-calendar";
    String shift =
        "{\"code\":\"EARLY\",\"name\":\"Early\",\"start\":\"06:00\",\"end\":\"14:00\","
            + "\"weekdays\":[\"MONDAY\"]";
    return Stream.of(
        // POST /sites
        post("site: malformed JSON", "/api/v1/sites", "{\"code\":\"{N}\",", 400, "body", newSite),
        post(
            "site: unknown field",
            "/api/v1/sites",
            "{\"code\":\"{N}\",\"name\":\"n\",\"timeZone\":\"Europe/Berlin\",\"color\":\"red\"}",
            400,
            "color",
            newSite),
        post(
            "site: missing name",
            "/api/v1/sites",
            "{\"code\":\"{N}\",\"timeZone\":\"Europe/Berlin\"}",
            400,
            "name",
            newSite),
        post(
            "site: wrong type",
            "/api/v1/sites",
            "{\"code\":\"{N}\",\"name\":{\"a\":1},\"timeZone\":\"Europe/Berlin\"}",
            400,
            "name",
            newSite),
        post(
            "site: over-long name",
            "/api/v1/sites",
            "{\"code\":\"{N}\",\"name\":\"{LONG}\",\"timeZone\":\"Europe/Berlin\"}",
            400,
            "name",
            newSite),
        post(
            "site: over-long code",
            "/api/v1/sites",
            "{\"code\":\"{N}123456789012345\",\"name\":\"n\",\"timeZone\":\"Europe/Berlin\"}",
            400,
            "code",
            null),
        post(
            "site: duplicate code",
            "/api/v1/sites",
            "{\"code\":\"{S}\",\"name\":\"Another\",\"timeZone\":\"Europe/Berlin\"}",
            409,
            "code",
            null),
        post(
            "site: unknown time zone",
            "/api/v1/sites",
            "{\"code\":\"{N}\",\"name\":\"n\",\"timeZone\":\"Europe/Atlantis\"}",
            400,
            "timeZone",
            newSite),
        // PUT /sites/{code}
        put("site update: malformed JSON", siteUrl, "{\"name\":", 400, "body", siteUrl),
        put(
            "site update: unknown field", siteUrl,
            "{\"name\":\"n\",\"timeZone\":\"Europe/Berlin\",\"version\":1,\"code\":\"X\"}", 400,
            "code", siteUrl),
        put(
            "site update: missing version",
            siteUrl,
            "{\"name\":\"n\",\"timeZone\":\"Europe/Berlin\"}",
            400,
            "version",
            siteUrl),
        put(
            "site update: wrong type",
            siteUrl,
            "{\"name\":\"n\",\"timeZone\":\"Europe/Berlin\",\"version\":\"one\"}",
            400,
            "version",
            siteUrl),
        put(
            "site update: over-long name",
            siteUrl,
            "{\"name\":\"{LONG}\",\"timeZone\":\"Europe/Berlin\",\"version\":1}",
            400,
            "name",
            siteUrl),
        put(
            "site update: unknown time zone",
            siteUrl,
            "{\"name\":\"n\",\"timeZone\":\"CEST\",\"version\":1}",
            400,
            "timeZone",
            siteUrl),
        // POST /areas
        post("area: malformed JSON", "/api/v1/areas", "{\"site\":\"{S}\"", 400, "body", newArea),
        post(
            "area: unknown field",
            "/api/v1/areas",
            "{\"site\":\"{S}\",\"code\":\"{N}\",\"name\":\"n\",\"floor\":2}",
            400,
            "floor",
            newArea),
        post(
            "area: missing site",
            "/api/v1/areas",
            "{\"code\":\"{N}\",\"name\":\"n\"}",
            400,
            "site",
            "/api/v1/areas?code={N}"),
        post(
            "area: wrong type",
            "/api/v1/areas",
            "{\"site\":\"{S}\",\"code\":\"{N}\",\"name\":[\"n\"]}",
            400,
            "name",
            newArea),
        post(
            "area: over-long name",
            "/api/v1/areas",
            "{\"site\":\"{S}\",\"code\":\"{N}\",\"name\":\"{LONG}\"}",
            400,
            "name",
            newArea),
        post(
            "area: duplicate code",
            "/api/v1/areas",
            "{\"site\":\"{S}\",\"code\":\"{A}\",\"name\":\"n\"}",
            409,
            "code",
            null),
        post(
            "area: unknown site",
            "/api/v1/areas",
            "{\"site\":\"{N}\",\"code\":\"{N}\",\"name\":\"n\"}",
            400,
            "site",
            "/api/v1/areas?code={N}"),
        // PUT /areas/{id}
        put("area update: malformed JSON", areaUrl, "{", 400, "body", areaUrl),
        put(
            "area update: the site cannot change",
            areaUrl,
            "{\"site\":\"{S}\",\"name\":\"n\",\"version\":1}",
            400,
            "site",
            areaUrl),
        put("area update: missing name", areaUrl, "{\"version\":1}", 400, "name", areaUrl),
        put(
            "area update: wrong type",
            areaUrl,
            "{\"name\":\"n\",\"active\":\"yes\",\"version\":1}",
            400,
            "active",
            areaUrl),
        put(
            "area update: over-long name",
            areaUrl,
            "{\"name\":\"{LONG}\",\"version\":1}",
            400,
            "name",
            areaUrl),
        // POST /work-centers
        post("work center: malformed JSON", "/api/v1/work-centers", "[", 400, "body", newWc),
        post(
            "work center: unknown field",
            "/api/v1/work-centers",
            "{\"site\":\"{S}\",\"area\":\"{A}\",\"code\":\"{N}\",\"name\":\"n\",\"speed\":3}",
            400,
            "speed",
            newWc),
        post(
            "work center: missing area",
            "/api/v1/work-centers",
            "{\"site\":\"{S}\",\"code\":\"{N}\",\"name\":\"n\"}",
            400,
            "area",
            newWc),
        post(
            "work center: wrong type",
            "/api/v1/work-centers",
            "{\"site\":\"{S}\",\"area\":\"{A}\",\"code\":{\"x\":1},\"name\":\"n\"}",
            400,
            "code",
            null),
        post(
            "work center: over-long code",
            "/api/v1/work-centers",
            "{\"site\":\"{S}\",\"area\":\"{A}\",\"code\":\"{N}123456789012345\",\"name\":\"n\"}",
            400,
            "code",
            null),
        post(
            "work center: duplicate code",
            "/api/v1/work-centers",
            "{\"site\":\"{S}\",\"area\":\"{A}\",\"code\":\"{W}\",\"name\":\"n\"}",
            409,
            "code",
            null),
        post(
            "work center: unknown area",
            "/api/v1/work-centers",
            "{\"site\":\"{S}\",\"area\":\"{N}\",\"code\":\"{N}\",\"name\":\"n\"}",
            400,
            "area",
            newWc),
        post(
            "work center: unknown site",
            "/api/v1/work-centers",
            "{\"site\":\"{N}\",\"area\":\"{A}\",\"code\":\"{N}\",\"name\":\"n\"}",
            400,
            "site",
            "/api/v1/work-centers?code={N}"),
        // PUT /work-centers/{id}
        put("work center update: malformed JSON", wcUrl, "{\"area\":", 400, "body", wcUrl),
        put(
            "work center update: unknown field",
            wcUrl,
            "{\"area\":\"{A}\",\"name\":\"n\",\"version\":1,\"site\":\"{S}\"}",
            400,
            "site",
            wcUrl),
        put(
            "work center update: missing area",
            wcUrl,
            "{\"name\":\"n\",\"version\":1}",
            400,
            "area",
            wcUrl),
        put(
            "work center update: wrong type",
            wcUrl,
            "{\"area\":\"{A}\",\"name\":\"n\",\"version\":1.5}",
            400,
            "version",
            wcUrl),
        put(
            "work center update: over-long name",
            wcUrl,
            "{\"area\":\"{A}\",\"name\":\"{LONG}\",\"version\":1}",
            400,
            "name",
            wcUrl),
        put(
            "work center update: move to an unknown area",
            wcUrl,
            "{\"area\":\"{N}\",\"name\":\"n\",\"version\":1}",
            400,
            "area",
            wcUrl),
        // POST /work-units
        post(
            "work unit: malformed JSON",
            "/api/v1/work-units",
            "{\"site\" \"{S}\"}",
            400,
            "body",
            newUnit),
        post(
            "work unit: unknown field",
            "/api/v1/work-units",
            "{\"site\":\"{S}\",\"workCenter\":\"{W}\",\"code\":\"{N}\",\"name\":\"n\",\"ip\":\"x\"}",
            400,
            "ip",
            newUnit),
        post(
            "work unit: missing code",
            "/api/v1/work-units",
            "{\"site\":\"{S}\",\"workCenter\":\"{W}\",\"name\":\"n\"}",
            400,
            "code",
            null),
        post(
            "work unit: wrong type",
            "/api/v1/work-units",
            "{\"site\":\"{S}\",\"workCenter\":7,\"code\":\"{N}\",\"name\":\"n\"}",
            400,
            "workCenter",
            newUnit),
        post(
            "work unit: over-long name",
            "/api/v1/work-units",
            "{\"site\":\"{S}\",\"workCenter\":\"{W}\",\"code\":\"{N}\",\"name\":\"{LONG}\"}",
            400,
            "name",
            newUnit),
        post(
            "work unit: duplicate code",
            "/api/v1/work-units",
            "{\"site\":\"{S}\",\"workCenter\":\"{W}\",\"code\":\"{U}\",\"name\":\"n\"}",
            409,
            "code",
            null),
        post(
            "work unit: unknown work center",
            "/api/v1/work-units",
            "{\"site\":\"{S}\",\"workCenter\":\"{N}\",\"code\":\"{N}\",\"name\":\"n\"}",
            400,
            "workCenter",
            newUnit),
        // PUT /work-units/{id}
        put("work unit update: malformed JSON", unitUrl, "nonsense", 400, "body", unitUrl),
        put(
            "work unit update: unknown field",
            unitUrl,
            "{\"workCenter\":\"{W}\",\"name\":\"n\",\"version\":1,\"area\":\"{A}\"}",
            400,
            "area",
            unitUrl),
        put(
            "work unit update: missing version",
            unitUrl,
            "{\"workCenter\":\"{W}\",\"name\":\"n\"}",
            400,
            "version",
            unitUrl),
        put(
            "work unit update: wrong type",
            unitUrl,
            "{\"workCenter\":\"{W}\",\"name\":\"n\",\"version\":[1]}",
            400,
            "version",
            unitUrl),
        put(
            "work unit update: over-long name",
            unitUrl,
            "{\"workCenter\":\"{W}\",\"name\":\"{LONG}\",\"version\":1}",
            400,
            "name",
            unitUrl),
        put(
            "work unit update: move to an unknown work center",
            unitUrl,
            "{\"workCenter\":\"{N}\",\"name\":\"n\",\"version\":1}",
            400,
            "workCenter",
            unitUrl),
        // PUT /sites/{code}/shift-calendar
        calendar("calendar: malformed JSON", calendar, "{\"shifts\":[", 400, "body"),
        calendar(
            "calendar: unknown field",
            calendar,
            "{\"shifts\":[],\"plannedNonWorking\":[],\"version\":0,\"owner\":\"me\"}",
            400,
            "owner"),
        calendar(
            "calendar: missing version",
            calendar,
            "{\"shifts\":[],\"plannedNonWorking\":[]}",
            400,
            "version"),
        calendar(
            "calendar: wrong type",
            calendar,
            "{\"shifts\":[{\"code\":\"EARLY\",\"name\":\"Early\",\"start\":\"25:00\","
                + "\"end\":\"14:00\",\"weekdays\":[\"MONDAY\"]}],\"plannedNonWorking\":[],"
                + "\"version\":0}",
            400,
            "shifts[0].start"),
        calendar(
            "calendar: unknown weekday",
            calendar,
            "{\"shifts\":[{\"code\":\"EARLY\",\"name\":\"Early\",\"start\":\"06:00\","
                + "\"end\":\"14:00\",\"weekdays\":[\"MONTAG\"]}],\"plannedNonWorking\":[],"
                + "\"version\":0}",
            400,
            "shifts[0].weekdays"),
        calendar(
            "calendar: over-long shift name",
            calendar,
            "{\"shifts\":[{\"code\":\"EARLY\",\"name\":\"{LONG}\",\"start\":\"06:00\","
                + "\"end\":\"14:00\",\"weekdays\":[\"MONDAY\"]}],\"plannedNonWorking\":[],"
                + "\"version\":0}",
            400,
            "shifts[0].name"),
        calendar(
            "calendar: duplicate shift code",
            calendar,
            "{\"shifts\":["
                + shift
                + "},"
                + shift.replace("MONDAY", "TUESDAY")
                + "}],\"plannedNonWorking\":[],\"version\":0}",
            400,
            "shifts[1].code"),
        calendar(
            "calendar: shift ending when it starts",
            calendar,
            "{\"shifts\":["
                + shift.replace("14:00", "06:00")
                + "}],\"plannedNonWorking\":[],\"version\":0}",
            400,
            "shifts[0].end"),
        calendar(
            "calendar: break outside its shift",
            calendar,
            "{\"shifts\":["
                + shift
                + ",\"breaks\":[{\"start\":\"15:00\",\"end\":\"15:30\"}]}],"
                + "\"plannedNonWorking\":[],\"version\":0}",
            400,
            "shifts[0].breaks[0]"),
        calendar(
            "calendar: overlapping shifts",
            calendar,
            "{\"shifts\":["
                + shift
                + "},"
                + shift.replace("EARLY", "MID").replace("06:00", "12:00")
                + "}],\"plannedNonWorking\":[],\"version\":0}",
            400,
            "shifts[1]"),
        calendar(
            "calendar: non-working without reason",
            calendar,
            "{\"shifts\":[],\"plannedNonWorking\":[{\"from\":\"2026-12-24T00:00:00\","
                + "\"to\":\"2026-12-27T00:00:00\"}],\"version\":0}",
            400,
            "plannedNonWorking[0].reason"),
        calendar(
            "calendar: non-working ending before it begins",
            calendar,
            "{\"shifts\":[],\"plannedNonWorking\":[{\"from\":\"2026-12-27T00:00:00\","
                + "\"to\":\"2026-12-24T00:00:00\",\"reason\":\"Christmas\"}],\"version\":0}",
            400,
            "plannedNonWorking[0].to"),
        calendar(
            "calendar: stale version",
            calendar,
            "{\"shifts\":[],\"plannedNonWorking\":[],\"version\":3}",
            409,
            "version"),
        new Case(
            "calendar of an unknown site",
            "PUT",
            "/api/v1/sites/{N}/shift-calendar",
            "{\"shifts\":[],\"plannedNonWorking\":[],\"version\":0}",
            404,
            null,
            null,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void refusesBadInputNamingTheFieldAndWritesNothing(Case c) {
    // given
    String fresh = Plants.unique("N");
    long auditBefore = auditRecords();

    // when
    var response = api.asAdmin().send(c.method(), fill(c.path(), fresh), fill(c.body(), fresh));

    // then
    assertThat(response.status()).as(response.toString()).isEqualTo(c.status());
    assertThat(response.contentType()).startsWith("application/problem+json");
    if (c.field() != null) {
      assertThat(response.faultyFields())
          .as(response.toString())
          .anyMatch(
              f ->
                  f.equals(c.field())
                      || f.startsWith(c.field() + "[")
                      || f.startsWith(c.field() + "."));
    }
    assertThat(auditRecords()).as("audit records written").isEqualTo(auditBefore);
    if (c.readBack() != null) {
      JsonNode back = api.asAdmin().get(fill(c.readBack(), fresh)).expect(200).json();
      switch (c.check()) {
        case NOT_LISTED -> assertThat(back.path("items").size()).isZero();
        case UNCHANGED -> assertThat(back.path("version").asLong()).isEqualTo(1);
        case NO_CALENDAR -> assertThat(back.path("version").asLong()).isZero();
      }
    }
  }

  private long auditRecords() {
    return api.asAdmin()
        .get("/api/v1/audit/verify")
        .expect(200)
        .json()
        .path("recordsChecked")
        .asLong();
  }

  private static String fill(String template, String fresh) {
    if (template == null) {
      return null;
    }
    return template
        .replace("{LONG}", LONG)
        .replace("{N}", fresh)
        .replace("{S}", code(site))
        .replace("{A}", code(area))
        .replace("{W}", code(workCenter))
        .replace("{U}", code(workUnit))
        .replace("{areaId}", area.path("id").asString())
        .replace("{wcId}", workCenter.path("id").asString())
        .replace("{unitId}", workUnit.path("id").asString());
  }

  private static String code(JsonNode node) {
    return node.path("code").asString();
  }

  private static Case post(
      String label, String path, String body, int status, String field, String listPath) {
    return new Case(label, "POST", path, body, status, field, listPath, Check.NOT_LISTED);
  }

  private static Case put(
      String label, String path, String body, int status, String field, String getPath) {
    return new Case(label, "PUT", path, body, status, field, getPath, Check.UNCHANGED);
  }

  private static Case calendar(String label, String path, String body, int status, String field) {
    return new Case(label, "PUT", path, body, status, field, path, Check.NO_CALENDAR);
  }
}
