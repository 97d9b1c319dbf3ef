package dev.takt.machines.internal;

import dev.takt.shared.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Process values as time series: a work unit's named signal over a time range, down-sampled into
 * buckets (average, minimum, maximum, count of the numeric values in each), and the retention purge
 * of the signal table ({@code takt.machines.retention}, default 90 days).
 */
@Service
public class ProcessValues {

  /** At most this many buckets per query; a finer bucket is refused. */
  public static final int MAX_BUCKETS = 10_000;

  static final long MAX_RANGE_DAYS = 366;
  private static final Logger log = LoggerFactory.getLogger(ProcessValues.class);

  /** One bucket: its start, and the numbers in it. */
  public record Point(Instant at, double avg, double min, double max, long count) {}

  /** A series: which signal, which bucket size, the buckets oldest first. */
  public record Series(
      String site,
      String workUnit,
      String signal,
      Instant from,
      Instant to,
      long bucketSeconds,
      List<Point> points) {}

  private final JdbcClient jdbc;
  private final MappingService mappings;
  private final Clock clock;
  private final Duration retention;

  ProcessValues(
      JdbcClient jdbc,
      MappingService mappings,
      Clock clock,
      @Value("${takt.machines.retention:90d}") Duration retention) {
    this.jdbc = jdbc;
    this.mappings = mappings;
    this.clock = clock;
    this.retention = retention;
  }

  /**
   * The named signal of the work unit in {@code [from, to)}, in buckets of {@code bucketSeconds}
   * (null: the range in about 500 buckets).
   */
  @Transactional(readOnly = true)
  public Series series(
      String site, String workUnit, String signal, Instant from, Instant to, Long bucketSeconds) {
    MachineMapping mapping = mappings.mapping(site, workUnit);
    String address = mapping.signals().get(signal);
    if (address == null) {
      throw new InvalidInputException(
          "signal", "'" + signal + "' is not a signal of the machine mapping of " + workUnit);
    }
    Instant end = to == null ? clock.instant() : to;
    Instant start = from == null ? end.minus(Duration.ofHours(1)) : from;
    if (!end.isAfter(start)) {
      throw new InvalidInputException("to", "must be after from");
    }
    if (Duration.between(start, end).toDays() > MAX_RANGE_DAYS) {
      throw new InvalidInputException(
          "from", "the range is longer than " + MAX_RANGE_DAYS + " days");
    }
    long rangeMs = end.toEpochMilli() - start.toEpochMilli();
    long bucketMs =
        bucketSeconds == null
            ? Math.max(1000, (rangeMs / 500 + 999) / 1000 * 1000)
            : bucketSeconds * 1000;
    if (bucketMs <= 0) {
      throw new InvalidInputException("bucketSeconds", "must be positive");
    }
    if (rangeMs / bucketMs > MAX_BUCKETS) {
      throw new InvalidInputException(
          "bucketSeconds", "gives more than " + MAX_BUCKETS + " buckets for this range");
    }
    List<Point> points =
        jdbc.sql(
                """
                SELECT bucket, AVG(v) AS avg_v, MIN(v) AS min_v, MAX(v) AS max_v, COUNT(*) AS n
                  FROM (SELECT (source_ms / :bucket) * :bucket AS bucket, num_value AS v
                          FROM machines_signal
                         WHERE connection_id = :connection AND source = :source
                           AND address = :address AND source_ms >= :from AND source_ms < :to
                           AND num_value IS NOT NULL) samples
                 GROUP BY bucket ORDER BY bucket
                """)
            .param("bucket", bucketMs)
            .param("connection", mapping.connection())
            .param("source", mapping.source())
            .param("address", address)
            .param("from", start.toEpochMilli())
            .param("to", end.toEpochMilli())
            .query(
                (rs, n) ->
                    new Point(
                        Instant.ofEpochMilli(rs.getLong("bucket")),
                        rs.getDouble("avg_v"),
                        rs.getDouble("min_v"),
                        rs.getDouble("max_v"),
                        rs.getLong("n")))
            .list();
    return new Series(site, workUnit, signal, start, end, bucketMs / 1000, points);
  }

  /** Deletes signals received before {@code before}; returns how many. */
  @Transactional
  public int purgeReceivedBefore(Instant before) {
    return jdbc.sql("DELETE FROM machines_signal WHERE received_ms < :before")
        .param("before", before.toEpochMilli())
        .update();
  }

  @Scheduled(
      initialDelayString = "${takt.machines.retention-purge-delay:PT5M}",
      fixedDelayString = "${takt.machines.retention-purge-interval:PT1H}")
  void purge() {
    try {
      int n = purgeReceivedBefore(clock.instant().minus(retention));
      if (n > 0) {
        log.info("Purged {} machine signals older than {}", n, retention);
      }
    } catch (RuntimeException e) {
      log.warn("Machine signal retention purge failed: {}", e.toString());
    }
  }
}
