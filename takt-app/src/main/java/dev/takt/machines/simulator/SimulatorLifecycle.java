package dev.takt.machines.simulator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link MachineSimulator} when {@code takt.simulator.enabled} says so: {@code auto} (the
 * default) runs it where the demo plant is seeded (embedded H2 and {@code takt.demo.data} not off),
 * {@code true} always, {@code false} never. {@code takt.simulator.port} (default 4841; 0 for a free
 * one) and {@code takt.simulator.autopilot} (default true) shape it.
 */
@Component
public class SimulatorLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SimulatorLifecycle.class);

  private final MachineSimulator simulator;
  private volatile boolean running;

  SimulatorLifecycle(
      @Value("${takt.simulator.enabled:auto}") String enabled,
      @Value("${takt.simulator.port:4841}") int port,
      @Value("${takt.simulator.autopilot:true}") boolean autopilot,
      @Value("${takt.demo.data:auto}") String demo,
      DataSource dataSource) {
    boolean on =
        switch (enabled.toLowerCase(Locale.ROOT)) {
          case "true", "on" -> true;
          case "false", "off" -> false;
          default -> !demo.equalsIgnoreCase("off") && embedded(dataSource);
        };
    this.simulator = on ? new MachineSimulator(port, autopilot) : null;
  }

  /** The simulator, when it runs in this server. */
  public Optional<MachineSimulator> simulator() {
    return Optional.ofNullable(simulator);
  }

  @Override
  public void start() {
    if (simulator != null) {
      try {
        simulator.start();
      } catch (RuntimeException e) {
        log.error("The machine simulator could not start; Takt runs without it", e);
      }
    }
    running = true;
  }

  @Override
  public void stop() {
    if (simulator != null) {
      simulator.close();
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the connections, so the demo's connection finds its server at once. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 300;
  }

  private static boolean embedded(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2");
    } catch (SQLException e) {
      return false;
    }
  }
}
