package dev.mailgate.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes events in the caller's transaction: they reach {@code outbox_event} (one JDBC batch, just
 * before commit) only if the state change commits, and the relay is woken once it has.
 */
@ApplicationScoped
public class Outbox {

  private static final Object KEY = Outbox.class;

  private final TransactionSynchronizationRegistry transactions;
  private final DataSource dataSource;
  private final OutboxRelayRunner relay;
  private final OutboxStore store = new OutboxStore();

  public Outbox(
      TransactionSynchronizationRegistry transactions,
      DataSource dataSource,
      OutboxRelayRunner relay) {
    this.transactions = transactions;
    this.dataSource = dataSource;
    this.relay = relay;
  }

  /** Adds a message to the current transaction's outbox; fails outside a transaction. */
  public void add(OutboxMessage message) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("outbox messages are written inside a transaction");
    }
    Pending pending = (Pending) transactions.getResource(KEY);
    if (pending == null) {
      pending = new Pending();
      transactions.putResource(KEY, pending);
      transactions.registerInterposedSynchronization(pending);
    }
    pending.messages.add(message);
  }

  private final class Pending implements Synchronization {

    private final List<OutboxMessage> messages = new ArrayList<>();

    @Override
    public void beforeCompletion() {
      try (Connection connection = dataSource.getConnection()) {
        store.insert(connection, messages);
      } catch (SQLException e) {
        throw new IllegalStateException("could not write the outbox", e);
      }
    }

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        relay.wake();
      }
    }
  }
}
