package dev.mailgate.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTest {

  @Test
  void domainPatternsMatchOnlyThatDomain() {
    assertThat(Policy.matches("*@example.com", "a@example.com")).isTrue();
    assertThat(Policy.matches("*@example.com", "a@sub.example.com")).isFalse();
    assertThat(Policy.matches("*@example.com", "a@example.com.evil.org")).isFalse();
    assertThat(Policy.matches("a@example.com", "a@example.com")).isTrue();
  }

  @Test
  void starDotPatternsMatchTheDomainAndEverySubdomainButNoLookAlike() {
    assertThat(Policy.matches("*.example.com", "a@sub.example.com")).isTrue();
    assertThat(Policy.matches("*.example.com", "a@deep.sub.example.com")).isTrue();
    assertThat(Policy.matches("*.example.com", "a@example.com")).isTrue();
    assertThat(Policy.matches("*.example.com", "a@badexample.com")).isFalse();
    assertThat(Policy.matches("*.example.com", "a@example.com.evil.org")).isFalse();
    assertThat(Policy.matches("*.example.com", "sub.example.com@evil.org")).isFalse();
  }

  @Test
  void aStarDotDenyRuleStopsMailToSubdomains() {
    Mailbox mailbox = new Mailbox();
    mailbox.id = "m";
    Policy policy =
        new Policy(mailbox, Map.of("*", grant("*", true)), List.of(rule("*.example.com", "deny")));

    assertThat(policy.refusal("Anyone", List.of("ceo@sub.example.com")))
        .get()
        .asString()
        .contains("denied by the rule *.example.com");
    assertThat(policy.refusal("Anyone", List.of("friend@other.org"))).isEmpty();
  }

  @Test
  void denyWinsOverAllowAndAWildcardGrantCoversEveryRole() {
    Mailbox mailbox = new Mailbox();
    mailbox.id = "m";
    Policy policy =
        new Policy(
            mailbox,
            Map.of("*", grant("*", true)),
            List.of(rule("*@example.com", "allow"), rule("boss@example.com", "deny")));

    assertThat(policy.refusal("Anyone", List.of("dev@example.com"))).isEmpty();
    assertThat(policy.refusal("Anyone", List.of("boss@example.com")))
        .get()
        .asString()
        .contains("denied");
    assertThat(policy.refusal("Anyone", List.of("x@other.org")))
        .get()
        .asString()
        .contains("matches none");
  }

  @Test
  void aSpecificGrantOverridesTheWildcard() {
    Mailbox mailbox = new Mailbox();
    mailbox.id = "m";
    Policy policy =
        new Policy(
            mailbox, Map.of("*", grant("*", true), "Intern", grant("Intern", false)), List.of());

    assertThat(policy.maySend("Engineer")).isTrue();
    assertThat(policy.maySend("Intern")).isFalse();
    assertThat(policy.maySend("intern")).as("another spelling of a refused role").isFalse();
    assertThat(policy.maySend(" in-tern ")).isFalse();
  }

  @Test
  void aMetaGptProfileIsGrantedUnderItsClassName() {
    Mailbox mailbox = new Mailbox();
    mailbox.id = "m";
    Policy policy =
        new Policy(
            mailbox,
            Map.of(
                "ProductManager",
                grant("ProductManager", true),
                "Architect",
                grant("Architect", false)),
            List.of());

    assertThat(policy.maySend("Product Manager")).isTrue();
    assertThat(policy.maySend("product_manager")).isTrue();
    assertThat(policy.maySend("Architect")).isFalse();
    assertThat(policy.maySend("Engineer")).as("no grant and no grant for every role").isFalse();
    assertThat(policy.refusal("Product Manager", List.of("a@example.com"))).isEmpty();
  }

  private static RoleGrant grant(String role, boolean send) {
    RoleGrant grant = new RoleGrant();
    grant.role = role;
    grant.canSend = send;
    return grant;
  }

  private static RecipientRule rule(String pattern, String effect) {
    RecipientRule rule = new RecipientRule();
    rule.pattern = pattern;
    rule.effect = effect;
    return rule;
  }
}
