package dev.takt.connector.mtconnect;

import dev.takt.connector.BadSignalException;
import dev.takt.connector.Connector;
import dev.takt.connector.ConnectorCounters;
import dev.takt.connector.ConnectorStatus;
import dev.takt.connector.ConnectorStatus.State;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalSink;
import dev.takt.connector.SignalSink.SourceState;
import dev.takt.connector.mtconnect.AgentDocument.Devices;
import dev.takt.connector.mtconnect.AgentDocument.Errors;
import dev.takt.connector.mtconnect.AgentDocument.Header;
import dev.takt.connector.mtconnect.AgentDocument.Observation;
import dev.takt.connector.mtconnect.AgentDocument.Streams;
import dev.takt.connector.mtconnect.AgentDocuments.BadDocumentException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads one MTConnect agent and hands its observations to a {@link SignalSink}.
 *
 * <p>Life of a connection: {@code probe} learns the devices and their data items; {@code current}
 * delivers the state of every data item and tells the {@code instanceId} and {@code nextSequence};
 * then {@code sample?from=<next>&interval=..&count=..&heartbeat=..} streams the changes as a {@code
 * multipart/x-mixed-replace} response, one document per part. An agent that answers with a plain
 * document instead is polled. The position ({@code from} of the next request) moves to a document's
 * {@code nextSequence} only after the sink took its signals, so after a lost connection or a
 * refused batch the connector resumes exactly where it stopped: no duplicates, no loss.
 *
 * <p>Two things break a resume and are reported, then repaired from {@code current}: an agent that
 * restarted (a new {@code instanceId}: sequences start again; the device model is probed anew) and
 * a sequence gap (the agent's buffer overran the position: {@code OUT_OF_RANGE}, or {@code
 * firstSequence} past {@code from}). A gap is reported per device through {@link
 * SignalSink#rejected} and the status' last error; a restart through an ONLINE {@link
 * SignalSink#sourceState} whose detail says so, and the last error.
 *
 * <p>While the agent cannot be reached every device is OFFLINE; when it answers again, ONLINE.
 * Input that cannot become a signal (malformed or hostile XML, a part larger than {@link
 * MtConnectConfig#maxDocumentSize()}, a SAMPLE that is not a number, NaN, over-long texts) is
 * counted and reported; the stream goes on. One platform thread per connector does all of this;
 * {@link #close()} ends it.
 */
public final class MtConnectConnector implements Connector {

  private static final System.Logger LOG = System.getLogger(MtConnectConnector.class.getName());

  private final MtConnectConfig config;
  private final Clock clock;
  private final ConnectorCounters counters;
  private final HttpClient http;
  private final ScheduledExecutorService watchdog;
  private final AtomicBoolean started = new AtomicBoolean();
  private final Object sleeper = new Object();
  private volatile boolean closed;
  private volatile Thread worker;
  private volatile WatchedStream reading;
  private SignalSink sink;

  // state of the worker thread
  private Devices model;
  private String instanceId;
  private long position = -1;
  private boolean polling;
  private boolean everConnected;
  private boolean progress;
  private boolean sampled;
  private String restartNote;
  private final Map<String, SourceState> reported = new LinkedHashMap<>();

  public MtConnectConnector(MtConnectConfig config) {
    this(config, Clock.systemUTC());
  }

  MtConnectConnector(MtConnectConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = clock;
    this.counters = new ConnectorCounters(clock);
    this.polling = config.polling();
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.requestTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("mtconnect-watchdog").unstarted(r));
  }

  @Override
  public void start(SignalSink sink) {
    Objects.requireNonNull(sink, "sink");
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("already started");
    }
    this.sink = sink;
    watchdog.scheduleWithFixedDelay(this::checkSilence, 100, 100, TimeUnit.MILLISECONDS);
    worker =
        Thread.ofPlatform()
            .daemon()
            .name("mtconnect " + config.agentUrl().getAuthority())
            .start(this::run);
  }

  @Override
  public ConnectorStatus status() {
    return counters.status();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(reading);
    synchronized (sleeper) {
      sleeper.notifyAll();
    }
    Thread w = worker;
    if (w != null) {
      w.interrupt();
    }
    http.shutdownNow();
    watchdog.shutdownNow();
    if (w != null && w != Thread.currentThread()) {
      try {
        w.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    counters.moveTo(State.STOPPED, null);
  }

  // ---------------------------------------------------------------- the loop

  private void run() {
    Duration backoff = config.reconnectBackoff();
    boolean lastWasResync = false;
    while (!closed) {
      progress = false;
      sampled = false;
      try {
        session();
      } catch (Resync r) {
        // at once, unless the agent asks for it again before a single sample was read (an agent
        // whose instanceId changes on every request must not make this loop spin)
        boolean atOnce = !lastWasResync || sampled;
        lastWasResync = true;
        if (atOnce) {
          continue;
        }
      } catch (Unreachable e) {
        lastWasResync = false;
        if (closed) {
          break;
        }
        markOffline(e.getMessage());
        counters.moveTo(lostState(), e.getMessage());
        LOG.log(System.Logger.Level.WARNING, "MTConnect agent {0}: {1}", config.agentUrl(), e);
      } catch (Refused e) {
        lastWasResync = false;
        counters.moveTo(lostState(), e.getMessage());
        LOG.log(System.Logger.Level.WARNING, "MTConnect agent {0}: {1}", config.agentUrl(), e);
      } catch (InterruptedException e) {
        break;
      } catch (RuntimeException e) {
        lastWasResync = false;
        if (closed) {
          break;
        }
        counters.moveTo(lostState(), "unexpected: " + e);
        LOG.log(System.Logger.Level.ERROR, "MTConnect connector " + config.agentUrl(), e);
      }
      if (closed) {
        break;
      }
      if (progress) {
        backoff = config.reconnectBackoff();
      }
      if (!pause(backoff)) {
        break;
      }
      backoff = backoff.multipliedBy(2);
      if (backoff.compareTo(config.maxReconnectBackoff()) > 0) {
        backoff = config.maxReconnectBackoff();
      }
    }
  }

  private State lostState() {
    return everConnected ? State.RECONNECTING : State.CONNECTING;
  }

  /** One connection: probe and current where needed, then stream (or poll) until it breaks. */
  private void session() throws Unreachable, Refused, Resync, InterruptedException {
    if (model == null) {
      probe();
    }
    if (position < 0) {
      current();
    }
    if (polling) {
      poll();
    } else {
      stream();
    }
  }

  /**
   * The agent answered usably: CONNECTED, and every device ONLINE (once per outage), with the
   * restart note if the agent was found restarted.
   */
  private void connected() {
    counters.moveTo(State.CONNECTED, restartNote);
    everConnected = true;
    if (restartNote != null) {
      for (String source : sources()) {
        report(source, SourceState.ONLINE, restartNote);
      }
      restartNote = null;
    }
    markOnline("agent " + config.agentUrl() + " instance " + instanceId);
  }

  private void probe() throws Unreachable, Refused, Resync, InterruptedException {
    AgentDocument doc = fetch(config.requestBase().resolve("probe"));
    switch (doc) {
      case Devices devices -> {
        if (instanceId != null
            && devices.header().instanceId() != null
            && !instanceId.equals(devices.header().instanceId())) {
          restarted(devices.header());
        }
        model = devices;
        instanceId = devices.header().instanceId();
        progress = true;
      }
      case Errors errors -> throw new Refused("probe: the agent answered " + describe(errors));
      case Streams s -> throw new Refused("probe: the agent answered a streams document");
    }
  }

  private void current() throws Unreachable, Refused, Resync, InterruptedException {
    AgentDocument doc = fetch(config.requestBase().resolve("current"));
    switch (doc) {
      case Streams streams -> {
        checkInstance(streams.header());
        connected();
        deliver(streams.observations());
        position = streams.header().nextSequence();
        progress = true;
      }
      case Errors errors -> throw new Refused("current: the agent answered " + describe(errors));
      case Devices d -> throw new Refused("current: the agent answered a probe document");
    }
  }

  private void stream() throws Unreachable, Refused, Resync, InterruptedException {
    URI uri =
        config
            .requestBase()
            .resolve(
                "sample?from="
                    + position
                    + "&count="
                    + config.count()
                    + "&interval="
                    + config.sampleInterval().toMillis()
                    + "&heartbeat="
                    + config.heartbeat().toMillis());
    HttpResponse<InputStream> response = send(uri);
    String boundary =
        MultipartReader.boundaryOf(response.headers().firstValue("Content-Type").orElse(null));
    if (boundary == null) {
      // an error, or an agent that does not stream: it answered one plain document
      AgentDocument doc = document(response, uri);
      handleSample(doc);
      connected();
      if (doc instanceof Streams) {
        LOG.log(
            System.Logger.Level.INFO,
            "MTConnect agent {0} does not stream; polling every {1}",
            config.agentUrl(),
            config.sampleInterval());
        polling = true;
        poll();
      }
      return;
    }
    connected();
    Duration silence = config.heartbeat().multipliedBy(2).plus(config.requestTimeout());
    try (WatchedStream body = watch(response.body(), silence)) {
      MultipartReader parts = new MultipartReader(body, boundary, config.maxDocumentSize());
      while (!closed) {
        byte[] part;
        try {
          part = parts.next();
        } catch (MultipartReader.BadPartException e) {
          reject(agentSource(), e.getMessage(), "");
          continue;
        } catch (IOException e) {
          throw new Unreachable(
              body.expired
                  ? "stream silent for more than " + silence + " (no data, no heartbeat)"
                  : "stream lost: " + e.getMessage());
        }
        if (part == null) {
          throw new Unreachable("the agent ended the stream");
        }
        AgentDocument doc;
        try {
          doc = AgentDocuments.parse(part);
        } catch (BadDocumentException e) {
          reject(agentSource(), e.getMessage(), new String(part, StandardCharsets.UTF_8));
          continue;
        }
        handleSample(doc);
      }
    }
  }

  private void poll() throws Unreachable, Refused, Resync, InterruptedException {
    while (!closed) {
      URI uri =
          config.requestBase().resolve("sample?from=" + position + "&count=" + config.count());
      AgentDocument doc = fetch(uri);
      handleSample(doc);
      connected();
      if (doc instanceof Streams s && s.header().nextSequence() > s.header().lastSequence()) {
        if (!pause(config.sampleInterval())) {
          return;
        }
      }
    }
  }

  // ---------------------------------------------------------------- documents

  private void handleSample(AgentDocument doc) throws Refused, Resync {
    switch (doc) {
      case Streams streams -> {
        Header header = streams.header();
        checkInstance(header);
        if (header.firstSequence() > position) {
          gap(
              "sequence gap: observations "
                  + position
                  + ".."
                  + (header.firstSequence() - 1)
                  + " left the agent's buffer before they were read (buffer overrun)",
              "from=" + position + " firstSequence=" + header.firstSequence());
        }
        deliver(streams.observations());
        position = header.nextSequence();
        progress = true;
        sampled = true;
      }
      case Errors errors -> {
        checkInstance(errors.header());
        if (errors.has("OUT_OF_RANGE")) {
          gap(
              "sequence gap: the agent no longer has sequence "
                  + position
                  + " (OUT_OF_RANGE, buffer overrun)",
              describe(errors));
        }
        throw new Refused("sample: the agent answered " + describe(errors));
      }
      case Devices d -> throw new Refused("sample: the agent answered a probe document");
    }
  }

  private void checkInstance(Header header) throws Resync {
    String seen = header.instanceId();
    if (seen != null && instanceId != null && !seen.equals(instanceId)) {
      restarted(header);
    }
  }

  private void restarted(Header header) throws Resync {
    restartNote =
        "agent restarted: instanceId "
            + instanceId
            + " -> "
            + header.instanceId()
            + "; device model and state re-read (probe, current)"
            + (position >= 0
                ? ", observations after sequence " + (position - 1) + " may be lost"
                : "");
    counters.moveTo(counters.state(), restartNote);
    LOG.log(
        System.Logger.Level.WARNING, "MTConnect agent {0}: {1}", config.agentUrl(), restartNote);
    model = null;
    instanceId = null;
    position = -1;
    throw new Resync();
  }

  private void gap(String reason, String sample) throws Resync {
    String detail = reason + "; re-synchronised from current";
    for (String source : sources()) {
      reportRejected(source, detail, sample);
    }
    counters.rejected();
    counters.moveTo(counters.state(), detail);
    LOG.log(System.Logger.Level.WARNING, "MTConnect agent {0}: {1}", config.agentUrl(), detail);
    position = -1;
    throw new Resync();
  }

  /** Hands the observations of one document to the sink; throws if it refuses them. */
  private void deliver(List<Observation> observations) throws Refused {
    var now = clock.instant();
    List<Sequenced> ordered = new ArrayList<>(observations.size());
    for (Observation o : observations) {
      try {
        ordered.add(new Sequenced(Long.parseLong(Objects.requireNonNull(o.sequence()).strip()), o));
      } catch (RuntimeException e) {
        reject(sourceOf(o), "observation without a valid sequence number", o.sequence());
      }
    }
    ordered.sort(Comparator.comparingLong(Sequenced::sequence));
    List<MachineSignal> batch = new ArrayList<>(ordered.size());
    for (Sequenced s : ordered) {
      try {
        batch.add(Observations.toSignal(s.observation(), model.dataItems(), agentSource(), now));
      } catch (BadSignalException e) {
        reject(
            sourceOf(s.observation()),
            "dataItemId " + s.observation().dataItemId() + ": " + e.getMessage(),
            s.observation().value());
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      sink.accept(batch);
    } catch (RuntimeException e) {
      throw new Refused(
          "the sink refused a batch of "
              + batch.size()
              + " signals; retrying from sequence "
              + position
              + ": "
              + e.getMessage());
    }
    counters.accepted(batch.size());
  }

  private record Sequenced(long sequence, Observation observation) {}

  private String describe(Errors errors) {
    if (errors.errors().isEmpty()) {
      return "an MTConnectError without errors";
    }
    StringBuilder text = new StringBuilder();
    for (var e : errors.errors()) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(e.code());
      if (!e.text().isBlank()) {
        text.append(' ').append(ConnectorCounters.sample(e.text()));
      }
    }
    return text.toString();
  }

  // ---------------------------------------------------------------- HTTP

  private AgentDocument fetch(URI uri) throws Unreachable, Refused, InterruptedException {
    return document(send(uri), uri);
  }

  private HttpResponse<InputStream> send(URI uri) throws Unreachable, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("Accept", "application/xml, text/xml, multipart/x-mixed-replace")
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new Unreachable("agent unreachable at " + uri + ": " + describe(e));
    } catch (IllegalStateException e) {
      // the client was shut down by close()
      throw new InterruptedException("closed");
    }
  }

  /** Reads a plain response, at most maxDocumentSize bytes, and parses it. */
  private AgentDocument document(HttpResponse<InputStream> response, URI uri)
      throws Unreachable, Refused {
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    byte[] body;
    try (WatchedStream in = watch(response.body(), config.requestTimeout())) {
      if (declared > config.maxDocumentSize()) {
        tooLarge(uri, declared + " bytes");
      }
      body = in.readNBytes(config.maxDocumentSize() + 1);
      if (body.length > config.maxDocumentSize()) {
        tooLarge(uri, "more than " + config.maxDocumentSize() + " bytes");
      }
    } catch (IOException e) {
      throw new Unreachable("reading " + uri + " failed: " + describe(e));
    }
    try {
      return AgentDocuments.parse(body);
    } catch (BadDocumentException e) {
      String reason = "HTTP " + response.statusCode() + " from " + uri + ": " + e.getMessage();
      reject(agentSource(), reason, new String(body, StandardCharsets.UTF_8));
      throw new Refused(reason);
    }
  }

  private void tooLarge(URI uri, String size) throws Refused {
    String reason =
        "document from "
            + uri
            + " is "
            + size
            + ", larger than maxDocumentSize "
            + config.maxDocumentSize()
            + "; refused";
    reject(agentSource(), reason, "");
    throw new Refused(reason);
  }

  private static String describe(IOException e) {
    return e.getMessage() != null
        ? e.getClass().getSimpleName() + " " + e.getMessage()
        : e.toString();
  }

  private WatchedStream watch(InputStream in, Duration silence) {
    WatchedStream w = new WatchedStream(in, silence.toNanos());
    reading = w;
    if (closed) {
      closeQuietly(w);
    }
    return w;
  }

  /** Closes a body the agent stopped sending, so the blocked read fails and the loop reconnects. */
  private void checkSilence() {
    WatchedStream w = reading;
    if (w != null && !w.closed && System.nanoTime() - w.lastRead > w.silenceNanos) {
      w.expired = true;
      closeQuietly(w);
    }
  }

  private static final class WatchedStream extends FilterInputStream {
    final long silenceNanos;
    volatile long lastRead = System.nanoTime();
    volatile boolean expired;
    volatile boolean closed;

    WatchedStream(InputStream in, long silenceNanos) {
      super(in);
      this.silenceNanos = silenceNanos;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      lastRead = System.nanoTime();
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      lastRead = System.nanoTime();
      return n;
    }

    @Override
    public void close() {
      closed = true;
      try {
        super.close();
      } catch (IOException | RuntimeException ignored) {
        // closing to unblock a reader or to drop the connection; nothing to recover
      }
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException | RuntimeException ignored) {
        // closing to unblock a reader; nothing to recover
      }
    }
  }

  private boolean pause(Duration d) {
    synchronized (sleeper) {
      if (closed) {
        return false;
      }
      try {
        sleeper.wait(Math.max(1, d.toMillis()));
      } catch (InterruptedException e) {
        return false;
      }
      return !closed;
    }
  }

  // ---------------------------------------------------------------- sources

  /** The devices of this connection: from the probe, else the configured device. */
  private Set<String> sources() {
    Set<String> sources = new LinkedHashSet<>(reported.keySet());
    if (model != null && config.deviceName() == null) {
      sources.addAll(model.deviceNames());
    } else if (config.deviceName() != null) {
      sources.add(config.deviceName());
    }
    return sources;
  }

  /** Where document-level problems are reported: the device, or the agent when there are many. */
  private String agentSource() {
    if (config.deviceName() != null) {
      return config.deviceName();
    }
    if (model != null && model.deviceNames().size() == 1) {
      return model.deviceNames().getFirst();
    }
    return config.agentUrl().getAuthority();
  }

  private String sourceOf(Observation o) {
    return o.device() != null && !o.device().isBlank() ? o.device() : agentSource();
  }

  private void markOnline(String detail) {
    for (String source : sources()) {
      if (reported.get(source) != SourceState.ONLINE) {
        report(source, SourceState.ONLINE, detail);
      }
    }
  }

  private void markOffline(String detail) {
    for (String source : sources()) {
      if (reported.get(source) != SourceState.OFFLINE) {
        report(source, SourceState.OFFLINE, detail);
      }
    }
  }

  private void report(String source, SourceState state, String detail) {
    reported.put(source, state);
    try {
      sink.sourceState(source, state, detail, clock.instant());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "sink failed on sourceState", e);
    }
  }

  private void reject(String source, String reason, String sample) {
    counters.rejected();
    reportRejected(source, reason, sample);
  }

  private void reportRejected(String source, String reason, String sample) {
    LOG.log(System.Logger.Level.DEBUG, "MTConnect {0} rejected: {1}", source, reason);
    try {
      sink.rejected(source, reason, ConnectorCounters.sample(sample));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "sink failed on rejected", e);
    }
  }

  // ---------------------------------------------------------------- outcomes of a session

  /** The agent cannot be reached or the connection broke: devices go OFFLINE. */
  private static final class Unreachable extends Exception {
    Unreachable(String message) {
      super(message, null, false, false);
    }
  }

  /** The agent answered, but not usably (or the sink refused): try again after back-off. */
  private static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** Restart or gap: probe/current again at once. */
  private static final class Resync extends Exception {
    Resync() {
      super(null, null, false, false);
    }
  }
}
