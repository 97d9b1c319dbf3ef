package dev.takt.connector.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import dev.takt.connector.BadSignalException;
import dev.takt.connector.Browsable;
import dev.takt.connector.Connector;
import dev.takt.connector.ConnectorCounters;
import dev.takt.connector.ConnectorStatus;
import dev.takt.connector.ConnectorStatus.State;
import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalKey;
import dev.takt.connector.SignalSink;
import dev.takt.connector.SignalSink.SourceState;
import dev.takt.connector.opcua.OpcUaConfig.Deadband;
import dev.takt.connector.opcua.OpcUaConfig.MonitoredSignal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OPC UA client that keeps one subscription on one server and delivers its data changes as
 * {@link MachineSignal}s.
 *
 * <p>Its life: {@link #start} starts a session thread that connects (endpoint chosen by security
 * policy and mode), creates a subscription with one monitored item per configured signal, reports
 * each source ONLINE and then waits. When the session is lost (the server closed or restarted, the
 * network broke, keep-alives or publish responses stopped), it reports each source OFFLINE, drops
 * the client and, after a back-off that doubles from {@code reconnectMinDelay} to {@code
 * reconnectMaxDelay}, connects anew and creates the subscription and its items again. It does not
 * rely on Milo re-activating the old session and transferring the subscription, since that fails
 * after a server restart and a fresh subscription delivers each item's current value at once, which
 * is what a machine state needs. {@link #close} ends the session and the threads.
 *
 * <p>Values go through {@link Delivery}, which hands them to the sink in order and keeps them while
 * the sink refuses. Values that cannot become signals (NaN, unsupported types, oversized texts) and
 * configured node ids that are malformed or unknown to the server are reported through {@link
 * SignalSink#rejected} and counted; they never stop the connection.
 */
public final class OpcUaConnector implements Connector, Browsable {

  private static final Logger log = LoggerFactory.getLogger(OpcUaConnector.class);

  private final OpcUaConfig config;
  private final Clock clock;
  private final ConnectorCounters counters;
  private final Set<String> sources;
  private final Set<String> reportedConfigProblems = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final OpcUaClients clients;

  private volatile SignalSink sink;
  private volatile Delivery delivery;
  private volatile Thread sessionThread;
  private volatile Session current;
  private Boolean online; // null until first reported; session thread only

  public OpcUaConnector(OpcUaConfig config) {
    this(config, Clock.systemUTC());
  }

  public OpcUaConnector(OpcUaConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.counters = new ConnectorCounters(clock);
    this.clients = new OpcUaClients(config);
    Set<String> s = new LinkedHashSet<>();
    config.signals().forEach(signal -> s.add(signal.source()));
    this.sources = Set.copyOf(s);
  }

  @Override
  public void start(SignalSink sink) {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("OPC UA connector " + config.name() + " already started");
    }
    this.sink = sink;
    this.delivery =
        new Delivery(
            config.name(),
            sink,
            counters,
            config.bufferCapacity(),
            () -> setPublishing(false),
            () -> setPublishing(true));
    delivery.start();
    sessionThread =
        Thread.ofPlatform().daemon().name("opcua-session-" + config.name()).start(this::run);
  }

  @Override
  public ConnectorStatus status() {
    return counters.status();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closing.countDown();
    Session session = current;
    if (session != null) {
      session.lost.complete("connector closed");
    }
    Thread t = sessionThread;
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (delivery != null) {
      delivery.close();
    }
    counters.moveTo(State.STOPPED, null);
  }

  // ---------------------------------------------------------------- session thread

  private void run() {
    int failures = 0;
    while (!closed.get()) {
      Session session = null;
      try {
        session = connect();
        current = session;
        if (closed.get()) {
          break;
        }
        failures = 0;
        counters.moveTo(State.CONNECTED, null);
        reportSources(true, "connected to " + config.endpointUrl());
        log.info("OPC UA connection {} connected to {}", config.name(), config.endpointUrl());
        String reason = session.lost.join();
        if (closed.get()) {
          break;
        }
        log.warn("OPC UA connection {} lost: {}", config.name(), reason);
        counters.moveTo(State.RECONNECTING, reason);
        reportSources(false, reason);
      } catch (Exception e) {
        if (closed.get()) {
          break;
        }
        String reason = describe(e);
        log.warn(
            "OPC UA connection {} to {} failed: {}", config.name(), config.endpointUrl(), reason);
        counters.moveTo(
            counters.state() == State.CONNECTING ? State.CONNECTING : State.RECONNECTING, reason);
        reportSources(false, reason);
      } finally {
        current = null;
        if (session != null) {
          session.close();
        }
      }
      Duration delay = backoff(failures++);
      try {
        if (closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        break;
      }
    }
    reportSources(false, "connector closed");
  }

  /** The wait before attempt {@code failures + 1}: min, 2 min, 4 min, ... up to max. */
  Duration backoff(int failures) {
    Duration delay = config.reconnectMinDelay();
    for (int i = 0; i < failures && delay.compareTo(config.reconnectMaxDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(config.reconnectMaxDelay()) > 0 ? config.reconnectMaxDelay() : delay;
  }

  private void reportSources(boolean up, String detail) {
    if (online != null && online == up) {
      return;
    }
    online = up;
    for (String source : sources) {
      try {
        sink.sourceState(
            source, up ? SourceState.ONLINE : SourceState.OFFLINE, detail, clock.instant());
      } catch (RuntimeException e) {
        log.warn(
            "OPC UA connection {}: sink failed on source state: {}", config.name(), e.toString());
      }
    }
  }

  private Session connect() throws UaException {
    OpcUaClient client = clients.create();
    Session session = new Session(client);
    try {
      client.addSessionActivityListener(
          new SessionActivityListener() {
            @Override
            public void onSessionInactive(UaSession s) {
              session.lost.complete("session lost");
            }
          });
      client.connect();
      subscribe(session);
      return session;
    } catch (UaException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private void subscribe(Session session) throws UaException {
    OpcUaClient client = session.client;
    var subscription =
        new OpcUaSubscription(client, (double) config.publishingInterval().toMillis());
    subscription.setSubscriptionListener(
        new OpcUaSubscription.SubscriptionListener() {
          @Override
          public void onDataReceived(
              OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
            received(items, values);
          }

          @Override
          public void onWatchdogTimerElapsed(OpcUaSubscription s) {
            session.lost.complete("no publish response or keep-alive from the server in time");
          }

          @Override
          public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
            session.lost.complete("subscription lost on the server: " + status);
          }

          @Override
          public void onStatusChanged(OpcUaSubscription s, StatusCode status) {
            if (status.isBad()) {
              session.lost.complete("subscription closed by the server: " + status);
            }
          }
        });
    subscription.create();
    session.subscription = subscription;

    NamespaceTable namespaces = null;
    List<OpcUaMonitoredItem> items = new ArrayList<>();
    for (MonitoredSignal signal : config.signals()) {
      SignalKey key;
      try {
        key = new SignalKey(signal.source(), signal.nodeId());
      } catch (BadSignalException e) {
        configProblem(signal, e.getMessage());
        continue;
      }
      if (namespaces == null && signal.nodeId().startsWith("nsu=")) {
        namespaces = client.readNamespaceTable();
      }
      var nodeId = NodeIdText.parse(signal.nodeId(), namespaces);
      if (nodeId.isEmpty()) {
        configProblem(signal, "malformed node id or unknown namespace");
        continue;
      }
      var item = OpcUaMonitoredItem.newDataItem(nodeId.get());
      item.setSamplingInterval((double) signal.samplingInterval().toMillis());
      item.setQueueSize(uint(signal.queueSize()));
      item.setDiscardOldest(true);
      DataChangeFilter filter = filter(signal.deadband());
      if (filter != null) {
        item.setFilter(filter);
      }
      item.setUserObject(new Item(signal, key));
      items.add(item);
    }
    subscription.addMonitoredItems(items);
    try {
      subscription.synchronizeMonitoredItems();
    } catch (MonitoredItemSynchronizationException e) {
      // reported per item below
    }
    for (OpcUaMonitoredItem item : items) {
      StatusCode result = item.getCreateResult().orElse(StatusCode.BAD);
      if (!result.isGood()) {
        Item it = (Item) item.getUserObject().orElseThrow();
        configProblem(it.signal(), "the server refused to monitor it: " + result);
        subscription.removeMonitoredItem(item);
      }
    }
    if (delivery.isFull()) {
      subscription.setPublishingMode(false);
    }
  }

  private static DataChangeFilter filter(Deadband deadband) {
    return switch (deadband) {
      case Deadband.None none -> null;
      case Deadband.Absolute a ->
          new DataChangeFilter(
              DataChangeTrigger.StatusValue, uint(DeadbandType.Absolute.getValue()), a.delta());
      case Deadband.Percent p ->
          new DataChangeFilter(
              DataChangeTrigger.StatusValue,
              uint(DeadbandType.Percent.getValue()),
              p.percentOfRange());
    };
  }

  /** A configured signal that cannot be monitored: rejected once, the others go on. */
  private void configProblem(MonitoredSignal signal, String problem) {
    String reason = "signal " + signal.nodeId() + ": " + problem;
    if (!reportedConfigProblems.add(reason)) {
      return;
    }
    log.warn("OPC UA connection {}: {}", config.name(), reason);
    counters.moveTo(counters.state(), reason);
    reject(signal.source(), reason, signal.nodeId());
  }

  private void reject(String source, String reason, String sample) {
    counters.rejected();
    try {
      sink.rejected(source, reason, ConnectorCounters.sample(sample));
    } catch (RuntimeException e) {
      log.warn("OPC UA connection {}: sink failed on a rejection: {}", config.name(), e.toString());
    }
  }

  // ---------------------------------------------------------------- Milo's delivery thread

  private void received(List<OpcUaMonitoredItem> items, List<DataValue> values) {
    var receivedAt = clock.instant();
    List<MachineSignal> signals = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object user = items.get(i).getUserObject().orElse(null);
      if (!(user instanceof Item item)) {
        continue;
      }
      DataValue value = values.get(i);
      try {
        signals.add(DataValues.toSignal(item.key(), value, receivedAt));
      } catch (BadSignalException e) {
        reject(
            item.signal().source(),
            item.signal().nodeId() + ": " + e.getMessage(),
            DataValues.sample(value));
      }
    }
    delivery.offer(signals);
  }

  private void setPublishing(boolean enabled) {
    Session session = current;
    if (session != null && session.subscription != null) {
      session
          .subscription
          .setPublishingModeAsync(enabled)
          .whenComplete(
              (ok, e) -> {
                if (e != null) {
                  log.warn(
                      "OPC UA connection {}: could not {} publishing: {}",
                      config.name(),
                      enabled ? "resume" : "pause",
                      e.toString());
                }
              });
    }
  }

  // ---------------------------------------------------------------- browse

  /**
   * The children of a node over hierarchical references, with their data types.
   *
   * @param node a node id ({@code ns=2;s=Machine} or {@code nsu=urn:...;s=Machine}), or {@code
   *     null} for the Objects folder
   * @throws BadSignalException if the node id is malformed or unknown to the server
   * @throws IllegalStateException if the connector is not connected now
   */
  @Override
  public List<BrowseEntry> browse(String node) {
    Session session = current;
    if (session == null) {
      throw new IllegalStateException(
          "OPC UA connection " + config.name() + " is not connected: " + status().lastError());
    }
    return new Browser(session.client).browse(node);
  }

  /** Signals that wait for the sink (it refused them, or has not been asked yet). */
  int waitingSignals() {
    Delivery d = delivery;
    return d == null ? 0 : d.waiting();
  }

  // ---------------------------------------------------------------- helpers

  /** The most telling message of a failure: the first UaException in the chain, else the root. */
  static String describe(Throwable e) {
    Throwable t = e;
    Throwable root = e;
    for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof UaException) {
        return message(t);
      }
      root = t;
    }
    return message(root);
  }

  private static String message(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }

  /** What the connector keeps with each monitored item. */
  private record Item(MonitoredSignal signal, SignalKey key) {}

  /** One connected client with its subscription; lost completes once with the reason. */
  private final class Session {
    final OpcUaClient client;
    final CompletableFuture<String> lost = new CompletableFuture<>();
    volatile OpcUaSubscription subscription;

    Session(OpcUaClient client) {
      this.client = client;
    }

    void close() {
      lost.complete("closed");
      try {
        client.disconnectAsync().get(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.debug("OPC UA connection {}: disconnect: {}", config.name(), e.toString());
      }
    }
  }
}
