package dev.mailgate.approval.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The console's Qute templates (src/main/resources/templates/console), HTML-escaped by default. */
@CheckedTemplate(basePath = "console")
final class Views {

  private Views() {}

  static native TemplateInstance signin(String message, ConsoleSession session);

  static native TemplateInstance queue(Models.Queue page, ConsoleSession session);

  static native TemplateInstance rows(Models.Queue page);

  static native TemplateInstance counts(Models.Queue page);

  static native TemplateInstance item(Models.Item page, ConsoleSession session);

  static native TemplateInstance chain(Models.Chain chain);

  static native TemplateInstance preview(Models.Preview page, ConsoleSession session);

  static native TemplateInstance results(
      String action, List<Models.Result> results, ConsoleSession session);

  static native TemplateInstance admin(
      List<AdminPage.Box> boxes, List<String> modes, ConsoleSession session);

  static native TemplateInstance error(int status, String message, ConsoleSession session);
}
