package dev.takt.machines.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Bad input from machines, per connection: what the connector rejected (malformed payload, NaN,
 * unknown alias) and what the mapping could not use (a text on a part counter, a negative count).
 * Counted and kept (the last {@value #KEEP} per connection) for the status endpoint, logged at most
 * once a minute per connection; never a fact.
 */
@Component
public class InputProblems {

  static final int KEEP = 20;
  private static final Logger log = LoggerFactory.getLogger(InputProblems.class);

  /** One bad input: when, from which source, why, and an excerpt. */
  public record Problem(Instant at, String source, String reason, String sample) {}

  private final Clock clock;
  private final Map<UUID, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Map<UUID, Deque<Problem>> recent = new ConcurrentHashMap<>();
  private final Map<UUID, Instant> lastLogged = new ConcurrentHashMap<>();

  InputProblems(Clock clock) {
    this.clock = clock;
  }

  void report(UUID connection, String source, String reason, String sample) {
    Instant now = clock.instant();
    counts.computeIfAbsent(connection, c -> new AtomicLong()).incrementAndGet();
    Deque<Problem> list = recent.computeIfAbsent(connection, c -> new ArrayDeque<>());
    synchronized (list) {
      list.addFirst(new Problem(now, source, reason, cut(sample)));
      while (list.size() > KEEP) {
        list.removeLast();
      }
    }
    Instant last = lastLogged.get(connection);
    if (last == null || last.plusSeconds(60).isBefore(now)) {
      lastLogged.put(connection, now);
      log.warn(
          "Bad machine input on connection {} from {}: {} ({} so far)",
          connection,
          source,
          reason,
          count(connection));
    }
  }

  public long count(UUID connection) {
    AtomicLong n = counts.get(connection);
    return n == null ? 0 : n.get();
  }

  public List<Problem> recent(UUID connection) {
    Deque<Problem> list = recent.get(connection);
    if (list == null) {
      return List.of();
    }
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  private static String cut(String sample) {
    if (sample == null) {
      return "";
    }
    return sample.length() <= 200 ? sample : sample.substring(0, 200) + "…";
  }
}
