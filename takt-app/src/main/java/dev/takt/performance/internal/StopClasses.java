package dev.takt.performance.internal;

import dev.takt.reasons.LossCategory;
import dev.takt.reasons.ReasonView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The downtime catalogue split the way {@link OeeMath} counts stop time, so that a view over many
 * days sums stop rows per class in SQL and reads one row per unit and period instead of one per
 * reason. The classes are taken from the catalogue as it is when the view is computed, like every
 * other use of a reason's category. A code not in the catalogue is an availability loss.
 */
record StopClasses(List<String> planned, List<String> performance, List<String> failure) {

  /** An IN list is never empty; no reason code contains '~'. */
  private static final String NONE = "~none~";

  /** The sums over rows with {@code reason}, {@code micro}, {@code seconds} and {@code stops}. */
  static final String SUMS =
      """
      SUM(CASE WHEN reason IN (:planned) THEN seconds ELSE 0 END) AS planned_stop,
      SUM(CASE WHEN reason NOT IN (:planned) AND (micro OR reason IN (:performance))
               THEN seconds ELSE 0 END) AS performance_stop,
      SUM(CASE WHEN reason NOT IN (:planned) AND NOT micro AND reason NOT IN (:performance)
               THEN seconds ELSE 0 END) AS availability_loss,
      SUM(CASE WHEN reason = '' AND NOT micro THEN seconds ELSE 0 END) AS unclassified,
      SUM(CASE WHEN reason IN (:failure) AND NOT micro THEN stops ELSE 0 END) AS failures,
      SUM(CASE WHEN reason IN (:failure) AND NOT micro THEN seconds ELSE 0 END) AS failure_seconds
      """;

  static StopClasses of(List<ReasonView> catalogue) {
    List<String> planned = new ArrayList<>();
    List<String> performance = new ArrayList<>();
    List<String> failure = new ArrayList<>();
    for (ReasonView r : catalogue) {
      OeeMath.ReasonClass rc = OeeMath.ReasonClass.of(r);
      if (rc.planned()) {
        planned.add(r.code());
      } else if (rc.category() == LossCategory.SMALL_STOP
          || rc.category() == LossCategory.REDUCED_SPEED) {
        performance.add(r.code());
      } else if (rc.category() == LossCategory.EQUIPMENT_FAILURE) {
        failure.add(r.code());
      }
    }
    return new StopClasses(orNone(planned), orNone(performance), orNone(failure));
  }

  private static List<String> orNone(List<String> codes) {
    return codes.isEmpty() ? List.of(NONE) : List.copyOf(codes);
  }

  JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
    return spec.param("planned", planned)
        .param("performance", performance)
        .param("failure", failure);
  }

  static void addTo(Totals t, ResultSet rs) throws SQLException {
    t.addClassified(
        rs.getLong("planned_stop"),
        rs.getLong("performance_stop"),
        rs.getLong("availability_loss"),
        rs.getLong("unclassified"),
        rs.getLong("failures"),
        rs.getLong("failure_seconds"));
  }
}
