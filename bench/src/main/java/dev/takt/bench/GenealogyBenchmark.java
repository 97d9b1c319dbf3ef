package dev.takt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The genealogy benchmark's HTTP side: traces and recall reports through the public API, one after
 * the other from one client (a quality engineer's requests, not a load test), each timed from
 * request to the last byte of the response (parsed after the clock stops, as the psql peer only
 * receives its document too).
 *
 * <pre>
 * java -cp takt-bench.jar dev.takt.bench.GenealogyBenchmark traces &lt;baseUrl&gt; &lt;adminPassword&gt; &lt;sampleFile&gt; &lt;label&gt; &lt;outFile&gt;
 * java -cp takt-bench.jar dev.takt.bench.GenealogyBenchmark recall &lt;baseUrl&gt; &lt;adminPassword&gt; &lt;lot&gt; &lt;material&gt; &lt;label&gt;
 * java -cp takt-bench.jar dev.takt.bench.GenealogyBenchmark stats  &lt;label&gt; &lt;file of milliseconds, one a line&gt;
 * </pre>
 *
 * The sample file has one trace a line: {@code direction<TAB>lotNumber<TAB>material}. {@code
 * traces} writes {@code direction,lot,ms,lots,truncated,links,chars} per trace and prints a {@code
 * RESULT} line per direction; {@code stats} prints the same for times measured elsewhere (psql), so
 * both sides use one percentile definition.
 *
 * <p>{@code traces} takes an optional sixth argument, the number of passes over the sample in this
 * one JVM; only the last is recorded (2: the first warms the server and this client too). Traces go
 * through {@link PlainHttp} (blocking socket, keep-alive, the body read into memory), a client as
 * lean as psql is beside the database; {@code -Dgenealogy.client=jdk} uses the JDK's {@code
 * HttpClient}, as every run before 2026-12-02 evening did (a selector thread and futures between
 * the caller and the socket: several thread hand-offs per request on two busy cores).
 */
public final class GenealogyBenchmark {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;
  private final String auth;
  private final PlainHttp plain;
  private final boolean jdkClient = "jdk".equals(System.getProperty("genealogy.client", "plain"));

  private GenealogyBenchmark(String base, String adminPassword) {
    this.base = base;
    URI uri = URI.create(base);
    this.plain = new PlainHttp(uri.getHost(), uri.getPort());
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
                            "application/json",
                            JSON.writeValueAsString(Map.of("name", "genealogy bench")),
                            201)
                        .body())
                .path("secret")
                .asString();
  }

  public static void main(String[] args) throws Exception {
    switch (args.length > 0 ? args[0] : "") {
      case "traces" ->
          new GenealogyBenchmark(args[1], args[2])
              .traces(
                  Path.of(args[3]),
                  args[4],
                  Path.of(args[5]),
                  args.length > 6 ? Integer.parseInt(args[6]) : 1);
      case "recall" -> new GenealogyBenchmark(args[1], args[2]).recall(args[3], args[4], args[5]);
      case "stats" -> stats(args[1], Path.of(args[2]));
      default -> {
        System.err.println("usage: traces|recall|stats ... (see the class comment)");
        System.exit(2);
      }
    }
  }

  private void traces(Path sample, String label, Path out, int passes) throws IOException {
    for (int pass = 1; pass < passes; pass++) {
      traces(sample, label, null); // not recorded: warms the server and this client
    }
    traces(sample, label, out);
  }

  private void traces(Path sample, String label, Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    Map<String, List<Double>> byDirection = new java.util.TreeMap<>();
    Map<String, List<Integer>> sizes = new java.util.TreeMap<>();
    String[] headers = {"Authorization: " + auth};
    for (String line : Files.readAllLines(sample)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      String path =
          "/api/v1/lots/" + enc(f[1]) + "/trace?direction=" + f[0] + "&material=" + enc(f[2]);
      String body;
      double ms;
      long t0 = System.nanoTime();
      if (jdkClient) {
        body = send(auth, "GET", path, null, null, 200).body();
        ms = (System.nanoTime() - t0) / 1e6;
      } else {
        PlainHttp.Response response = plain.send("GET", path, headers, null, true);
        ms = (System.nanoTime() - t0) / 1e6;
        byte[] bytes = response.body();
        if (response.status() != 200) {
          throw new IllegalStateException(
              "GET "
                  + path
                  + " -> "
                  + response.status()
                  + " "
                  + new String(bytes, StandardCharsets.UTF_8));
        }
        body = new String(bytes, StandardCharsets.UTF_8); // decoded after the clock stopped
      }
      if (out == null) {
        continue;
      }
      // parsed after the clock stops, as psql only receives the document too
      JsonNode trace = JSON.readTree(body);
      int lots = trace.path("lots").size();
      boolean truncated = trace.path("truncated").asBoolean();
      lines.add(
          f[0]
              + ","
              + f[1]
              + ","
              + String.format("%.3f", ms)
              + ","
              + lots
              + ","
              + truncated
              + ","
              + trace.path("links").size()
              + ","
              + body.length());
      byDirection.computeIfAbsent(f[0], k -> new ArrayList<>()).add(ms);
      sizes.computeIfAbsent(f[0], k -> new ArrayList<>()).add(lots);
    }
    if (out == null) {
      return;
    }
    Files.write(out, lines);
    byDirection.forEach(
        (direction, times) -> {
          int[] n = sizes.get(direction).stream().mapToInt(Integer::intValue).sorted().toArray();
          System.out.println(
              summary(label + " " + direction, times)
                  + String.format(
                      " lots_p50=%d lots_p95=%d lots_max=%d",
                      n[n.length / 2], n[(int) Math.ceil(n.length * 0.95) - 1], n[n.length - 1]));
        });
  }

  private void recall(String lot, String material, String label) {
    for (String format : List.of("json", "csv")) {
      String path =
          "/api/v1/lots/"
              + enc(lot)
              + (format.equals("csv") ? "/recall.csv" : "/recall")
              + "?material="
              + enc(material);
      long t0 = System.nanoTime();
      HttpResponse<String> response = send(auth, "GET", path, null, null, 200);
      String body = response.body();
      double ms = (System.nanoTime() - t0) / 1e6;
      long rows =
          format.equals("csv")
              ? body.lines().count() - 1
              : JSON.readTree(body).path("lines").size();
      System.out.printf(
          "RESULT %s recall-%s lot=%s ms=%.1f rows=%d bytes=%d%n",
          label, format, lot, ms, rows, body.length());
    }
  }

  private static void stats(String label, Path file) throws IOException {
    List<Double> times =
        Files.readAllLines(file).stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(Double::parseDouble)
            .toList();
    System.out.println(summary(label, times));
  }

  /** Nearest-rank percentiles. */
  static String summary(String label, List<Double> times) {
    double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(t);
    return String.format(
        "RESULT %s n=%d p50_ms=%.1f p95_ms=%.1f max_ms=%.1f",
        label, t.length, rank(t, 0.50), rank(t, 0.95), t[t.length - 1]);
  }

  private static double rank(double[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpResponse<String> send(
      String authorization,
      String method,
      String path,
      String contentType,
      String body,
      int expected) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", authorization)
              .timeout(Duration.ofSeconds(120));
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", contentType)
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
