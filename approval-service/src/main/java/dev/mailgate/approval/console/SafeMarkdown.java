package dev.mailgate.approval.console;

import io.quarkus.qute.RawString;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders an agent's markdown for reviewers, safe by construction: every character is HTML-escaped
 * first, then a small whitelist of markup is added (paragraphs, headings, bullet lists, bold,
 * italic, inline code). Links are shown as their text followed by the address in plain text, never
 * as anchors, so no URL from an agent becomes clickable and no attribute is ever written.
 */
public final class SafeMarkdown {

  private static final Pattern BOLD = Pattern.compile("\\*\\*(\\S(?:.*?\\S)?)\\*\\*");
  private static final Pattern ITALIC =
      Pattern.compile("(?<![*\\w])\\*(\\S(?:.*?\\S)?)\\*(?![*\\w])");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern LINK =
      Pattern.compile("\\[([^\\]]*)]\\(((?:[^()\\s]|\\([^()\\s]*\\))*)\\)");
  private static final Pattern HEADING = Pattern.compile("(#{1,6})\\s+(.*)");
  private static final Pattern BULLET = Pattern.compile("\\s*[-*+]\\s+(.*)");

  private SafeMarkdown() {}

  /** The HTML of {@code markdown}; null renders as nothing. */
  public static RawString render(String markdown) {
    if (markdown == null) {
      return new RawString("");
    }
    StringBuilder html = new StringBuilder();
    boolean inList = false;
    StringBuilder paragraph = new StringBuilder();
    for (String raw : markdown.replace("\r\n", "\n").split("\n", -1)) {
      Matcher heading = HEADING.matcher(raw);
      Matcher bullet = BULLET.matcher(raw);
      boolean isBullet = bullet.matches();
      if (raw.isBlank() || heading.matches() || isBullet) {
        flush(html, paragraph);
      }
      if (!isBullet && inList) {
        html.append("</ul>\n");
        inList = false;
      }
      if (raw.isBlank()) {
        continue;
      }
      if (heading.matches()) {
        int level = Math.min(6, heading.group(1).length() + 2);
        html.append("<h").append(level).append('>').append(inline(heading.group(2)));
        html.append("</h").append(level).append(">\n");
      } else if (isBullet) {
        if (!inList) {
          html.append("<ul>\n");
          inList = true;
        }
        html.append("<li>").append(inline(bullet.group(1))).append("</li>\n");
      } else {
        paragraph.append(paragraph.isEmpty() ? "" : "<br>\n").append(inline(raw));
      }
    }
    flush(html, paragraph);
    if (inList) {
      html.append("</ul>\n");
    }
    return new RawString(html.toString());
  }

  /** Escapes {@code text} for HTML element content and attribute values. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String inline(String line) {
    // Links first, on the raw text, so their parts are escaped like everything else.
    StringBuilder out = new StringBuilder();
    Matcher link = LINK.matcher(line);
    int at = 0;
    while (link.find()) {
      out.append(styled(escape(line.substring(at, link.start()))));
      out.append(styled(escape(link.group(1))))
          .append(" <span class=\"url\">(")
          .append(escape(link.group(2)))
          .append(")</span>");
      at = link.end();
    }
    return out.append(styled(escape(line.substring(at)))).toString();
  }

  private static String styled(String escaped) {
    String code = CODE.matcher(escaped).replaceAll("<code>$1</code>");
    String bold = BOLD.matcher(code).replaceAll("<strong>$1</strong>");
    return ITALIC.matcher(bold).replaceAll("<em>$1</em>");
  }

  private static void flush(StringBuilder html, StringBuilder paragraph) {
    if (!paragraph.isEmpty()) {
      html.append("<p>").append(paragraph).append("</p>\n");
      paragraph.setLength(0);
    }
  }
}
