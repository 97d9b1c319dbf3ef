package dev.takt.connector.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.Metric.MetricBuilder;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.message.model.SparkplugBPayload.SparkplugBPayloadBuilder;

/**
 * A Sparkplug B edge node for the tests, its payloads built and encoded with Eclipse Tahu: one node
 * with a press as its device. It births with aliases, publishes device data by alias, answers a
 * rebirth request ({@code NCMD Node Control/Rebirth}) with new births, and leaves an NDEATH as its
 * last will.
 */
final class EdgeNode implements AutoCloseable {

  static final long SPINDLE_SPEED = 10;
  static final long PARTS_MADE = 11;
  static final long DOOR_OPEN = 12;

  final String group;
  final String node;
  final String device = "press-7";
  private final long bdSeq;
  private final Mqtt5AsyncClient client;
  private final List<String> commands = new ArrayList<>();
  private int seq;

  EdgeNode(String group, String node, long bdSeq) {
    this.group = group;
    this.node = node;
    this.bdSeq = bdSeq;
    this.client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(Broker.unique("edge"))
            .serverHost(Broker.HOST)
            .serverPort(Broker.PORT)
            .buildAsync();
  }

  /** Connects with its NDEATH as will and listens for commands. */
  EdgeNode connect() {
    client
        .connectWith()
        .willPublish()
        .topic(topic("NDEATH"))
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(encode(payload(null, metric("bdSeq", MetricDataType.Int64, bdSeq)), false))
        .applyWillPublish()
        .send()
        .join();
    client
        .subscribeWith()
        .topicFilter(topic("NCMD"))
        .qos(MqttQos.AT_LEAST_ONCE)
        .callback(this::command)
        .send()
        .join();
    return this;
  }

  String nodeSource() {
    return group + "/" + node;
  }

  String deviceSource() {
    return nodeSource() + "/" + device;
  }

  synchronized List<String> commands() {
    return List.copyOf(commands);
  }

  /** NBIRTH (seq 0, bdSeq, Node Control/Rebirth) then DBIRTH with the press's metrics. */
  synchronized CompletableFuture<?> birth() {
    seq = 0;
    SparkplugBPayload nbirth =
        payload(
            seq++,
            metric("bdSeq", MetricDataType.Int64, bdSeq),
            metric(SparkplugHost.REBIRTH_METRIC, MetricDataType.Boolean, false));
    SparkplugBPayload dbirth =
        payload(
            seq++,
            aliased("Spindle/Speed", SPINDLE_SPEED, MetricDataType.Double, 0.0),
            aliased("Parts/Made", PARTS_MADE, MetricDataType.Int64, 0L),
            aliased("Door/Open", DOOR_OPEN, MetricDataType.Boolean, false));
    publish(topic("NBIRTH"), encode(nbirth, false));
    return publish(deviceTopic("DBIRTH"), encode(dbirth, false));
  }

  /** DDATA with one metric by alias only, its datatype stripped as Sparkplug recommends. */
  synchronized void deviceData(long alias, MetricDataType type, Object value) {
    Metric metric = create(new MetricBuilder(alias, type, value));
    publish(deviceTopic("DDATA"), encode(payload(seq(), metric), true)).join();
  }

  /** DDATA built by hand from raw bytes (for bad input); takes the next sequence number. */
  synchronized void deviceDataRaw(
      java.util.function.LongFunction<byte[]> payloadForSequenceNumber) {
    publish(deviceTopic("DDATA"), payloadForSequenceNumber.apply(seq())).join();
  }

  synchronized void publishRaw(String type, byte[] payload) {
    publish(type.startsWith("D") ? deviceTopic(type) : topic(type), payload).join();
  }

  /** Loses a message: the next one carries a sequence number one too far. */
  synchronized void skipSequenceNumber() {
    seq();
  }

  private int seq() {
    int s = seq;
    seq = (seq + 1) % 256;
    return s;
  }

  private void command(Mqtt5Publish publish) {
    try {
      SparkplugBPayload payload =
          new SparkplugBPayloadDecoder()
              .buildFromByteArray(
                  publish.getPayloadAsBytes(), new org.eclipse.tahu.model.MetricDataTypeMap());
      for (Metric metric : payload.getMetrics()) {
        if (SparkplugHost.REBIRTH_METRIC.equals(metric.getName())
            && Boolean.TRUE.equals(metric.getValue())) {
          synchronized (this) {
            commands.add("rebirth");
          }
          birth(); // async: never block the client's own thread
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String topic(String type) {
    return "spBv1.0/" + group + "/" + type + "/" + node;
  }

  String deviceTopic(String type) {
    return topic(type) + "/" + device;
  }

  private CompletableFuture<?> publish(String topic, byte[] payload) {
    return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
  }

  @Override
  public void close() {
    client.disconnect(); // a clean DISCONNECT: the broker discards the will
  }

  static SparkplugBPayload payload(Integer seq, Metric... metrics) {
    SparkplugBPayloadBuilder builder = new SparkplugBPayloadBuilder().setTimestamp(new Date());
    if (seq != null) {
      builder.setSeq((long) seq);
    }
    for (Metric metric : metrics) {
      builder.addMetric(metric);
    }
    return builder.createPayload();
  }

  static Metric metric(String name, MetricDataType type, Object value) {
    return create(new MetricBuilder(name, type, value));
  }

  static Metric aliased(String name, long alias, MetricDataType type, Object value) {
    return create(new MetricBuilder(name, type, value).alias(alias));
  }

  static byte[] encode(SparkplugBPayload payload, boolean stripDatatypes) {
    try {
      return new SparkplugBPayloadEncoder().getBytes(payload, stripDatatypes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Metric create(MetricBuilder builder) {
    try {
      return builder.createMetric();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
