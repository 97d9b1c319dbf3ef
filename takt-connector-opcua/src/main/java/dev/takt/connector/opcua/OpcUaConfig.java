package dev.takt.connector.opcua;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to reach one OPC UA server and what to read from it. Built with {@link #builder(String)};
 * plain values only, so the server can keep it in its database and build it again.
 *
 * <p>The config is checked when built (a blank endpoint, a back-off whose minimum exceeds its
 * maximum, a secure policy without a secure mode are refused with {@link
 * IllegalArgumentException}). The node ids of the signals are not: a malformed or unknown node id
 * is bad input from the integrator that the connector reports as rejected while the other signals
 * keep flowing.
 *
 * @param name the connection's name, for logs and thread names
 * @param endpointUrl {@code opc.tcp://host:port/path}; the host and port of the endpoints the
 *     server returns are replaced by these, since servers often advertise host names that the
 *     client cannot resolve
 * @param securityPolicy the security policy of the endpoint to choose
 * @param securityMode the message security mode of the endpoint to choose
 * @param identity how the session authenticates the user
 * @param applicationCertificate the client's application instance certificate, needed for any
 *     policy other than {@link SecurityPolicy#NONE}; {@code null} lets the connector make a
 *     self-signed one at start (which the server must then trust anew after each restart of Takt)
 * @param serverTrust which server certificates the client trusts on a secure channel
 * @param applicationName the client's application name as the server shows it
 * @param applicationUri the client's application URI (must match the certificate's SAN URI)
 * @param requestTimeout how long a single request may take
 * @param reconnectMinDelay the first wait after a failed attempt or a lost connection
 * @param reconnectMaxDelay the longest wait; the wait doubles from the minimum up to this
 * @param publishingInterval the subscription's publishing interval
 * @param bufferCapacity how many signals may wait for the sink while it refuses; at this size the
 *     connector pauses publishing, at twice this size it drops new values (see {@code
 *     docs/connectors/opcua.md})
 * @param signals the variables to monitor
 */
public record OpcUaConfig(
    String name,
    String endpointUrl,
    SecurityPolicy securityPolicy,
    SecurityMode securityMode,
    Identity identity,
    ApplicationCertificate applicationCertificate,
    ServerTrust serverTrust,
    String applicationName,
    String applicationUri,
    Duration requestTimeout,
    Duration reconnectMinDelay,
    Duration reconnectMaxDelay,
    Duration publishingInterval,
    int bufferCapacity,
    List<MonitoredSignal> signals) {

  public OpcUaConfig {
    require(name != null && !name.isBlank(), "name is empty");
    require(
        endpointUrl != null && endpointUrl.startsWith("opc.tcp://") && endpointUrl.length() > 10,
        "endpointUrl must be opc.tcp://host:port[/path], was " + endpointUrl);
    Objects.requireNonNull(securityPolicy, "securityPolicy");
    Objects.requireNonNull(securityMode, "securityMode");
    require(
        (securityPolicy == SecurityPolicy.NONE) == (securityMode == SecurityMode.NONE),
        "security policy "
            + securityPolicy
            + " does not go with security mode "
            + securityMode
            + ": policy NONE needs mode NONE and a secure policy needs SIGN or SIGN_AND_ENCRYPT");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(serverTrust, "serverTrust");
    require(applicationName != null && !applicationName.isBlank(), "applicationName is empty");
    require(applicationUri != null && !applicationUri.isBlank(), "applicationUri is empty");
    positive(requestTimeout, "requestTimeout");
    positive(reconnectMinDelay, "reconnectMinDelay");
    positive(reconnectMaxDelay, "reconnectMaxDelay");
    positive(publishingInterval, "publishingInterval");
    require(
        reconnectMinDelay.compareTo(reconnectMaxDelay) <= 0,
        "reconnectMinDelay "
            + reconnectMinDelay
            + " exceeds reconnectMaxDelay "
            + reconnectMaxDelay);
    require(bufferCapacity > 0, "bufferCapacity must be positive");
    signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
  }

  public static Builder builder(String endpointUrl) {
    return new Builder(endpointUrl);
  }

  /** A copy to change a few fields of. */
  public Builder toBuilder() {
    Builder b = new Builder(endpointUrl);
    b.name = name;
    b.securityPolicy = securityPolicy;
    b.securityMode = securityMode;
    b.identity = identity;
    b.applicationCertificate = applicationCertificate;
    b.serverTrust = serverTrust;
    b.applicationName = applicationName;
    b.applicationUri = applicationUri;
    b.requestTimeout = requestTimeout;
    b.reconnectMinDelay = reconnectMinDelay;
    b.reconnectMaxDelay = reconnectMaxDelay;
    b.publishingInterval = publishingInterval;
    b.bufferCapacity = bufferCapacity;
    b.signals.addAll(signals);
    return b;
  }

  /** The OPC UA security policies the connector offers (the deprecated SHA-1 ones are left out). */
  public enum SecurityPolicy {
    NONE("http://opcfoundation.org/UA/SecurityPolicy#None"),
    BASIC256SHA256("http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256"),
    AES128_SHA256_RSAOAEP("http://opcfoundation.org/UA/SecurityPolicy#Aes128_Sha256_RsaOaep"),
    AES256_SHA256_RSAPSS("http://opcfoundation.org/UA/SecurityPolicy#Aes256_Sha256_RsaPss");

    private final String uri;

    SecurityPolicy(String uri) {
      this.uri = uri;
    }

    public String uri() {
      return uri;
    }
  }

  /** The message security mode of the secure channel. */
  public enum SecurityMode {
    NONE,
    SIGN,
    SIGN_AND_ENCRYPT
  }

  /** Who the session acts as. */
  public sealed interface Identity {

    static Identity anonymous() {
      return new Anonymous();
    }

    static Identity user(String username, String password) {
      return new UserPassword(username, password);
    }

    record Anonymous() implements Identity {}

    /** A user name and password; the password never appears in {@link #toString()}. */
    record UserPassword(String username, String password) implements Identity {
      public UserPassword {
        require(username != null && !username.isBlank(), "username is empty");
        Objects.requireNonNull(password, "password");
      }

      @Override
      public String toString() {
        return "UserPassword[username=" + username + "]";
      }
    }

    /** An X.509 user certificate and its private key. */
    record Certificate(X509Certificate certificate, PrivateKey privateKey) implements Identity {
      public Certificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
      }

      @Override
      public String toString() {
        return "Certificate[" + certificate.getSubjectX500Principal() + "]";
      }
    }
  }

  /** The client's application instance certificate with its private key. */
  public record ApplicationCertificate(X509Certificate certificate, PrivateKey privateKey) {
    public ApplicationCertificate {
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(privateKey, "privateKey");
    }

    @Override
    public String toString() {
      return "ApplicationCertificate[" + certificate.getSubjectX500Principal() + "]";
    }
  }

  /** Which server certificates a secure channel accepts. */
  public sealed interface ServerTrust {

    /** Only these certificates (or certificates they issued). */
    record TrustList(List<X509Certificate> certificates) implements ServerTrust {
      public TrustList {
        certificates = List.copyOf(certificates);
      }
    }

    /**
     * Any certificate: encryption without knowing who is at the other end. For commissioning and
     * tests only; the connector logs a warning.
     */
    record TrustAny() implements ServerTrust {}
  }

  /**
   * One variable to monitor.
   *
   * @param nodeId the node id as OPC UA writes it ({@code ns=2;s=Mill1.Spindle.Speed}); also the
   *     signal's address
   * @param source the machine the value belongs to (one server often serves several machines)
   * @param samplingInterval how often the server samples; {@link Duration#ZERO} for the fastest
   *     rate the server offers
   * @param deadband which changes are worth a notification
   * @param queueSize how many values the server keeps between two publishes (oldest dropped)
   */
  public record MonitoredSignal(
      String nodeId, String source, Duration samplingInterval, Deadband deadband, int queueSize) {

    public MonitoredSignal {
      Objects.requireNonNull(nodeId, "nodeId");
      require(source != null && !source.isBlank(), "source of " + nodeId + " is empty");
      Objects.requireNonNull(samplingInterval, "samplingInterval");
      require(!samplingInterval.isNegative(), "samplingInterval of " + nodeId + " is negative");
      Objects.requireNonNull(deadband, "deadband");
      require(queueSize > 0, "queueSize of " + nodeId + " must be positive");
    }

    /** A signal sampled every 100 ms without deadband, with a queue of one. */
    public static MonitoredSignal of(String nodeId, String source) {
      return new MonitoredSignal(nodeId, source, Duration.ofMillis(100), Deadband.none(), 1);
    }

    public MonitoredSignal withSamplingInterval(Duration interval) {
      return new MonitoredSignal(nodeId, source, interval, deadband, queueSize);
    }

    public MonitoredSignal withDeadband(Deadband deadband) {
      return new MonitoredSignal(nodeId, source, samplingInterval, deadband, queueSize);
    }

    public MonitoredSignal withQueueSize(int queueSize) {
      return new MonitoredSignal(nodeId, source, samplingInterval, deadband, queueSize);
    }
  }

  /** Which value changes the server reports. */
  public sealed interface Deadband {

    static Deadband none() {
      return new None();
    }

    static Deadband absolute(double delta) {
      return new Absolute(delta);
    }

    static Deadband percent(double percentOfRange) {
      return new Percent(percentOfRange);
    }

    /** Every change. */
    record None() implements Deadband {}

    /** Changes larger than {@code delta} in the variable's unit. */
    record Absolute(double delta) implements Deadband {
      public Absolute {
        require(Double.isFinite(delta) && delta >= 0, "absolute deadband must be >= 0");
      }
    }

    /**
     * Changes larger than this share of the variable's EURange (servers accept it only for analog
     * items with an EURange; otherwise the signal is reported as rejected).
     */
    record Percent(double percentOfRange) implements Deadband {
      public Percent {
        require(
            Double.isFinite(percentOfRange) && percentOfRange >= 0 && percentOfRange <= 100,
            "percent deadband must be within 0..100");
      }
    }
  }

  /** Builds an {@link OpcUaConfig}; every field but the endpoint has a default. */
  public static final class Builder {
    private final String endpointUrl;
    private String name;
    private SecurityPolicy securityPolicy = SecurityPolicy.NONE;
    private SecurityMode securityMode = SecurityMode.NONE;
    private Identity identity = Identity.anonymous();
    private ApplicationCertificate applicationCertificate;
    private ServerTrust serverTrust = new ServerTrust.TrustList(List.of());
    private String applicationName = "Takt MES";
    private String applicationUri = "urn:takt:mes:opcua-client";
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration reconnectMinDelay = Duration.ofSeconds(1);
    private Duration reconnectMaxDelay = Duration.ofSeconds(60);
    private Duration publishingInterval = Duration.ofMillis(500);
    private int bufferCapacity = 100_000;
    private final List<MonitoredSignal> signals = new ArrayList<>();

    private Builder(String endpointUrl) {
      this.endpointUrl = endpointUrl;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder security(SecurityPolicy policy, SecurityMode mode) {
      this.securityPolicy = policy;
      this.securityMode = mode;
      return this;
    }

    public Builder identity(Identity identity) {
      this.identity = identity;
      return this;
    }

    public Builder applicationCertificate(ApplicationCertificate certificate) {
      this.applicationCertificate = certificate;
      return this;
    }

    public Builder serverTrust(ServerTrust trust) {
      this.serverTrust = trust;
      return this;
    }

    public Builder application(String name, String uri) {
      this.applicationName = name;
      this.applicationUri = uri;
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    public Builder reconnectDelay(Duration min, Duration max) {
      this.reconnectMinDelay = min;
      this.reconnectMaxDelay = max;
      return this;
    }

    public Builder publishingInterval(Duration interval) {
      this.publishingInterval = interval;
      return this;
    }

    public Builder bufferCapacity(int capacity) {
      this.bufferCapacity = capacity;
      return this;
    }

    public Builder signal(MonitoredSignal signal) {
      this.signals.add(signal);
      return this;
    }

    /** A signal with the defaults of {@link MonitoredSignal#of(String, String)}. */
    public Builder signal(String nodeId, String source) {
      return signal(MonitoredSignal.of(nodeId, source));
    }

    public Builder signals(List<MonitoredSignal> signals) {
      this.signals.addAll(signals);
      return this;
    }

    public OpcUaConfig build() {
      return new OpcUaConfig(
          name != null ? name : endpointUrl,
          endpointUrl,
          securityPolicy,
          securityMode,
          identity,
          applicationCertificate,
          serverTrust,
          applicationName,
          applicationUri,
          requestTimeout,
          reconnectMinDelay,
          reconnectMaxDelay,
          publishingInterval,
          bufferCapacity,
          signals);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static void positive(Duration d, String what) {
    require(d != null && !d.isNegative() && !d.isZero(), what + " must be positive");
  }
}
