package dev.takt.machines.internal;

import dev.takt.connector.Connector;
import dev.takt.connector.opcua.OpcUaConfig;
import dev.takt.connector.opcua.OpcUaConfig.Deadband;
import dev.takt.connector.opcua.OpcUaConfig.Identity;
import dev.takt.connector.opcua.OpcUaConfig.MonitoredSignal;
import dev.takt.connector.opcua.OpcUaConfig.SecurityMode;
import dev.takt.connector.opcua.OpcUaConfig.SecurityPolicy;
import dev.takt.connector.opcua.OpcUaConfig.ServerTrust;
import dev.takt.connector.opcua.OpcUaConnector;
import dev.takt.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * OPC UA settings:
 *
 * <pre>{@code
 * { "endpointUrl": "opc.tcp://plc:4840", "securityPolicy": "NONE", "securityMode": "NONE",
 *   "authentication": { "type": "anonymous" | "username", "username": "...", "password": "..." },
 *   "serverCertificates": ["-----BEGIN CERTIFICATE-----..."], "trustAnyServer": false,
 *   "publishingIntervalMs": 500,
 *   "monitoredItems": [ { "nodeId": "ns=2;s=Mill.Speed", "source": "MILL-01",
 *                         "samplingIntervalMs": 100, "deadband": 0.5, "queueSize": 1 } ] }
 * }</pre>
 */
@Component
class OpcUaConnectorFactory implements ConnectorFactory {

  static final int MAX_ITEMS = 100_000;

  @Override
  public Protocol protocol() {
    return Protocol.OPCUA;
  }

  @Override
  public List<String> secretPointers() {
    return List.of("/authentication/password");
  }

  @Override
  public void check(String name, JsonNode settings) {
    config(name, settings);
  }

  @Override
  public Connector create(String name, JsonNode settings) {
    return new OpcUaConnector(config(name, settings));
  }

  OpcUaConfig config(String name, JsonNode json) {
    Settings s = Settings.root(json, "settings");
    String endpoint = s.text("endpointUrl", true, 500);
    if (!endpoint.startsWith("opc.tcp://") || endpoint.length() <= 10) {
      throw s.invalid("endpointUrl", "must be opc.tcp://host:port[/path]");
    }
    SecurityPolicy policy = s.choice("securityPolicy", SecurityPolicy.class, SecurityPolicy.NONE);
    SecurityMode mode = s.choice("securityMode", SecurityMode.class, SecurityMode.NONE);
    OpcUaConfig.Builder b = OpcUaConfig.builder(endpoint).name(name);
    Identity identity = Identity.anonymous();
    Settings auth = s.object("authentication", false);
    if (auth != null) {
      String type = auth.text("type", true, 20);
      switch (type) {
        case "anonymous" -> {}
        case "username" -> {
          String user = auth.text("username", true, 200);
          String password = auth.text("password", true, 500);
          identity = Identity.user(user, password);
        }
        default -> throw auth.invalid("type", "must be anonymous or username");
      }
      auth.noOthers();
    }
    boolean trustAny = s.flag("trustAnyServer", false);
    List<X509Certificate> certificates = new ArrayList<>();
    List<String> pems = s.texts("serverCertificates", 20, 20_000);
    for (int i = 0; i < pems.size(); i++) {
      certificates.add(certificate(pems.get(i), s.field("serverCertificates") + "[" + i + "]"));
    }
    long publishing = s.integer("publishingIntervalMs", 500, 10, 3_600_000);
    List<MonitoredSignal> signals = new ArrayList<>();
    for (Settings item : s.objects("monitoredItems", false, MAX_ITEMS)) {
      String nodeId = item.text("nodeId", true, 512);
      String source = item.text("source", true, 512);
      long sampling = item.integer("samplingIntervalMs", 100, 0, 3_600_000);
      Double deadband = item.number("deadband", 0, Double.MAX_VALUE);
      // Values the server keeps between two publishes; 1 keeps only the latest (a state), more
      // keep every change of a fast counter or process value when publishing lags.
      int queueSize = (int) item.integer("queueSize", 1, 1, 1000);
      item.noOthers();
      signals.add(
          MonitoredSignal.of(nodeId, source)
              .withSamplingInterval(Duration.ofMillis(sampling))
              .withDeadband(deadband == null ? Deadband.none() : Deadband.absolute(deadband))
              .withQueueSize(queueSize));
    }
    s.noOthers();
    try {
      return b.security(policy, mode)
          .identity(identity)
          .serverTrust(
              trustAny ? new ServerTrust.TrustAny() : new ServerTrust.TrustList(certificates))
          .publishingInterval(Duration.ofMillis(publishing))
          .signals(signals)
          .build();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("settings", e.getMessage());
    }
  }

  private static X509Certificate certificate(String pem, String field) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | ClassCastException e) {
      throw new InvalidInputException(field, "is not a PEM X.509 certificate");
    }
  }
}
