package dev.mailgate.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs work that must follow a state change only once it is durable: when the current transaction
 * commits (never on rollback), or at once outside a transaction.
 */
@ApplicationScoped
public class AfterCommit {

  private final TransactionSynchronizationRegistry transactions;

  public AfterCommit(TransactionSynchronizationRegistry transactions) {
    this.transactions = transactions;
  }

  /** Runs {@code action} after the current transaction commits, or now when there is none. */
  public void run(Runnable action) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      action.run();
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              action.run();
            }
          }
        });
  }
}
