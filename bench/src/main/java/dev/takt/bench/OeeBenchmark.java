package dev.takt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OEE benchmark's HTTP side: the plant (site, areas, work centers, work units, shift calendar,
 * reason catalogue) set up through the public API, the dashboard views timed through the API, and
 * the comparison of the API's figures with the raw-SQL peer's.
 *
 * <pre>
 * java -Dloader.main=dev.takt.bench.OeeBenchmark -jar takt-bench.jar seed    &lt;baseUrl&gt; &lt;adminPassword&gt; &lt;site&gt; &lt;units&gt;
 * java -Dloader.main=dev.takt.bench.OeeBenchmark -jar takt-bench.jar view    &lt;baseUrl&gt; &lt;adminPassword&gt; &lt;label&gt; &lt;repeat&gt; &lt;csvOut&gt; &lt;query&gt;
 * java -Dloader.main=dev.takt.bench.OeeBenchmark -jar takt-bench.jar compare &lt;label&gt; &lt;apiCsv&gt; &lt;sqlCsv&gt;
 * </pre>
 *
 * {@code view} asks {@code GET /api/v1/oee?<query>} as JSON {@code repeat} times one after the
 * other, each timed from request to the last byte of the parsed response, prints {@code RESULT
 * <label> first_ms=… median_ms=… rows=… bytes=…}, then fetches the same view once as CSV into
 * {@code csvOut} (untimed) for {@code compare}; the last JSON answer goes to {@code csvOut.json}.
 * With {@code -DwarmClient=true} it first parses that file five times, so that a cold-database pass
 * does not time this JVM's first parse of a large document. The requests go through {@link
 * PlainHttp} (a blocking socket, keep-alive), as the genealogy benchmark's do; with {@code
 * -DjdkClient=true} through the JDK's {@code HttpClient}, as before 2026-12-03.
 */
public final class OeeBenchmark {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  /** The columns both sides must agree on, as the API's CSV names them. */
  static final List<String> COMPARED =
      List.of(
          "plannedSeconds",
          "plannedStopSeconds",
          "plannedProductionSeconds",
          "availabilityLossSeconds",
          "performanceStopSeconds",
          "runSeconds",
          "idealSeconds",
          "good",
          "scrap",
          "total",
          "availability",
          "performance",
          "quality",
          "oee");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;
  private final String auth;

  private OeeBenchmark(String base, String adminPassword) {
    this.base = base;
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    // A token, so that no request pays bcrypt.
    this.auth =
        "Bearer "
            + JSON.readTree(
                    send(
                            basic,
                            "POST",
                            "/api/v1/me/tokens",
                            JSON.writeValueAsString(Map.of("name", "oee bench")),
                            201)
                        .body())
                .path("secret")
                .asString();
  }

  public static void main(String[] args) throws Exception {
    switch (args.length > 0 ? args[0] : "") {
      case "seed" -> new OeeBenchmark(args[1], args[2]).seed(args[3], Integer.parseInt(args[4]));
      case "view" ->
          new OeeBenchmark(args[1], args[2])
              .view(args[3], Integer.parseInt(args[4]), Path.of(args[5]), args[6]);
      case "compare" -> compare(args[1], Path.of(args[2]), Path.of(args[3]));
      default -> {
        System.err.println("usage: seed|view|compare ... (see the class comment)");
        System.exit(2);
      }
    }
  }

  // ------------------------------------------------------------------ seed

  /**
   * The downtime catalogue of the generated data (generate.sql uses the same codes): code, planned,
   * loss category.
   */
  static final String[][] DOWNTIME_REASONS = {
    {"JAM", "false", "SMALL_STOP"},
    {"SLOW", "false", "REDUCED_SPEED"},
    {"MAT", "false", "OTHER"},
    {"FAIL-E", "false", "EQUIPMENT_FAILURE"},
    {"FAIL-H", "false", "EQUIPMENT_FAILURE"},
    {"SETUP", "false", "SETUP_AND_ADJUSTMENT"},
    {"CLEAN", "true", "PLANNED_STOP"},
    {"PM", "true", "PLANNED_STOP"}
  };

  private void seed(String site, int units) {
    post(
        "/api/v1/sites",
        Map.of("code", site, "name", "OEE bench " + site, "timeZone", "Europe/Berlin"));
    for (String area : List.of("A1", "A2")) {
      post("/api/v1/areas", Map.of("site", site, "code", area, "name", "Hall " + area));
    }
    int centers = Math.max(1, units / 20);
    for (int c = 1; c <= centers; c++) {
      post(
          "/api/v1/work-centers",
          Map.of(
              "site",
              site,
              "area",
              c <= (centers + 1) / 2 ? "A1" : "A2",
              "code",
              String.format("WC%02d", c),
              "name",
              "Work center " + c));
    }
    for (int u = 1; u <= units; u++) {
      post(
          "/api/v1/work-units",
          Map.of(
              "site",
              site,
              "workCenter",
              String.format("WC%02d", Math.min(centers, (u - 1) / 20 + 1)),
              "code",
              String.format("U%03d", u),
              "name",
              "Machine " + u));
    }
    List<String> weekdays = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
    List<Map<String, Object>> shifts =
        List.of(
            shift("EARLY", "Early", "06:00", "14:00", "10:00", "10:30", weekdays),
            shift("LATE", "Late", "14:00", "22:00", "18:00", "18:30", weekdays),
            shift("NIGHT", "Night", "22:00", "06:00", "02:00", "02:30", weekdays));
    send(
        auth,
        "PUT",
        "/api/v1/sites/" + site + "/shift-calendar",
        JSON.writeValueAsString(
            Map.of("shifts", shifts, "plannedNonWorking", List.of(), "version", 0)),
        200);
    for (String[] r : DOWNTIME_REASONS) {
      Map<String, Object> body = new HashMap<>();
      body.put("kind", "DOWNTIME");
      body.put("code", r[0]);
      body.put("name", "Reason " + r[0]);
      body.put("colour", "#336699");
      body.put("planned", Boolean.parseBoolean(r[1]));
      body.put("lossCategory", r[2]);
      post("/api/v1/reasons", body);
    }
    post(
        "/api/v1/reasons",
        Map.of(
            "kind", "SCRAP", "code", "SCR-DIM", "name", "Out of tolerance", "colour", "#aa3333"));
    System.out.println("seeded " + site + ": " + units + " work units in " + centers + " centers");
  }

  private static Map<String, Object> shift(
      String code,
      String name,
      String start,
      String end,
      String breakStart,
      String breakEnd,
      List<String> weekdays) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("code", code);
    s.put("name", name);
    s.put("start", start);
    s.put("end", end);
    s.put("weekdays", weekdays);
    s.put("breaks", List.of(Map.of("start", breakStart, "end", breakEnd)));
    return s;
  }

  private void post(String path, Object body) {
    send(auth, "POST", path, JSON.writeValueAsString(body), 201);
  }

  // ------------------------------------------------------------------ views

  /** The body of a GET that must answer 200, through the lean client. */
  private static byte[] body(PlainHttp plain, String path, String[] headers) throws IOException {
    PlainHttp.Response r = plain.send("GET", path, headers, null, true);
    if (r.status() != 200) {
      throw new IllegalStateException("GET " + path + " -> " + r.status());
    }
    return r.body();
  }

  private void view(String label, int repeat, Path csvOut, String query) throws IOException {
    String path = "/api/v1/oee?" + query;
    Path body = Path.of(csvOut + ".json");
    // the lean client, as the genealogy benchmark's; -DjdkClient=true: the JDK's HttpClient
    boolean jdkClient = Boolean.getBoolean("jdkClient");
    if (Boolean.getBoolean("warmClient") && Files.exists(body)) {
      // the cold-database pass measures the server and its database, not this JVM's first parse
      // of a large document: parse the view's last answer a few times first, as it will be parsed
      byte[] last = Files.readAllBytes(body);
      for (int i = 0; i < 5; i++) {
        if (jdkClient) {
          JSON.readTree(new String(last, StandardCharsets.UTF_8));
        } else {
          JSON.readTree(last);
        }
      }
    }
    URI uri = URI.create(base);
    PlainHttp plain = new PlainHttp(uri.getHost(), uri.getPort());
    String[] headers = {"Authorization: " + auth, "Accept: application/json"};
    // -DwarmupRequests=N: N requests first, not counted, in this JVM: a warm client (a dashboard's
    // browser parses JSON with compiled code), not only a warm server
    for (int i = 0; i < Integer.getInteger("warmupRequests", 0); i++) {
      JSON.readTree(body(plain, path, headers));
    }
    List<Double> times = new ArrayList<>();
    int rows = 0;
    int bytes = 0;
    String lastBody = null;
    for (int i = 0; i < repeat; i++) {
      long t0 = System.nanoTime();
      // the clock stops when the answer is parsed, as a dashboard must parse it
      String answer;
      JsonNode report;
      if (jdkClient) {
        answer = send(auth, "GET", path, null, 200).body();
        report = JSON.readTree(answer);
        times.add((System.nanoTime() - t0) / 1e6);
      } else {
        byte[] got = body(plain, path, headers);
        report = JSON.readTree(got);
        times.add((System.nanoTime() - t0) / 1e6);
        answer = new String(got, StandardCharsets.UTF_8);
      }
      // layout=grid: a value per group and scope instead of a row each
      rows =
          report.has("values")
              ? report.path("groups").size() * report.path("scopes").size()
              : report.path("rows").size();
      bytes = answer.length();
      lastBody = answer;
    }
    Files.writeString(body, lastBody);
    double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
    double first = t[0];
    Arrays.sort(t);
    System.out.printf(
        "RESULT %s n=%d first_ms=%.1f median_ms=%.1f min_ms=%.1f rows=%d bytes=%d%n",
        label, t.length, first, t[t.length / 2], t[0], rows, bytes);
    // CSV is always rows, whatever the layout
    Files.writeString(csvOut, send(auth, "GET", path + "&format=csv", null, 200).body());
  }

  // ------------------------------------------------------------------ compare

  /**
   * Compares the API's CSV with the peer's (same header names for the compared columns, keyed by
   * group and scope) value by value as decimals; prints mismatches and a RESULT line.
   */
  static void compare(String label, Path apiCsv, Path sqlCsv) throws IOException {
    Map<String, Map<String, String>> api = read(apiCsv);
    Map<String, Map<String, String>> sql = read(sqlCsv);
    int mismatches = 0;
    int shown = 0;
    for (Map.Entry<String, Map<String, String>> e : api.entrySet()) {
      Map<String, String> other = sql.get(e.getKey());
      List<String> wrong = new ArrayList<>();
      for (String column : COMPARED) {
        String a = e.getValue().get(column);
        String b = other == null ? null : other.get(column);
        if (!same(a, b)) {
          wrong.add(column + " api=" + a + " sql=" + b);
        }
      }
      if (!wrong.isEmpty()) {
        mismatches++;
        if (shown++ < 10) {
          System.out.println("MISMATCH " + label + " " + e.getKey() + ": " + wrong);
        }
      }
    }
    int onlySql = 0;
    for (String key : sql.keySet()) {
      if (!api.containsKey(key)) {
        onlySql++;
        if (shown++ < 10) {
          System.out.println("MISMATCH " + label + " " + key + ": only in the SQL result");
        }
      }
    }
    System.out.printf(
        "RESULT %s compare api_rows=%d sql_rows=%d mismatched_rows=%d only_sql=%d identical=%s%n",
        label,
        api.size(),
        sql.size(),
        mismatches,
        onlySql,
        mismatches == 0 && onlySql == 0 && api.size() == sql.size());
  }

  private static boolean same(String a, String b) {
    if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
      return (a == null || a.isEmpty()) && (b == null || b.isEmpty());
    }
    return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
  }

  /** group,scope -> column -> value (no quoted cells in either file). */
  private static Map<String, Map<String, String>> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    String[] header = lines.getFirst().strip().split(",", -1);
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.strip().split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length && i < cells.length; i++) {
        row.put(header[i], cells[i]);
      }
      rows.put(row.get("group") + "|" + row.get("scope"), row);
    }
    return rows;
  }

  private HttpResponse<String> send(
      String authorization, String method, String path, String body, int expected) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", authorization)
              .timeout(Duration.ofSeconds(600));
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .method(method, HttpRequest.BodyPublishers.ofString(body));
      }
      HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            method + " " + path + " -> " + response.statusCode() + " " + response.body());
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
