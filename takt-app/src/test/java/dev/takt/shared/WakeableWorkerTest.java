package dev.takt.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WakeableWorkerTest {

  WakeableWorker worker;

  @AfterEach
  void stop() {
    worker.stop();
  }

  @Test
  void itWorksOffBatchAfterBatchUntilNothingMoreWaits() throws Exception {
    // given: three batches waiting
    AtomicInteger left = new AtomicInteger(3);
    CountDownLatch allDone = new CountDownLatch(3);
    worker =
        new WakeableWorker(
            "test-worker",
            () -> {
              if (left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                allDone.countDown();
              }
              return left.get() > 0;
            });

    // when
    worker.start();

    // then: one after the other, not one a second
    assertThat(allDone.await(900, TimeUnit.MILLISECONDS)).isTrue();
  }

  @Test
  void aFailedBatchIsTriedAgainAndTheWorkerGoesOn() throws Exception {
    // given: the database is away for the first try
    AtomicInteger tries = new AtomicInteger();
    CountDownLatch succeeded = new CountDownLatch(1);
    worker =
        new WakeableWorker(
            "test-worker",
            () -> {
              if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("connection refused");
              }
              succeeded.countDown();
              return false;
            });

    // when
    worker.start();
    worker.wake();

    // then
    assertThat(succeeded.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(tries.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void outsideATransactionAWakeAfterCommitWakesAtOnce() throws Exception {
    CountDownLatch ran = new CountDownLatch(2); // the first look at start, then the wake
    worker =
        new WakeableWorker(
            "test-worker",
            () -> {
              ran.countDown();
              return false;
            });
    worker.start();

    worker.wakeAfterCommit();

    assertThat(ran.await(900, TimeUnit.MILLISECONDS)).isTrue();
  }

  @Test
  void wokenItLingersSoThatMoreCommitsGatherIntoOneBatch() throws Exception {
    // given: a worker that lingers 300 ms and has looked once at start
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch woken = new CountDownLatch(2);
    long[] ranAt = new long[1];
    worker =
        new WakeableWorker(
            "test-worker",
            Duration.ofMillis(300),
            () -> {
              ranAt[0] = System.nanoTime();
              started.countDown();
              woken.countDown();
              return false;
            });
    worker.start();
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    // when
    long wokenAt = System.nanoTime();
    worker.wake();

    // then
    assertThat(woken.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(Duration.ofNanos(ranAt[0] - wokenAt)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void eachStartFirstDoesWhatAStartMustDoThenTheBatches() throws Exception {
    // given: a worker that takes over left-overs at start, stopped once
    List<String> steps = new CopyOnWriteArrayList<>();
    CountDownLatch secondBatch = new CountDownLatch(2);
    worker =
        new WakeableWorker(
            "test-worker",
            Duration.ZERO,
            () -> steps.add("take over"),
            () -> {
              steps.add("batch");
              secondBatch.countDown();
              return false;
            });
    worker.start();
    waitUntil(() -> steps.contains("batch"));
    worker.stop();

    // when
    worker.start();

    // then
    assertThat(secondBatch.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(steps).startsWith("take over", "batch", "take over", "batch");
  }

  private static void waitUntil(java.util.function.BooleanSupplier done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  @Test
  void stopEndsTheThread() {
    worker = new WakeableWorker("test-worker", () -> false);
    worker.start();

    worker.stop();

    assertThat(worker.isRunning()).isFalse();
  }
}
