package dev.takt.connector.opcua;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.subscriptions.Subscription;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A real Eclipse Milo OPC UA server in the test's JVM, on 127.0.0.1 and a free port, with a small
 * machine: {@code Objects/Mill} holding the variables of {@link #VARIABLES}. A test sets values
 * with {@link #set}, stops the server and starts a new one on the same port to play a restart
 * (values survive, as a PLC's would). Accepts anonymous users and {@code operator}/{@code secret}.
 */
final class MiloTestServer implements AutoCloseable {

  static final String NAMESPACE_URI = "urn:takt:test:mill";

  /** The variables of the mill, by name, with their data type and first value. */
  static final Map<String, Variant> VARIABLES =
      Map.of(
          "PartCount", Variant.ofInt32(0),
          "SpindleSpeed", Variant.ofDouble(1200.0),
          "Program", Variant.ofString("O1000"),
          "DoorOpen", Variant.ofBoolean(false),
          "Alarm", Variant.ofLocalizedText(LocalizedText.english("none")),
          "Temperature", Variant.ofDouble(21.5));

  /** A test server has no certificate, so the password travels as it is (never do this live). */
  private static final UserTokenPolicy USERNAME_IN_PLAIN_TEXT =
      new UserTokenPolicy(
          "username-plain", UserTokenType.UserName, null, null, SecurityPolicy.None.getUri());

  private final int port;
  private final Map<String, DataValue> values = new ConcurrentHashMap<>();
  private volatile OpcUaServer server;
  private volatile MillNamespace namespace;

  private MiloTestServer(int port) {
    this.port = port;
    VARIABLES.forEach((name, value) -> values.put(name, new DataValue(value)));
  }

  static MiloTestServer start() throws Exception {
    MiloTestServer s = new MiloTestServer(freePort());
    s.startServer();
    return s;
  }

  String endpointUrl() {
    return "opc.tcp://127.0.0.1:" + port + "/mill";
  }

  /** The node id of a variable of the mill as a client writes it. */
  String nodeId(String variable) {
    return "ns=" + namespace.getNamespaceIndex() + ";s=Mill." + variable;
  }

  /** Sets a variable as the machine would; monitored items see it at their next sample. */
  void set(String variable, Variant value) {
    set(variable, new DataValue(value));
  }

  void set(String variable, DataValue value) {
    values.put(variable, value);
    MillNamespace ns = namespace;
    if (ns != null) {
      ns.set(variable, value);
    }
  }

  /** Whether the server has subscriptions and publishes on all of them. */
  boolean publishing() {
    OpcUaServer s = server;
    return s != null
        && !s.getSubscriptions().isEmpty()
        && s.getSubscriptions().values().stream().allMatch(Subscription::isPublishingEnabled);
  }

  /** Whether the server has subscriptions and all of them have publishing paused. */
  boolean paused() {
    OpcUaServer s = server;
    return s != null
        && !s.getSubscriptions().isEmpty()
        && s.getSubscriptions().values().stream().noneMatch(Subscription::isPublishingEnabled);
  }

  /** The server goes away as in a power cycle: connections close, sessions end. */
  void stop() throws Exception {
    OpcUaServer s = server;
    MillNamespace ns = namespace;
    server = null;
    if (ns != null) {
      ns.shutdown();
    }
    if (s != null) {
      s.shutdown().get(10, TimeUnit.SECONDS);
    }
  }

  /** A new server process on the same port, knowing nothing of former sessions. */
  void startAgain() throws Exception {
    startServer();
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  private void startServer() throws Exception {
    var endpoint =
        EndpointConfig.newBuilder()
            .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
            .setBindAddress("127.0.0.1")
            .setHostname("127.0.0.1")
            .setBindPort(port)
            .setPath("/mill")
            .setSecurityPolicy(SecurityPolicy.None)
            .setSecurityMode(MessageSecurityMode.None)
            .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS, USERNAME_IN_PLAIN_TEXT)
            .build();
    var config =
        OpcUaServerConfig.builder()
            .setApplicationUri("urn:takt:test:milo-server")
            .setApplicationName(LocalizedText.english("Takt test mill"))
            .setProductUri("urn:takt:test")
            .setEndpoints(Set.of(endpoint))
            .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
            .setIdentityValidator(
                new CompositeValidator(
                    AnonymousIdentityValidator.INSTANCE,
                    new UsernameIdentityValidator(
                        challenge ->
                            "operator".equals(challenge.getUsername())
                                && "secret".equals(challenge.getPassword()))))
            .build();
    OpcUaServer s =
        new OpcUaServer(
            config,
            profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
    MillNamespace ns = new MillNamespace(s);
    ns.startup();
    s.startup().get(10, TimeUnit.SECONDS);
    namespace = ns;
    server = s;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Objects/Mill with its variables, sampled for monitored items by Milo's SubscriptionModel. */
  private final class MillNamespace extends ManagedNamespaceWithLifecycle {

    private final SubscriptionModel subscriptions;
    private final Map<String, UaVariableNode> nodes = new ConcurrentHashMap<>();

    MillNamespace(OpcUaServer server) {
      super(server, NAMESPACE_URI);
      subscriptions = new SubscriptionModel(server, this);
      getLifecycleManager().addLifecycle(subscriptions);
      getLifecycleManager().addStartupTask(this::addNodes);
    }

    private void addNodes() {
      var mill =
          new UaFolderNode(
              getNodeContext(),
              newNodeId("Mill"),
              newQualifiedName("Mill"),
              LocalizedText.english("Mill"));
      getNodeManager().addNode(mill);
      mill.addReference(
          new Reference(
              mill.getNodeId(),
              NodeIds.Organizes,
              NodeIds.ObjectsFolder.expanded(),
              Reference.Direction.INVERSE));
      values.forEach(
          (name, value) -> {
            NodeId type = dataType(VARIABLES.get(name));
            UaVariableNode node =
                new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId("Mill." + name))
                    .setAccessLevel(AccessLevel.READ_WRITE)
                    .setUserAccessLevel(AccessLevel.READ_WRITE)
                    .setBrowseName(newQualifiedName(name))
                    .setDisplayName(LocalizedText.english(name))
                    .setDataType(type)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .build();
            node.setValue(value);
            getNodeManager().addNode(node);
            mill.addOrganizes(node);
            nodes.put(name, node);
          });
    }

    void set(String variable, DataValue value) {
      UaVariableNode node = nodes.get(variable);
      if (node != null) {
        node.setValue(value);
      }
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
      subscriptions.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
      subscriptions.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
      subscriptions.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
      subscriptions.onMonitoringModeChanged(monitoredItems);
    }
  }

  private static NodeId dataType(Variant v) {
    return v.getDataType().flatMap(t -> java.util.Optional.of(t.getNodeId())).orElseThrow();
  }
}
