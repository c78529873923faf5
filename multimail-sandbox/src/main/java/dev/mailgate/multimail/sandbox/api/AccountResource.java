package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.service.AccountService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /v1/account} and {@code GET /v1/usage}. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

  private final AccountService account;

  public AccountResource(AccountService account) {
    this.account = account;
  }

  @GET
  @Path("/account")
  public Map<String, Object> account() {
    return account.account();
  }

  @GET
  @Path("/usage")
  public Map<String, Object> usage() {
    return account.usage();
  }
}
