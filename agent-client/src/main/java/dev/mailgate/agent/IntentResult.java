package dev.mailgate.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The answer of {@link MailGateClient#await}: the status, with every update that led to it. */
public record IntentResult(String intentId, IntentStatus status, List<IntentUpdate> history) {

  public IntentResult {
    history = List.copyOf(history);
  }

  public boolean timedOut() {
    return status == IntentStatus.TIMED_OUT;
  }

  public Optional<IntentUpdate> last() {
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
  }

  /** A field of the latest update that has it, e.g. {@code reason}, {@code provider_email_id}. */
  public Optional<String> field(String name) {
    for (int i = history.size() - 1; i >= 0; i--) {
      JsonNode value = history.get(i).record().get(name);
      if (value != null && !value.isNull()) {
        return Optional.of(value.asText());
      }
    }
    return Optional.empty();
  }

  public Optional<String> reason() {
    return field("reason");
  }

  public Optional<String> error() {
    return field("error");
  }

  /** For {@link IntentStatus#INVALID}: what MailGate found wrong. */
  public List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    for (int i = history.size() - 1; i >= 0 && problems.isEmpty(); i--) {
      for (JsonNode p : history.get(i).record().path("problems")) {
        problems.add(
            new Problem(
                p.path("path").asText(), p.path("code").asText(), p.path("message").asText()));
      }
    }
    return problems;
  }
}
