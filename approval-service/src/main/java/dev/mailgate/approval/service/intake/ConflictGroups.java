package dev.mailgate.approval.service.intake;

import dev.mailgate.approval.domain.Assessment;
import dev.mailgate.approval.domain.Candidate;
import dev.mailgate.approval.domain.ConflictFact;
import dev.mailgate.approval.domain.ConflictFacts;
import dev.mailgate.approval.domain.FactDifference;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.approval.service.decision.Decisions;
import dev.mailgate.events.Actor;
import dev.mailgate.events.DecisionState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
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

  void join(
      Intent newcomer,
      List<Candidate> members,
      List<Assessment.Disagreement> disagreements,
      BatchContext batch) {
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
    List<FactDifference> differences = new ArrayList<>(ConflictFacts.read(newcomer));
    for (Assessment.Disagreement d : disagreements) {
      for (ConflictFact fact : d.facts()) {
        differences.add(
            FactDifference.of(fact, newcomer.role, d.other().role(), d.other().intentId()));
      }
    }
    ConflictFacts.write(newcomer, differences);
    for (Intent other : others) {
      List<FactDifference> mirrored =
          differences.stream()
              .filter(f -> other.intentId.equals(f.otherIntentId()))
              .map(f -> f.mirrored(newcomer.intentId))
              .toList();
      if (!mirrored.isEmpty() && other.isPending()) {
        List<FactDifference> theirs = new ArrayList<>(ConflictFacts.read(other));
        theirs.addAll(mirrored);
        ConflictFacts.write(other, theirs);
      }
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
                + (mirrored.isEmpty()
                    ? " writes about the same subject to the same recipients or thread"
                    : " says otherwise: "
                        + String.join("; ", mirrored.stream().map(FactDifference::says).toList())));
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
