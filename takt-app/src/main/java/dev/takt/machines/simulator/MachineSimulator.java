package dev.takt.machines.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in machine simulator: a real OPC UA server (Eclipse Milo) in Takt's own process, on
 * 127.0.0.1 only, with the demo plant's machines CNC-01, CNC-02 and MILL-01 as folders of variables
 * ({@code nsu=urn:takt:simulator;s=CNC-01.Execution}, ...). With the autopilot on, each machine
 * lives a second per tick (see {@link SimulatedMachine}); with it off, the variables change only
 * through {@link #set}, which is how tests drive it.
 *
 * <p>The demo plant reads it through the normal OPC UA connector, like any machine.
 */
public final class MachineSimulator implements AutoCloseable {

  public static final String NAMESPACE_URI = "urn:takt:simulator";
  public static final String PATH = "/takt-simulator";
  public static final List<String> MACHINES = List.of("CNC-01", "CNC-02", "MILL-01");

  private static final Logger log = LoggerFactory.getLogger(MachineSimulator.class);

  private final int port;
  private final boolean autopilot;
  private final Map<String, SimulatedMachine> machines = new ConcurrentHashMap<>();
  private final Map<String, Object> values = new ConcurrentHashMap<>();
  private volatile OpcUaServer server;
  private volatile SimulatorNamespace namespace;
  private ScheduledExecutorService ticker;

  public MachineSimulator(int port, boolean autopilot) {
    this.port = port == 0 ? freePort() : port;
    this.autopilot = autopilot;
    long seed = 7;
    int cycle = 6;
    for (String m : MACHINES) {
      machines.put(m, new SimulatedMachine(m, seed++, cycle++));
      SimulatedMachine.VARIABLES.forEach((v, first) -> values.put(m + "." + v, first));
    }
  }

  public int port() {
    return port;
  }

  public String endpointUrl() {
    return "opc.tcp://127.0.0.1:" + port + PATH;
  }

  /** The node id of a machine's variable, by namespace URI (stable across restarts). */
  public static String nodeId(String machine, String variable) {
    return "nsu=" + NAMESPACE_URI + ";s=" + machine + "." + variable;
  }

  /** Sets a variable as the machine would (Integer, Double, Boolean or String). */
  public void set(String machine, String variable, Object value) {
    String key = machine + "." + variable;
    if (!values.containsKey(key)) {
      throw new IllegalArgumentException("no variable " + key);
    }
    values.put(key, value);
    SimulatorNamespace ns = namespace;
    if (ns != null) {
      ns.set(key, value);
    }
  }

  public synchronized void start() {
    startServer();
    if (autopilot && ticker == null) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> Thread.ofPlatform().daemon().name("takt-simulator").unstarted(r));
      ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }
    log.info("Machine simulator: OPC UA server at {} ({})", endpointUrl(), MACHINES);
  }

  /** Starts the OPC UA server (again, after {@link #stopServer}); values are kept. */
  public synchronized void startServer() {
    if (server != null) {
      return;
    }
    try {
      var endpoint =
          EndpointConfig.newBuilder()
              .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
              .setBindAddress("127.0.0.1")
              .setHostname("127.0.0.1")
              .setBindPort(port)
              .setPath(PATH)
              .setSecurityPolicy(SecurityPolicy.None)
              .setSecurityMode(MessageSecurityMode.None)
              .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
              .build();
      var config =
          OpcUaServerConfig.builder()
              .setApplicationUri("urn:takt:simulator:server")
              .setApplicationName(LocalizedText.english("Takt machine simulator"))
              .setProductUri("urn:takt:simulator")
              .setEndpoints(Set.of(endpoint))
              .setCertificateManager(
                  new DefaultCertificateManager(new MemoryCertificateQuarantine()))
              .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
              .build();
      OpcUaServer s =
          new OpcUaServer(
              config,
              profile ->
                  new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
      SimulatorNamespace ns = new SimulatorNamespace(s);
      ns.startup();
      s.startup().get(10, TimeUnit.SECONDS);
      namespace = ns;
      server = s;
    } catch (Exception e) {
      throw new IllegalStateException(
          "the machine simulator cannot start on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** Stops the OPC UA server as a power cut would: connections close, sessions end. */
  public synchronized void stopServer() {
    OpcUaServer s = server;
    SimulatorNamespace ns = namespace;
    server = null;
    namespace = null;
    if (ns != null) {
      ns.shutdown();
    }
    if (s != null) {
      try {
        s.shutdown().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("Machine simulator did not stop cleanly: {}", e.toString());
      }
    }
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
    stopServer();
  }

  private void tick() {
    try {
      for (SimulatedMachine m : machines.values()) {
        m.tick().forEach((variable, value) -> set(m.name(), variable, value));
      }
    } catch (RuntimeException e) {
      log.warn("Machine simulator tick failed", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port for the machine simulator", e);
    }
  }

  private static Variant variant(Object value) {
    return switch (value) {
      case Integer i -> Variant.ofInt32(i);
      case Double d -> Variant.ofDouble(d);
      case Boolean b -> Variant.ofBoolean(b);
      case String s -> Variant.ofString(s);
      default -> throw new IllegalArgumentException("unsupported value " + value);
    };
  }

  private static DataValue dataValue(Object value) {
    DateTime now = DateTime.now();
    return new DataValue(variant(value), StatusCode.GOOD, now, now);
  }

  /** One folder per machine under Objects/Simulator, sampled by Milo's SubscriptionModel. */
  private final class SimulatorNamespace extends ManagedNamespaceWithLifecycle {

    private final SubscriptionModel subscriptions;
    private final Map<String, UaVariableNode> nodes = new ConcurrentHashMap<>();

    SimulatorNamespace(OpcUaServer server) {
      super(server, NAMESPACE_URI);
      subscriptions = new SubscriptionModel(server, this);
      getLifecycleManager().addLifecycle(subscriptions);
      getLifecycleManager().addStartupTask(this::addNodes);
    }

    private void addNodes() {
      var root =
          new UaFolderNode(
              getNodeContext(),
              newNodeId("Simulator"),
              newQualifiedName("Simulator"),
              LocalizedText.english("Simulator"));
      getNodeManager().addNode(root);
      root.addReference(
          new Reference(
              root.getNodeId(),
              NodeIds.Organizes,
              NodeIds.ObjectsFolder.expanded(),
              Reference.Direction.INVERSE));
      for (String machine : MACHINES) {
        var folder =
            new UaFolderNode(
                getNodeContext(),
                newNodeId(machine),
                newQualifiedName(machine),
                LocalizedText.english(machine));
        getNodeManager().addNode(folder);
        root.addOrganizes(folder);
        for (String variable : new java.util.TreeSet<>(SimulatedMachine.VARIABLES.keySet())) {
          String key = machine + "." + variable;
          Object value = values.get(key);
          UaVariableNode node =
              new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                  .setNodeId(newNodeId(key))
                  .setAccessLevel(AccessLevel.READ_ONLY)
                  .setUserAccessLevel(AccessLevel.READ_ONLY)
                  .setBrowseName(newQualifiedName(variable))
                  .setDisplayName(LocalizedText.english(variable))
                  .setDataType(dataType(value))
                  .setTypeDefinition(NodeIds.BaseDataVariableType)
                  .build();
          node.setValue(dataValue(value));
          getNodeManager().addNode(node);
          folder.addOrganizes(node);
          nodes.put(key, node);
        }
      }
    }

    void set(String key, Object value) {
      UaVariableNode node = nodes.get(key);
      if (node != null) {
        node.setValue(dataValue(value));
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

  private static NodeId dataType(Object value) {
    return switch (value) {
      case Integer i -> NodeIds.Int32;
      case Double d -> NodeIds.Double;
      case Boolean b -> NodeIds.Boolean;
      default -> NodeIds.String;
    };
  }
}
