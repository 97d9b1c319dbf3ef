package dev.takt.machines.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which Takt node runs which connection. On PostgreSQL several nodes may share one database: a node
 * runs a connection only while it holds the connection's session-level advisory lock, on a database
 * session of its own that it keeps open. If that session is lost (database restart), the node keeps
 * its connectors running (their signals go to the spool) and takes the locks again when the
 * database is back; a lock another node took meanwhile makes it stop that connector. On H2 (one
 * embedded node) the node owns every connection.
 */
@Component
class ConnectionOwnership {

  private static final Logger log = LoggerFactory.getLogger(ConnectionOwnership.class);

  private final DataSource dataSource;
  private final boolean shared;
  private Connection session;
  private final Set<UUID> held = new HashSet<>();

  ConnectionOwnership(DataSource dataSource) {
    this.dataSource = dataSource;
    boolean postgres;
    try (Connection c = dataSource.getConnection()) {
      postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      postgres = false;
    }
    this.shared = postgres;
  }

  boolean multiNode() {
    return shared;
  }

  /** Whether this node owns the connection now, taking its lock if free. */
  synchronized boolean tryOwn(UUID connection) {
    if (!shared) {
      return true;
    }
    if (held.contains(connection) && sessionAlive()) {
      return true;
    }
    try {
      if (!sessionAlive()) {
        reopen();
      }
      try (PreparedStatement ps = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        ps.setLong(1, key(connection));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          boolean got = rs.getBoolean(1);
          if (got) {
            held.add(connection);
          } else {
            held.remove(connection);
          }
          return got;
        }
      }
    } catch (SQLException e) {
      // Database away: keep what we ran (signals spool), decide again when it is back.
      log.debug("Connection ownership cannot be checked now: {}", e.toString());
      return held.contains(connection);
    }
  }

  synchronized void release(UUID connection) {
    if (!shared || !held.remove(connection)) {
      return;
    }
    try (PreparedStatement ps = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      ps.setLong(1, key(connection));
      ps.execute();
    } catch (SQLException e) {
      log.debug("Advisory unlock failed (the session's end releases it): {}", e.toString());
    }
  }

  synchronized void releaseAll() {
    held.clear();
    if (session != null) {
      try {
        session.close();
      } catch (SQLException ignored) {
        // closing the session releases its locks anyway
      }
      session = null;
    }
  }

  private boolean sessionAlive() {
    try {
      return session != null && session.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private void reopen() throws SQLException {
    if (session != null) {
      try {
        session.close();
      } catch (SQLException ignored) {
        // gone anyway
      }
    }
    // Locks of the lost session are gone: whatever we held must be taken again.
    Set<UUID> before = new HashSet<>(held);
    held.clear();
    session = dataSource.getConnection();
    session.setAutoCommit(true);
    for (UUID c : before) {
      try (PreparedStatement ps = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        ps.setLong(1, key(c));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getBoolean(1)) {
            held.add(c);
          }
        }
      }
    }
  }

  static long key(UUID connection) {
    // A fixed prefix keeps the machines module's locks apart from other advisory locks.
    return (connection.getMostSignificantBits() ^ connection.getLeastSignificantBits())
        ^ 0x54414b54_00000000L;
  }
}
