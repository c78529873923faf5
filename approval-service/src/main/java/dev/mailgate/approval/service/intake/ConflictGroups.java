package dev.mailgate.approval.service.intake;

import dev.mailgate.approval.domain.Candidate;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.approval.service.Decisions;
import dev.mailgate.events.Actor;
import dev.mailgate.events.DecisionState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Groups a new intent with the intents it conflicts with: one conflict id for all, and members
 * still waiting for review move to {@code conflict} so the reviewer sees them together.
 */
@ApplicationScoped
public class ConflictGroups {

  private final IntentRepository intents;
  private final Decisions decisions;

  public ConflictGroups(IntentRepository intents, Decisions decisions) {
    this.intents = intents;
    this.decisions = decisions;
  }

  void join(Intent newcomer, List<Candidate> members, BatchContext batch) {
    List<Intent> others =
        members.stream()
            .map(
                m ->
                    batch
                        .storedIntent(m.intentId())
                        .orElseGet(() -> intents.findById(m.intentId())))
            .toList();
    UUID group =
        others.stream()
            .map(i -> i.conflictId)
            .filter(Objects::nonNull)
            .findFirst()
            .orElseGet(UUID::randomUUID);
    newcomer.conflictId = group;
    for (Intent other : others) {
      if (other.conflictId != null && !other.conflictId.equals(group)) {
        merge(other.conflictId, group, batch);
      }
      other.conflictId = group;
      if (other.state == DecisionState.HELD) {
        decisions.decide(
            other,
            DecisionState.CONFLICT,
            Actor.policy(),
            "held for a reviewer: intent "
                + newcomer.intentId
                + " from role "
                + newcomer.role
                + " writes to the same recipients or thread");
      }
    }
  }

  private void merge(UUID from, UUID into, BatchContext batch) {
    intents.conflictGroup(from).forEach(member -> member.conflictId = into);
    batch.storedIntents().stream()
        .filter(i -> from.equals(i.conflictId))
        .forEach(i -> i.conflictId = into);
  }
}
