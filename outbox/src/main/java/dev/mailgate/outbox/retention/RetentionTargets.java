package dev.mailgate.outbox.retention;

import java.util.List;

/** A service's settled rows and how long each kind is kept; {@link RetentionPruner} prunes them. */
public interface RetentionTargets {

  List<AgedRows> agedRows();
}
