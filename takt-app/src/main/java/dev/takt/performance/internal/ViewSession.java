package dev.takt.performance.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a view's statements run on PostgreSQL. A year of a site is ~50,000 unit-days summed from half
 * a million day rows: with the default 4 MB of work memory the aggregate spills to disk, and after
 * five executions the driver's prepared statement gets a generic plan that guesses a few thousand
 * rows for any date range (seen in the OEE benchmark: 4 s instead of 1.4 s under load). And
 * PostgreSQL's JIT compiler, which starts above a plan cost that a week of a site's 15-minute stop
 * buckets exceeds, spent 50–80 ms compiling a statement that runs in 100 ms without it (OEE
 * benchmark, 2026-12-03). The settings are local: they end with the view's read-only transaction,
 * and one statement sets them all.
 */
@Component
class ViewSession {

  private final JdbcClient jdbc;
  private final boolean postgres;

  ViewSession(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    boolean pg;
    try (Connection c = dataSource.getConnection()) {
      pg = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      pg = false;
    }
    this.postgres = pg;
  }

  /** Call inside the view's transaction, before its aggregates. */
  void tuneForAggregates() {
    if (postgres) {
      jdbc.sql(
              "SELECT set_config('work_mem', '64MB', true),"
                  + " set_config('plan_cache_mode', 'force_custom_plan', true),"
                  + " set_config('jit', 'off', true)")
          .query(rs -> {});
    }
  }
}
