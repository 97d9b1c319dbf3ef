package dev.takt.connector.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything an {@link MqttConnector} needs: the broker, the session, the Sparkplug B host role and
 * the plain JSON topics. Build it with {@link #builder()}.
 *
 * <p>The session is persistent on purpose (clean start off, {@code sessionExpiry} &gt; 0): QoS 1
 * messages that arrive while Takt is down or not acknowledging wait in the broker and are delivered
 * on return. The client id must therefore be stable per connection and unique on the broker.
 *
 * @param host broker host name or address
 * @param port broker port (1883, or 8883 with TLS)
 * @param tls TLS with the JVM's default trust store
 * @param username user name, or {@code null} for anonymous
 * @param password password, or {@code null}
 * @param clientId MQTT client id; the broker keeps the session under it
 * @param sessionExpiry how long the broker keeps the session (and queues messages) while this
 *     client is away; {@link Duration#ZERO} for a session that ends with the connection
 * @param hostApplicationId Sparkplug host application id (STATE topic {@code spBv1.0/STATE/<id>}),
 *     or {@code null} when this connection does not speak Sparkplug
 * @param sparkplugGroups Sparkplug group ids to subscribe to; {@code ["+"]} for all groups
 * @param shareGroup MQTT 5 shared subscription group for the JSON topics, or {@code null}: several
 *     Takt nodes in one share group split the messages between them
 * @param jsonMappings plain MQTT topics with JSON payloads
 * @param receiveMaximum how many unacknowledged QoS 1 messages the broker may send at once; also
 *     the bound of the connector's in-memory queue
 * @param maxBatchSignals a batch handed to the sink holds at most this many signals
 * @param maxBatchDelay a batch waits at most this long for more messages
 * @param reconnectMaxDelay the back-off between reconnect attempts grows up to this
 */
public record MqttConfig(
    String host,
    int port,
    boolean tls,
    String username,
    String password,
    String clientId,
    Duration sessionExpiry,
    String hostApplicationId,
    List<String> sparkplugGroups,
    String shareGroup,
    List<JsonMapping> jsonMappings,
    int receiveMaximum,
    int maxBatchSignals,
    Duration maxBatchDelay,
    Duration reconnectMaxDelay) {

  /** Below this, brokers were seen to overrun the window (see {@code receiveMaximum}). */
  public static final int MIN_RECEIVE_MAXIMUM = 100;

  public MqttConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("broker host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("broker port must be 1..65535, not " + port);
    }
    if (clientId == null || clientId.isBlank() || clientId.length() > 128) {
      throw new IllegalArgumentException("client id must be 1..128 characters");
    }
    Objects.requireNonNull(sessionExpiry, "sessionExpiry");
    if (sessionExpiry.isNegative() || sessionExpiry.toSeconds() > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("session expiry out of range: " + sessionExpiry);
    }
    sparkplugGroups = List.copyOf(Objects.requireNonNull(sparkplugGroups, "sparkplugGroups"));
    if (hostApplicationId != null) {
      checkTopicLevel("host application id", hostApplicationId);
      if (sparkplugGroups.isEmpty()) {
        throw new IllegalArgumentException("a Sparkplug host needs groups to subscribe to");
      }
      for (String group : sparkplugGroups) {
        if (!group.equals("+")) {
          checkTopicLevel("Sparkplug group", group);
        }
      }
    } else if (!sparkplugGroups.isEmpty()) {
      throw new IllegalArgumentException("Sparkplug groups need a host application id");
    }
    if (shareGroup != null) {
      checkTopicLevel("share group", shareGroup);
    }
    jsonMappings = List.copyOf(Objects.requireNonNull(jsonMappings, "jsonMappings"));
    if (hostApplicationId == null && jsonMappings.isEmpty()) {
      throw new IllegalArgumentException(
          "nothing to subscribe to: no Sparkplug host, no JSON topic");
    }
    if (receiveMaximum < MIN_RECEIVE_MAXIMUM || receiveMaximum > 65535) {
      throw new IllegalArgumentException(
          "receive maximum must be " + MIN_RECEIVE_MAXIMUM + "..65535, not " + receiveMaximum);
    }
    if (maxBatchSignals < 1) {
      throw new IllegalArgumentException("max batch signals must be positive");
    }
    Objects.requireNonNull(maxBatchDelay, "maxBatchDelay");
    Objects.requireNonNull(reconnectMaxDelay, "reconnectMaxDelay");
  }

  private static void checkTopicLevel(String what, String value) {
    if (value.isBlank()
        || value.contains("/")
        || value.contains("+")
        || value.contains("#")
        || value.length() > 256) {
      throw new IllegalArgumentException(
          what + " must be one topic level without wildcards: " + value);
    }
  }

  public boolean sparkplug() {
    return hostApplicationId != null;
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "MqttConfig[%s:%d tls=%s user=%s clientId=%s host=%s groups=%s share=%s json=%d]"
        .formatted(
            host,
            port,
            tls,
            username,
            clientId,
            hostApplicationId,
            sparkplugGroups,
            shareGroup,
            jsonMappings.size());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults: 127.0.0.1:1883, no TLS, anonymous, session kept one day, receive maximum 1000. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 1883;
    private boolean tls;
    private String username;
    private String password;
    private String clientId;
    private Duration sessionExpiry = Duration.ofDays(1);
    private String hostApplicationId;
    private final List<String> sparkplugGroups = new ArrayList<>();
    private String shareGroup;
    private final List<JsonMapping> jsonMappings = new ArrayList<>();
    private int receiveMaximum = 1000;
    private int maxBatchSignals = 1000;
    private Duration maxBatchDelay = Duration.ofMillis(5);
    private Duration reconnectMaxDelay = Duration.ofSeconds(30);

    private Builder() {}

    public Builder broker(String host, int port) {
      this.host = host;
      this.port = port;
      return this;
    }

    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    public Builder credentials(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder sessionExpiry(Duration sessionExpiry) {
      this.sessionExpiry = sessionExpiry;
      return this;
    }

    /** Acts as Sparkplug B host application {@code hostId} for the given groups ("+" for all). */
    public Builder sparkplugHost(String hostId, String... groups) {
      this.hostApplicationId = hostId;
      this.sparkplugGroups.addAll(groups.length == 0 ? List.of("+") : List.of(groups));
      return this;
    }

    public Builder shareGroup(String shareGroup) {
      this.shareGroup = shareGroup;
      return this;
    }

    public Builder json(JsonMapping mapping) {
      this.jsonMappings.add(mapping);
      return this;
    }

    public Builder receiveMaximum(int receiveMaximum) {
      this.receiveMaximum = receiveMaximum;
      return this;
    }

    public Builder batching(int maxSignals, Duration maxDelay) {
      this.maxBatchSignals = maxSignals;
      this.maxBatchDelay = maxDelay;
      return this;
    }

    public Builder reconnectMaxDelay(Duration reconnectMaxDelay) {
      this.reconnectMaxDelay = reconnectMaxDelay;
      return this;
    }

    public MqttConfig build() {
      return new MqttConfig(
          host,
          port,
          tls,
          username,
          password,
          clientId,
          sessionExpiry,
          hostApplicationId,
          sparkplugGroups,
          shareGroup,
          jsonMappings,
          receiveMaximum,
          maxBatchSignals,
          maxBatchDelay,
          reconnectMaxDelay);
    }
  }
}
