package dev.mailgate.outbox.consumer;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure of the infrastructure (the database or the broker unreachable, a connection lost,
 * a serialization conflict or deadlock, a pool exhausted) from a failure of the record: by the
 * exception types and PostgreSQL SQLSTATE classes anywhere in the cause chain. What this does not
 * recognise is checked against the database itself by {@link Infrastructure}.
 */
public final class Failures {

  /** Wrapper types whose names say the connection or a lock failed, not the data. */
  private static final Set<String> TRANSIENT_TYPES =
      Set.of(
          "org.hibernate.exception.JDBCConnectionException",
          "org.hibernate.exception.LockAcquisitionException",
          "org.hibernate.exception.LockTimeoutException",
          "org.hibernate.PessimisticLockException",
          "org.hibernate.StaleObjectStateException",
          "org.hibernate.StaleStateException",
          "jakarta.persistence.OptimisticLockException",
          "jakarta.persistence.PessimisticLockException",
          "jakarta.persistence.LockTimeoutException",
          "jakarta.persistence.QueryTimeoutException");

  private Failures() {}

  /** Whether retrying the same work later can succeed without anyone changing it. */
  public static boolean isTransient(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (isTransientItself(t)) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (isTransientItself(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isTransientItself(Throwable t) {
    if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
      return true;
    }
    if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
      return true;
    }
    if (t instanceof ConnectException
        || t instanceof SocketException
        || t instanceof SocketTimeoutException
        || t instanceof EOFException
        || t instanceof ClosedChannelException) {
      return true;
    }
    if (t instanceof RetriableException) {
      return true;
    }
    return TRANSIENT_TYPES.contains(t.getClass().getName());
  }

  /**
   * SQLSTATE classes that mean "not now": 08 connection exception, 40001 serialization failure,
   * 40P01 deadlock, 53 insufficient resources, 55P03 lock not available, 57P operator intervention
   * (shutdown, crash, cannot connect now), 58 system error.
   */
  static boolean isTransientState(String state) {
    if (state == null) {
      return false;
    }
    return state.startsWith("08")
        || state.equals("40001")
        || state.equals("40P01")
        || state.startsWith("53")
        || state.equals("55P03")
        || state.startsWith("57P")
        || state.startsWith("58");
  }
}
