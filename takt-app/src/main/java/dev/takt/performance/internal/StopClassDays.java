package dev.takt.performance.internal;

import dev.takt.reasons.ReasonKind;
import dev.takt.reasons.Reasons;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the stop day rows sorted into loss classes ({@code performance_stop_class_day}, V17), the
 * rows a year view reads. They hold only while the reason catalogue sorts reasons as it did when
 * they were built, so each site's rows carry the catalogue's {@link StopClasses#fingerprint}: a
 * view that finds another fingerprint reads the per-reason day rows instead and asks for a rebuild,
 * which runs here on one thread of its own. A downtime that re-sums single days updates their class
 * rows in its own transaction, under the site's fingerprint row lock, so a rebuild running at the
 * same time cannot miss it.
 */
@Component
class StopClassDays {

  private static final Logger log = LoggerFactory.getLogger(StopClassDays.class);

  private final JdbcClient jdbc;
  private final Reasons reasons;
  private final ViewSession session;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final ExecutorService rebuilder =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "oee-class-rebuild");
            t.setDaemon(true);
            return t;
          });

  StopClassDays(
      JdbcClient jdbc,
      Reasons reasons,
      ViewSession session,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.reasons = reasons;
    this.session = session;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  StopClasses current() {
    return StopClasses.of(reasons.all(ReasonKind.DOWNTIME));
  }

  /** Whether the site's class rows were built with these classes (and so may be read). */
  boolean validFor(String site, StopClasses classes) {
    return classes.fingerprint().equals(built(site, false));
  }

  /** The fingerprint the site's class rows were built with (null: none), its row locked or not. */
  private String built(String site, boolean forUpdate) {
    return jdbc.sql(
            "SELECT fingerprint FROM performance_stop_classes WHERE site = :site"
                + (forUpdate ? " FOR UPDATE" : ""))
        .param("site", site)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /**
   * The class rows of these days of a work unit, summed again from its per-reason day rows; in the
   * caller's transaction, after those were written. Nothing to do while the site has no valid rows:
   * the rebuild will read the day rows this transaction commits.
   */
  void refresh(String site, String workUnit, Set<LocalDate> days) {
    if (days.isEmpty()) {
      return;
    }
    String built = built(site, true);
    if (built == null) {
      return;
    }
    StopClasses classes = current();
    if (!classes.fingerprint().equals(built)) {
      requestRebuild(site);
      return;
    }
    List<java.sql.Date> dates = days.stream().map(Sql::date).toList();
    jdbc.sql(
            """
            DELETE FROM performance_stop_class_day
             WHERE site = :site AND work_unit = :unit AND business_day IN (:days)
            """)
        .param("site", site)
        .param("unit", workUnit)
        .param("days", dates)
        .update();
    classes
        .bind(
            jdbc.sql(
                insertFromDayRows(
                    "site = :site AND work_unit = :unit AND business_day IN (:days)")))
        .param("site", site)
        .param("unit", workUnit)
        .param("days", dates)
        .update();
  }

  private static String insertFromDayRows(String where) {
    return "INSERT INTO performance_stop_class_day (site, work_unit, business_day, "
        + StopClasses.COLUMNS
        + ") SELECT site, work_unit, business_day, "
        + StopClasses.SUMS
        + " FROM (SELECT site, work_unit, business_day, "
        + StopClasses.ROW
        + " FROM performance_stop_day WHERE "
        + where
        + ") x GROUP BY site, work_unit, business_day";
  }

  /** Queues a rebuild of the site's class rows unless one is already waiting. */
  void requestRebuild(String site) {
    if (!pending.add(site)) {
      return;
    }
    try {
      rebuilder.execute(
          () -> {
            pending.remove(site);
            try {
              rebuild(site);
            } catch (RuntimeException e) {
              log.warn("rebuilding the OEE class day rows of site {} failed", site, e);
            }
          });
    } catch (RejectedExecutionException e) {
      pending.remove(site); // shutting down: the next start checks again
    }
  }

  /** Rebuilds all class rows of a site with the catalogue's classes as they are now. */
  void rebuild(String site) {
    StopClasses classes = current();
    long t0 = System.nanoTime();
    tx.executeWithoutResult(
        status -> {
          String built = built(site, true);
          if (classes.fingerprint().equals(built)) {
            return;
          }
          if (built == null) {
            // the row to lock; one rebuild thread per server, and a second server's duplicate
            // insert fails its rebuild, which the next view asks for again
            jdbc.sql(
                    "INSERT INTO performance_stop_classes (site, fingerprint, built_at)"
                        + " VALUES (:site, '', :at)")
                .param("site", site)
                .param("at", Sql.ts(clock.instant()))
                .update();
          }
          session.tuneForAggregates();
          jdbc.sql("DELETE FROM performance_stop_class_day WHERE site = :site")
              .param("site", site)
              .update();
          int rows =
              classes
                  .bind(jdbc.sql(insertFromDayRows("site = :site")))
                  .param("site", site)
                  .update();
          jdbc.sql(
                  "UPDATE performance_stop_classes SET fingerprint = :fingerprint, built_at = :at"
                      + " WHERE site = :site")
              .param("fingerprint", classes.fingerprint())
              .param("at", Sql.ts(clock.instant()))
              .param("site", site)
              .update();
          log.info(
              "OEE class day rows of site {} rebuilt: {} rows in {} ms",
              site,
              rows,
              (System.nanoTime() - t0) / 1_000_000);
        });
  }

  /** On start: every site with stop day rows gets class rows for today's catalogue. */
  @EventListener(ApplicationReadyEvent.class)
  void checkOnStart() {
    StopClasses classes = current();
    List<String> sites =
        jdbc.sql(
                "SELECT DISTINCT site FROM performance_stop_day"
                    + " UNION SELECT site FROM performance_stop_classes")
            .query(String.class)
            .list();
    for (String site : sites) {
      if (!validFor(site, classes)) {
        requestRebuild(site);
      }
    }
  }

  @PreDestroy
  void stop() {
    rebuilder.shutdownNow();
  }
}
