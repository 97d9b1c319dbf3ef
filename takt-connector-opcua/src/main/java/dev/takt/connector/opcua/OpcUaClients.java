package dev.takt.connector.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import dev.takt.connector.opcua.OpcUaConfig.ApplicationCertificate;
import dev.takt.connector.opcua.OpcUaConfig.Identity;
import dev.takt.connector.opcua.OpcUaConfig.SecurityPolicy;
import dev.takt.connector.opcua.OpcUaConfig.ServerTrust;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransport;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a Milo client for an {@link OpcUaConfig}: endpoint choice, security, identity. */
final class OpcUaClients {

  private static final Logger log = LoggerFactory.getLogger(OpcUaClients.class);

  private final OpcUaConfig config;
  private ApplicationCertificate selfSigned;

  OpcUaClients(OpcUaConfig config) {
    this.config = config;
    if (config.serverTrust() instanceof ServerTrust.TrustAny
        && config.securityPolicy() != SecurityPolicy.NONE) {
      log.warn(
          "OPC UA connection {} trusts any server certificate: encrypted, but not authenticated",
          config.name());
    }
  }

  /** Asks the server for its endpoints, picks the configured one and builds a client for it. */
  OpcUaClient create() throws UaException {
    long timeoutMs = config.requestTimeout().toMillis();
    List<EndpointDescription> endpoints;
    try {
      endpoints =
          DiscoveryClient.getEndpoints(
                  config.endpointUrl(), t -> t.setConnectTimeout(uint(timeoutMs)))
              .get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new UaException(
          StatusCodes.Bad_CommunicationError,
          "cannot reach "
              + config.endpointUrl()
              + ": "
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
          e);
    } catch (TimeoutException e) {
      throw new UaException(
          StatusCodes.Bad_Timeout, "no answer from " + config.endpointUrl() + " in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UaException(StatusCodes.Bad_Shutdown, "interrupted");
    }
    EndpointDescription endpoint = select(endpoints);

    OpcUaClientConfigBuilder builder =
        org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig.builder()
            .setEndpoint(endpoint)
            .setApplicationName(LocalizedText.english(config.applicationName()))
            .setApplicationUri(config.applicationUri())
            .setProductUri("urn:takt:mes")
            .setSessionName(() -> "takt " + config.name())
            .setRequestTimeout(uint(timeoutMs))
            .setKeepAliveInterval(uint(5000))
            .setKeepAliveFailuresAllowed(uint(1))
            .setIdentityProvider(identity());
    if (config.securityPolicy() != SecurityPolicy.NONE) {
      ApplicationCertificate certificate = applicationCertificate();
      builder
          .setCertificate(certificate.certificate())
          .setCertificateChain(new X509Certificate[] {certificate.certificate()})
          .setKeyPair(
              new KeyPair(certificate.certificate().getPublicKey(), certificate.privateKey()))
          .setCertificateValidator(validator());
    }
    var transport =
        new OpcTcpClientTransport(
            OpcTcpClientTransportConfig.newBuilder().setConnectTimeout(uint(timeoutMs)).build());
    return new OpcUaClient(builder.build(), transport);
  }

  private EndpointDescription select(List<EndpointDescription> endpoints) throws UaException {
    MessageSecurityMode mode =
        switch (config.securityMode()) {
          case NONE -> MessageSecurityMode.None;
          case SIGN -> MessageSecurityMode.Sign;
          case SIGN_AND_ENCRYPT -> MessageSecurityMode.SignAndEncrypt;
        };
    String host = EndpointUtil.getHost(config.endpointUrl());
    int port = EndpointUtil.getPort(config.endpointUrl());
    return endpoints.stream()
        .filter(e -> config.securityPolicy().uri().equals(e.getSecurityPolicyUri()))
        .filter(e -> e.getSecurityMode() == mode)
        .filter(e -> e.getEndpointUrl() != null && e.getEndpointUrl().startsWith("opc.tcp:"))
        .findFirst()
        .map(e -> EndpointUtil.updateUrl(e, host, port))
        .orElseThrow(
            () ->
                new UaException(
                    StatusCodes.Bad_SecurityPolicyRejected,
                    "the server offers no endpoint with "
                        + config.securityPolicy()
                        + "/"
                        + config.securityMode()
                        + "; it offers "
                        + endpoints.stream()
                            .map(
                                e ->
                                    e.getSecurityPolicyUri()
                                            .substring(e.getSecurityPolicyUri().indexOf('#') + 1)
                                        + "/"
                                        + e.getSecurityMode())
                            .distinct()
                            .collect(Collectors.joining(", "))));
  }

  private IdentityProvider identity() {
    return switch (config.identity()) {
      case Identity.Anonymous a -> new AnonymousProvider();
      case Identity.UserPassword u -> new UsernameProvider(u.username(), u.password());
      case Identity.Certificate c -> new X509IdentityProvider(c.certificate(), c.privateKey());
    };
  }

  private CertificateValidator validator() {
    return switch (config.serverTrust()) {
      case ServerTrust.TrustAny any -> new CertificateValidator.InsecureCertificateValidator();
      case ServerTrust.TrustList list -> {
        var trust = new MemoryTrustListManager();
        trust.setTrustedCertificates(list.certificates());
        var validator =
            new DefaultClientCertificateValidator(trust, new MemoryCertificateQuarantine());
        yield (chain, applicationUri, hostNames) -> {
          try {
            validator.validateCertificateChain(chain, applicationUri, hostNames);
          } catch (UaException e) {
            throw new UaException(
                StatusCodes.Bad_SecurityChecksFailed,
                "the server certificate "
                    + (chain.isEmpty() ? "" : chain.getFirst().getSubjectX500Principal() + " ")
                    + "is not trusted"
                    + (list.certificates().isEmpty() ? " (the trust list is empty)" : "")
                    + ": "
                    + e.getMessage());
          }
        };
      }
    };
  }

  private synchronized ApplicationCertificate applicationCertificate() throws UaException {
    if (config.applicationCertificate() != null) {
      return config.applicationCertificate();
    }
    if (selfSigned == null) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keyPair = generator.generateKeyPair();
        var certificate =
            new SelfSignedCertificateBuilder(keyPair)
                .setCommonName(config.applicationName())
                .setOrganization("Takt")
                .setApplicationUri(config.applicationUri())
                .addDnsName("localhost")
                .build();
        selfSigned = new ApplicationCertificate(certificate, keyPair.getPrivate());
        log.info(
            "OPC UA connection {}: made a self-signed application certificate; the server must"
                + " trust it",
            config.name());
      } catch (Exception e) {
        throw new UaException(
            StatusCodes.Bad_ConfigurationError, "cannot make an application certificate", e);
      }
    }
    return selfSigned;
  }
}
