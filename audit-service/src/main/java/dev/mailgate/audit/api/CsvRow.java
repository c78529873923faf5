package dev.mailgate.audit.api;

import dev.mailgate.audit.service.TrailEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV line (RFC 4180). A cell that a spreadsheet would run as a formula (starting with = + - @
 * or a tab) is prefixed with an apostrophe: an export must not execute agent-written text.
 */
final class CsvRow {

  static final String HEADER =
      "id,occurred_at,recorded_at,event_type,mailbox_id,team,role,agent,action,"
          + "trigger_message_id,reasoning,intent_id,thread_id,provider_email_id,actor_type,"
          + "actor_id,source_topic,source_partition,source_offset,dead_letter_reason,error,"
          + "chain,chain_position,hash\r\n";

  private CsvRow() {}

  static String of(TrailEntry e) {
    List<Object> cells = new ArrayList<>();
    cells.add(e.id());
    cells.add(e.occurredAt());
    cells.add(e.recordedAt());
    cells.add(e.eventType());
    cells.add(e.mailboxId());
    cells.add(e.team());
    cells.add(e.role());
    cells.add(e.agent());
    cells.add(e.action());
    cells.add(e.triggerMessageId());
    cells.add(e.reasoning());
    cells.add(e.intentId());
    cells.add(e.threadId());
    cells.add(e.providerEmailId());
    cells.add(e.actor() == null ? null : e.actor().type());
    cells.add(e.actor() == null ? null : e.actor().id());
    cells.add(e.source().topic());
    cells.add(e.source().partition());
    cells.add(e.source().offset());
    cells.add(e.deadLetter() == null ? null : e.deadLetter().reason());
    cells.add(e.error());
    cells.add(e.chain().key());
    cells.add(e.chain().position());
    cells.add(e.chain().hash());
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(cells.get(i)));
    }
    return line.append("\r\n").toString();
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (value instanceof String && !text.isEmpty() && "=+-@\t".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
