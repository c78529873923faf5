package dev.mailgate.audit.api;

import dev.mailgate.audit.service.ChainReport;
import dev.mailgate.audit.service.ChainVerifier;
import dev.mailgate.support.problem.ApiProblem;
import dev.mailgate.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Verification of the hash chains (one per mailbox). */
@Path("/audit/chains")
@RolesAllowed({"reviewer", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "verify", description = "prove the trail was not altered")
public class ChainResource {

  private static final Pattern CHAIN = Pattern.compile("~unattributed|[A-Za-z0-9._:-]{1,128}");

  private final ChainVerifier verifier;
  private final CurrentCaller caller;

  public ChainResource(ChainVerifier verifier, CurrentCaller caller) {
    this.verifier = verifier;
    this.caller = caller;
  }

  @GET
  @Path("/{chain}/verify")
  @Operation(
      summary = "Walk one mailbox's chain and report the first broken link",
      description =
          "Walks the whole chain up to the head read at the start, checking every keyed link"
              + " and the chain's latest anchor from mail.audit-anchors (anchored_position)."
              + " kind: altered (a row no longer matches its hash or its anchor), missing (rows"
              + " deleted, also a chain shorter than its anchor), reordered (rows moved). The chain"
              + " of events without a valid mailbox is ~unattributed (readable with the * grant"
              + " only).")
  public ChainReport verify(@PathParam("chain") String chain) {
    String key = FilterParams.matching("chain", chain, CHAIN);
    caller.get().scope().require(key);
    return verifier.verify(key).orElseThrow(() -> ApiProblem.notFound("no chain for this mailbox"));
  }

  @GET
  @Path("/verify")
  @Operation(summary = "Verify every chain completely, against its anchors (needs the * grant)")
  public List<ChainReport> verifyAll() {
    if (!caller.get().scope().all()) {
      throw ApiProblem.forbidden("verifying every chain needs the * mailbox grant");
    }
    return verifier.verifyAll();
  }
}
