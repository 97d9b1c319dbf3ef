package dev.takt.performance.internal;

import dev.takt.execution.QuantityReported;
import dev.takt.orders.OperationView;
import dev.takt.orders.ProductionOrders;
import dev.takt.performance.internal.CountIntake.Reported;
import dev.takt.shared.WakeableWorker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the waiting quantity reports of {@link CountIntake} to the count buckets, on one thread
 * of its own: woken by each committed booking, it applies up to {@value #BATCH} reports in one
 * transaction under the locks of their work units, summed per bucket, and deletes them; while it
 * works, the next batch gathers, and once woken it waits {@code takt.performance.count-linger}
 * (default 50 ms) for more: without that wait, a drain per booking was five more statements and a
 * commit for each booking. It also looks every second, for reports committed on another node or
 * left by a crash.
 *
 * <p>A batch that fails is applied report by report; a report that fails alone {@value
 * #MAX_ATTEMPTS} times is set aside (it stays in the table, logged as an error) so that it cannot
 * hold up the others.
 */
@Component
class CountDrainer {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CountDrainer.class);

  static final int BATCH = 500;
  static final int MAX_ATTEMPTS = 5;
  private static final int MAX_CYCLES = 10_000;

  private final CountIntake intake;
  private final UnitStates states;
  private final BucketStore buckets;
  private final ProductionOrders orders;
  private final LiveFeed feed;
  private final TransactionTemplate tx;
  private final WakeableWorker worker;

  /**
   * Ideal cycle times by operation. An operation's cycle time is part of its order's routing
   * snapshot, taken at release and never changed, so it is kept without expiry (bounded: emptied
   * when full).
   */
  private final Map<UUID, BigDecimal> cycles = new ConcurrentHashMap<>();

  CountDrainer(
      CountIntake intake,
      UnitStates states,
      BucketStore buckets,
      ProductionOrders orders,
      LiveFeed feed,
      PlatformTransactionManager transactions,
      @Value("${takt.performance.count-linger:50ms}") Duration linger) {
    this.intake = intake;
    this.states = states;
    this.buckets = buckets;
    this.orders = orders;
    this.feed = feed;
    this.tx = new TransactionTemplate(transactions);
    this.worker =
        new WakeableWorker(
            "oee-count-drainer",
            linger,
            this::adoptFormerPublications,
            () -> {
              drain();
              return false; // drain() goes on until nothing waits
            });
  }

  /** In the booking's transaction: refusing here refuses the booking, so nothing is half-kept. */
  @EventListener
  void on(QuantityReported e) {
    intake.add(e);
    worker.wakeAfterCommit();
  }

  /**
   * The drainer's thread, started and stopped by Spring with the application: started before the
   * web server takes requests and stopped after it stopped taking them, so the bookings of a server
   * shutting down are applied by it, not left for the next start.
   */
  @Bean
  WakeableWorker countDrainerThread() {
    return worker;
  }

  /** At each start: the reports a server before the upgrade left in the publication registry. */
  private void adoptFormerPublications() {
    try {
      int adopted = intake.adoptFormerPublications();
      if (adopted > 0) {
        log.info(
            "Took over {} quantity reports not yet applied to OEE before the upgrade", adopted);
      }
    } catch (RuntimeException e) {
      log.warn(
          "Could not take over earlier quantity reports (tried again at the next start): {}",
          e.toString());
    }
  }

  /** Applies what waits now; returns how many reports were applied. */
  int drain() {
    int applied = 0;
    while (true) {
      List<Reported> batch;
      try {
        batch = tx.execute(status -> applyOldest());
      } catch (RuntimeException e) {
        log.warn("A batch of quantity reports failed ({}); applying them one by one", e.toString());
        batch = applyOneByOne();
      }
      applied += batch.size();
      tellFeed(batch);
      if (batch.size() < BATCH) {
        return applied;
      }
    }
  }

  private List<Reported> applyOldest() {
    List<Reported> batch = intake.lockOldest(BATCH, MAX_ATTEMPTS);
    if (!batch.isEmpty()) {
      apply(batch);
      intake.remove(batch);
    }
    return batch;
  }

  private List<Reported> applyOneByOne() {
    List<Reported> applied = new ArrayList<>();
    for (Reported r : tx.execute(status -> intake.lockOldest(BATCH, MAX_ATTEMPTS))) {
      try {
        tx.executeWithoutResult(
            status ->
                intake
                    .lock(r.id())
                    .ifPresent(
                        row -> {
                          apply(List.of(row));
                          intake.remove(List.of(row));
                          applied.add(row);
                        }));
      } catch (RuntimeException e) {
        int attempts = tx.execute(status -> intake.failed(r.id()));
        if (attempts >= MAX_ATTEMPTS) {
          log.error(
              "Quantity report {} of {}/{} could not be applied to OEE {} times and is set aside"
                  + " in performance_count_intake: {}",
              r.id(),
              r.site(),
              r.workUnit(),
              attempts,
              e.toString());
        }
      }
    }
    return applied;
  }

  /** Sums the reports per bucket and applies the sums under their work units' locks. */
  private void apply(List<Reported> batch) {
    Map<String, Map<String, Instant>> unitsBySite = new TreeMap<>();
    Map<BucketKey, Sums> sums = new LinkedHashMap<>();
    for (Reported r : batch) {
      unitsBySite
          .computeIfAbsent(r.site(), s -> new TreeMap<>())
          .merge(r.workUnit(), r.at(), (a, b) -> a.isBefore(b) ? a : b);
      BucketKey key =
          new BucketKey(
              r.site(),
              r.workUnit(),
              r.orderNumber(),
              Buckets.floor(r.at()),
              r.scrapReason(),
              r.reworkReason());
      sums.computeIfAbsent(key, k -> new Sums()).add(r, cycleSeconds(r.operationId()));
    }
    unitsBySite.forEach(this::lockUnits);
    sums.forEach(
        (k, s) ->
            buckets.addCounts(
                k.site(),
                k.workUnit(),
                k.orderNumber(),
                k.bucket(),
                s.good,
                s.scrap,
                k.scrapReason(),
                s.rework,
                k.reworkReason(),
                s.ideal));
  }

  /** Locks the units' rows (in code order); a unit's first report creates its row. */
  private void lockUnits(String site, Map<String, Instant> firstReportByUnit) {
    Set<String> found = states.lockAll(site, firstReportByUnit.keySet());
    firstReportByUnit.forEach(
        (unit, at) -> {
          if (!found.contains(unit)) {
            states.ensure(site, unit, at);
            states.lock(site, unit);
          }
        });
  }

  private void tellFeed(List<Reported> applied) {
    Set<Unit> units = new LinkedHashSet<>();
    applied.forEach(r -> units.add(new Unit(r.site(), r.workUnit())));
    units.forEach(u -> feed.changed(u.site(), u.workUnit()));
  }

  private BigDecimal cycleSeconds(UUID operationId) {
    BigDecimal known = cycles.get(operationId);
    if (known != null) {
      return known;
    }
    Optional<BigDecimal> read = orders.operation(operationId).map(OperationView::cycleSeconds);
    if (read.isEmpty()) {
      return BigDecimal.ZERO;
    }
    if (cycles.size() >= MAX_CYCLES) {
      cycles.clear();
    }
    cycles.put(operationId, read.get());
    return read.get();
  }

  private record Unit(String site, String workUnit) {}

  private record BucketKey(
      String site,
      String workUnit,
      String orderNumber,
      Instant bucket,
      String scrapReason,
      String reworkReason) {}

  private static final class Sums {
    BigDecimal good = BigDecimal.ZERO;
    BigDecimal scrap = BigDecimal.ZERO;
    BigDecimal rework = BigDecimal.ZERO;
    BigDecimal ideal = BigDecimal.ZERO;

    void add(Reported r, BigDecimal cycleSeconds) {
      good = good.add(r.good());
      scrap = scrap.add(r.scrap());
      rework = rework.add(r.rework());
      ideal = ideal.add(cycleSeconds.multiply(r.good().add(r.scrap()).add(r.rework())));
    }
  }
}
