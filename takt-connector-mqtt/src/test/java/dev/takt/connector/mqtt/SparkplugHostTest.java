package dev.takt.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.connector.SignalQuality;
import dev.takt.connector.SignalSink.SourceState;
import dev.takt.connector.SignalValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertySet;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertyValue;
import org.junit.jupiter.api.Test;

/** The Sparkplug host's decoding rules, without a broker: one edge node "press-line/edge-1". */
class SparkplugHostTest {

  private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
  private static final String NODE = "spBv1.0/press-line/%s/edge-1";
  private static final String DEVICE = "spBv1.0/press-line/%s/edge-1/press-7";

  private final List<Runnable> stateRepublished = new ArrayList<>();
  private final SparkplugHost host = new SparkplugHost("takt", () -> stateRepublished.add(null));
  private final Recorded out = new Recorded();

  @Test
  void birthNamesTheAliasesThatDataUsesLaterWithoutDatatype() {
    nodeBirth(0, 1);
    deviceBirth(1, metric("Spindle/Speed", 10, MetricDataType.Double).setDoubleValue(0));

    device("DDATA", 2, Metric.newBuilder().setAlias(10).setDoubleValue(1200.5));

    assertThat(out.valueOf("Spindle/Speed")).isEqualTo(SignalValue.of(1200.5));
    assertThat(out.signals.getLast().key().source()).isEqualTo("press-line/edge-1/press-7");
    assertThat(out.states)
        .containsExactly(
            new Recorded.State("press-line/edge-1", SourceState.ONLINE),
            new Recorded.State("press-line/edge-1/press-7", SourceState.ONLINE));
    assertThat(out.rejections).isEmpty();
  }

  @Test
  void sequenceNumbersWrapFrom255To0() {
    nodeBirth(254, 1);
    node("NDATA", 255, metric("Temperature", 0, MetricDataType.Float).setFloatValue(21.5f));
    node("NDATA", 0, metric("Temperature", 0, MetricDataType.Float).setFloatValue(22.5f));

    assertThat(out.rejections).isEmpty();
    assertThat(out.commands).isEmpty();
    assertThat(out.valueOf("Temperature")).isEqualTo(SignalValue.of(22.5));
  }

  @Test
  void aSequenceGapRequestsOneRebirthAndStillDeliversTheData() {
    nodeBirth(0, 1);

    node("NDATA", 5, metric("Temperature", 0, MetricDataType.Double).setDoubleValue(80));
    node("NDATA", 7, metric("Temperature", 0, MetricDataType.Double).setDoubleValue(81));

    assertThat(out.valueOf("Temperature")).isEqualTo(SignalValue.of(81.0));
    assertThat(out.rejections)
        .extracting(Recorded.Rejection::reason)
        .hasSize(2)
        .allMatch(r -> r.startsWith("sequence gap"));
    assertThat(out.commands).hasSize(1);
    assertThat(out.commands.getFirst().topic()).isEqualTo("spBv1.0/press-line/NCMD/edge-1");
    assertThat(rebirthRequested(out.commands.getFirst().payload())).isTrue();
  }

  @Test
  void dataFromANodeNotBornHereRequestsARebirth() {
    node("NDATA", 3, metric("Temperature", 0, MetricDataType.Double).setDoubleValue(80));

    assertThat(out.signals).isEmpty();
    assertThat(out.rejections)
        .extracting(Recorded.Rejection::reason)
        .containsExactly("NDATA before NBIRTH; rebirth requested");
    assertThat(out.commands).hasSize(1);
  }

  @Test
  void deathWithTheBirthsBdSeqTakesNodeAndDevicesOffline() {
    nodeBirth(0, 4);
    deviceBirth(1, metric("Door/Open", 3, MetricDataType.Boolean).setBooleanValue(false));

    node("NDEATH", -1, metric("bdSeq", 0, MetricDataType.Int64).setLongValue(4));

    assertThat(out.states)
        .endsWith(
            new Recorded.State("press-line/edge-1/press-7", SourceState.OFFLINE),
            new Recorded.State("press-line/edge-1", SourceState.OFFLINE));
  }

  @Test
  void aLateDeathOfAnEarlierSessionIsIgnored() {
    nodeBirth(0, 4);

    node("NDEATH", -1, metric("bdSeq", 0, MetricDataType.Int64).setLongValue(3));

    assertThat(out.states)
        .containsExactly(new Recorded.State("press-line/edge-1", SourceState.ONLINE));
    assertThat(out.rejections.getFirst().reason()).contains("does not match");
  }

  @Test
  void mapsScalarDatatypesToSignalValues() {
    nodeBirth(
        0,
        1,
        metric("i8", 1, MetricDataType.Int8).setIntValue(-1),
        metric("i32", 2, MetricDataType.Int32).setIntValue(-70000),
        metric("u16", 3, MetricDataType.UInt16).setIntValue(65535),
        metric("u32", 4, MetricDataType.UInt32).setLongValue(4_000_000_000L),
        metric("i64", 5, MetricDataType.Int64).setLongValue(-5),
        metric("u64", 6, MetricDataType.UInt64).setLongValue(-1),
        metric("flag", 7, MetricDataType.Boolean).setBooleanValue(true),
        metric("program", 8, MetricDataType.String).setStringValue("O1234"),
        metric("none", 9, MetricDataType.Double).setIsNull(true),
        metric("when", 10, MetricDataType.DateTime).setLongValue(NOW.toEpochMilli()));

    assertThat(out.valueOf("i8")).isEqualTo(SignalValue.of(-1.0));
    assertThat(out.valueOf("i32")).isEqualTo(SignalValue.of(-70000.0));
    assertThat(out.valueOf("u16")).isEqualTo(SignalValue.of(65535.0));
    assertThat(out.valueOf("u32")).isEqualTo(SignalValue.of(4_000_000_000.0));
    assertThat(out.valueOf("i64")).isEqualTo(SignalValue.of(-5.0));
    assertThat(out.valueOf("u64")).isEqualTo(SignalValue.of(18446744073709551615.0));
    assertThat(out.valueOf("flag")).isEqualTo(SignalValue.of(true));
    assertThat(out.valueOf("program")).isEqualTo(SignalValue.of("O1234"));
    assertThat(out.valueOf("none")).isEqualTo(SignalValue.unavailable());
    assertThat(out.valueOf("when")).isEqualTo(SignalValue.of(NOW.toString()));
    assertThat(out.rejections).isEmpty();
  }

  @Test
  void rejectsUnknownAliasesWrongTypesNanAndHugeTextsOneMetricAtATime() {
    nodeBirth(0, 1, metric("Temperature", 1, MetricDataType.Double).setDoubleValue(20));

    node(
        "NDATA",
        1,
        Metric.newBuilder().setAlias(99).setDoubleValue(1),
        Metric.newBuilder().setAlias(1).setBooleanValue(true),
        Metric.newBuilder().setAlias(1).setDoubleValue(Double.NaN),
        metric("Alarm/Text", 0, MetricDataType.String).setStringValue("x".repeat(1 << 20)),
        Metric.newBuilder().setAlias(1).setDoubleValue(21));

    assertThat(out.rejections)
        .extracting(Recorded.Rejection::reason)
        .satisfiesExactly(
            r -> assertThat(r).isEqualTo("unknown alias 99"),
            r -> assertThat(r).contains("wrong type"),
            r -> assertThat(r).contains("not finite"),
            r -> assertThat(r).contains("more than"));
    assertThat(out.valueOf("Temperature")).isEqualTo(SignalValue.of(21.0));
  }

  @Test
  void rejectsPayloadsThatAreNotSparkplugProtobuf() {
    host.decode(
        NODE.formatted("NDATA"), new byte[] {0x0A, (byte) 0xFF, (byte) 0xFF, 0x7F}, NOW, out);

    assertThat(out.rejections.getFirst().reason()).startsWith("not a Sparkplug B payload");
  }

  @Test
  void takesTheQualityPropertyIntoTheSignal() {
    nodeBirth(
        0,
        1,
        metric("Temperature", 1, MetricDataType.Double)
            .setDoubleValue(20)
            .setProperties(
                PropertySet.newBuilder()
                    .addKeys("Quality")
                    .addValues(PropertyValue.newBuilder().setType(3).setIntValue(0))));

    assertThat(out.signals.getFirst().quality()).isEqualTo(SignalQuality.BAD);
  }

  @Test
  void republishesItsStateWhenTheBrokerShowsItOffline() {
    host.decode("spBv1.0/STATE/takt", "{\"online\":false,\"timestamp\":1}".getBytes(), NOW, out);
    host.decode("spBv1.0/STATE/other", "{\"online\":false,\"timestamp\":1}".getBytes(), NOW, out);

    assertThat(stateRepublished).hasSize(1);
  }

  private void nodeBirth(long seq, long bdSeq, Metric.Builder... metrics) {
    List<Metric.Builder> all = new ArrayList<>(List.of(metrics));
    all.add(metric("bdSeq", 0, MetricDataType.Int64).setLongValue(bdSeq));
    all.add(metric(SparkplugHost.REBIRTH_METRIC, 0, MetricDataType.Boolean).setBooleanValue(false));
    node("NBIRTH", seq, all.toArray(Metric.Builder[]::new));
  }

  private void deviceBirth(long seq, Metric.Builder... metrics) {
    device("DBIRTH", seq, metrics);
  }

  private void node(String type, long seq, Metric.Builder... metrics) {
    host.decode(NODE.formatted(type), payload(seq, metrics), NOW, out);
  }

  private void device(String type, long seq, Metric.Builder... metrics) {
    host.decode(DEVICE.formatted(type), payload(seq, metrics), NOW, out);
  }

  private static byte[] payload(long seq, Metric.Builder... metrics) {
    Payload.Builder payload = Payload.newBuilder().setTimestamp(NOW.toEpochMilli());
    if (seq >= 0) {
      payload.setSeq(seq);
    }
    for (Metric.Builder m : metrics) {
      payload.addMetrics(m);
    }
    return payload.build().toByteArray();
  }

  private static Metric.Builder metric(String name, long alias, MetricDataType type) {
    Metric.Builder m = Metric.newBuilder().setName(name).setDatatype(type.toIntValue());
    return alias > 0 ? m.setAlias(alias) : m;
  }

  private static boolean rebirthRequested(byte[] bytes) {
    try {
      Metric m = Payload.parseFrom(bytes).getMetrics(0);
      return m.getName().equals(SparkplugHost.REBIRTH_METRIC) && m.getBooleanValue();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
