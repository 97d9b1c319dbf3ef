package dev.takt.connector.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.connector.BadSignalException;
import dev.takt.connector.Browsable.BrowseEntry;
import dev.takt.connector.ConnectorStatus.State;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.RecordingSink;
import dev.takt.connector.SignalQuality;
import dev.takt.connector.SignalSink.SourceState;
import dev.takt.connector.SignalValue;
import dev.takt.connector.opcua.OpcUaConfig.Deadband;
import dev.takt.connector.opcua.OpcUaConfig.Identity;
import dev.takt.connector.opcua.OpcUaConfig.MonitoredSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against a real Eclipse Milo server running in the test (see MiloTestServer). */
class OpcUaConnectorAgainstMiloServerTest {

  // Generous: waits end as soon as the condition holds, and a loaded 2-core CI machine (server,
  // client and other builds on it) once needed more than 15 s for one data change.
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String MILL = "mill-1";

  private MiloTestServer server;
  private final RecordingSink sink = new RecordingSink();
  private final List<OpcUaConnector> connectors = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = MiloTestServer.start();
  }

  @AfterEach
  void stopAll() throws Exception {
    connectors.forEach(OpcUaConnector::close);
    server.close();
  }

  @Test
  void deliversNumbersFlagsAndTextsAsSignalsOfTheirSource() {
    OpcUaConnector connector =
        started(millConfig("PartCount", "SpindleSpeed", "Program", "DoorOpen", "Alarm").build());

    awaitValue("PartCount", SignalValue.of(0));
    awaitValue("SpindleSpeed", SignalValue.of(1200.0));
    awaitValue("Program", SignalValue.of("O1000"));
    awaitValue("DoorOpen", SignalValue.of(false));
    awaitValue("Alarm", SignalValue.of("none"));

    MachineSignal speed = sink.signalsOf(server.nodeId("SpindleSpeed")).getFirst();
    assertThat(speed.key().source()).isEqualTo(MILL);
    assertThat(speed.quality()).isEqualTo(SignalQuality.GOOD);
    assertThat(speed.sourceTime()).isNotNull();
    assertThat(sink.states()).first().extracting(s -> s.state()).isEqualTo(SourceState.ONLINE);
    assertThat(connector.status().state()).isEqualTo(State.CONNECTED);
    sink.awaitThat("status counts the signals", s -> connector.status().signals() >= 5, WAIT);
  }

  @Test
  void deliversChangesInTheOrderTheMachineMadeThem() {
    started(millConfig("PartCount").build());
    awaitValue("PartCount", SignalValue.of(0));

    for (int count = 1; count <= 30; count++) {
      server.set("PartCount", Variant.ofInt32(count));
    }

    awaitValue("PartCount", SignalValue.of(30));
    assertThat(numbers("PartCount")).isSorted();
  }

  @Test
  void comesBackAfterTheServerRestartsAndReportsTheSourceOfflineMeanwhile() throws Exception {
    OpcUaConnector connector = started(millConfig("PartCount", "Program").build());
    awaitValue("PartCount", SignalValue.of(0));

    server.stop();
    sink.awaitThat(
        "the mill is reported offline",
        s -> s.states().stream().anyMatch(c -> c.state() == SourceState.OFFLINE),
        WAIT);
    assertThat(connector.status().state()).isIn(State.RECONNECTING, State.CONNECTING);
    server.set("PartCount", Variant.ofInt32(42));
    server.startAgain();

    awaitValue("PartCount", SignalValue.of(42));
    sink.awaitThat(
        "the mill is online again", s -> s.states().getLast().state() == SourceState.ONLINE, WAIT);
    assertThat(sink.states())
        .extracting(c -> c.state())
        .containsExactly(SourceState.ONLINE, SourceState.OFFLINE, SourceState.ONLINE);
    assertThat(connector.status().state()).isEqualTo(State.CONNECTED);
    assertThat(connector.status().reconnects()).isEqualTo(1);

    server.set("Program", Variant.ofString("O2000"));
    awaitValue("Program", SignalValue.of("O2000"));
  }

  @Test
  void keepsValuesWhileTheSinkRefusesAndDeliversThemLaterInOrder() {
    OpcUaConnector connector =
        started(
            millConfig()
                .signal(
                    MonitoredSignal.of(server.nodeId("PartCount"), MILL)
                        .withSamplingInterval(Duration.ZERO)
                        .withQueueSize(100))
                .build());
    awaitValue("PartCount", SignalValue.of(0));

    sink.refuse(true);
    for (int count = 1; count <= 10; count++) {
      server.set("PartCount", Variant.ofInt32(count));
    }
    server.set("Program", Variant.ofString("not monitored"));
    sink.refuse(false);

    awaitValue("PartCount", SignalValue.of(10));
    assertThat(numbers("PartCount")).isSorted().doesNotHaveDuplicates();
    sink.awaitThat(
        "the status counts what the sink took",
        s -> connector.status().signals() == s.signals().size(),
        WAIT);
  }

  @Test
  void pausesPublishingWhileTheSinkRefusesTooLongAndResumesWhenItTakesAgain() {
    started(
        millConfig()
            .bufferCapacity(4)
            .signal(
                MonitoredSignal.of(server.nodeId("PartCount"), MILL)
                    .withSamplingInterval(Duration.ZERO)
                    .withQueueSize(100))
            .build());
    awaitValue("PartCount", SignalValue.of(0));

    sink.refuse(true);
    for (int count = 1; count <= 4; count++) {
      server.set("PartCount", Variant.ofInt32(count));
      int sent = count;
      eventually("the connector keeps PartCount " + sent, () -> connectorKeeps(sent));
    }
    eventually("the server's publishing is paused", server::paused);
    for (int count = 5; count <= 20; count++) {
      server.set("PartCount", Variant.ofInt32(count));
    }
    sink.refuse(false);

    awaitValue("PartCount", SignalValue.of(20));
    eventually("the server publishes again", server::publishing);
    assertThat(numbers("PartCount")).isSorted().doesNotHaveDuplicates().startsWith(0.0, 1.0);
  }

  @Test
  void reportsABadStatusAsBadQualityWithoutValue() {
    started(millConfig("Temperature").build());
    awaitValue("Temperature", SignalValue.of(21.5));

    server.set("Temperature", new DataValue(Variant.ofDouble(99.0), new StatusCode(0x80000000L)));

    sink.awaitThat(
        "a bad temperature arrives",
        s ->
            s.signalsOf(server.nodeId("Temperature")).stream()
                .anyMatch(m -> m.quality() == SignalQuality.BAD),
        WAIT);
    MachineSignal bad = sink.signalsOf(server.nodeId("Temperature")).getLast();
    assertThat(bad.value()).isEqualTo(SignalValue.unavailable());
  }

  @Test
  void rejectsNaNHugeTextsAndUnsupportedTypesAndKeepsTheConnection() {
    OpcUaConnector connector =
        started(millConfig("SpindleSpeed", "Program", "DoorOpen", "Temperature").build());
    awaitValue("SpindleSpeed", SignalValue.of(1200.0));
    awaitValue("Program", SignalValue.of("O1000"));

    server.set("SpindleSpeed", Variant.ofDouble(Double.NaN));
    server.set("Temperature", Variant.ofDouble(Double.POSITIVE_INFINITY));
    server.set("Program", Variant.ofString("x".repeat(100_000)));
    server.set("DoorOpen", Variant.ofByteString(ByteString.of(new byte[] {1, 2, 3})));
    sink.awaitThat("four values are rejected", s -> s.rejections().size() >= 4, WAIT);

    server.set("SpindleSpeed", Variant.ofDouble(800.0));
    awaitValue("SpindleSpeed", SignalValue.of(800.0));
    assertThat(connector.status().rejected()).isGreaterThanOrEqualTo(4);
    assertThat(connector.status().state()).isEqualTo(State.CONNECTED);
    assertThat(sink.rejections())
        .allSatisfy(r -> assertThat(r.source()).isEqualTo(MILL))
        .allSatisfy(r -> assertThat(r.sample().length()).isLessThanOrEqualTo(201))
        .anySatisfy(r -> assertThat(r.reason()).contains("not finite"))
        .anySatisfy(r -> assertThat(r.reason()).contains("characters"))
        .anySatisfy(r -> assertThat(r.reason()).contains("ByteString"));
    assertThat(sink.signals())
        .noneMatch(s -> s.value() instanceof SignalValue.Text t && t.value().length() > 4096);
  }

  @Test
  void reportsMalformedAndUnknownNodeIdsOnceAndMonitorsTheOthers() {
    OpcUaConnector connector =
        started(
            millConfig("PartCount")
                .signal("this is not a node id", MILL)
                .signal(server.nodeId("NoSuchVariable"), MILL)
                .signal("nsu=urn:nobody:knows;s=Thing", MILL)
                .build());

    awaitValue("PartCount", SignalValue.of(0));
    sink.awaitThat("three signals are rejected", s -> s.rejections().size() == 3, WAIT);
    assertThat(sink.rejections())
        .extracting(r -> r.sample())
        .containsExactlyInAnyOrder(
            "this is not a node id",
            server.nodeId("NoSuchVariable"),
            "nsu=urn:nobody:knows;s=Thing");
    // the rejections come while the subscription is being built; the state follows after it
    sink.awaitThat(
        "the connector is connected", s -> connector.status().state() == State.CONNECTED, WAIT);
    assertThat(connector.status().rejected()).isEqualTo(3);
    assertThat(connector.status().lastError()).contains("signal ");
  }

  @Test
  void resolvesNodeIdsByNamespaceUri() {
    started(
        millConfig()
            .signal("nsu=" + MiloTestServer.NAMESPACE_URI + ";s=Mill.Program", MILL)
            .build());

    sink.awaitThat(
        "the program arrives",
        s ->
            s.signalsOf("nsu=" + MiloTestServer.NAMESPACE_URI + ";s=Mill.Program").stream()
                .anyMatch(m -> m.value().equals(SignalValue.of("O1000"))),
        WAIT);
  }

  @Test
  void reportsOnlyChangesBeyondTheAbsoluteDeadband() {
    started(
        millConfig("Temperature")
            .signal(
                MonitoredSignal.of(server.nodeId("SpindleSpeed"), MILL)
                    .withDeadband(Deadband.absolute(50.0)))
            .build());
    awaitValue("SpindleSpeed", SignalValue.of(1200.0));

    server.set("SpindleSpeed", Variant.ofDouble(1210.0));
    server.set("Temperature", Variant.ofDouble(30.0));
    awaitValue("Temperature", SignalValue.of(30.0));
    server.set("SpindleSpeed", Variant.ofDouble(1300.0));

    awaitValue("SpindleSpeed", SignalValue.of(1300.0));
    assertThat(numbers("SpindleSpeed")).containsExactly(1200.0, 1300.0);
  }

  @Test
  void logsInWithUserAndPassword() {
    OpcUaConnector connector =
        started(millConfig("PartCount").identity(Identity.user("operator", "secret")).build());

    awaitValue("PartCount", SignalValue.of(0));
    assertThat(connector.status().state()).isEqualTo(State.CONNECTED);
  }

  @Test
  void browsesFromTheObjectsFolderToTheVariablesWithTheirDataTypes() {
    OpcUaConnector connector = started(millConfig("PartCount").build());
    awaitValue("PartCount", SignalValue.of(0));

    List<BrowseEntry> objects = connector.browse(null);
    BrowseEntry mill =
        objects.stream().filter(e -> e.name().equals("Mill")).findFirst().orElseThrow();
    assertThat(mill.hasChildren()).isTrue();
    assertThat(objects).anyMatch(e -> e.name().equals("Server"));

    List<BrowseEntry> variables = connector.browse(mill.address());
    assertThat(variables)
        .extracting(BrowseEntry::name, BrowseEntry::address, BrowseEntry::dataType)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "SpindleSpeed", server.nodeId("SpindleSpeed"), "Double"),
            org.assertj.core.groups.Tuple.tuple("PartCount", server.nodeId("PartCount"), "Int32"),
            org.assertj.core.groups.Tuple.tuple("Program", server.nodeId("Program"), "String"));
    assertThat(variables).allSatisfy(v -> assertThat(v.hasChildren()).isFalse());
  }

  @Test
  void refusesToBrowseMalformedOrUnknownNodes() {
    OpcUaConnector connector = started(millConfig("PartCount").build());
    awaitValue("PartCount", SignalValue.of(0));

    assertThrows(BadSignalException.class, () -> connector.browse("ns=2;x=what"));
    assertThrows(BadSignalException.class, () -> connector.browse("ns=77;s=Nowhere"));
    assertThrows(BadSignalException.class, () -> connector.browse("x".repeat(10_000)));
    assertThat(connector.browse(null)).isNotEmpty();
  }

  @Test
  void reportsTheSourceOfflineWhenTheServerCannotBeReachedAtStart() throws Exception {
    server.stop();
    OpcUaConnector connector = started(millConfig("PartCount").build());

    sink.awaitThat(
        "the mill is reported offline",
        s -> s.states().stream().anyMatch(c -> c.state() == SourceState.OFFLINE),
        WAIT);
    assertThat(connector.status().state()).isEqualTo(State.CONNECTING);
    assertThat(connector.status().lastError()).isNotBlank();
    assertThrows(IllegalStateException.class, () -> connector.browse(null));

    server.startAgain();
    awaitValue("PartCount", SignalValue.of(0));
    assertThat(connector.status().reconnects()).isZero();

    connector.close();
    assertThat(connector.status().state()).isEqualTo(State.STOPPED);
    assertThat(sink.states().getLast().state()).isEqualTo(SourceState.OFFLINE);
  }

  // ------------------------------------------------------------------ helpers

  private OpcUaConfig.Builder millConfig(String... variables) {
    OpcUaConfig.Builder b =
        OpcUaConfig.builder(server.endpointUrl())
            .name("test-mill")
            .reconnectDelay(Duration.ofMillis(200), Duration.ofSeconds(1))
            .publishingInterval(Duration.ofMillis(100));
    for (String v : variables) {
      b.signal(server.nodeId(v), MILL);
    }
    return b;
  }

  private OpcUaConnector started(OpcUaConfig config) {
    OpcUaConnector connector = new OpcUaConnector(config);
    connectors.add(connector);
    connector.start(sink);
    return connector;
  }

  private void awaitValue(String variable, SignalValue value) {
    String nodeId = server.nodeId(variable);
    sink.awaitThat(
        variable + " is " + value,
        s -> s.signalsOf(nodeId).stream().anyMatch(m -> m.value().equals(value)),
        WAIT);
  }

  /** While the sink refuses it records nothing; the connector's queue shows what arrived. */
  private boolean connectorKeeps(int signals) {
    return connectors.getFirst().waitingSignals() >= signals;
  }

  private void eventually(String what, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after "
                + WAIT
                + " waiting until "
                + what
                + "; the connector: "
                + connectors.getFirst().status()
                + ", waiting signals "
                + connectors.getFirst().waitingSignals()
                + "; the server publishing: "
                + server.publishing()
                + ", paused: "
                + server.paused()
                + "; the sink took PartCount "
                + numbers("PartCount"));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private List<Double> numbers(String variable) {
    return sink.signalsOf(server.nodeId(variable)).stream()
        .map(MachineSignal::value)
        .filter(SignalValue.Numeric.class::isInstance)
        .map(v -> ((SignalValue.Numeric) v).value())
        .toList();
  }
}
