package dev.takt.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own, created for it and dropped when it
 * closes: an in-memory H2 in PostgreSQL mode, or a fresh database on the PostgreSQL server of the
 * PostgreSQL pass. Which one is chosen by the system property {@code takt.it.database}, set by the
 * two Failsafe executions in the pom.
 *
 * <p>The PostgreSQL server is found through {@code TAKT_TEST_PG_URL} (an admin JDBC URL, default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code TAKT_TEST_PG_USER} (default {@code
 * postgres}) and {@code TAKT_TEST_PG_PASSWORD}.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static boolean postgresPass() {
    return "postgresql".equals(System.getProperty("takt.it.database", "h2"));
  }

  public static String adminUrl() {
    return env("TAKT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  }

  public static String adminUser() {
    return env("TAKT_TEST_PG_USER", "postgres");
  }

  public static String adminPassword() {
    return env("TAKT_TEST_PG_PASSWORD", "");
  }

  /** Opens a superuser connection to the PostgreSQL server (for creating databases, tampering). */
  public static Connection admin(String database) throws SQLException {
    String url = adminUrl();
    if (database != null) {
      url = url.substring(0, url.lastIndexOf('/') + 1) + database;
    }
    return DriverManager.getConnection(url, adminUser(), adminPassword());
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String name = "takt_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    Map<String, Object> props;
    if (postgresPass()) {
      execute("CREATE DATABASE " + name);
      String url = adminUrl().substring(0, adminUrl().lastIndexOf('/') + 1) + name;
      props =
          Map.of(
              "spring.datasource.url",
              url,
              "spring.datasource.username",
              adminUser(),
              "spring.datasource.password",
              adminPassword(),
              "takt.it.database-name",
              name);
      context.addApplicationListener(
          (ApplicationListener<ApplicationEvent>)
              event -> {
                if (event instanceof ContextClosedEvent closed
                    && closed.getApplicationContext() == context) {
                  // Close the pool first: a dropped database under a live pool stalls shutdown.
                  context
                      .getBeanProvider(javax.sql.DataSource.class)
                      .ifAvailable(
                          ds -> {
                            if (ds instanceof java.io.Closeable closeable) {
                              try {
                                closeable.close();
                              } catch (java.io.IOException ignored) {
                                // the drop below ends what is left
                              }
                            }
                          });
                  execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
              });
    } else {
      props =
          Map.of(
              "spring.datasource.url",
              "jdbc:h2:mem:"
                  + name.toLowerCase(Locale.ROOT)
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
              "spring.datasource.username",
              "sa",
              "spring.datasource.password",
              "",
              "takt.it.database-name",
              name);
      // DB_CLOSE_DELAY=-1 keeps it while the pool lives; it goes with the context's pool.
    }
    Map<String, Object> all = new java.util.HashMap<>(props);
    // Each context spools machine signals into a directory of its own.
    all.put(
        "takt.machines.spool.dir",
        java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "takt-spool-" + name)
            .toString());
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("testDatabase", all));
  }

  private static void execute(String sql) {
    try (Connection c = admin(null);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL pass: could not run '" + sql + "': " + e.getMessage(), e);
    }
  }

  private static String env(String key, String fallback) {
    String value = System.getenv(key);
    return value == null || value.isBlank() ? fallback : value;
  }
}
