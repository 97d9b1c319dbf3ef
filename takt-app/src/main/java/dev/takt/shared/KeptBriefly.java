package dev.takt.shared;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the database said, kept per key for a few seconds, and forgotten on this server once a write
 * that changes it has committed ({@link #forgetAfterCommit()}): for data read on every request that
 * changes seldom (tokens, shift calendars).
 *
 * <p>A look-up that raced with such a write cannot put the old state back: the caller reads {@link
 * #generation()} before it reads the database and passes it to {@link #put}, and a value counts
 * only while its generation is the current one. Another server of a cluster sees a change after the
 * time to live at the latest.
 */
public final class KeptBriefly<K, V> {

  private record Entry<V>(V value, long generation, long until) {}

  private final long ttlNanos;
  private final int maxEntries;
  private final AtomicLong generation = new AtomicLong();
  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

  /** Values live for {@code ttl}; beyond {@code maxEntries} keys everything is forgotten. */
  public KeptBriefly(Duration ttl, int maxEntries) {
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
  }

  /** The generation to pass to {@link #put}: read it before reading the database. */
  public long generation() {
    return generation.get();
  }

  /** The value kept for this key, or null. */
  public V get(K key) {
    Entry<V> e = entries.get(key);
    if (e == null) {
      return null;
    }
    if (e.generation() != generation.get() || System.nanoTime() - e.until() > 0) {
      entries.remove(key, e);
      return null;
    }
    return e.value();
  }

  /** Keeps a value read after {@link #generation()} returned {@code generation}. */
  public void put(K key, V value, long generation) {
    if (generation != this.generation.get()) {
      return;
    }
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(key, new Entry<>(value, generation, System.nanoTime() + ttlNanos));
  }

  /**
   * Something kept was written: forget everything once the write has committed (at once outside a
   * transaction). Forgetting before the commit would not help: a look-up between that and the
   * commit still reads the old rows.
   */
  public void forgetAfterCommit() {
    AfterTransaction.run(this::forget);
  }

  private void forget() {
    generation.incrementAndGet();
    entries.clear();
  }
}
