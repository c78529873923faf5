package dev.mailgate.multimail.sandbox.service;

import dev.mailgate.multimail.sandbox.config.SandboxConfig;
import dev.mailgate.multimail.sandbox.domain.MonthlyQuota;
import dev.mailgate.multimail.sandbox.domain.UsageCounters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /v1/account} and {@code GET /v1/usage} of the single sandbox account. */
@ApplicationScoped
public class AccountService {

  public static final String ACCOUNT_ID = "01SANDBOXACCOUNT0000000000";

  private final SandboxConfig config;
  private final MailboxService mailboxes;
  private final MonthlyQuota quota;
  private final UsageCounters usage;
  private final Clock clock;

  public AccountService(
      SandboxConfig config,
      MailboxService mailboxes,
      MonthlyQuota quota,
      UsageCounters usage,
      Clock clock) {
    this.config = config;
    this.mailboxes = mailboxes;
    this.quota = quota;
    this.usage = usage;
    this.clock = clock;
  }

  public Map<String, Object> account() {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("id", ACCOUNT_ID);
    account.put("name", config.account().name());
    account.put("slug", "sandbox");
    account.put("plan", config.account().plan());
    account.put("oversight_email", config.account().oversightEmail());
    account.put("physical_address", null);
    account.put("monthly_email_quota", quota.limit());
    account.put("emails_sent_this_month", quota.used());
    account.put("max_mailboxes", Math.max(100, mailboxes.list().size()));
    account.put("storage_used_bytes", 0);
    account.put("max_storage_bytes", 10_737_418_240L);
    account.put("is_active", true);
    account.put("sending_disabled", false);
    return account;
  }

  /** The current month's summary; {@code from}/{@code to} in epoch milliseconds as MultiMail. */
  public Map<String, Object> usage() {
    YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("from", month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
    summary.put("to", clock.millis());
    summary.put("emails_sent", usage.emailsSent());
    summary.put("emails_received", usage.emailsReceived());
    summary.put("api_calls", usage.apiCalls());
    summary.put("oversight_actions", usage.oversightActions());
    return summary;
  }
}
