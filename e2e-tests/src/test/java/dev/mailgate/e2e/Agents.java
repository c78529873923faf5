package dev.mailgate.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.agent.IntentSigner;
import dev.mailgate.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agent credentials as an operator issues them ({@code POST /api/agents}), one per team, role and
 * mailbox the tests publish as; the agent client's signer signs with them.
 */
final class Agents {

  private static final Map<String, IntentSigner> SIGNERS = new ConcurrentHashMap<>();

  private Agents() {}

  /** The signer of a credential issued for exactly this team, role and mailbox. */
  static IntentSigner signerFor(String team, String role, String mailbox) {
    return SIGNERS.computeIfAbsent(
        team + "\n" + role + "\n" + mailbox, k -> issue(team, role, mailbox));
  }

  private static IntentSigner issue(String team, String role, String mailbox) {
    Http.Reply reply =
        Http.post(
            MailGate.shared().approvalUrl() + "/api/agents",
            TestTokens.admin("operator"),
            Map.of("team", team, "roles", List.of(role), "mailboxes", List.of(mailbox)));
    if (reply.status() != 201) {
      throw new IllegalStateException("could not issue an agent credential: " + reply);
    }
    JsonNode body = reply.body();
    return new IntentSigner(body.get("agent_id").asText(), body.get("signing_key").asText());
  }
}
