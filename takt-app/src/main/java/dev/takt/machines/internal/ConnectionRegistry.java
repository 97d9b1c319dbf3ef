package dev.takt.machines.internal;

import dev.takt.connector.BadSignalException;
import dev.takt.connector.Browsable;
import dev.takt.connector.Connector;
import dev.takt.connector.ConnectorStatus;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs one connector per enabled connection this node owns, and keeps that true as connections
 * change: a change is applied after its commit (stop the old connector, start a new one), and every
 * 15 seconds the registry compares what runs with what is stored (another node's connections it may
 * take over, deleted ones, a lost lock).
 */
@Component
public class ConnectionRegistry implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ConnectionRegistry.class);

  /** What runs for a connection on this node. */
  private record Running(Connector connector, long version, String name) {}

  /** How a connection stands on this node. */
  public enum Placement {
    RUNNING_HERE,
    OWNED_BY_ANOTHER_NODE,
    DISABLED,
    FAILED_TO_START
  }

  /** A connection's status for the API. */
  public record Status(
      Placement placement,
      ConnectorStatus.State state,
      Instant since,
      String lastError,
      long signals,
      long rejected,
      long reconnects,
      long invalidInput,
      long spooledBatches,
      List<InputProblems.Problem> recentProblems) {}

  private final ConnectionService connections;
  private final ConnectionOwnership ownership;
  private final SignalIngest ingest;
  private final StateEngine engine;
  private final InputProblems problems;
  private final Clock clock;
  private final Map<UUID, Running> running = new ConcurrentHashMap<>();
  private final Map<UUID, String> startErrors = new ConcurrentHashMap<>();
  private volatile boolean started;

  ConnectionRegistry(
      ConnectionService connections,
      ConnectionOwnership ownership,
      SignalIngest ingest,
      StateEngine engine,
      InputProblems problems,
      Clock clock) {
    this.connections = connections;
    this.ownership = ownership;
    this.ingest = ingest;
    this.engine = engine;
    this.problems = problems;
    this.clock = clock;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(ConnectionChanged changed) {
    if (started) {
      apply(changed.connectionId());
    }
  }

  /** Brings what runs for this connection in line with what is stored. */
  synchronized void apply(UUID id) {
    Optional<ConnectionService.Definition> stored;
    try {
      stored = connections.definition(id);
    } catch (RuntimeException databaseAway) {
      log.debug("Connection {} not applied now: {}", id, databaseAway.toString());
      return;
    }
    Running current = running.get(id);
    boolean wanted = stored.isPresent() && stored.get().enabled() && ownership.tryOwn(id);
    if (current != null && (!wanted || current.version() != stored.get().version())) {
      stop(id, current);
    }
    if (!wanted) {
      if (stored.isEmpty() || !stored.get().enabled()) {
        ownership.release(id);
      }
      return;
    }
    if (running.containsKey(id)) {
      return;
    }
    ConnectionService.Definition def = stored.get();
    try {
      Connector connector = connections.factory(def.protocol()).create(def.name(), def.settings());
      connector.start(new ConnectionSink(id, ingest, engine, problems));
      running.put(id, new Running(connector, def.version(), def.name()));
      startErrors.remove(id);
      engine.connectionStarted(id);
      log.info("Connection {} ({}) started", def.name(), def.protocol());
    } catch (RuntimeException e) {
      startErrors.put(id, e.getMessage() == null ? e.toString() : e.getMessage());
      log.error("Connection {} could not start", def.name(), e);
    }
  }

  private void stop(UUID id, Running current) {
    running.remove(id);
    try {
      current.connector().close();
    } catch (RuntimeException e) {
      log.warn("Connection {} did not close cleanly", current.name(), e);
    }
    engine.connectionStopped(id, clock.instant());
    log.info("Connection {} stopped", current.name());
  }

  @Scheduled(initialDelayString = "PT15S", fixedDelayString = "PT15S")
  void reconcile() {
    if (!started) {
      return;
    }
    Set<UUID> ids;
    try {
      ids = new HashSet<>(connections.allIds());
    } catch (RuntimeException databaseAway) {
      return;
    }
    ids.addAll(running.keySet());
    ids.forEach(this::apply);
  }

  /** The status of a connection as this node sees it. */
  public Status status(UUID id) {
    ConnectionView view = connections.get(id);
    Running r = running.get(id);
    if (r == null) {
      Placement p =
          !view.enabled()
              ? Placement.DISABLED
              : startErrors.containsKey(id)
                  ? Placement.FAILED_TO_START
                  : Placement.OWNED_BY_ANOTHER_NODE;
      return new Status(
          p,
          ConnectorStatus.State.STOPPED,
          null,
          startErrors.get(id),
          0,
          0,
          0,
          problems.count(id),
          ingest.spooledBatches(id),
          problems.recent(id));
    }
    ConnectorStatus s = r.connector().status();
    return new Status(
        Placement.RUNNING_HERE,
        s.state(),
        s.since(),
        s.lastError(),
        s.signals(),
        s.rejected(),
        s.reconnects(),
        problems.count(id),
        ingest.spooledBatches(id),
        problems.recent(id));
  }

  /** The children of a node of the connection's peer (OPC UA address space). */
  public List<Browsable.BrowseEntry> browse(UUID id, String node) {
    ConnectionView view = connections.get(id);
    Running r = running.get(id);
    if (view.protocol() != Protocol.OPCUA) {
      throw new ConflictException(
          "protocol", view.protocol() + " connections have no address space to browse");
    }
    if (r == null) {
      throw new ConflictException(
          null, "connection '" + view.name() + "' does not run on this node now");
    }
    if (node != null && node.length() > 512) {
      throw new InvalidInputException("node", "is longer than 512 characters");
    }
    try {
      return ((Browsable) r.connector()).browse(node);
    } catch (BadSignalException e) {
      throw new InvalidInputException("node", e.getMessage());
    } catch (IllegalStateException e) {
      throw new ConflictException(null, e.getMessage());
    }
  }

  @Override
  public synchronized void start() {
    started = true;
    try {
      connections.allIds().forEach(this::apply);
    } catch (RuntimeException e) {
      log.error("Connections could not be loaded at start; the registry tries again", e);
    }
  }

  @Override
  public synchronized void stop() {
    started = false;
    running.forEach(this::stop);
    ownership.releaseAll();
  }

  @Override
  public boolean isRunning() {
    return started;
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
