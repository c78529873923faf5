package dev.mailgate.bench;

/** The points an intent passes, in order, each timed from Kafka timestamps or the stores. */
enum Stage {
  INTENT("intent published"),
  DECISION("decision (approved)"),
  APPROVED("on mail.approved"),
  CALL("MultiMail call"),
  OUTCOME("outcome (accepted)"),
  AUDIT("in the audit");

  final String label;

  Stage(String label) {
    this.label = label;
  }
}
