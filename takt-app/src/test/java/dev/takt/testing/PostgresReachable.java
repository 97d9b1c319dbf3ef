package dev.takt.testing;

import java.sql.Connection;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the PostgreSQL pass, with a message saying so, when no PostgreSQL server answers. CI
 * ({@code .ci/run}) starts one and sets {@code TAKT_TEST_PG_REQUIRED=true}, so there a missing
 * server fails the build instead.
 */
public class PostgresReachable implements ExecutionCondition {

  private static volatile String unreachable;
  private static volatile boolean probed;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!TestDatabase.postgresPass()) {
      return ConditionEvaluationResult.enabled("H2 pass");
    }
    if (!probed) {
      probe();
    }
    if (unreachable != null && "true".equals(System.getenv("TAKT_TEST_PG_REQUIRED"))) {
      throw new IllegalStateException(
          "PostgreSQL pass required (TAKT_TEST_PG_REQUIRED) but " + unreachable);
    }
    if (unreachable != null) {
      System.err.println("[takt] PostgreSQL pass SKIPPED: " + unreachable);
      return ConditionEvaluationResult.disabled("PostgreSQL pass skipped: " + unreachable);
    }
    return ConditionEvaluationResult.enabled("PostgreSQL reachable");
  }

  private static synchronized void probe() {
    if (probed) {
      return;
    }
    try (Connection c = TestDatabase.admin(null)) {
      c.isValid(5);
    } catch (Exception e) {
      unreachable =
          "no PostgreSQL at "
              + TestDatabase.adminUrl()
              + " as "
              + TestDatabase.adminUser()
              + " ("
              + e.getMessage()
              + "); set TAKT_TEST_PG_URL / TAKT_TEST_PG_USER / TAKT_TEST_PG_PASSWORD";
    }
    probed = true;
  }
}
