package dev.takt.performance;

import dev.takt.testing.Api;
import dev.takt.testing.PlantFixture;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A shop floor for OEE tests, built through the real APIs as a plant engineer, a planner and an
 * operator would: a site in Berlin with a press, a shift calendar, downtime and scrap reasons, a
 * released order whose operation has an ideal cycle time, and bookings with idempotency keys.
 */
final class OeeFloor {

  static final List<String> WEEKDAYS =
      List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
  static final List<String> EVERY_DAY =
      List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

  final Api api;
  final String site;
  final String workCenter = "PRESS";
  final String unit = "PRESS-1";
  final String breakdown;
  final String plannedStop;
  final String scrapReason;

  OeeFloor(Api api) {
    this.api = api;
    String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    site = "O" + suffix;
    new PlantFixture(api).aWorkCenter(site, workCenter, true);
    api.asAdmin()
        .post(
            "/api/v1/work-units",
            Map.of("site", site, "workCenter", workCenter, "code", unit, "name", "Press 1"))
        .expect(201);
    breakdown = aDowntimeReason("JAM-" + suffix, false, "EQUIPMENT_FAILURE");
    plannedStop = aDowntimeReason("MEET-" + suffix, true, "PLANNED_STOP");
    Map<String, Object> scrap = new HashMap<>();
    scrap.put("kind", "SCRAP");
    scrap.put("code", "CRACK-" + suffix);
    scrap.put("name", "Cracked part");
    scrap.put("colour", "#aa3333");
    api.asAdmin().post("/api/v1/reasons", scrap).expect(201);
    scrapReason = "CRACK-" + suffix;
  }

  /**
   * The worked example's shift: 06:00-14:00 local (480 min) on weekdays with two 15-minute breaks
   * and a 30-minute meal (60 min of breaks).
   */
  void anEightHourShiftWithAnHourOfBreaks() {
    anEightHourShiftWithAnHourOfBreaksOn(WEEKDAYS);
  }

  void anEightHourShiftWithAnHourOfBreaksOn(List<String> weekdays) {
    api.asAdmin()
        .put(
            "/api/v1/sites/" + site + "/shift-calendar",
            Map.of(
                "shifts",
                List.of(
                    Map.of(
                        "code",
                        "EARLY",
                        "name",
                        "Early",
                        "start",
                        "06:00",
                        "end",
                        "14:00",
                        "weekdays",
                        weekdays,
                        "breaks",
                        List.of(
                            Map.of("start", "08:00", "end", "08:15"),
                            Map.of("start", "10:00", "end", "10:30"),
                            Map.of("start", "12:00", "end", "12:15")))),
                "plannedNonWorking",
                List.of(),
                "version",
                0))
        .expect(200);
  }

  private String aDowntimeReason(String code, boolean planned, String category) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", "DOWNTIME");
    body.put("code", code);
    body.put("name", "Reason " + code);
    body.put("colour", "#336699");
    body.put("planned", planned);
    body.put("lossCategory", category);
    api.asAdmin().post("/api/v1/reasons", body).expect(201);
    return code;
  }

  /** Changes how the catalogue counts a downtime reason, as a supervisor would on its page. */
  void recategorise(String code, boolean planned, String category) {
    JsonNode reason =
        api.asAdmin()
            .get("/api/v1/reasons?kind=DOWNTIME&code=" + code)
            .expect(200)
            .json()
            .path("items")
            .get(0);
    Map<String, Object> body = new HashMap<>();
    body.put("name", reason.path("name").asString());
    body.put("category", false);
    body.put("colour", reason.path("colour").asString());
    body.put("sortOrder", 0);
    body.put("active", true);
    body.put("planned", planned);
    body.put("lossCategory", category);
    body.put("version", reason.path("version").asLong());
    api.asAdmin().put("/api/v1/reasons/" + reason.path("id").asString(), body).expect(200);
  }

  /** A released order of {@code quantity} pcs with one operation at the press. */
  UUID aReleasedOrder(String quantity, BigDecimal cycleSeconds) {
    String id = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String part = "PART-" + id;
    api.asAdmin()
        .post(
            "/api/v1/materials",
            Map.of(
                "number", part,
                "description", "Pressed part " + id,
                "unit", "pcs",
                "tracking", "NONE",
                "type", "FINISHED"))
        .expect(201);
    String routing =
        api.asAdmin()
            .post(
                "/api/v1/routings",
                Map.of(
                    "material",
                    part,
                    "site",
                    site,
                    "operations",
                    List.of(
                        Map.of(
                            "sequence",
                            10,
                            "description",
                            "Press",
                            "workCenter",
                            workCenter,
                            "setupSeconds",
                            0,
                            "cycleSeconds",
                            cycleSeconds))))
            .expect(201)
            .json()
            .path("id")
            .asString();
    api.asAdmin().post("/api/v1/routings/" + routing + "/release", null).expect(200);
    String number = "PO-" + id;
    Map<String, Object> order = new HashMap<>();
    order.put("orderNumber", number);
    order.put("material", part);
    order.put("quantity", new BigDecimal(quantity));
    order.put("unit", "pcs");
    order.put("dueDate", "2030-01-01T00:00:00Z");
    order.put("priority", 0);
    order.put("site", site);
    api.asAdmin().post("/api/v1/production-orders", order).expect(201);
    api.asAdmin().post("/api/v1/production-orders/" + number + "/release", null).expect(200);
    JsonNode ops =
        api.asAdmin().get("/api/v1/production-orders/" + number + "/operations").expect(200).json();
    return UUID.fromString(ops.get(0).path("id").asString());
  }

  String orderOf(UUID operation) {
    return api.asAdmin()
        .get("/api/v1/operations/" + operation)
        .expect(200)
        .json()
        .path("orderNumber")
        .asString();
  }

  Api.Response book(String path, Object body) {
    return api.asAdmin().header("Idempotency-Key", UUID.randomUUID().toString()).post(path, body);
  }

  void start(UUID operation) {
    book("/api/v1/operations/" + operation + "/start", Map.of("workUnit", unit, "phase", "RUN"))
        .expect(200);
  }

  void report(UUID operation, int good, int scrap) {
    Map<String, Object> body = new HashMap<>();
    body.put("workUnit", unit);
    body.put("good", good);
    if (scrap > 0) {
      body.put("scrap", scrap);
      body.put("scrapReason", scrapReason);
    }
    book("/api/v1/operations/" + operation + "/report", body).expect(200);
  }

  void pause(UUID operation, String reason) {
    book("/api/v1/operations/" + operation + "/pause", Map.of("workUnit", unit, "reason", reason))
        .expect(200);
  }

  void resume(UUID operation) {
    book("/api/v1/operations/" + operation + "/resume", Map.of("workUnit", unit)).expect(200);
  }

  void complete(UUID operation) {
    book("/api/v1/operations/" + operation + "/complete", Map.of("workUnit", unit)).expect(200);
  }

  /** Opens a downtime on the press (with a reason or unclassified); returns its id. */
  String openDowntime(String reason) {
    String path = "/api/v1/work-units/" + site + "/" + unit + "/downtimes";
    Api.Response r = reason == null ? book(path, Map.of()) : book(path, Map.of("reason", reason));
    return r.expect(201).json().path("id").asString();
  }

  void closeDowntime(String id) {
    long version = downtime(id).path("version").asLong();
    book(
            "/api/v1/work-units/" + site + "/" + unit + "/downtimes/" + id + "/close",
            Map.of("version", version))
        .expect(200);
  }

  void classifyDowntime(String id, String reason) {
    long version = downtime(id).path("version").asLong();
    api.asAdmin()
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .put(
            "/api/v1/work-units/" + site + "/" + unit + "/downtimes/" + id,
            Map.of("reason", reason, "version", version))
        .expect(200);
  }

  JsonNode downtime(String id) {
    return api.asAdmin()
        .get("/api/v1/work-units/" + site + "/" + unit + "/downtimes/" + id)
        .expect(200)
        .json();
  }

  /** GETs until {@code done} holds (events are applied on threads of their own), at most 10 s. */
  JsonNode eventually(String path, java.util.function.Predicate<JsonNode> done) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = api.asAdmin().get(path).expect(200).json();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("not reached within 10 s: " + path + " -> " + last);
  }
}
