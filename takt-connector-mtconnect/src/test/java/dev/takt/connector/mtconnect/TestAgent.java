package dev.takt.connector.mtconnect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.takt.connector.mtconnect.ShdrRecording.Shdr;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small MTConnect agent for tests, on 127.0.0.1 with the JDK's HttpServer: {@code probe} answers
 * the real device file, {@code current} and {@code sample} are built from the observations it was
 * fed (a recorded SHDR stream). Like a real agent it numbers observations, keeps a bounded buffer
 * ({@code firstSequence} moves on when it overflows), answers {@code OUT_OF_RANGE} for a {@code
 * from} it no longer has, streams {@code sample?interval=} as chunked {@code
 * multipart/x-mixed-replace} with heartbeats, starts every data item UNAVAILABLE and gets a new
 * {@code instanceId} when restarted. Tests can make it misbehave: drop a stream in the middle of a
 * part, slip a raw part into a stream, answer only plain documents, serve another probe.
 */
final class TestAgent implements AutoCloseable {

  static final String BOUNDARY = "a8e12eced4fb871ac096a99bf9728425";
  private static final String STREAMS_NS = "urn:mtconnect.org:MTConnectStreams:2.7";
  private static final String ERROR_NS = "urn:mtconnect.org:MTConnectError:2.7";

  private record Stored(long sequence, Shdr obs) {}

  private final DeviceFile devices;
  private final int bufferSize;
  private final Object lock = new Object();
  private final ArrayDeque<Stored> buffer = new ArrayDeque<>();
  private final Map<String, Stored> latest = new LinkedHashMap<>();
  private final Queue<byte[]> injected = new ConcurrentLinkedQueue<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> served = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean dropMidPart = new AtomicBoolean();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().unstarted(r));
  private long nextSequence = 1;
  private long instanceId = 1_763_700_000L;
  private long generation;
  private volatile boolean running;
  private volatile boolean streaming = true;
  private volatile boolean stalled;
  private volatile boolean lenient;
  private volatile String probeOverride;
  private HttpServer server;
  private int port;

  private TestAgent(DeviceFile devices, int bufferSize) {
    this.devices = devices;
    this.bufferSize = bufferSize;
    startFresh();
  }

  /** An agent for these devices with a buffer of {@code bufferSize} observations, listening. */
  static TestAgent serving(DeviceFile devices, int bufferSize) throws IOException {
    TestAgent agent = new TestAgent(devices, bufferSize);
    agent.listen(0);
    return agent;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  // ---------------------------------------------------------------- what tests do to it

  /** Adds observations as an adapter would, each with the next sequence number. */
  void feed(List<Shdr> observations) {
    synchronized (lock) {
      for (Shdr o : observations) {
        Stored s = new Stored(nextSequence++, o);
        buffer.addLast(s);
        latest.put(o.item().id(), s);
        while (buffer.size() > bufferSize) {
          buffer.removeFirst();
        }
      }
      lock.notifyAll();
    }
  }

  /** Restarts: a new instanceId, an empty buffer, sequences from 1, every item UNAVAILABLE. */
  void restart() {
    synchronized (lock) {
      instanceId++;
      startFresh();
      lock.notifyAll();
    }
  }

  /** Stops listening (the agent is unreachable); its buffer stays. */
  void stop() {
    running = false;
    synchronized (lock) {
      generation++;
      lock.notifyAll();
    }
    server.stop(0);
  }

  /** Listens again on the same port. */
  void startAgain() throws IOException {
    listen(port);
  }

  /** The next stream part is cut in the middle and the stream ends, as when a cable is pulled. */
  void dropStreamMidPart() {
    dropMidPart.set(true);
  }

  /** Writes these bytes into the open stream before its next part (a malformed chunk, ...). */
  void inject(String rawPart) {
    injected.add(rawPart.getBytes(StandardCharsets.UTF_8));
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /** Builds a stream part around {@code body} as the agent frames its documents. */
  static String part(String body) {
    return "--"
        + BOUNDARY
        + "\r\nContent-type: text/xml\r\nContent-length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body
        + "\r\n";
  }

  /**
   * Streams answer their headers and then nothing, not even heartbeats, as behind a half-dead
   * connection; {@code false} lets new streams flow again.
   */
  void stallStreams(boolean stalled) {
    this.stalled = stalled;
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /** Answers a {@code from} before its buffer from its first sequence instead of OUT_OF_RANGE. */
  void answerFromTheBufferStartInsteadOfOutOfRange() {
    lenient = true;
  }

  /** An MTConnectError document as this agent answers it. */
  String errorDocument(String code, String message) {
    return error(code, message);
  }

  /** Answers {@code sample?interval=} with one plain document, as agents that do not stream. */
  void answerPlainOnly() {
    streaming = false;
  }

  void serveProbe(String xml) {
    probeOverride = xml;
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  /** Every document served so far (probe, current, sample parts, errors). */
  List<String> served() {
    return List.copyOf(served);
  }

  long nextSequence() {
    synchronized (lock) {
      return nextSequence;
    }
  }

  long firstSequence() {
    synchronized (lock) {
      return buffer.isEmpty() ? nextSequence : buffer.getFirst().sequence();
    }
  }

  /** A sample document of the observations {@code [from, from + count)} of all devices. */
  String sampleDocument(long from, int count) {
    synchronized (lock) {
      Slice slice = slice(from, count, null);
      return streamsDocument(slice.observations(), slice.next());
    }
  }

  String currentDocument() {
    synchronized (lock) {
      return streamsDocument(new ArrayList<>(latest.values()), nextSequence);
    }
  }

  /** A streams document with a header for the given observations, written out. */
  String streamsDocumentOf(String observationsXml, String device) {
    synchronized (lock) {
      return header(STREAMS_NS, nextSequence)
          + "<Streams><DeviceStream name=\""
          + device
          + "\" uuid=\""
          + devices.device(device).uuid()
          + "\"><ComponentStream component=\"Device\" componentId=\""
          + devices.device(device).uuid()
          + "\">"
          + observationsXml
          + "</ComponentStream></DeviceStream></Streams></MTConnectStreams>";
    }
  }

  @Override
  public void close() {
    stop();
    threads.shutdownNow();
  }

  // ---------------------------------------------------------------- HTTP

  private void listen(int onPort) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    running = true;
    server.start();
    port = server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      requests.add(exchange.getRequestURI().toString());
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String[] segments = path.replaceAll("^/+", "").split("/");
      String device = segments.length == 2 ? segments[0] : null;
      String request = segments[segments.length - 1];
      if (device != null && devices.devices().stream().noneMatch(d -> d.name().equals(device))) {
        plain(exchange, 404, error("NO_DEVICE", "Could not find the device '" + device + "'"));
        return;
      }
      switch (request) {
        case "probe" -> plain(exchange, 200, probe());
        case "current" -> plain(exchange, 200, current(device));
        case "sample" -> sample(exchange, device, query);
        default -> plain(exchange, 400, error("INVALID_REQUEST", "unknown request " + request));
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private String probe() {
    String override = probeOverride;
    if (override != null) {
      return override;
    }
    synchronized (lock) {
      return devices.xml().replace("instanceId=\"1\"", "instanceId=\"" + instanceId + "\"");
    }
  }

  private String current(String device) {
    synchronized (lock) {
      List<Stored> items =
          latest.values().stream()
              .filter(s -> device == null || s.obs().item().device().equals(device))
              .toList();
      return streamsDocument(items, nextSequence);
    }
  }

  private void sample(HttpExchange exchange, String device, Map<String, String> query)
      throws IOException {
    long from;
    int count;
    synchronized (lock) {
      from = Long.parseLong(query.getOrDefault("from", String.valueOf(firstSequence())));
      count = Integer.parseInt(query.getOrDefault("count", "100"));
      if (lenient && from < firstSequence()) {
        from = firstSequence();
      }
      if (from < firstSequence() || from > nextSequence) {
        String message =
            "'from' must be greater than or equal to "
                + firstSequence()
                + " and less than or equal to "
                + nextSequence;
        plain(exchange, 404, error("OUT_OF_RANGE", message));
        return;
      }
    }
    if (!streaming || !query.containsKey("interval")) {
      String doc;
      synchronized (lock) {
        Slice slice = slice(from, count, device);
        doc = streamsDocument(slice.observations(), slice.next());
      }
      plain(exchange, 200, doc);
      return;
    }
    long heartbeatMillis = Long.parseLong(query.getOrDefault("heartbeat", "10000"));
    stream(exchange, device, from, count, heartbeatMillis);
  }

  private void stream(HttpExchange exchange, String device, long from, int count, long heartbeat)
      throws IOException {
    exchange
        .getResponseHeaders()
        .set("Content-Type", "multipart/x-mixed-replace;boundary=" + BOUNDARY);
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.flush(); // the headers go out at once, as a real agent's do
    long gen;
    synchronized (lock) {
      gen = generation;
      while (stalled && running && gen == generation) {
        try {
          lock.wait(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
    while (true) {
      byte[] raw = injected.poll();
      if (raw != null) {
        out.write(raw);
        out.flush();
        continue;
      }
      String doc;
      synchronized (lock) {
        long deadline = System.currentTimeMillis() + heartbeat;
        while (running
            && gen == generation
            && (nextSequence <= from || stalled)
            && injected.isEmpty()
            && System.currentTimeMillis() < deadline) {
          try {
            lock.wait(Math.max(1, deadline - System.currentTimeMillis()));
          } catch (InterruptedException e) {
            return;
          }
        }
        if (!running || gen != generation || from < firstSequence()) {
          return; // stopped, restarted, or the client fell out of the buffer: end the stream
        }
        if (!injected.isEmpty() || stalled) {
          continue;
        }
        Slice slice = slice(from, count, device);
        doc = streamsDocument(slice.observations(), slice.next());
        from = slice.next();
      }
      byte[] part = part(doc).getBytes(StandardCharsets.UTF_8);
      if (dropMidPart.getAndSet(false)) {
        out.write(part, 0, part.length / 2);
        out.flush();
        return;
      }
      served.add(doc);
      out.write(part);
      out.flush();
    }
  }

  private void plain(HttpExchange exchange, int status, String body) throws IOException {
    served.add(body);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  // ---------------------------------------------------------------- documents

  private record Slice(List<Stored> observations, long next) {}

  private Slice slice(long from, int count, String device) {
    List<Stored> picked = new ArrayList<>();
    long next = nextSequence;
    for (Stored s : buffer) {
      if (s.sequence() < from) {
        continue;
      }
      if (picked.size() >= count) {
        next = s.sequence();
        break;
      }
      if (device == null || s.obs().item().device().equals(device)) {
        picked.add(s);
      }
    }
    return new Slice(picked, next);
  }

  private void startFresh() {
    buffer.clear();
    latest.clear();
    nextSequence = 1;
    generation++;
    String now = Instant.now().toString();
    List<Shdr> unavailable = new ArrayList<>();
    for (DeviceFile.Item item : devices.items()) {
      unavailable.add(Shdr.of(now, item, "UNAVAILABLE"));
    }
    feed(unavailable);
  }

  private String header(String namespace, long next) {
    String root = namespace.equals(ERROR_NS) ? "MTConnectError" : "MTConnectStreams";
    String schema = root.replace("MTConnect", "MTConnect") + "_2.7.xsd";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<"
        + root
        + " xmlns=\""
        + namespace
        + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:schemaLocation=\""
        + namespace
        + " http://schemas.mtconnect.org/schemas/"
        + schema
        + "\"><Header creationTime=\""
        + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        + "\" sender=\"takt-test-agent\" instanceId=\""
        + instanceId
        + "\" version=\"2.7.0.9\" deviceModelChangeTime=\"2022-06-17T16:33:21.188094Z\""
        + " bufferSize=\""
        + bufferSize
        + "\""
        + (namespace.equals(ERROR_NS)
            ? ""
            : " nextSequence=\""
                + next
                + "\" firstSequence=\""
                + firstSequence()
                + "\" lastSequence=\""
                + (nextSequence - 1)
                + "\"")
        + "/>";
  }

  /** An MTConnect 2.7 error: one element per error ({@code <OutOfRange>}, {@code <NoDevice>}). */
  private String error(String code, String message) {
    String element = pascal(code);
    synchronized (lock) {
      return header(ERROR_NS, nextSequence)
          + "<Errors><"
          + element
          + ">"
          + (code.equals("OUT_OF_RANGE")
              ? "<QueryParameter name=\"from\"><Minimum>"
                  + firstSequence()
                  + "</Minimum><Maximum>"
                  + nextSequence
                  + "</Maximum></QueryParameter>"
              : "")
          + "<URI>/</URI><ErrorMessage>"
          + escape(message)
          + "</ErrorMessage></"
          + element
          + "></Errors></MTConnectError>";
    }
  }

  /** Observations grouped by device and component, in sequence order within each. */
  private String streamsDocument(List<Stored> observations, long next) {
    Map<String, Map<String, List<Stored>>> byDevice = new LinkedHashMap<>();
    for (DeviceFile.Device d : devices.devices()) {
      byDevice.put(d.name(), new LinkedHashMap<>());
    }
    List<Stored> sorted = new ArrayList<>(observations);
    sorted.sort(java.util.Comparator.comparingLong(Stored::sequence));
    for (Stored s : sorted) {
      byDevice
          .get(s.obs().item().device())
          .computeIfAbsent(s.obs().item().componentId(), k -> new ArrayList<>())
          .add(s);
    }
    StringBuilder xml = new StringBuilder(header(STREAMS_NS, next)).append("<Streams>");
    for (var device : byDevice.entrySet()) {
      if (device.getValue().isEmpty()) {
        continue;
      }
      xml.append("<DeviceStream name=\"")
          .append(device.getKey())
          .append("\" uuid=\"")
          .append(devices.device(device.getKey()).uuid())
          .append("\">");
      for (var component : device.getValue().entrySet()) {
        DeviceFile.Item first = component.getValue().getFirst().obs().item();
        xml.append("<ComponentStream component=\"")
            .append(first.component())
            .append("\" componentId=\"")
            .append(component.getKey())
            .append('"');
        if (first.componentName() != null) {
          xml.append(" name=\"").append(escape(first.componentName())).append('"');
        }
        xml.append('>');
        for (String category : List.of("SAMPLE", "EVENT", "CONDITION")) {
          List<Stored> of =
              component.getValue().stream()
                  .filter(s -> s.obs().item().category().equals(category))
                  .toList();
          if (of.isEmpty()) {
            continue;
          }
          String container =
              switch (category) {
                case "SAMPLE" -> "Samples";
                case "EVENT" -> "Events";
                default -> "Condition";
              };
          xml.append('<').append(container).append('>');
          for (Stored s : of) {
            observation(xml, s);
          }
          xml.append("</").append(container).append('>');
        }
        xml.append("</ComponentStream>");
      }
      xml.append("</DeviceStream>");
    }
    return xml.append("</Streams></MTConnectStreams>").toString();
  }

  private static void observation(StringBuilder xml, Stored s) {
    Shdr o = s.obs();
    DeviceFile.Item item = o.item();
    String element;
    String content;
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("dataItemId", item.id());
    attributes.put("timestamp", o.timestamp());
    attributes.put("sequence", String.valueOf(s.sequence()));
    if (item.name() != null) {
      attributes.put("name", item.name());
    }
    if (item.isCondition()) {
      element = pascal(o.value().isEmpty() ? "UNAVAILABLE" : o.value());
      attributes.put("type", item.type());
      if (!o.nativeCode().isEmpty()) {
        attributes.put("nativeCode", o.nativeCode());
      }
      if (!o.nativeSeverity().isEmpty()) {
        attributes.put("nativeSeverity", o.nativeSeverity());
      }
      if (!o.qualifier().isEmpty()) {
        attributes.put("qualifier", o.qualifier());
      }
      content = o.message();
    } else {
      element = pascal(item.type());
      if (item.subType() != null) {
        attributes.put("subType", item.subType());
      }
      content = o.value();
    }
    xml.append('<').append(element);
    attributes.forEach(
        (k, v) -> xml.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
    xml.append('>').append(escape(content)).append("</").append(element).append('>');
  }

  /** {@code ROTARY_VELOCITY} → {@code RotaryVelocity}, as agents name observation elements. */
  static String pascal(String type) {
    StringBuilder name = new StringBuilder();
    for (String word : type.split("_")) {
      if (!word.isEmpty()) {
        name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return name.toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        query.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }
}
