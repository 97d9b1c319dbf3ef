package dev.takt.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop-floor booking benchmark: 200 terminals, one per work unit, against a running server.
 *
 * <p>{@code seed} builds a bench site through the public API (10 work centers × 20 work units, one
 * single-operation routing per work center, N orders created and released by parallel workers, one
 * operator with an API token per terminal, one operation started per work unit) and writes the
 * terminals to a state file. {@code mix} sends the terminal mix at a constant rate (60 % quantity
 * reports, 30 % dispatch-list reads, 10 % order reads) and prints one {@code RESULT} line per rate.
 *
 * <pre>
 * java -jar takt-bench.jar seed &lt;baseUrl&gt; &lt;adminPassword&gt; &lt;orders&gt; &lt;workers&gt; &lt;stateFile&gt;
 * java -jar takt-bench.jar mix  &lt;baseUrl&gt; &lt;stateFile&gt; &lt;label&gt; &lt;seconds&gt; &lt;rate&gt;[,&lt;rate&gt;...] [stopAboveP99Ms]
 * </pre>
 */
public final class BookingBenchmark {

  static final String SITE = "BENCH";
  static final int CENTERS = 10;
  static final int UNITS_PER_CENTER = 20;
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final String base;
  // The terminal mix goes through this lean client, seeding through the JDK's.
  private final PlainHttp plain;
  // The mix: bookings, dispatch-list reads and order reads out of total.
  private int bookings = 6;
  private int dispatch = 3;
  private int total = 10;

  private BookingBenchmark(String base) {
    this.base = base;
    URI uri = URI.create(base);
    this.plain = new PlainHttp(uri.getHost(), uri.getPort());
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      usage();
    }
    switch (args[0]) {
      case "seed" ->
          new BookingBenchmark(args[1])
              .seed(
                  args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
      case "mix" -> {
        double stop = args.length > 6 ? Double.parseDouble(args[6]) : Double.MAX_VALUE;
        String weights = args.length > 7 ? args[7] : "6,3,1";
        new BookingBenchmark(args[1])
            .mix(Path.of(args[2]), args[3], Integer.parseInt(args[4]), args[5], stop, weights);
      }
      default -> usage();
    }
    System.exit(0);
  }

  private static void usage() {
    System.err.println(
        "usage: seed <baseUrl> <adminPassword> <orders> <workers> <stateFile>\n"
            + "       mix <baseUrl> <stateFile> <label> <seconds> <rate>[,<rate>...]"
            + " [stopAboveP99Ms] [weights bookings,dispatch,orders: 6,3,1]");
    System.exit(2);
  }

  // ---------------------------------------------------------------- seeding through the API

  private void seed(String adminPassword, int orderCount, int workers, Path stateFile)
      throws Exception {
    String admin =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    // One token for the administrator, so that seeding does not pay bcrypt per call.
    String adminToken =
        "Bearer "
            + call(admin, "POST", "/api/v1/me/tokens", Map.of("name", "bench seeding"), 201)
                .path("secret")
                .asString();
    // A seeding cut short (the server gone) may go on from the first order that is missing or
    // not released: -Dseed.resumeFrom=<index>; the master data is there already then.
    int resumeFrom = Integer.getInteger("seed.resumeFrom", 0);
    List<String> units = new ArrayList<>();
    for (int c = 0; c < CENTERS; c++) {
      for (int u = 0; u < UNITS_PER_CENTER; u++) {
        units.add(String.format("%s-U%02d", center(c), u + 1));
      }
    }
    long t0 = System.nanoTime();
    if (resumeFrom == 0) {
      call(
          adminToken,
          "POST",
          "/api/v1/sites",
          Map.of("code", SITE, "name", "Bench plant", "timeZone", "Europe/Berlin"),
          201);
      call(
          adminToken,
          "POST",
          "/api/v1/areas",
          Map.of("site", SITE, "code", "HALL", "name", "Bench hall"),
          201);
      for (int c = 0; c < CENTERS; c++) {
        String wc = center(c);
        call(
            adminToken,
            "POST",
            "/api/v1/work-centers",
            Map.of("site", SITE, "area", "HALL", "code", wc, "name", "Bench " + wc),
            201);
        for (int u = 0; u < UNITS_PER_CENTER; u++) {
          String unit = String.format("%s-U%02d", wc, u + 1);
          call(
              adminToken,
              "POST",
              "/api/v1/work-units",
              Map.of("site", SITE, "workCenter", wc, "code", unit, "name", "Bench " + unit),
              201);
        }
        String material = material(c);
        call(
            adminToken,
            "POST",
            "/api/v1/materials",
            Map.of(
                "number",
                material,
                "description",
                "Bench part " + wc,
                "unit",
                "pcs",
                "tracking",
                "NONE",
                "type",
                "FINISHED"),
            201);
        String routing =
            call(
                    adminToken,
                    "POST",
                    "/api/v1/routings",
                    Map.of(
                        "material",
                        material,
                        "site",
                        SITE,
                        "operations",
                        List.of(
                            Map.of(
                                "sequence",
                                10,
                                "description",
                                "Machining at " + wc,
                                "workCenter",
                                wc,
                                "setupSeconds",
                                600,
                                "cycleSeconds",
                                30))),
                    201)
                .path("id")
                .asString();
        call(adminToken, "POST", "/api/v1/routings/" + routing + "/release", null, 200);
      }
    }
    System.out.printf("SEED master data in %.1f s%n", (System.nanoTime() - t0) / 1e9);

    // Orders: create + release, as an ERP and a planner would, by parallel workers.
    long t1 = System.nanoTime();
    AtomicInteger next = new AtomicInteger(resumeFrom);
    AtomicInteger done = new AtomicInteger(resumeFrom);
    Instant due = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> all = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        all.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < orderCount; i = next.getAndIncrement()) {
                    String number = order(i);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("orderNumber", number);
                    body.put("material", material(i % CENTERS));
                    body.put("quantity", 10_000_000);
                    body.put("unit", "pcs");
                    body.put("dueDate", due.plus(i / 100, ChronoUnit.MINUTES).toString());
                    body.put("priority", i % 1000);
                    body.put("site", SITE);
                    // a resumed seeding meets the orders in flight when it was cut short: created
                    // (200, updated) or released already (409, left as it is)
                    call(
                        adminToken,
                        "POST",
                        "/api/v1/production-orders",
                        body,
                        resumeFrom > 0 && i < resumeFrom + 100 ? 0 : 201);
                    call(
                        adminToken,
                        "POST",
                        "/api/v1/production-orders/" + number + "/release",
                        null,
                        resumeFrom > 0 && i < resumeFrom + 100 ? 0 : 200);
                    int n = done.incrementAndGet();
                    if (n % 10_000 == 0) {
                      System.out.printf(
                          "  %d orders in %.0f s%n", n, (System.nanoTime() - t1) / 1e9);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    }
    double orderSeconds = (System.nanoTime() - t1) / 1e9;
    System.out.printf(
        "SEED orders %d created+released in %.1f s (%.0f orders/s, %.0f API calls/s, %d"
            + " workers)%n",
        orderCount,
        orderSeconds,
        orderCount / orderSeconds,
        2 * orderCount / orderSeconds,
        workers);

    // One operator and token per terminal; each terminal starts one operation at its unit.
    long t2 = System.nanoTime();
    List<Map<String, String>> terminals = new ArrayList<>();
    for (int t = 0; t < units.size(); t++) {
      terminals.add(new LinkedHashMap<>());
    }
    AtomicInteger nextTerminal = new AtomicInteger();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> all = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        all.add(
            pool.submit(
                () -> {
                  for (int t = nextTerminal.getAndIncrement();
                      t < units.size();
                      t = nextTerminal.getAndIncrement()) {
                    String unit = units.get(t);
                    int c = t / UNITS_PER_CENTER;
                    int u = t % UNITS_PER_CENTER;
                    String user = String.format("bench-op%03d", t + 1);
                    call(
                        adminToken,
                        "POST",
                        "/api/v1/users",
                        Map.of(
                            "username",
                            user,
                            "displayName",
                            "Bench operator " + (t + 1),
                            "password",
                            UUID.randomUUID().toString(),
                            "roles",
                            List.of("OPERATOR"),
                            "sites",
                            List.of(SITE)),
                        201);
                    String token =
                        call(
                                adminToken,
                                "POST",
                                "/api/v1/users/" + user + "/tokens",
                                Map.of("name", "terminal " + unit),
                                201)
                            .path("secret")
                            .asString();
                    // order i is at center i % 10: unit u of center c works order c + 10 u
                    String number = order(c + CENTERS * u);
                    String operation =
                        call(
                                "Bearer " + token,
                                "GET",
                                "/api/v1/production-orders/" + number + "/operations",
                                null,
                                200)
                            .get(0)
                            .path("id")
                            .asString();
                    call(
                        "Bearer " + token,
                        "POST",
                        "/api/v1/operations/" + operation + "/start",
                        Map.of("workUnit", unit, "phase", "RUN"),
                        200);
                    Map<String, String> terminal = terminals.get(t);
                    terminal.put("unit", unit);
                    terminal.put("token", token);
                    terminal.put("operation", operation);
                    terminal.put("order", number);
                  }
                  return null;
                }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    }
    System.out.printf(
        "SEED %d operators with tokens, one operation started per unit, in %.1f s%n",
        terminals.size(), (System.nanoTime() - t2) / 1e9);
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("orders", orderCount);
    state.put("terminals", terminals);
    Files.writeString(stateFile, JSON.writeValueAsString(state));
  }

  static String center(int c) {
    return String.format("WC%02d", c + 1);
  }

  static String material(int c) {
    return "BENCH-PART-" + center(c);
  }

  static String order(int i) {
    return String.format("BO-%06d", i + 1);
  }

  // ---------------------------------------------------------------- the terminal mix

  private void mix(
      Path stateFile, String label, int seconds, String rates, double stopAboveP99, String weights)
      throws Exception {
    String[] w = weights.split(",");
    bookings = Integer.parseInt(w[0]);
    dispatch = Integer.parseInt(w[1]);
    total = bookings + dispatch + Integer.parseInt(w[2]);
    JsonNode state = JSON.readTree(Files.readString(stateFile));
    int orders = state.path("orders").asInt();
    List<String[]> terminals = new ArrayList<>();
    state
        .path("terminals")
        .forEach(
            t ->
                terminals.add(
                    new String[] {
                      t.path("unit").asString(),
                      "Bearer " + t.path("token").asString(),
                      t.path("operation").asString()
                    }));
    // A warm-up in this JVM, so that the first measured second pays for the JIT and connection
    // set-up of neither the server nor this client: BENCH_WARMUP lists rate:seconds steps
    // (default 100:5).
    String warmup = System.getenv().getOrDefault("BENCH_WARMUP", "100:5");
    for (String step : warmup.split(",")) {
      String[] rs = step.split(":");
      OpenLoop.run(
          Double.parseDouble(rs[0]),
          Duration.ofSeconds(Long.parseLong(rs[1])),
          i -> request(terminals, orders, i));
    }
    for (String r : rates.split(",")) {
      double rate = Double.parseDouble(r);
      OpenLoop.Result result =
          OpenLoop.run(rate, Duration.ofSeconds(seconds), i -> request(terminals, orders, i));
      System.out.println(label + " " + result.line());
      String timelineFile = System.getenv("BENCH_TIMELINE");
      if (timelineFile != null && !timelineFile.isBlank()) {
        Files.writeString(
            Path.of(timelineFile),
            result.timeline().lines(label + "-" + r),
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      System.out.printf(
          "RESULT %s %.0f %d %d %.1f %.2f %.2f %.2f %.2f%n",
          label,
          rate,
          result.sent(),
          result.errors(),
          result.sent() / result.seconds(),
          result.p(50),
          result.p(99),
          result.p(99.9),
          result.latencyMicros().getMaxValue() / 1000.0);
      if (result.p(99) > stopAboveP99 || result.errors() > 0) {
        break;
      }
    }
  }

  /**
   * Request i of the mix: terminal i mod 200; 60 % report good 1, 30 % dispatch list, 10 % order.
   */
  private OpenLoop.Call request(List<String[]> terminals, int orders, int i) {
    String[] terminal = terminals.get(i % terminals.size());
    int dice = ThreadLocalRandom.current().nextInt(total);
    String auth = "Authorization: " + terminal[1];
    if (dice < bookings) {
      byte[] body =
          ("{\"workUnit\":\"" + terminal[0] + "\",\"good\":1}").getBytes(StandardCharsets.UTF_8);
      String target = "/api/v1/operations/" + terminal[2] + "/report";
      String[] headers = {
        auth, "Idempotency-Key: " + UUID.randomUUID(), "Content-Type: application/json"
      };
      return () -> send("POST", target, headers, body) == 200;
    }
    String target =
        dice < bookings + dispatch
            ? "/api/v1/dispatch-list?site=" + SITE + "&workUnit=" + terminal[0]
            : "/api/v1/production-orders/" + order(ThreadLocalRandom.current().nextInt(orders));
    String[] headers = {auth};
    return () -> send("GET", target, headers, null) == 200;
  }

  private int send(String method, String target, String[] headers, byte[] body) throws Exception {
    PlainHttp.Response response = plain.send(method, target, headers, body);
    if (response.status() >= 300 && ThreadLocalRandom.current().nextInt(100) == 0) {
      System.err.println(
          method
              + " "
              + target
              + " -> "
              + response.status()
              + " "
              + new String(response.errorBody(), StandardCharsets.UTF_8));
    }
    return response.status();
  }

  // ---------------------------------------------------------------- plumbing

  private JsonNode call(String auth, String method, String path, Object body, int expected) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", auth)
              .timeout(Duration.ofSeconds(60));
      if (method.equals("GET")) {
        b.GET();
      } else {
        b.header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      // expected 0: any of 200, 201 and 409 (a resumed seeding meets orders it made before)
      if (expected == 0
          ? response.statusCode() != 200
              && response.statusCode() != 201
              && response.statusCode() != 409
          : response.statusCode() != expected) {
        throw new IllegalStateException(
            method + " " + path + " -> " + response.statusCode() + " " + response.body());
      }
      String text = response.body();
      return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
