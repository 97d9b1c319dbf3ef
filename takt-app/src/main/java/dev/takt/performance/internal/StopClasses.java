package dev.takt.performance.internal;

import dev.takt.reasons.LossCategory;
import dev.takt.reasons.ReasonView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The downtime catalogue split the way {@link OeeMath} counts stop time, so that a view over many
 * days sorts stop rows into classes in SQL and reads one row per unit and period instead of one per
 * reason. The classes are taken from the catalogue as it is when the view is computed, like every
 * other use of a reason's category. A code not in the catalogue is an availability loss.
 */
record StopClasses(List<String> planned, List<String> performance, List<String> failure) {

  /** An IN list is never empty; no reason code contains '~'. */
  private static final String NONE = "~none~";

  /** The class columns, in the order of {@link #ROW}, {@link #SUMS} and the class day rows. */
  static final String COLUMNS =
      "planned_stop, performance_stop, availability_loss, unclassified, failures, failure_seconds";

  /** One stop row ({@code reason}, {@code micro}, {@code seconds}, {@code stops}) as classes. */
  static final String ROW =
      """
      CASE WHEN reason IN (:planned) THEN seconds ELSE 0 END AS planned_stop,
      CASE WHEN reason NOT IN (:planned) AND (micro OR reason IN (:performance))
           THEN seconds ELSE 0 END AS performance_stop,
      CASE WHEN reason NOT IN (:planned) AND NOT micro AND reason NOT IN (:performance)
           THEN seconds ELSE 0 END AS availability_loss,
      CASE WHEN reason = '' AND NOT micro THEN seconds ELSE 0 END AS unclassified,
      CASE WHEN reason IN (:failure) AND NOT micro THEN stops ELSE 0 END AS failures,
      CASE WHEN reason IN (:failure) AND NOT micro THEN seconds ELSE 0 END AS failure_seconds
      """;

  /** The sums of rows that have the class columns. */
  static final String SUMS =
      """
      SUM(planned_stop) AS planned_stop, SUM(performance_stop) AS performance_stop,
      SUM(availability_loss) AS availability_loss, SUM(unclassified) AS unclassified,
      SUM(failures) AS failures, SUM(failure_seconds) AS failure_seconds
      """;

  static StopClasses of(List<ReasonView> catalogue) {
    // sorted, so that the fingerprint does not depend on the catalogue's order
    TreeSet<String> planned = new TreeSet<>();
    TreeSet<String> performance = new TreeSet<>();
    TreeSet<String> failure = new TreeSet<>();
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

  private static List<String> orNone(TreeSet<String> codes) {
    return codes.isEmpty() ? List.of(NONE) : List.copyOf(codes);
  }

  /**
   * Names these classes: equal fingerprints, equal classes. Codes cannot contain '|' or ',', so the
   * joined text is unambiguous.
   */
  String fingerprint() {
    String text =
        String.join(",", planned)
            + "|"
            + String.join(",", performance)
            + "|"
            + String.join(",", failure);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
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
