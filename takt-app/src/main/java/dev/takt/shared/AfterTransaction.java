package dev.takt.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the current transaction has completed, or at once outside a transaction: for
 * caches that must forget what a write changes. Forgetting before the commit would not help, a
 * look-up between that and the commit still reads the old rows.
 */
public final class AfterTransaction {

  private AfterTransaction() {}

  public static void run(Runnable work) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              work.run();
            }
          });
    } else {
      work.run();
    }
  }
}
