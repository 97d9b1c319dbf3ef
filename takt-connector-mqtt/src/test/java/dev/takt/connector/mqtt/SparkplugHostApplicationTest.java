package dev.takt.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.RecordingSink;
import dev.takt.connector.RecordingSink.StateChange;
import dev.takt.connector.SignalSink.SourceState;
import dev.takt.connector.SignalValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Takt as Sparkplug B host application against the real Mosquitto broker and an edge node built
 * with Eclipse Tahu. Each test uses its own group id, so tests do not hear each other.
 */
class SparkplugHostApplicationTest {

  private final String group = Broker.unique("line");
  private final String hostId = Broker.unique("takt");
  private final RecordingSink sink = new RecordingSink();
  private final List<AutoCloseable> closeAfter = new ArrayList<>();
  private MqttConnector host;

  @BeforeEach
  void brokerIsUp() {
    Broker.assumeReachable();
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeAfter.reversed()) {
      c.close();
    }
    if (host != null) {
      clearRetained("spBv1.0/STATE/" + hostId); // leave no retained STATE on the shared broker
    }
  }

  @Test
  void birthAndDataByAliasBecomeSignalsOfTheDevice() {
    startHost();
    EdgeNode edge = edge(1);

    edge.birth().join();
    edge.deviceData(EdgeNode.SPINDLE_SPEED, MetricDataType.Double, 1200.5);
    edge.deviceData(EdgeNode.PARTS_MADE, MetricDataType.Int64, 17L);

    awaitValue("Parts/Made", SignalValue.of(17));
    assertThat(sink.signalsOf("Spindle/Speed"))
        .extracting(MachineSignal::value)
        .containsExactly(SignalValue.of(0), SignalValue.of(1200.5));
    assertThat(sink.signalsOf("Parts/Made").getLast().key().source())
        .isEqualTo(edge.deviceSource());
    assertThat(sink.states())
        .contains(
            new StateChange(edge.nodeSource(), SourceState.ONLINE, "NBIRTH bdSeq=1"),
            new StateChange(edge.deviceSource(), SourceState.ONLINE, "DBIRTH"));
    assertThat(sink.rejections()).isEmpty();
  }

  @Test
  void aSequenceGapMakesTheHostAskForARebirthAndDataResumesAfterIt() {
    startHost();
    EdgeNode edge = edge(1);
    edge.birth().join();
    edge.deviceData(EdgeNode.PARTS_MADE, MetricDataType.Int64, 1L);

    edge.skipSequenceNumber();
    edge.deviceData(EdgeNode.PARTS_MADE, MetricDataType.Int64, 3L);

    sink.awaitThat(
        "the edge node births again", s -> countOnline(s, edge.nodeSource()) == 2, Broker.WAIT);
    assertThat(edge.commands()).containsExactly("rebirth");
    assertThat(sink.rejections())
        .anySatisfy(r -> assertThat(r.reason()).startsWith("sequence gap: expected 3, got 4"));
    edge.deviceData(EdgeNode.PARTS_MADE, MetricDataType.Int64, 4L);
    awaitValue("Parts/Made", SignalValue.of(4));
  }

  @Test
  void anEdgeNodeThatBirthedBeforeTakStartedIsAskedToBirthAgain() {
    EdgeNode edge = edge(1);
    edge.birth().join();
    startHost();

    edge.deviceData(EdgeNode.DOOR_OPEN, MetricDataType.Boolean, true);
    sink.awaitThat(
        "the edge node births again", s -> countOnline(s, edge.nodeSource()) == 1, Broker.WAIT);
    edge.deviceData(EdgeNode.DOOR_OPEN, MetricDataType.Boolean, true);

    awaitValue("Door/Open", SignalValue.of(true));
    assertThat(sink.rejections().getFirst().reason())
        .isEqualTo("DDATA before NBIRTH; rebirth requested");
  }

  @Test
  void anEdgeNodeDroppedWithoutDisconnectGoesOfflineByItsLastWill() throws Exception {
    startHost();
    String node = "crashing-edge";
    String topic = "spBv1.0/" + group + "/%s/" + node;
    byte[] death = EdgeNode.encode(EdgeNode.payload(null, bdSeq(7)), false);
    RawMqttClient edge =
        new RawMqttClient(Broker.unique("raw-edge"), topic.formatted("NDEATH"), death);
    edge.publish(
        topic.formatted("NBIRTH"),
        EdgeNode.encode(
            EdgeNode.payload(0, bdSeq(7), EdgeNode.metric("Mode", MetricDataType.String, "AUTO")),
            false));
    edge.publish(
        topic.formatted("DBIRTH") + "/oven-2",
        EdgeNode.encode(
            EdgeNode.payload(1, EdgeNode.metric("Zone1/Temp", MetricDataType.Float, 180.0f)),
            false));
    String deviceSource = group + "/" + node + "/oven-2";
    sink.awaitThat(
        "the oven is online",
        s -> s.states().stream().anyMatch(c -> c.source().equals(deviceSource)),
        Broker.WAIT);

    edge.close();

    sink.awaitThat(
        "node and device are offline",
        s ->
            s.states()
                .containsAll(
                    List.of(
                        new StateChange(deviceSource, SourceState.OFFLINE, "edge node NDEATH"),
                        new StateChange(
                            group + "/" + node, SourceState.OFFLINE, "NDEATH bdSeq=7"))),
        Broker.WAIT);
  }

  @Test
  void aLateDeathOfAnEarlierSessionDoesNotTakeTheNodeOffline() {
    startHost();
    EdgeNode edge = edge(5);
    edge.birth().join();

    edge.publishRaw("NDEATH", EdgeNode.encode(EdgeNode.payload(null, bdSeq(4)), false));
    edge.deviceData(EdgeNode.SPINDLE_SPEED, MetricDataType.Double, 900.0);

    awaitValue("Spindle/Speed", SignalValue.of(900));
    assertThat(sink.states()).noneMatch(c -> c.state() == SourceState.OFFLINE);
    assertThat(sink.rejections().getFirst().reason()).contains("does not match NBIRTH bdSeq=5");
  }

  @Test
  void badPayloadsAreCountedAndTheConnectionKeepsDelivering() {
    startHost();
    EdgeNode edge = edge(1);
    edge.birth().join();

    edge.publishRaw("DDATA", new byte[] {0x0A, (byte) 0xFF, (byte) 0xFF, 0x7F});
    edge.deviceDataRaw(seq -> raw(seq, Metric.newBuilder().setAlias(4711).setDoubleValue(1)));
    edge.deviceDataRaw(
        seq -> raw(seq, Metric.newBuilder().setAlias(EdgeNode.SPINDLE_SPEED).setStringValue("x")));
    edge.deviceDataRaw(
        seq ->
            raw(
                seq,
                Metric.newBuilder().setAlias(EdgeNode.SPINDLE_SPEED).setDoubleValue(Double.NaN)));
    edge.deviceDataRaw(
        seq ->
            raw(
                seq,
                Metric.newBuilder()
                    .setName("Alarm/Text")
                    .setDatatype(MetricDataType.String.toIntValue())
                    .setStringValue("x".repeat(1 << 20))));
    edge.deviceData(EdgeNode.SPINDLE_SPEED, MetricDataType.Double, 1500.0);

    sink.awaitThat(
        "good data after bad",
        s ->
            !s.signalsOf("Spindle/Speed").stream()
                .filter(x -> x.value().equals(SignalValue.of(1500.0)))
                .toList()
                .isEmpty(),
        Broker.WAIT);
    assertThat(sink.rejections())
        .extracting(RecordingSink.Rejection::reason)
        .satisfiesExactly(
            r -> assertThat(r).startsWith("not a Sparkplug B payload"),
            r -> assertThat(r).isEqualTo("unknown alias 4711"),
            r -> assertThat(r).contains("wrong type"),
            r -> assertThat(r).contains("not finite"),
            r -> assertThat(r).contains("more than"));
    assertThat(host.status().rejected()).isEqualTo(5);
    assertThat(sink.rejections()).allSatisfy(r -> assertThat(r.sample()).hasSizeLessThan(202));
  }

  @Test
  void publishesItsStateOnlineRetainedAndOfflineWhenItCloses() throws Exception {
    startHost();
    String stateTopic = "spBv1.0/STATE/" + hostId;

    assertThat(retained(stateTopic)).contains("\"online\":true");
    host.close();
    assertThat(retained(stateTopic)).contains("\"online\":false");
  }

  private void startHost() {
    host =
        new MqttConnector(
            Broker.config(Broker.unique("takt")).sparkplugHost(hostId, group).build());
    closeAfter.add(host);
    host.start(sink);
    Broker.awaitConnected(host);
  }

  private EdgeNode edge(long bdSeq) {
    EdgeNode edge = new EdgeNode(group, "edge-1", bdSeq).connect();
    closeAfter.add(edge);
    return edge;
  }

  private void awaitValue(String address, SignalValue value) {
    sink.awaitThat(
        address + " = " + value + " arrives",
        s -> s.signalsOf(address).stream().anyMatch(x -> x.value().equals(value)),
        Broker.WAIT);
  }

  private static long countOnline(RecordingSink sink, String source) {
    return sink.states().stream()
        .filter(c -> c.source().equals(source) && c.state() == SourceState.ONLINE)
        .count();
  }

  private static org.eclipse.tahu.message.model.Metric bdSeq(long value) {
    return EdgeNode.metric("bdSeq", MetricDataType.Int64, value);
  }

  private static byte[] raw(long seq, Metric.Builder metric) {
    return Payload.newBuilder().setSeq(seq).addMetrics(metric).build().toByteArray();
  }

  private static String retained(String topic) throws InterruptedException {
    Mqtt5BlockingClient probe = Broker.publisher();
    try (var publishes = probe.publishes(MqttGlobalPublishFilter.ALL)) {
      probe.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      Optional<Mqtt5Publish> state = publishes.receive(Broker.WAIT.toSeconds(), TimeUnit.SECONDS);
      return state.map(p -> new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)).orElse("");
    } finally {
      probe.disconnect();
    }
  }

  private static void clearRetained(String topic) {
    Mqtt5BlockingClient client = Broker.publisher();
    client.publishWith().topic(topic).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
    client.disconnect();
  }
}
