package dev.mailgate.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadGrantsTest {

  @Test
  void aRolesOwnGrantDecidesBeforeTheGrantForEveryRole() {
    Map<String, Boolean> grants = new LinkedHashMap<>();
    grants.put("*", true);
    grants.put("Intern", false);
    grants.put("ProductManager", true);

    assertThat(ReadGrants.allows(grants, List.of("Engineer"))).isTrue();
    assertThat(ReadGrants.allows(grants, List.of("Intern"))).isFalse();
    assertThat(ReadGrants.allows(grants, List.of("intern"))).isFalse();
    assertThat(ReadGrants.allows(grants, List.of("Product Manager", "ProductManager"))).isTrue();
  }

  @Test
  void withoutAGrantForEveryRoleOnlyNamedRolesRead() {
    Map<String, Boolean> grants = Map.of("product_manager", true, "Architect", false);

    assertThat(ReadGrants.allows(grants, List.of("Product Manager"))).isTrue();
    assertThat(ReadGrants.allows(grants, List.of("Architect"))).isFalse();
    assertThat(ReadGrants.allows(grants, List.of("Engineer"))).isFalse();
    assertThat(ReadGrants.allows(grants, List.of("*"))).isFalse();
  }

  @Test
  void noGrantsOrNoNameReadsNothing() {
    assertThat(ReadGrants.allows(null, List.of("Engineer"))).isFalse();
    assertThat(ReadGrants.allows(Map.of(), List.of("Engineer"))).isFalse();
    assertThat(ReadGrants.allows(Map.of("*", true), List.of())).isFalse();
    assertThat(ReadGrants.allows(Map.of("Engineer", true), List.of(" ", ""))).isFalse();
  }

  @Test
  void twoNamesOfOneRoleWithConflictingGrantsMayNotRead() {
    Map<String, Boolean> grants = Map.of("Product Manager", true, "PM", false);

    assertThat(ReadGrants.allows(grants, List.of("Product Manager", "PM"))).isFalse();
  }

  @Test
  void anEmailCarriesItsGrantsThroughJson() throws Exception {
    InboundEmail released =
        new InboundEmail(
                "em_1",
                "mbx",
                "th_1",
                "a@example.com",
                List.of("b@example.org"),
                List.of(),
                "Hi",
                "Hello",
                List.of(),
                java.time.Instant.parse("2026-12-01T00:00:00Z"),
                null)
            .released(Actor.policy(), Map.of("*", false, "Sales", true));

    String json = EventJson.mapper().writeValueAsString(released);
    InboundEmail read = EventJson.mapper().readValue(json, InboundEmail.class);

    assertThat(json).contains("\"read_grants\":{\"*\":false,\"Sales\":true}");
    assertThat(read.readableBy(List.of("sales"))).isTrue();
    assertThat(read.readableBy(List.of("Engineer"))).isFalse();
    InboundEmail tooLong =
        new InboundEmail(
                "em_2",
                "mbx",
                "th_2",
                "a@example.com",
                List.of(),
                List.of(),
                "x".repeat(InboundLimits.MAX_SUBJECT_CHARS + 1),
                "Hello",
                List.of(),
                java.time.Instant.parse("2026-12-01T00:00:00Z"),
                null)
            .released(Actor.policy(), Map.of("Sales", true));
    InboundEmail cut = InboundLimits.bounded(tooLong);
    assertThat(cut.truncated()).isTrue();
    assertThat(cut.readGrants()).isEqualTo(Map.of("Sales", true));
  }
}
