package dev.mailgate.approval.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Agent markdown is escaped first; only the whitelist's own tags, without attributes, appear. */
class SafeMarkdownTest {

  private static String html(String markdown) {
    return SafeMarkdown.render(markdown).getValue();
  }

  @Test
  void theWhitelistRenders() {
    assertThat(html("# Title\n\nHello **Ann**, see `code` and *this*.\n\n- one\n- two"))
        .isEqualTo(
            "<h3>Title</h3>\n<p>Hello <strong>Ann</strong>, see <code>code</code> and"
                + " <em>this</em>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
  }

  @Test
  void hostileMarkupStaysText() {
    String out =
        html(
            "<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n"
                + "[click](javascript:alert(3)) **<svg onload=alert(4)>** \"quoted\" & 'single'");
    assertThat(out)
        .doesNotContain("<script", "<img", "<svg", "<a ", "href", "\"quoted\"")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("click <span class=\"url\">(javascript:alert(3))</span>")
        .contains("<strong>&lt;svg onload=alert(4)&gt;</strong>")
        .contains("&quot;quoted&quot; &amp; &#39;single&#39;");
  }

  @Test
  void nothingAndHugeInputsAreFine() {
    assertThat(html(null)).isEmpty();
    assertThat(html("x".repeat(200_000) + "<b>")).endsWith("&lt;b&gt;</p>\n");
  }
}
