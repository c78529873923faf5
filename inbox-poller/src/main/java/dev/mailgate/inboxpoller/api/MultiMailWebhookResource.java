package dev.mailgate.inboxpoller.api;

import dev.mailgate.inboxpoller.config.PollerConfig;
import dev.mailgate.inboxpoller.service.WebhookIntake;
import dev.mailgate.inboxpoller.service.WebhookVerdict;
import dev.mailgate.support.problem.ApiProblem;
import io.quarkus.logging.Log;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** MultiMail's webhook notifications: 202 when accepted or ignored, 401 unless signed and fresh. */
@Path("/webhooks/multimail")
public class MultiMailWebhookResource {

  static final String SIGNATURE = "X-MultiMail-Signature";

  private final WebhookIntake intake;
  private final int maxBytes;

  public MultiMailWebhookResource(WebhookIntake intake, PollerConfig config) {
    this.intake = intake;
    this.maxBytes = config.webhook().maxBytes();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "A signed MultiMail notification; triggers a poll of the mailbox it names")
  public Response receive(byte[] body, @HeaderParam(SIGNATURE) String signature) {
    byte[] raw = body == null ? new byte[0] : body;
    if (raw.length > maxBytes) {
      throw new ApiProblem(413, "body too large: at most " + maxBytes + " bytes");
    }
    WebhookVerdict verdict = intake.receive(raw, signature);
    return switch (verdict.outcome()) {
      case ACCEPTED -> Response.accepted(Map.of("polling", verdict.polled())).build();
      case IGNORED -> Response.accepted(Map.of("ignored", verdict.reason())).build();
      case MALFORMED -> throw ApiProblem.badRequest(verdict.reason());
      case REJECTED -> {
        Log.infof("webhook refused: %s", verdict.reason());
        throw new ApiProblem(401, "unauthorized");
      }
    };
  }
}
