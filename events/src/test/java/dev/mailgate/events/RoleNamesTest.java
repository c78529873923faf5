package dev.mailgate.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The same cases as the Python client's test of normalise_role (test_durable_inbox.py). */
class RoleNamesTest {

  @Test
  void spellingsOfOneRoleHaveOneKey() {
    assertThat(RoleNames.key("Product Manager"))
        .isEqualTo(RoleNames.key("product_manager"))
        .isEqualTo(RoleNames.key("ProductManager"))
        .isEqualTo("productmanager");
    assertThat(RoleNames.key("In\u200Btern"))
        .isEqualTo(RoleNames.key("\uFF29\uFF4E\uFF54\uFF45\uFF52\uFF4E"))
        .isEqualTo("intern");
    assertThat(RoleNames.key("Intern\u00A0"))
        .isEqualTo(RoleNames.key("In\u3000tern"))
        .isEqualTo("intern");
    assertThat(RoleNames.key("Straße")).isEqualTo(RoleNames.key("STRASSE")).isEqualTo("strasse");
    assertThat(RoleNames.key("\u017Fales")).isEqualTo("sales");
    assertThat(RoleNames.key("\uFB01le")).isEqualTo("file");
    assertThat(RoleNames.key("ΟΔΟΣ")).isEqualTo(RoleNames.key("οδος")).isEqualTo("οδος");
  }

  @Test
  void aNameWithNothingVisibleIsNoRole() {
    assertThat(RoleNames.key(" \u200B_- ")).isEmpty();
    assertThat(RoleNames.key(null)).isEmpty();
    assertThat(RoleNames.same(" ", " ")).isFalse();
    assertThat(RoleNames.same("Engineer", "engi-neer")).isTrue();
  }

  @Test
  void asciiNamesTakeAShortcutToTheSameKey() {
    for (char c = 0; c < 0x80; c++) {
      String name = "Ro" + c + "le" + c;
      assertThat(RoleNames.asciiKey(name))
          .as("U+%04X", (int) c)
          .isEqualTo(RoleNames.unicodeKey(name));
    }
    for (String name : new String[] {"Product Manager", "QA_Engineer\t", "-", "", "Team-Lead 2"}) {
      assertThat(RoleNames.key(name)).isEqualTo(RoleNames.unicodeKey(name));
    }
    assertThat(RoleNames.key("Product\u00A0Manager")).isEqualTo("productmanager");
  }
}
