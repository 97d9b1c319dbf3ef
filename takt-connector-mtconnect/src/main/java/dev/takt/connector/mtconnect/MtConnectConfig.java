package dev.takt.connector.mtconnect;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one MTConnect agent and how to read it.
 *
 * @param agentUrl the agent's base URL, e.g. {@code http://10.0.4.17:5000}; {@code probe}, {@code
 *     current} and {@code sample} are requested below it
 * @param deviceName read only this device ({@code <agent>/<device>/sample}); {@code null} reads
 *     every device the agent has
 * @param sampleInterval the {@code interval} asked of the agent: how often it sends a part of the
 *     stream at most; in polling mode, how long to wait when nothing new came
 * @param count the {@code count}: observations at most per document
 * @param heartbeat the {@code heartbeat} asked of the agent when nothing happens; a stream silent
 *     for twice as long plus the request timeout is taken as lost
 * @param reconnectBackoff the first wait after a failure; doubled up to {@code maxReconnectBackoff}
 * @param maxReconnectBackoff the longest wait between tries
 * @param requestTimeout how long to wait for an agent to answer (connect, response headers, a plain
 *     document)
 * @param maxDocumentSize documents (a probe, a plain response, one part of a stream) larger than
 *     this many bytes are refused unread
 * @param polling {@code true} to poll {@code sample} instead of streaming; the connector also falls
 *     back to polling by itself when the agent answers a streaming request with a plain document
 */
public record MtConnectConfig(
    URI agentUrl,
    String deviceName,
    Duration sampleInterval,
    int count,
    Duration heartbeat,
    Duration reconnectBackoff,
    Duration maxReconnectBackoff,
    Duration requestTimeout,
    int maxDocumentSize,
    boolean polling) {

  public MtConnectConfig {
    Objects.requireNonNull(agentUrl, "agentUrl");
    String scheme = agentUrl.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("agentUrl must be http or https: " + agentUrl);
    }
    if (agentUrl.getHost() == null) {
      throw new IllegalArgumentException("agentUrl has no host: " + agentUrl);
    }
    if (agentUrl.getRawQuery() != null || agentUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("agentUrl must not have a query or fragment: " + agentUrl);
    }
    if (deviceName != null && (deviceName.isBlank() || !deviceName.matches("[A-Za-z0-9_.\\-]+"))) {
      throw new IllegalArgumentException(
          "deviceName must be a plain MTConnect device name (letters, digits, _ . -): "
              + deviceName);
    }
    positive("sampleInterval", sampleInterval);
    positive("heartbeat", heartbeat);
    positive("reconnectBackoff", reconnectBackoff);
    positive("maxReconnectBackoff", maxReconnectBackoff);
    positive("requestTimeout", requestTimeout);
    if (maxReconnectBackoff.compareTo(reconnectBackoff) < 0) {
      throw new IllegalArgumentException("maxReconnectBackoff is shorter than reconnectBackoff");
    }
    if (count < 1 || count > 100_000) {
      throw new IllegalArgumentException("count must be 1..100000: " + count);
    }
    if (maxDocumentSize < 1024) {
      throw new IllegalArgumentException(
          "maxDocumentSize must be at least 1024: " + maxDocumentSize);
    }
  }

  private static void positive(String what, Duration d) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + d);
    }
  }

  /** A config for the agent at {@code agentUrl} with the defaults below, to change one by one. */
  public static Builder builder(String agentUrl) {
    return new Builder(URI.create(agentUrl));
  }

  /** The base URL with a trailing slash, plus the device when one is configured. */
  URI requestBase() {
    String base = agentUrl.toString();
    if (!base.endsWith("/")) {
      base += "/";
    }
    return URI.create(deviceName == null ? base : base + deviceName + "/");
  }

  /** Builds a config; the defaults suit an agent on the plant network. */
  public static final class Builder {
    private final URI agentUrl;
    private String deviceName;
    private Duration sampleInterval = Duration.ofMillis(500);
    private int count = 1000;
    private Duration heartbeat = Duration.ofSeconds(10);
    private Duration reconnectBackoff = Duration.ofSeconds(1);
    private Duration maxReconnectBackoff = Duration.ofSeconds(30);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int maxDocumentSize = 8 * 1024 * 1024;
    private boolean polling;

    private Builder(URI agentUrl) {
      this.agentUrl = agentUrl;
    }

    public Builder deviceName(String deviceName) {
      this.deviceName = deviceName;
      return this;
    }

    public Builder sampleInterval(Duration sampleInterval) {
      this.sampleInterval = sampleInterval;
      return this;
    }

    public Builder count(int count) {
      this.count = count;
      return this;
    }

    public Builder heartbeat(Duration heartbeat) {
      this.heartbeat = heartbeat;
      return this;
    }

    public Builder reconnectBackoff(Duration first, Duration max) {
      this.reconnectBackoff = first;
      this.maxReconnectBackoff = max;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder maxDocumentSize(int bytes) {
      this.maxDocumentSize = bytes;
      return this;
    }

    public Builder polling(boolean polling) {
      this.polling = polling;
      return this;
    }

    public MtConnectConfig build() {
      return new MtConnectConfig(
          agentUrl,
          deviceName,
          sampleInterval,
          count,
          heartbeat,
          reconnectBackoff,
          maxReconnectBackoff,
          requestTimeout,
          maxDocumentSize,
          polling);
    }
  }
}
