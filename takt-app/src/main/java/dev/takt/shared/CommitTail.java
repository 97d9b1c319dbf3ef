package dev.takt.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that run as the last statements of the current transaction, just before it commits.
 *
 * <p>For appends that take a plant-wide row lock: the audit chain head and the confirmation counter
 * hand out numbers in commit order by holding one row locked until commit, so every booking waits
 * for the one before it for as long as that one holds the lock. Taken mid-transaction, the lock was
 * also held while the rest of the request ran (more statements, serialising and storing the
 * response for idempotency); taken here it is held only for these few inserts and the commit.
 *
 * <p>Items are collected per transaction (a suspended outer transaction keeps its own) and handed
 * to {@code flush} in the order they were added. Tails flush in ascending {@code order}, so every
 * transaction takes the plant-wide locks in the same order and two bookings cannot deadlock. An
 * item added from another tail's flush, or after the flush, is refused: it would not be written.
 */
public final class CommitTail<T> {

  /** Lock order of the plant-wide rows: the audit chain head first, then outbox counters. */
  public static final int AUDIT_TRAIL = 100;

  public static final int OUTBOX = 200;

  private final String name;
  private final int order;
  private final Consumer<List<T>> flush;

  public CommitTail(String name, int order, Consumer<List<T>> flush) {
    this.name = name;
    this.order = order;
    this.flush = flush;
  }

  /**
   * Adds an item to be flushed when the current transaction commits (never when it rolls back).
   *
   * @throws IllegalStateException outside a transaction, or once this tail has flushed
   */
  public void add(T item) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException(name + ": no transaction to append to");
    }
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof Pending<?> pending && pending.tail == this) {
        @SuppressWarnings("unchecked")
        Pending<T> mine = (Pending<T>) pending;
        mine.add(item);
        return;
      }
    }
    Pending<T> pending = new Pending<>(this);
    pending.add(item);
    TransactionSynchronizationManager.registerSynchronization(pending);
  }

  private static final class Pending<T> implements TransactionSynchronization {

    private final CommitTail<T> tail;
    private final List<T> items = new ArrayList<>();
    private boolean flushed;

    Pending(CommitTail<T> tail) {
      this.tail = tail;
    }

    void add(T item) {
      if (flushed) {
        throw new IllegalStateException(tail.name + ": the transaction is committing already");
      }
      items.add(item);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      flushed = true;
      tail.flush.accept(List.copyOf(items));
    }

    @Override
    public int getOrder() {
      return tail.order;
    }
  }
}
