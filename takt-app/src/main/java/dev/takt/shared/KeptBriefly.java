package dev.takt.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the database said, kept per key for a few seconds, and forgotten on this server once a write
 * that changes it has committed ({@link #forgetAfterCommit()}): for data read on every request that
 * changes seldom (tokens, shift calendars).
 *
 * <p>A look-up that raced with such a write cannot put the old state back: the caller reads {@link
 * #generation()} before it reads the database and passes it to {@link #put}, and a value counts
 * only while its generation is the current one. Another server of a cluster sees a change after the
 * time to live at the latest.
 *
 * <p>A transaction that has written something kept neither reads nor keeps values until it ends
 * ({@link #getOrLoad}): it sees its own write, which other requests must not see before the commit
 * (nor at all after a rollback).
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

  /**
   * The value for this key: the one kept, or else what {@code load} reads (kept when present; an
   * unknown key is read again each time, so that a flood of them cannot push out known ones).
   */
  public Optional<V> getOrLoad(K key, Function<K, Optional<V>> load) {
    boolean usable = !TransactionSynchronizationManager.hasResource(this);
    if (usable) {
      V kept = get(key);
      if (kept != null) {
        return Optional.of(kept);
      }
    }
    long generation = generation();
    Optional<V> read = load.apply(key);
    if (usable) {
      read.ifPresent(value -> put(key, value, generation));
    }
    return read;
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
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && !TransactionSynchronizationManager.hasResource(this)) {
      // the mark that keeps this transaction away from what is kept until it ends
      TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(KeptBriefly.this);
            }
          });
    }
    AfterTransaction.run(this::forget);
  }

  private void forget() {
    generation.incrementAndGet();
    entries.clear();
  }
}
