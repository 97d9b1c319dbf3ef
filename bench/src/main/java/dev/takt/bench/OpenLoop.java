package dev.takt.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Recorder;

/**
 * Sends requests at a constant arrival rate, whatever the server does (an open loop), and measures
 * each request from the moment it was due, not from when it was sent: a server that stalls makes
 * the queue of due requests grow, and that wait counts (no coordinated omission).
 */
final class OpenLoop {

  /** One request; returns true when the answer was the expected one. */
  interface Call {
    boolean run() throws Exception;
  }

  record Result(
      double rate,
      long sent,
      long errors,
      double seconds,
      org.HdrHistogram.Histogram latencyMicros) {

    double p(double percentile) {
      return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    String line() {
      return String.format(
          "rate %6.0f/s  sent %7d  errors %5d  achieved %6.0f/s  p50 %7.1f ms  p99 %7.1f ms  p99.9 %7.1f ms  max %7.1f ms",
          rate,
          sent,
          errors,
          sent / seconds,
          p(50),
          p(99),
          p(99.9),
          latencyMicros.getMaxValue() / 1000.0);
    }
  }

  private OpenLoop() {}

  /**
   * Runs {@code calls.apply(i)} for i = 0, 1, 2 … at {@code rate} per second for {@code duration},
   * each on its own virtual thread, then waits for the stragglers (at most 30 s).
   */
  static Result run(double rate, Duration duration, IntFunction<Call> calls)
      throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicLong errors = new AtomicLong();
    long intervalNanos = (long) (1_000_000_000L / rate);
    long total = (long) (rate * duration.toNanos() / 1e9);
    long start = System.nanoTime() + 50_000_000;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < total; i++) {
        long due = start + i * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        Call call = calls.apply(i);
        threads.submit(
            () -> {
              boolean ok;
              try {
                ok = call.run();
              } catch (Exception e) {
                ok = false;
              }
              recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
              if (!ok) {
                errors.incrementAndGet();
              }
            });
      }
      threads.shutdown();
      threads.awaitTermination(30, TimeUnit.SECONDS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(rate, total, errors.get(), seconds, recorder.getIntervalHistogram());
  }
}
