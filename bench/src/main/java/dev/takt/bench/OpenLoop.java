package dev.takt.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
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
      org.HdrHistogram.Histogram latencyMicros,
      Timeline timeline) {

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
    Timeline timeline = new Timeline((int) duration.toSeconds() + 1);
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
              long micros = Math.max(1, (System.nanoTime() - due) / 1000);
              recorder.recordValue(micros);
              timeline.record((int) ((due - start) / 1_000_000_000L), micros);
              if (!ok) {
                errors.incrementAndGet();
              }
            });
      }
      threads.shutdown();
      threads.awaitTermination(30, TimeUnit.SECONDS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(
        rate, total, errors.get(), seconds, recorder.getIntervalHistogram(), timeline);
  }

  /**
   * Per second of the schedule (by due time): requests, how many took over 50 ms, and the slowest.
   * A p99 over a minute is made by its worst second or two; this tells whether the slow requests
   * are spread out (a server near capacity) or bunched (a stall: a collection, a checkpoint).
   */
  static final class Timeline {
    private final AtomicLongArray count;
    private final AtomicLongArray over50;
    private final AtomicLongArray maxMicros;

    Timeline(int seconds) {
      count = new AtomicLongArray(seconds);
      over50 = new AtomicLongArray(seconds);
      maxMicros = new AtomicLongArray(seconds);
    }

    void record(int second, long micros) {
      if (second < 0 || second >= count.length()) {
        return;
      }
      count.incrementAndGet(second);
      if (micros > 50_000) {
        over50.incrementAndGet(second);
      }
      maxMicros.accumulateAndGet(second, micros, Math::max);
    }

    /** One line per second: "second requests over50ms max_ms". */
    String lines(String label) {
      StringBuilder out = new StringBuilder();
      for (int s = 0; s < count.length(); s++) {
        out.append(
            String.format(
                "TIMELINE %s %d %d %d %.1f%n",
                label, s, count.get(s), over50.get(s), maxMicros.get(s) / 1000.0));
      }
      return out.toString();
    }
  }
}
