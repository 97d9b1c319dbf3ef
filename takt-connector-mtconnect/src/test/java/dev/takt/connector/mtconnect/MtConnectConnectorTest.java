package dev.takt.connector.mtconnect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.connector.ConnectorStatus;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.RecordingSink;
import dev.takt.connector.SignalSink.SourceState;
import dev.takt.connector.SignalValue;
import dev.takt.connector.mtconnect.ShdrRecording.Shdr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector against a real HTTP agent (the {@link TestAgent}) serving the real Okuma/Mazak
 * device file and the Okuma's recorded SHDR stream of 2022-08-08: what it delivers must be what the
 * machine recorded, also across disconnects, a refusing sink, an agent restart and a buffer
 * overrun; hostile and broken input is refused without stopping the stream.
 */
class MtConnectConnectorTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String EXECUTION = "Lpexecution";
  private static final String PART_COUNT = "Lppartcount";

  private static DeviceFile devices;
  private static ShdrRecording recording;

  private final RecordingSink sink = new RecordingSink();
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void readTheRecordingOnce() {
    // per test, so that each one is reported skipped (or failed, when required) without the data
    if (recording == null) {
      devices = DeviceFile.read(TestData.okumaMazakDevices());
      recording = ShdrRecording.read(TestData.okumaRecording(), devices, "OKUMA");
    }
  }

  @AfterEach
  void closeEverything() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  @Test
  void deliversTheRecordedExecutionStatesAndPartCountsOfTheOkuma() throws Exception {
    // the recording as SOURCES.md describes it
    assertThat(recording.lines()).isEqualTo(10_770);
    List<Recorded> executions = recorded("pexecution");
    List<Recorded> partCounts = recorded("ppartcount");
    assertThat(executions.getFirst().time()).isEqualTo("2022-08-08T13:51:34.7167146Z");
    assertThat(executions.getLast().time()).isBetween("2022-08-08T13:58", "2022-08-08T13:59");

    TestAgent agent = agent(200_000);
    MtConnectConnector connector = connect(agent, c -> {});
    awaitCurrent();

    agent.feed(recording.observations());
    awaitAllOf(recording.observations());

    assertThat(values(EXECUTION))
        .containsExactlyElementsOf(
            prepend(SignalValue.unavailable(), executions.stream().map(r -> text(r.value()))));
    assertThat(values(PART_COUNT))
        .containsExactlyElementsOf(
            prepend(
                SignalValue.unavailable(),
                partCounts.stream().map(r -> SignalValue.of(Double.parseDouble(r.value())))));
    assertThat(times(EXECUTION).subList(1, executions.size() + 1))
        .containsExactlyElementsOf(executions.stream().map(r -> Instant.parse(r.time())).toList());
    assertThat(sink.signalsOf(EXECUTION)).allMatch(s -> s.key().source().equals("OKUMA"));
    assertThat(sink.rejections()).isEmpty();
    assertThat(connector.status().signals()).isEqualTo(sink.signals().size());
    assertThat(agent.requests())
        .anyMatch(r -> r.startsWith("/sample?from=") && r.contains("interval="));
  }

  @Test
  void typesSamplesAsNumbersAndConditionsAsLevelWithNativeCodeAndMessage() throws Exception {
    TestAgent agent = agent(200_000);
    connect(agent, c -> {});
    awaitCurrent();

    agent.feed(
        ShdrRecording.parse(
            List.of(
                "2022-08-08T14:00:00.0000000Z|S1speed|1200.5|system|FAULT|1010|HIGH||Spindle"
                    + " overload",
                "2022-08-08T14:00:01.0000000Z|system|NORMAL||||",
                "2022-08-08T14:00:02.0000000Z|p1LPathPos|1039.897 0 269.0133"),
            devices.shdrKeys("OKUMA")));
    sink.awaitThat("the path position", s -> s.signalsOf("Lp1LPathPos").size() == 2, WAIT);

    assertThat(values("LS1speed"))
        .containsExactly(SignalValue.unavailable(), SignalValue.of(1200.5));
    assertThat(values("Lsystem"))
        .containsExactly(
            SignalValue.unavailable(), text("Fault [1010] Spindle overload"), text("Normal"));
    assertThat(values("Lp1LPathPos").getLast()).isEqualTo(text("1039.897 0 269.0133"));
    assertThat(sink.signalsOf("LS1speed").getLast().sourceTime())
        .isEqualTo(Instant.parse("2022-08-08T14:00:00Z"));
  }

  @Test
  void resumesAfterADisconnectMidStreamWithoutDuplicatesOrLoss() throws Exception {
    TestAgent agent = agent(200_000);
    MtConnectConnector connector = connect(agent, c -> c.count(500));
    awaitCurrent();
    List<Shdr> all = recording.observations().subList(0, 8_000);
    List<Shdr> firstHalf = all.subList(0, all.size() / 2);
    agent.feed(firstHalf);
    awaitAllOf(firstHalf);

    agent.dropStreamMidPart();
    agent.feed(all.subList(all.size() / 2, all.size()));
    awaitAllOf(all);

    assertThat(sink.states())
        .contains(
            new RecordingSink.StateChange(
                "OKUMA", SourceState.OFFLINE, "stream lost: stream ended inside a part"));
    assertThat(sink.states().getLast().state()).isEqualTo(SourceState.ONLINE);
    assertThat(connector.status().reconnects()).isEqualTo(1);
    assertThat(sink.rejections()).isEmpty();
  }

  @Test
  void retriesFromTheSamePositionWhileTheSinkRefuses() throws Exception {
    TestAgent agent = agent(200_000);
    MtConnectConnector connector = connect(agent, c -> {});
    awaitCurrent();

    sink.refuse(true);
    agent.feed(recording.observations().subList(0, 3000));
    awaitStatus(connector, s -> s.lastError() != null && s.lastError().contains("sink refused"));
    sink.refuse(false);
    agent.feed(recording.observations().subList(3000, 6000));

    awaitAllOf(recording.observations().subList(0, 6000));
    assertThat(sink.rejections()).isEmpty();
  }

  @Test
  void reportsASequenceGapWhenTheAgentsBufferOverranDuringAnOutageAndResynchronisesFromCurrent()
      throws Exception {
    TestAgent agent = agent(5_000);
    MtConnectConnector connector = connect(agent, c -> {});
    awaitCurrent();
    long position = agent.nextSequence();

    agent.stop();
    awaitStatus(connector, s -> s.state() == ConnectorStatus.State.RECONNECTING);
    agent.feed(recording.observations());
    assertThat(agent.firstSequence()).isGreaterThan(position);
    agent.startAgain();

    sink.awaitThat(
        "the last recorded execution state arrives",
        s -> times(s, EXECUTION).getLast().equals(lastTimeOf(EXECUTION)),
        WAIT);
    assertThat(sink.rejections())
        .allSatisfy(
            r ->
                assertThat(r.reason())
                    .contains("sequence gap")
                    .contains("OUT_OF_RANGE")
                    .contains(String.valueOf(position)))
        .extracting(RecordingSink.Rejection::source)
        .containsExactlyInAnyOrder("OKUMA", "Mazak");
    assertThat(connector.status().lastError()).contains("sequence gap");
    assertThat(values(EXECUTION).getLast()).isEqualTo(text("READY"));
    assertThat(values(PART_COUNT).getLast()).isEqualTo(SignalValue.of(1));
    assertThat(sink.signals()).hasSize(2 * devices.items().size());
  }

  @Test
  void reportsASequenceGapWhenALenientAgentSkipsAheadInsteadOfRefusing() throws Exception {
    TestAgent agent = agent(5_000);
    agent.answerFromTheBufferStartInsteadOfOutOfRange();
    MtConnectConnector connector = connect(agent, c -> {});
    awaitCurrent();
    long position = agent.nextSequence();

    agent.stop();
    awaitStatus(connector, s -> s.state() == ConnectorStatus.State.RECONNECTING);
    agent.feed(recording.observations());
    long first = agent.firstSequence();
    agent.startAgain();

    sink.awaitThat(
        "the last recorded execution state arrives",
        s -> times(s, EXECUTION).getLast().equals(lastTimeOf(EXECUTION)),
        WAIT);
    assertThat(sink.rejections())
        .extracting(RecordingSink.Rejection::reason)
        .containsOnly(
            "sequence gap: observations "
                + position
                + ".."
                + (first - 1)
                + " left the agent's buffer before they were read (buffer overrun);"
                + " re-synchronised from current")
        .hasSize(2);
    assertThat(values(EXECUTION).getLast()).isEqualTo(text("READY"));
  }

  @Test
  void reportsASequenceGapWhenTheSinkRefusedLongerThanTheAgentsBufferLasts() throws Exception {
    TestAgent agent = agent(5_000);
    MtConnectConnector connector = connect(agent, c -> {});
    awaitCurrent();

    sink.refuse(true);
    agent.feed(recording.observations());
    awaitStatus(connector, s -> s.lastError() != null && s.lastError().contains("sink refused"));
    sink.refuse(false);

    sink.awaitThat(
        "the last recorded execution state arrives",
        s -> times(s, EXECUTION).getLast().equals(lastTimeOf(EXECUTION)),
        WAIT);
    assertThat(sink.rejections())
        .extracting(RecordingSink.Rejection::reason)
        .allMatch(r -> r.contains("sequence gap"))
        .hasSize(2);
  }

  @Test
  void recognisesARestartedAgentAndReadsItsNewInstanceFromTheStart() throws Exception {
    TestAgent agent = agent(200_000);
    MtConnectConnector connector = connect(agent, c -> {});
    awaitCurrent();
    List<Shdr> all = recording.observations().subList(0, 8_000);
    List<Shdr> before = all.subList(0, all.size() / 2);
    List<Shdr> after = all.subList(all.size() / 2, all.size());
    agent.feed(before);
    awaitAllOf(before);
    int executionsBefore = sink.signalsOf(EXECUTION).size();

    agent.restart();
    sink.awaitThat(
        "the restart is reported",
        s -> s.states().stream().anyMatch(c -> c.detail().contains("agent restarted")),
        WAIT);
    agent.feed(after);
    sink.awaitThat(
        "the new instance's data arrives",
        s -> s.signals().size() == 2 * devices.items().size() + all.size(),
        WAIT);

    List<SignalValue> afterRestart =
        values(EXECUTION).subList(executionsBefore, values(EXECUTION).size());
    assertThat(afterRestart)
        .containsExactlyElementsOf(
            prepend(
                SignalValue.unavailable(),
                after.stream()
                    .filter(o -> o.item().id().equals(EXECUTION))
                    .map(o -> text(o.value()))));
    assertThat(connector.status().lastError()).contains("agent restarted");
    assertThat(agent.requests().stream().filter(r -> r.equals("/probe"))).hasSize(2);
    assertThat(sink.rejections()).isEmpty();
  }

  @Test
  void reportsTheDevicesOfflineWhileTheAgentIsUnreachableAndOnlineWhenItIsBack() throws Exception {
    TestAgent agent = agent(200_000);
    MtConnectConnector connector = connect(agent, c -> {});
    awaitCurrent();
    assertThat(sink.states())
        .extracting(RecordingSink.StateChange::source, RecordingSink.StateChange::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("OKUMA", SourceState.ONLINE),
            org.assertj.core.groups.Tuple.tuple("Mazak", SourceState.ONLINE));

    agent.stop();
    sink.awaitThat(
        "both devices go OFFLINE",
        s -> s.states().stream().filter(c -> c.state() == SourceState.OFFLINE).count() == 2,
        WAIT);
    awaitStatus(connector, s -> s.state() == ConnectorStatus.State.RECONNECTING);
    agent.feed(recording.observations().subList(0, 100));
    Thread.sleep(600); // lets several reconnect attempts (back-off 50..400 ms) fail

    agent.startAgain();
    awaitAllOf(recording.observations().subList(0, 100));
    sink.awaitThat(
        "both devices are ONLINE again",
        s -> s.states().stream().filter(c -> c.state() == SourceState.ONLINE).count() == 4,
        WAIT);
    assertThat(sink.states())
        .as("no flapping while the agent was away")
        .extracting(RecordingSink.StateChange::state)
        .containsExactly(
            SourceState.ONLINE,
            SourceState.ONLINE,
            SourceState.OFFLINE,
            SourceState.OFFLINE,
            SourceState.ONLINE,
            SourceState.ONLINE);
    assertThat(connector.status().state()).isEqualTo(ConnectorStatus.State.CONNECTED);
    assertThat(connector.status().reconnects()).isEqualTo(1);
  }

  @Test
  void takesAStreamThatFellSilentAsLostAndReconnects() throws Exception {
    TestAgent agent = agent(200_000);
    MtConnectConnector connector =
        connect(
            agent, c -> c.heartbeat(Duration.ofMillis(200)).requestTimeout(Duration.ofMillis(500)));
    awaitCurrent();
    awaitStreaming(agent);

    agent.stallStreams(true);
    sink.awaitThat(
        "the devices go OFFLINE",
        s -> s.states().stream().anyMatch(c -> c.state() == SourceState.OFFLINE),
        WAIT);
    assertThat(sink.states().getLast().detail()).contains("silent");
    agent.stallStreams(false);
    agent.feed(recording.observations().subList(0, 100));

    awaitAllOf(recording.observations().subList(0, 100));
    assertThat(sink.states().getLast().state()).isEqualTo(SourceState.ONLINE);
    assertThat(connector.status().reconnects()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void keepsAStreamOpenFarLongerThanTheRequestTimeout() throws Exception {
    TestAgent agent = agent(200_000);
    MtConnectConnector connector =
        connect(
            agent, c -> c.heartbeat(Duration.ofMillis(100)).requestTimeout(Duration.ofSeconds(1)));
    awaitCurrent();
    awaitStreaming(agent);

    Thread.sleep(2_500); // two and a half request timeouts of heartbeats only
    agent.feed(recording.observations().subList(0, 100));

    awaitAllOf(recording.observations().subList(0, 100));
    assertThat(agent.requests().stream().filter(r -> r.startsWith("/sample"))).hasSize(1);
    assertThat(connector.status().reconnects()).isZero();
  }

  @Test
  void readsOnlyTheConfiguredDevice() throws Exception {
    TestAgent agent = agent(200_000);
    connect(agent, c -> c.deviceName("OKUMA"));
    sink.awaitThat("the OKUMA's current", s -> s.signalsOf(EXECUTION).size() == 1, WAIT);
    agent.feed(recording.observations().subList(0, 500));
    sink.awaitThat(
        "its data", s -> s.signals().size() == devices.device("OKUMA").items().size() + 500, WAIT);

    assertThat(sink.signals()).allMatch(s -> s.key().source().equals("OKUMA"));
    assertThat(sink.states()).extracting(RecordingSink.StateChange::source).containsOnly("OKUMA");
    assertThat(agent.requests()).first().isEqualTo("/OKUMA/probe");
    assertThat(agent.requests()).allMatch(r -> r.startsWith("/OKUMA/"));
  }

  @Test
  void pollsAnAgentThatDoesNotStream() throws Exception {
    TestAgent agent = agent(200_000);
    agent.answerPlainOnly();
    connect(agent, c -> c.sampleInterval(Duration.ofMillis(20)));
    awaitCurrent();

    List<Shdr> some = recording.observations().subList(0, 8_000);
    agent.feed(some);
    awaitAllOf(some);

    assertThat(agent.requests())
        .anyMatch(r -> r.startsWith("/sample?from=") && !r.contains("interval"));
    assertThat(sink.rejections()).isEmpty();
  }

  @Test
  void refusesADocumentWithAnExternalEntityAndReadsOn(@TempDir Path dir) throws Exception {
    String secret = "takt-secret-" + UUID.randomUUID();
    Path file = Files.writeString(dir.resolve("secret.txt"), secret);
    TestAgent agent = agent(200_000);
    connect(agent, c -> {});
    awaitCurrent();

    String xxe =
        agent
            .streamsDocumentOf(
                "<Events><Program dataItemId=\"Lpprogram\" timestamp=\"2022-08-08T14:00:00Z\""
                    + " sequence=\"1\">&xxe;</Program></Events>",
                "OKUMA")
            .replace(
                "<MTConnectStreams ",
                "<!DOCTYPE MTConnectStreams [<!ENTITY xxe SYSTEM \""
                    + file.toUri()
                    + "\">]>\n<MTConnectStreams ");
    agent.inject(TestAgent.part(xxe));
    agent.feed(recording.observations().subList(0, 200));

    awaitAllOf(recording.observations().subList(0, 200));
    assertThat(sink.rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("DOCTYPE"));
    assertThat(sink.signals())
        .noneMatch(s -> s.value() instanceof SignalValue.Text t && t.value().contains(secret));
  }

  @Test
  void refusesAProbeWithAnExternalEntity(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("secret.txt"), "takt-secret");
    TestAgent agent = agent(200_000);
    agent.serveProbe(
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \""
            + file.toUri()
            + "\">]><MTConnectDevices><Header instanceId=\"1\"/><Devices><Device"
            + " name=\"&xxe;\"/></Devices></MTConnectDevices>");
    MtConnectConnector connector = connect(agent, c -> {});

    sink.awaitThat("the probe is refused", s -> !s.rejections().isEmpty(), WAIT);
    assertThat(sink.rejections().getFirst().reason()).contains("DOCTYPE");
    assertThat(sink.rejections().getFirst().source()).doesNotContain("takt-secret");
    awaitStatus(connector, s -> s.lastError() != null && s.lastError().contains("DOCTYPE"));
    assertThat(connector.status().state()).isEqualTo(ConnectorStatus.State.CONNECTING);
    assertThat(sink.signals()).isEmpty();
  }

  @Test
  void refusesAProbeLargerThanTheLimit() throws Exception {
    TestAgent agent = agent(200_000);
    MtConnectConnector connector = connect(agent, c -> c.maxDocumentSize(32 * 1024));

    awaitStatus(connector, s -> s.lastError() != null && s.lastError().contains("maxDocumentSize"));
    assertThat(Files.size(TestData.okumaMazakDevices())).isGreaterThan(32 * 1024);
    assertThat(connector.status().state()).isEqualTo(ConnectorStatus.State.CONNECTING);
    assertThat(sink.signals()).isEmpty();
    assertThat(sink.rejections()).first().satisfies(r -> assertThat(r.reason()).contains("larger"));
  }

  @Test
  void skipsAStreamPartLargerThanTheLimitAndReadsOn() throws Exception {
    TestAgent agent = agent(200_000);
    connect(agent, c -> c.maxDocumentSize(256 * 1024).count(200));
    awaitCurrent();

    String huge = "x".repeat(1_000_000);
    agent.inject(
        TestAgent.part(
            agent.streamsDocumentOf(
                "<Events><Program dataItemId=\"Lpprogram\""
                    + " timestamp=\"2022-08-08T14:00:00Z\" sequence=\"1\">"
                    + huge
                    + "</Program></Events>",
                "OKUMA")));
    agent.feed(recording.observations().subList(0, 1000));

    awaitAllOf(recording.observations().subList(0, 1000));
    assertThat(sink.rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("larger than maxDocumentSize"));
  }

  @Test
  void rejectsMalformedChunksAndReadsOn() throws Exception {
    TestAgent agent = agent(200_000);
    MtConnectConnector connector = connect(agent, c -> {});
    awaitCurrent();
    String good =
        agent.streamsDocumentOf(
            "<Events><Execution dataItemId=\"Lpexecution\" timestamp=\"2022-08-08T14:00:00Z\""
                + " sequence=\"1\">ACTIVE</Execution></Events>",
            "OKUMA");

    // a truncated document, then a document whose Content-length is garbled (read by boundary)
    agent.inject(TestAgent.part(good.substring(0, good.length() / 2)));
    agent.inject(
        "--"
            + TestAgent.BOUNDARY
            + "\r\nContent-type: text/xml\r\nContent-length: lots\r\n\r\n"
            + good
            + "\r\n");
    agent.feed(recording.observations().subList(0, 300));

    sink.awaitThat(
        "the recording's first 300 observations and the one good document",
        s -> s.signals().size() == devices.items().size() + 301,
        WAIT);
    assertThat(sink.rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("malformed XML"));
    assertThat(values(EXECUTION)).contains(text("ACTIVE"));
    assertThat(connector.status().rejected()).isEqualTo(1);
    assertThat(connector.status().reconnects()).isZero();
  }

  @Test
  void rejectsObservationsOfTheWrongTypeNanAndHugeTextsButKeepsTheRest() throws Exception {
    TestAgent agent = agent(200_000);
    MtConnectConnector connector = connect(agent, c -> {});
    awaitCurrent();

    String ts = " timestamp=\"2022-08-08T14:00:00Z\"";
    agent.inject(
        TestAgent.part(
            agent.streamsDocumentOf(
                "<Samples><Position dataItemId=\"LX1actm\""
                    + ts
                    + " sequence=\"1\">NaN</Position><RotaryVelocity dataItemId=\"LS1speed\""
                    + ts
                    + " sequence=\"2\">fast</RotaryVelocity></Samples><Events><PartCount"
                    + " dataItemId=\"Lppartcount\""
                    + ts
                    + " sequence=\"3\">many</PartCount><Program dataItemId=\"Lpprogram\""
                    + ts
                    + " sequence=\"4\">"
                    + "P".repeat(SignalValue.MAX_TEXT_LENGTH + 1)
                    + "</Program><Execution dataItemId=\"Lpexecution\""
                    + ts
                    + " sequence=\"5\">ACTIVE</Execution><Execution dataItemId=\"Lpexecution\""
                    + " timestamp=\"yesterday\" sequence=\"6\">READY</Execution></Events>",
                "OKUMA")));

    sink.awaitThat("the good observation", s -> s.signalsOf(EXECUTION).size() == 2, WAIT);
    assertThat(values(EXECUTION).getLast()).isEqualTo(text("ACTIVE"));
    assertThat(sink.rejections())
        .extracting(RecordingSink.Rejection::reason)
        .satisfiesExactly(
            r -> assertThat(r).contains("LX1actm").contains("not a finite number"),
            r -> assertThat(r).contains("LS1speed").contains("not a number"),
            r -> assertThat(r).contains("Lppartcount").contains("not a number"),
            r -> assertThat(r).contains("Lpprogram").contains("characters"),
            r -> assertThat(r).contains("Lpexecution").contains("timestamp"));
    assertThat(sink.rejections()).allMatch(r -> r.sample().length() <= 201);
    assertThat(connector.status().rejected()).isEqualTo(5);

    agent.feed(recording.observations().subList(0, 100));
    sink.awaitThat(
        "the stream goes on", s -> s.signals().size() == devices.items().size() + 101, WAIT);
  }

  // ---------------------------------------------------------------- helpers

  private TestAgent agent(int bufferSize) throws IOException {
    TestAgent agent = TestAgent.serving(devices, bufferSize);
    open.add(agent);
    return agent;
  }

  private MtConnectConnector connect(TestAgent agent, Consumer<MtConnectConfig.Builder> tweak) {
    MtConnectConfig.Builder config =
        MtConnectConfig.builder(agent.url())
            .sampleInterval(Duration.ofMillis(50))
            .heartbeat(Duration.ofSeconds(1))
            .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
            .requestTimeout(Duration.ofSeconds(10));
    tweak.accept(config);
    MtConnectConnector connector = new MtConnectConnector(config.build());
    open.add(connector);
    connector.start(sink);
    return connector;
  }

  /** The current document: every data item of both devices, UNAVAILABLE since the agent started. */
  private void awaitCurrent() {
    sink.awaitThat(
        "the initial state of every data item",
        s -> s.signals().size() == devices.items().size(),
        WAIT);
    assertThat(sink.signals()).allMatch(s -> s.value() instanceof SignalValue.Unavailable);
  }

  /**
   * Waits until, after the initial state, every data item has received exactly the recorded
   * observations, in order: nothing lost, nothing twice.
   */
  private void awaitAllOf(List<Shdr> fed) {
    Map<String, List<Instant>> expected = new LinkedHashMap<>();
    for (DeviceFile.Item item : devices.items()) {
      expected.put(item.id(), new ArrayList<>());
    }
    for (Shdr o : fed) {
      expected.get(o.item().id()).add(Instant.parse(o.timestamp()));
    }
    int total = devices.items().size() + fed.size();
    sink.awaitThat("all " + total + " signals", s -> s.signals().size() >= total, WAIT);
    Map<String, List<Instant>> actual = new LinkedHashMap<>();
    for (MachineSignal s : sink.signals()) {
      actual.computeIfAbsent(s.key().address(), k -> new ArrayList<>()).add(s.sourceTime());
    }
    assertThat(sink.signals()).hasSize(total);
    actual.replaceAll((address, times) -> times.subList(1, times.size()));
    assertThat(actual)
        .as("the signals of each data item after the initial state")
        .isEqualTo(expected);
  }

  private static void awaitStreaming(TestAgent agent) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (agent.requests().stream().noneMatch(r -> r.contains("interval="))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the connector never asked for a stream: " + agent.requests());
      }
      Thread.sleep(10);
    }
  }

  private static void awaitStatus(
      MtConnectConnector connector, java.util.function.Predicate<ConnectorStatus> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.test(connector.status())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("status never got there: " + connector.status());
      }
      Thread.sleep(10);
    }
  }

  private List<SignalValue> values(String address) {
    return sink.signalsOf(address).stream().map(MachineSignal::value).toList();
  }

  private static List<Instant> times(RecordingSink sink, String address) {
    return sink.signalsOf(address).stream().map(MachineSignal::sourceTime).toList();
  }

  private List<Instant> times(String address) {
    return times(sink, address);
  }

  private static Instant lastTimeOf(String dataItemId) {
    return recording.observations().stream()
        .filter(o -> o.item().id().equals(dataItemId))
        .map(o -> Instant.parse(o.timestamp()))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private static SignalValue text(String value) {
    return SignalValue.of(value);
  }

  private static List<SignalValue> prepend(
      SignalValue first, java.util.stream.Stream<SignalValue> rest) {
    List<SignalValue> all = new ArrayList<>();
    all.add(first);
    rest.forEach(all::add);
    return all;
  }

  /** One value of one SHDR key, read from the recording by a plain pattern (not the agent's). */
  private record Recorded(String time, String value) {}

  private static List<Recorded> recorded(String key) throws IOException {
    Pattern p = Pattern.compile("\\|" + Pattern.quote(key) + "\\|([^|]*)");
    List<Recorded> found = new ArrayList<>();
    for (String line : Files.readAllLines(TestData.okumaRecording())) {
      Matcher m = p.matcher(line);
      if (!line.isEmpty() && Character.isDigit(line.charAt(0)) && m.find()) {
        found.add(new Recorded(line.substring(0, line.indexOf('|')), m.group(1)));
      }
    }
    return found;
  }
}
