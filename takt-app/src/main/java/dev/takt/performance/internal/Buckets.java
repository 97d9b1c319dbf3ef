package dev.takt.performance.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The time grid of the pre-aggregation: 15-minute buckets aligned to the UTC epoch, which are also
 * aligned to the quarter hours of every time zone in use. A range given to a view is widened to
 * whole buckets.
 */
final class Buckets {

  static final long SECONDS = 15 * 60;
  static final Duration SIZE = Duration.ofSeconds(SECONDS);

  private Buckets() {}

  static Instant floor(Instant t) {
    long s = t.getEpochSecond();
    return Instant.ofEpochSecond(s - Math.floorMod(s, SECONDS));
  }

  static Instant ceil(Instant t) {
    Instant f = floor(t);
    return f.equals(t) ? f : f.plus(SIZE);
  }
}
