package dev.takt.connector.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takt.connector.BadSignalException;
import dev.takt.connector.ConnectorCounters;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalKey;
import dev.takt.connector.SignalSink.SourceState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;

/**
 * The Sparkplug B host application's view of the edge nodes it hears: which are born, their metric
 * aliases, their sequence numbers and birth/death sequence (bdSeq). Decodes each message with
 * Tahu's protobuf classes into signals and source states.
 *
 * <p>An edge node is born with its NBIRTH (metric names, aliases and datatypes, sequence number,
 * bdSeq; the node goes ONLINE), its devices with their DBIRTHs. Every later message of the node but
 * NDEATH carries the next sequence number (0-255, wrapping). On a gap, or on data from a node or
 * device that has not been born here (Takt started after the birth, or the birth was lost), the
 * host publishes a rebirth request ({@code NCMD}, metric {@code Node Control/Rebirth} = true), at
 * most once per {@link #REBIRTH_RETRY} until the NBIRTH comes, and reports the gap as a rejection.
 * Data after a gap is still delivered when its aliases are known: the stream lost a message, not
 * the values that follow. A node dies with an NDEATH (usually the broker's last will) whose bdSeq
 * matches its NBIRTH; an NDEATH with another bdSeq is a late will of an earlier session and is
 * ignored. Death takes the node and all its devices OFFLINE.
 *
 * <p>Not thread-safe: one delivery thread calls it, in message order.
 */
final class SparkplugHost {

  static final String NAMESPACE = "spBv1.0";
  static final String REBIRTH_METRIC = "Node Control/Rebirth";
  static final Duration REBIRTH_RETRY = Duration.ofSeconds(5);

  private record MetricDef(String name, int datatype) {}

  private static final class Definitions {
    final Map<Long, MetricDef> byAlias = new HashMap<>();
    final Map<String, MetricDef> byName = new HashMap<>();
  }

  private static final class Device {
    boolean online;
    Definitions metrics = new Definitions();
  }

  private static final class EdgeNode {
    final String group;
    final String node;
    boolean born;
    Long bdSeq;
    int nextSeq;
    Instant rebirthRequestedAt;
    Definitions metrics = new Definitions();
    final Map<String, Device> devices = new LinkedHashMap<>();

    EdgeNode(String group, String node) {
      this.group = group;
      this.node = node;
    }

    String source() {
      return group + "/" + node;
    }
  }

  private final String hostId;
  private final Runnable republishState;
  private final Map<String, EdgeNode> nodes = new HashMap<>();
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param hostId this host application's id
   * @param republishState called when the broker shows this host as offline while it is connected
   */
  SparkplugHost(String hostId, Runnable republishState) {
    this.hostId = hostId;
    this.republishState = republishState;
  }

  static boolean handles(String topic) {
    return topic.startsWith(NAMESPACE + "/");
  }

  void decode(String topic, byte[] bytes, Instant receivedAt, Decoded out) {
    String[] levels = topic.split("/", -1);
    if (levels.length == 3 && levels[1].equals("STATE")) {
      hostState(levels[2], bytes);
      return;
    }
    if (levels.length < 4 || levels.length > 5) {
      out.rejected(topic, "not a Sparkplug B topic", "");
      return;
    }
    String type = levels[2];
    if (type.equals("NCMD") || type.equals("DCMD")) {
      return; // commands from hosts (ours among them) to edge nodes
    }
    EdgeNode node = nodes.get(levels[1] + "/" + levels[3]);
    String group = levels[1];
    String nodeId = levels[3];
    String device = levels.length == 5 ? levels[4] : null;
    String source = group + "/" + nodeId + (device != null ? "/" + device : "");
    if (device == null && !type.startsWith("N") || device != null && !type.startsWith("D")) {
      out.rejected(source, "message type " + type + " does not fit the topic", "");
      return;
    }
    Payload payload;
    try {
      payload = Payload.parseFrom(bytes);
    } catch (Exception e) {
      out.rejected(source, "not a Sparkplug B payload: " + e.getMessage(), hex(bytes));
      return;
    }
    if (node == null) {
      node = new EdgeNode(group, nodeId);
      nodes.put(group + "/" + nodeId, node);
    }
    switch (type) {
      case "NBIRTH" -> nodeBirth(node, payload, receivedAt, out);
      case "NDEATH" -> nodeDeath(node, payload, receivedAt, out);
      case "NDATA" -> {
        if (inSequence(node, type, source, payload, receivedAt, out)) {
          metrics(source, node.metrics, payload, receivedAt, out);
        }
      }
      case "DBIRTH" -> {
        if (inSequence(node, type, source, payload, receivedAt, out)) {
          deviceBirth(node, device, payload, receivedAt, out);
        }
      }
      case "DDATA" -> {
        if (inSequence(node, type, source, payload, receivedAt, out)) {
          Device d = node.devices.get(device);
          if (d == null || !d.online) {
            out.rejected(source, "DDATA before DBIRTH; rebirth requested", "");
            requestRebirth(node, receivedAt, out);
          } else {
            metrics(source, d.metrics, payload, receivedAt, out);
          }
        }
      }
      case "DDEATH" -> {
        if (inSequence(node, type, source, payload, receivedAt, out)) {
          Device d = node.devices.get(device);
          if (d != null) {
            d.online = false;
          }
          out.sourceState(source, SourceState.OFFLINE, "DDEATH", receivedAt);
        }
      }
      default -> out.rejected(source, "unknown Sparkplug message type " + type, "");
    }
  }

  private void nodeBirth(EdgeNode node, Payload payload, Instant at, Decoded out) {
    String source = node.source();
    if (!payload.hasSeq()) {
      out.rejected(source, "NBIRTH without sequence number", "");
      return;
    }
    Definitions defs = new Definitions();
    if (!births(source, defs, payload, out)) {
      return;
    }
    node.born = true;
    node.bdSeq = bdSeq(payload);
    node.nextSeq = (int) ((payload.getSeq() + 1) % 256);
    node.rebirthRequestedAt = null;
    node.metrics = defs;
    // Aliases may change with a rebirth: devices must be born again before their data counts.
    node.devices.values().forEach(d -> d.metrics = new Definitions());
    out.sourceState(source, SourceState.ONLINE, "NBIRTH bdSeq=" + node.bdSeq, at);
    metrics(source, defs, payload, at, out);
  }

  private void deviceBirth(
      EdgeNode node, String deviceId, Payload payload, Instant at, Decoded out) {
    String source = node.source() + "/" + deviceId;
    Definitions defs = new Definitions();
    if (!births(source, defs, payload, out)) {
      return;
    }
    Device device = node.devices.computeIfAbsent(deviceId, k -> new Device());
    device.metrics = defs;
    device.online = true;
    out.sourceState(source, SourceState.ONLINE, "DBIRTH", at);
    metrics(source, defs, payload, at, out);
  }

  /** Reads metric definitions from a birth; a metric without name or datatype is rejected. */
  private static boolean births(String source, Definitions defs, Payload payload, Decoded out) {
    for (Metric metric : payload.getMetricsList()) {
      if (!metric.hasName() || metric.getName().isEmpty() || !metric.hasDatatype()) {
        out.rejected(
            source,
            "birth metric without name or datatype",
            ConnectorCounters.sample(metric.toString()));
        continue;
      }
      MetricDef def = new MetricDef(metric.getName(), metric.getDatatype());
      defs.byName.put(def.name(), def);
      if (metric.hasAlias()) {
        MetricDef before = defs.byAlias.put(metric.getAlias(), def);
        if (before != null) {
          out.rejected(
              source,
              "alias " + metric.getAlias() + " used twice: " + before.name() + ", " + def.name(),
              "");
        }
      }
    }
    return true;
  }

  private void nodeDeath(EdgeNode node, Payload payload, Instant at, Decoded out) {
    Long bdSeq = bdSeq(payload);
    if (node.bdSeq != null && bdSeq != null && !node.bdSeq.equals(bdSeq)) {
      out.rejected(
          node.source(),
          "NDEATH bdSeq=" + bdSeq + " does not match NBIRTH bdSeq=" + node.bdSeq + "; ignored",
          "");
      return;
    }
    node.born = false;
    for (Map.Entry<String, Device> device : node.devices.entrySet()) {
      if (device.getValue().online) {
        device.getValue().online = false;
        out.sourceState(
            node.source() + "/" + device.getKey(), SourceState.OFFLINE, "edge node NDEATH", at);
      }
    }
    out.sourceState(node.source(), SourceState.OFFLINE, "NDEATH bdSeq=" + bdSeq, at);
  }

  /**
   * Checks that the node is born and {@code payload} carries the next sequence number. Returns
   * whether the message's data may be used.
   */
  private boolean inSequence(
      EdgeNode node, String type, String source, Payload payload, Instant at, Decoded out) {
    if (!node.born) {
      out.rejected(source, type + " before NBIRTH; rebirth requested", "");
      requestRebirth(node, at, out);
      return false;
    }
    if (!payload.hasSeq() || payload.getSeq() < 0 || payload.getSeq() > 255) {
      out.rejected(source, type + " without a valid sequence number", "");
      return false;
    }
    int seq = (int) payload.getSeq();
    if (seq != node.nextSeq) {
      out.rejected(
          node.source(),
          "sequence gap: expected " + node.nextSeq + ", got " + seq + "; rebirth requested",
          "");
      requestRebirth(node, at, out);
    }
    node.nextSeq = (seq + 1) % 256;
    return true;
  }

  private void requestRebirth(EdgeNode node, Instant at, Decoded out) {
    if (node.rebirthRequestedAt != null
        && at.isBefore(node.rebirthRequestedAt.plus(REBIRTH_RETRY))) {
      return;
    }
    node.rebirthRequestedAt = at;
    out.command(
        NAMESPACE + "/" + node.group + "/NCMD/" + node.node, rebirthRequest(at.toEpochMilli()));
  }

  static byte[] rebirthRequest(long timestamp) {
    return Payload.newBuilder()
        .setTimestamp(timestamp)
        .addMetrics(
            Metric.newBuilder()
                .setName(REBIRTH_METRIC)
                .setTimestamp(timestamp)
                .setDatatype(MetricDataType.Boolean.toIntValue())
                .setBooleanValue(true))
        .build()
        .toByteArray();
  }

  private static void metrics(
      String source, Definitions defs, Payload payload, Instant receivedAt, Decoded out) {
    Instant payloadTime =
        payload.hasTimestamp() ? Instant.ofEpochMilli(payload.getTimestamp()) : null;
    for (Metric metric : payload.getMetricsList()) {
      MetricDef def;
      if (metric.hasName() && !metric.getName().isEmpty()) {
        def = defs.byName.get(metric.getName());
        if (def == null) {
          def = new MetricDef(metric.getName(), metric.hasDatatype() ? metric.getDatatype() : -1);
        }
      } else if (metric.hasAlias()) {
        def = defs.byAlias.get(metric.getAlias());
        if (def == null) {
          out.rejected(source, "unknown alias " + metric.getAlias(), "");
          continue;
        }
      } else {
        out.rejected(source, "metric without name or alias", "");
        continue;
      }
      if (def.name().equals("bdSeq") || def.name().startsWith("Node Control/")) {
        continue; // protocol bookkeeping, not machine data
      }
      int datatype = metric.hasDatatype() ? metric.getDatatype() : def.datatype();
      try {
        Instant sourceTime =
            metric.hasTimestamp() ? Instant.ofEpochMilli(metric.getTimestamp()) : payloadTime;
        out.signal(
            new MachineSignal(
                new SignalKey(source, def.name()),
                SparkplugValues.value(metric, datatype),
                SparkplugValues.quality(metric),
                sourceTime,
                receivedAt));
      } catch (BadSignalException e) {
        out.rejected(
            source,
            ConnectorCounters.sample(def.name()) + ": " + e.getMessage(),
            ConnectorCounters.sample(metric.toString()));
      }
    }
  }

  private static Long bdSeq(Payload payload) {
    for (Metric metric : payload.getMetricsList()) {
      if ("bdSeq".equals(metric.getName())) {
        return switch (metric.getValueCase()) {
          case LONG_VALUE -> metric.getLongValue();
          case INT_VALUE -> Integer.toUnsignedLong(metric.getIntValue());
          default -> null;
        };
      }
    }
    return null;
  }

  private void hostState(String stateHostId, byte[] bytes) {
    if (!stateHostId.equals(hostId)) {
      return;
    }
    try {
      JsonNode state = json.readTree(bytes);
      if (state != null && state.path("online").isBoolean() && !state.path("online").asBoolean()) {
        republishState.run();
      }
    } catch (Exception e) {
      // someone else's garbage on our STATE topic: our next birth overwrites it
      republishState.run();
    }
  }

  private static String hex(byte[] bytes) {
    return ConnectorCounters.sample(
        HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 100)));
  }
}
