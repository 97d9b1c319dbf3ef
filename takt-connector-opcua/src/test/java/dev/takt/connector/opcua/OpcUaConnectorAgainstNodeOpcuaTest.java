package dev.takt.connector.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.connector.BadSignalException;
import dev.takt.connector.Browsable.BrowseEntry;
import dev.takt.connector.ConnectorStatus.State;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.RecordingSink;
import dev.takt.connector.SignalSink.SourceState;
import dev.takt.connector.SignalValue;
import dev.takt.connector.opcua.OpcUaConfig.SecurityMode;
import dev.takt.connector.opcua.OpcUaConfig.SecurityPolicy;
import dev.takt.connector.opcua.OpcUaConfig.ServerTrust;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The connector against node-opcua, an OPC UA server that is not ours (src/test/node/server.js):
 * its values change by themselves every 100 ms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpcUaConnectorAgainstNodeOpcuaTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PRESS = "press-7";

  private NodeOpcuaServer server;
  private OpcUaConnector connector;
  private RecordingSink sink;

  @BeforeAll
  void startServer() throws Exception {
    server = NodeOpcuaServer.startOrSkip();
  }

  @AfterAll
  void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void newSink() {
    sink = new RecordingSink();
  }

  @AfterEach
  void closeConnector() {
    if (connector != null) {
      connector.close();
    }
  }

  @Test
  void readsACounterADoubleAStringAndABooleanAsTheirSignalTypes() {
    connector = started("Counter", "Speed", "Program", "Running");

    sink.awaitThat(
        "the counter has counted three times", s -> numbers(s, "Counter").size() >= 3, WAIT);
    awaitType("Speed", SignalValue.Numeric.class);
    awaitType("Program", SignalValue.Text.class);
    awaitType("Running", SignalValue.Flag.class);
    assertThat(numbers(sink, "Counter")).isSorted().doesNotHaveDuplicates();
    assertThat(sink.signalsOf(node("Program")).getFirst().value())
        .isInstanceOfSatisfying(
            SignalValue.Text.class, t -> assertThat(t.value()).startsWith("O1"));
    assertThat(sink.states()).extracting(c -> c.state()).containsExactly(SourceState.ONLINE);
  }

  @Test
  void rejectsNaNInfinityUnsupportedTypesAndHugeTextsAndKeepsReading() {
    connector = started("Broken", "Matrix", "Huge", "Counter");

    sink.awaitThat(
        "NaN, infinity, a byte string and a huge text are rejected",
        s ->
            s.rejections().stream().anyMatch(r -> r.reason().contains("NaN"))
                && s.rejections().stream().anyMatch(r -> r.reason().contains("Infinity"))
                && s.rejections().stream().anyMatch(r -> r.reason().contains("ByteString"))
                && s.rejections().stream().anyMatch(r -> r.reason().contains("characters")),
        WAIT);
    awaitValue("Broken", SignalValue.of(42.0));
    int counted = numbers(sink, "Counter").size();
    sink.awaitThat("the counter goes on", s -> numbers(s, "Counter").size() > counted, WAIT);

    assertThat(connector.status().rejected()).isGreaterThanOrEqualTo(4);
    assertThat(connector.status().state()).isEqualTo(State.CONNECTED);
    assertThat(sink.signalsOf(node("Huge"))).isEmpty();
    assertThat(sink.signalsOf(node("Matrix"))).isEmpty();
  }

  @Test
  void browsesTheMachineOfNodeOpcua() {
    connector = started("Counter");
    awaitType("Counter", SignalValue.Numeric.class);

    BrowseEntry machine =
        connector.browse(null).stream()
            .filter(e -> e.name().equals("Machine"))
            .findFirst()
            .orElseThrow();
    assertThat(machine.hasChildren()).isTrue();
    List<BrowseEntry> variables = connector.browse(machine.address());
    assertThat(variables)
        .extracting(BrowseEntry::name, BrowseEntry::dataType)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Counter", "UInt32"),
            org.assertj.core.groups.Tuple.tuple("Speed", "Double"),
            org.assertj.core.groups.Tuple.tuple("Program", "String"),
            org.assertj.core.groups.Tuple.tuple("Running", "Boolean"));
    assertThrows(BadSignalException.class, () -> connector.browse("ns=1;s=NoSuchMachine"));
  }

  @Test
  void signsAndEncryptsWithBasic256Sha256WhenTheServerCertificateIsTrusted() throws Exception {
    X509Certificate serverCertificate = serverCertificate();
    connector =
        started(
            config("Counter")
                .security(SecurityPolicy.BASIC256SHA256, SecurityMode.SIGN_AND_ENCRYPT)
                .serverTrust(new ServerTrust.TrustList(List.of(serverCertificate)))
                .build());

    awaitType("Counter", SignalValue.Numeric.class);
    assertThat(connector.status().state()).isEqualTo(State.CONNECTED);
  }

  @Test
  void refusesAServerWhoseCertificateIsNotTrusted() {
    connector =
        started(
            config("Counter")
                .security(SecurityPolicy.AES128_SHA256_RSAOAEP, SecurityMode.SIGN_AND_ENCRYPT)
                .build());

    sink.awaitThat(
        "the press is reported offline",
        s -> s.states().stream().anyMatch(c -> c.state() == SourceState.OFFLINE),
        WAIT);
    assertThat(connector.status().state()).isEqualTo(State.CONNECTING);
    assertThat(connector.status().lastError()).contains("not trusted");
    assertThat(sink.signals()).isEmpty();
  }

  @Test
  void comesBackAfterNodeOpcuaIsKilledAndStartedAgain() throws Exception {
    connector = started("Counter", "Program");
    awaitType("Counter", SignalValue.Numeric.class);

    server.kill();
    sink.awaitThat(
        "the press is reported offline",
        s -> s.states().getLast().state() == SourceState.OFFLINE,
        WAIT);
    int before = sink.signalsOf(node("Counter")).size();
    server.start();

    sink.awaitThat(
        "the press is online again and counts",
        s ->
            s.states().getLast().state() == SourceState.ONLINE
                && s.signalsOf(node("Counter")).size() > before + 2,
        WAIT);
    assertThat(sink.states())
        .extracting(c -> c.state())
        .containsExactly(SourceState.ONLINE, SourceState.OFFLINE, SourceState.ONLINE);
    assertThat(connector.status().reconnects()).isEqualTo(1);
    assertThat(connector.status().state()).isEqualTo(State.CONNECTED);
  }

  // ------------------------------------------------------------------ helpers

  private OpcUaConnector started(String... variables) {
    return started(config(variables).build());
  }

  private OpcUaConnector started(OpcUaConfig config) {
    OpcUaConnector c = new OpcUaConnector(config);
    c.start(sink);
    return c;
  }

  private OpcUaConfig.Builder config(String... variables) {
    OpcUaConfig.Builder b =
        OpcUaConfig.builder(server.endpointUrl())
            .name("node-opcua")
            .reconnectDelay(Duration.ofMillis(200), Duration.ofSeconds(1))
            .publishingInterval(Duration.ofMillis(100));
    for (String v : variables) {
      b.signal(node(v), PRESS);
    }
    return b;
  }

  /** The certificate node-opcua made for itself, as an integrator would export and trust it. */
  private X509Certificate serverCertificate() throws Exception {
    return DiscoveryClient.getEndpoints(server.endpointUrl()).get(30, TimeUnit.SECONDS).stream()
        .filter(e -> e.getServerCertificate() != null && e.getServerCertificate().isNotNull())
        .map(e -> e.getServerCertificate().bytesOrEmpty())
        .findFirst()
        .map(
            bytes -> {
              try {
                return CertificateUtil.decodeCertificate(bytes);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .orElseThrow();
  }

  private static String node(String variable) {
    return "ns=1;s=Machine." + variable;
  }

  private void awaitType(String variable, Class<? extends SignalValue> type) {
    sink.awaitThat(
        variable + " arrives as " + type.getSimpleName(),
        s -> s.signalsOf(node(variable)).stream().anyMatch(m -> type.isInstance(m.value())),
        WAIT);
  }

  private void awaitValue(String variable, SignalValue value) {
    sink.awaitThat(
        variable + " is " + value,
        s -> s.signalsOf(node(variable)).stream().anyMatch(m -> m.value().equals(value)),
        WAIT);
  }

  private static List<Double> numbers(RecordingSink sink, String variable) {
    return sink.signalsOf(node(variable)).stream()
        .map(MachineSignal::value)
        .filter(SignalValue.Numeric.class::isInstance)
        .map(v -> ((SignalValue.Numeric) v).value())
        .toList();
  }
}
