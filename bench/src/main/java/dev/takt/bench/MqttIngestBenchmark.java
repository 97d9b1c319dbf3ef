package dev.takt.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MQTT ingest benchmark's load generator and its two peers.
 *
 * <pre>
 * publish &lt;host&gt; &lt;port&gt; &lt;machines&gt; &lt;signals&gt; &lt;eventsPerSecond&gt; &lt;seconds&gt; &lt;runId&gt;
 * count   &lt;host&gt; &lt;port&gt; &lt;seconds&gt; &lt;expectedMessages&gt; &lt;runId&gt;
 * copy    &lt;jdbcUrl&gt; &lt;user&gt; &lt;machines&gt; &lt;signals&gt; &lt;messages&gt;
 * </pre>
 *
 * A machine is one MQTT client publishing one JSON message per cycle at QoS 1 to {@code
 * bench/<runId>/<machine>/telemetry} with {@code ts} (epoch ms at publish) and {@code s01}…{@code
 * sNN}; an event is one signal value, so a message carries {@code signals} events. {@code s01} is
 * the machine's message sequence number (1, 2, …), so loss and duplicates can be counted from what
 * arrived. The run id is a topic level ({@code bench/<runId>/<runId>-m001/telemetry}), so two runs
 * never mix.
 */
public final class MqttIngestBenchmark {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  /** First topic level: {@code bench} for Takt's runs, another for the broker-only peer. */
  static final String TOPIC_ROOT = System.getProperty("bench.root", "bench");

  private MqttIngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    switch (args.length == 0 ? "" : args[0]) {
      case "publish" ->
          publish(
              args[1],
              Integer.parseInt(args[2]),
              Integer.parseInt(args[3]),
              Integer.parseInt(args[4]),
              Double.parseDouble(args[5]),
              Integer.parseInt(args[6]),
              args[7]);
      case "count" ->
          count(
              args[1],
              Integer.parseInt(args[2]),
              Integer.parseInt(args[3]),
              Long.parseLong(args[4]),
              args[5]);
      case "copy" ->
          copy(
              args[1],
              args[2],
              Integer.parseInt(args[3]),
              Integer.parseInt(args[4]),
              Integer.parseInt(args[5]));
      default -> {
        System.err.println(
            "usage: publish <host> <port> <machines> <signals> <eventsPerSecond> <seconds> <runId>\n"
                + "       count <host> <port> <seconds> <expectedMessages> <runId>\n"
                + "       copy <jdbcUrl> <user> <machines> <signals> <messages>");
        System.exit(2);
      }
    }
    System.exit(0);
  }

  static String machine(String runId, int m) {
    return String.format(Locale.ROOT, "%s-m%03d", runId, m);
  }

  static String payload(long seq, long ts, int signals) {
    StringBuilder json = new StringBuilder(24 * signals + 40);
    json.append("{\"ts\":").append(ts).append(",\"s01\":").append(seq);
    for (int s = 2; s <= signals; s++) {
      // deterministic, varied values: what a machine's temperatures and loads look like to a parser
      double value = ((seq * 31 + s * 17) % 10_000) / 10.0;
      json.append(",\"s").append(s < 10 ? "0" : "").append(s).append("\":").append(value);
    }
    return json.append('}').toString();
  }

  // ------------------------------------------------------------------------------ publisher

  /**
   * Publishes at a constant rate for a fixed time, the messages spread evenly over the machines;
   * prints the messages published and acknowledged by the broker (PUBACK) and the achieved rate.
   */
  static void publish(
      String host,
      int port,
      int machines,
      int signals,
      double eventsPerSecond,
      int seconds,
      String runId)
      throws Exception {
    List<Mqtt5AsyncClient> clients = new ArrayList<>();
    for (int m = 1; m <= machines; m++) {
      Mqtt5AsyncClient client =
          Mqtt5Client.builder()
              .identifier(machine(runId, m))
              .serverHost(host)
              .serverPort(port)
              .buildAsync();
      client.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
      clients.add(client);
    }
    double messagesPerSecond = eventsPerSecond / signals;
    long total = (long) (messagesPerSecond * seconds);
    long intervalNanos = (long) (1e9 / messagesPerSecond);
    long[] seq = new long[machines];
    AtomicLong acked = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    long start = System.nanoTime();
    long late = 0;
    for (long i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      } else if (wait < -1_000_000_000L) {
        late++;
      }
      int m = (int) (i % machines);
      String topic = TOPIC_ROOT + "/" + runId + "/" + machine(runId, m + 1) + "/telemetry";
      byte[] body =
          payload(++seq[m], System.currentTimeMillis(), signals).getBytes(StandardCharsets.UTF_8);
      CompletableFuture<?> sent =
          clients
              .get(m)
              .publishWith()
              .topic(topic)
              .qos(MqttQos.AT_LEAST_ONCE)
              .payload(body)
              .send()
              .whenComplete(
                  (ack, error) -> {
                    if (error == null) {
                      acked.incrementAndGet();
                    } else {
                      failed.incrementAndGet();
                    }
                  });
      pending.add(sent);
      if (pending.size() >= 10_000) {
        pending.removeIf(CompletableFuture::isDone);
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .get(120, TimeUnit.SECONDS);
    for (Mqtt5AsyncClient client : clients) {
      client.disconnect().get(10, TimeUnit.SECONDS);
    }
    System.out.printf(
        Locale.ROOT,
        "PUBLISHED run=%s messages=%d events=%d acked=%d failed=%d seconds=%.1f"
            + " messages/s=%.0f events/s=%.0f late>1s=%d%n",
        runId,
        total,
        total * signals,
        acked.get(),
        failed.get(),
        elapsed,
        total / elapsed,
        total * signals / elapsed,
        late);
  }

  // ----------------------------------------------------------------- counting subscriber

  /**
   * The broker-only peer: one QoS 1 subscriber that parses each message as the connector does and
   * acknowledges it, counting events, distinct sequence numbers and publish→receive latency.
   */
  static void count(String host, int port, int seconds, long expectedMessages, String runId)
      throws Exception {
    Recorder latency = new Recorder(3);
    AtomicLong messages = new AtomicLong();
    AtomicLong events = new AtomicLong();
    AtomicLong firstNanos = new AtomicLong();
    AtomicLong lastNanos = new AtomicLong();
    ConcurrentHashMap<String, BitSet> seen = new ConcurrentHashMap<>();
    Mqtt5AsyncClient client =
        Mqtt5Client.builder()
            .identifier("bench-counter-" + UUID.randomUUID())
            .serverHost(host)
            .serverPort(port)
            .buildAsync();
    client.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
    client
        .subscribeWith()
        .topicFilter(TOPIC_ROOT + "/" + runId + "/+/telemetry")
        .qos(MqttQos.AT_LEAST_ONCE)
        .callback(
            publish -> {
              long now = System.currentTimeMillis();
              JsonNode json = JSON.readTree(publish.getPayloadAsBytes());
              int fields = json.size() - 1;
              String topic = publish.getTopic().toString();
              BitSet bits = seen.computeIfAbsent(topic, t -> new BitSet());
              synchronized (bits) {
                bits.set((int) json.get("s01").asLong());
              }
              latency.recordValue(Math.max(0, now - json.get("ts").asLong()));
              firstNanos.compareAndSet(0, System.nanoTime());
              lastNanos.set(System.nanoTime());
              messages.incrementAndGet();
              events.addAndGet(fields);
            })
        .send()
        .get(10, TimeUnit.SECONDS);
    System.out.println("SUBSCRIBED");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline && messages.get() < expectedMessages) {
      Thread.sleep(100);
    }
    client.disconnect().get(10, TimeUnit.SECONDS);
    long distinct = seen.values().stream().mapToLong(BitSet::cardinality).sum();
    double span = Math.max(1e-9, (lastNanos.get() - firstNanos.get()) / 1e9);
    Histogram h = latency.getIntervalHistogram();
    System.out.printf(
        Locale.ROOT,
        "COUNTED messages=%d distinct=%d expected=%d lost=%d events=%d seconds=%.1f events/s=%.0f"
            + " p50=%d ms p99=%d ms max=%d ms%n",
        messages.get(),
        distinct,
        expectedMessages,
        Math.max(0, expectedMessages - distinct),
        events.get(),
        span,
        events.get() / span,
        h.getValueAtPercentile(50),
        h.getValueAtPercentile(99),
        h.getMaxValue());
  }

  // --------------------------------------------------------------------------- COPY peer

  /**
   * The database-only peer: the same number of signal rows (source, address, time, value) written
   * with one COPY per batch of 1,000 messages into a table of the same shape, committed per batch.
   */
  static void copy(String url, String user, int machines, int signals, int messages)
      throws Exception {
    try (Connection db = DriverManager.getConnection(url, user, "")) {
      try (Statement ddl = db.createStatement()) {
        ddl.execute("DROP TABLE IF EXISTS bench_copy_signal");
        ddl.execute(
            "CREATE TABLE bench_copy_signal (id bigserial PRIMARY KEY, source text NOT NULL,"
                + " address text NOT NULL, source_time timestamptz NOT NULL,"
                + " numeric_value double precision, received_at timestamptz NOT NULL DEFAULT now())");
        ddl.execute("CREATE INDEX ON bench_copy_signal (source, address, source_time)");
      }
      db.setAutoCommit(false);
      var copy = db.unwrap(PGConnection.class).getCopyAPI();
      long start = System.nanoTime();
      StringBuilder rows = new StringBuilder();
      long written = 0;
      for (int i = 0; i < messages; i++) {
        int m = i % machines;
        String source = machine("copy", m + 1);
        String ts = Instant.ofEpochMilli(System.currentTimeMillis()).toString();
        for (int s = 1; s <= signals; s++) {
          double value = ((i * 31L + s * 17L) % 10_000) / 10.0;
          rows.append(source)
              .append('\t')
              .append('s')
              .append(s < 10 ? "0" : "")
              .append(s)
              .append('\t')
              .append(ts)
              .append('\t')
              .append(value)
              .append('\n');
        }
        if ((i + 1) % 1000 == 0 || i == messages - 1) {
          written +=
              copy.copyIn(
                  "COPY bench_copy_signal (source, address, source_time, numeric_value) FROM STDIN",
                  new StringReader(rows.toString()));
          db.commit();
          rows.setLength(0);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "COPIED rows=%d seconds=%.1f rows/s=%.0f%n",
          written,
          seconds,
          written / seconds);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
