package dev.takt.demo;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo plant on a first start, right after the admin user is created, at most once per
 * database (a marker row), so deleting the demo data later does not bring it back. A seed that
 * fails (say, a site DEMO exists already) is rolled back whole and logged; the server starts
 * anyway.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoPlantSeeder implements ApplicationRunner {

  static final String SITE = "DEMO";
  private static final Logger log = LoggerFactory.getLogger(DemoPlantSeeder.class);

  private final String mode;
  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;

  DemoPlantSeeder(
      @Value("${takt.demo.data:auto}") String mode,
      DataSource dataSource,
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      TransactionTemplate tx) {
    this.mode = mode;
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.events = events;
    this.tx = tx;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!wanted() || alreadySeeded()) {
      return;
    }
    DemoPlantRequested request = new DemoPlantRequested(SITE);
    try {
      tx.executeWithoutResult(
          status -> {
            events.publishEvent(request);
            jdbc.sql(
                    "INSERT INTO demo_seeding (id, site_code, seeded_at)"
                        + " VALUES (1, :site, CURRENT_TIMESTAMP)")
                .param("site", SITE)
                .update();
          });
    } catch (RuntimeException e) {
      log.error("The demo plant could not be seeded; nothing of it was kept", e);
      return;
    }
    StringBuilder lines = new StringBuilder();
    request.credentials().forEach(line -> lines.append("\n    ").append(line));
    log.warn(
        "\n\n  Demo plant '{}' seeded. Log in as 'admin', or as one of these (shown only this once):{}\n"
            + "  Turn the demo off with TAKT_DEMO_DATA=off on an empty database.\n",
        SITE,
        lines);
  }

  private boolean wanted() {
    return switch (mode.toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      case "auto" -> embedded();
      default -> {
        log.warn("takt.demo.data='{}' is not auto, on or off; no demo plant is seeded", mode);
        yield false;
      }
    };
  }

  private boolean alreadySeeded() {
    return jdbc.sql("SELECT COUNT(*) FROM demo_seeding").query(Long.class).single() > 0;
  }

  private boolean embedded() {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2");
    } catch (SQLException e) {
      log.warn("Could not tell which database this is; no demo plant is seeded", e);
      return false;
    }
  }
}
