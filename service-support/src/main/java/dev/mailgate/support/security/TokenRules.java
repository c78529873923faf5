package dev.mailgate.support.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401) a validly signed bearer token that is not meant for this service or should no
 * longer be honoured: no {@code aud} naming this service, no {@code iat}/{@code exp}, a lifetime
 * ({@code exp - iat}) longer than the maximum, no {@code jti}, a revoked {@code jti}, or no usable
 * subject. Runs on every authenticated request, whatever the endpoint.
 */
@ApplicationScoped
public class TokenRules implements SecurityIdentityAugmentor {

  private final TokenSettings settings;
  private final RevokedTokens revoked;

  public TokenRules(TokenSettings settings, RevokedTokens revoked) {
    this.settings = settings;
    this.revoked = revoked;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return Uni.createFrom().item(identity);
    }
    Optional<String> refusal = refusal(token);
    return refusal.isPresent()
        ? Uni.createFrom().failure(new AuthenticationFailedException(refusal.get()))
        : Uni.createFrom().item(identity);
  }

  /** Why {@code token} is refused here, if it is. */
  Optional<String> refusal(JsonWebToken token) {
    if (token.getAudience() == null || !token.getAudience().contains(settings.audience())) {
      return Optional.of("the token is not meant for " + settings.audience());
    }
    long issued = token.getIssuedAtTime();
    long expires = token.getExpirationTime();
    if (issued <= 0 || expires <= 0) {
      return Optional.of("the token has no issue or expiry time");
    }
    if (Duration.ofSeconds(expires - issued).compareTo(settings.maxTokenLifetime()) > 0) {
      return Optional.of(
          "the token was issued for longer than " + settings.maxTokenLifetime().toHours() + " h");
    }
    String jti = token.getTokenID();
    if (jti == null || jti.isBlank()) {
      return Optional.of("the token has no id (jti)");
    }
    if (revoked.isRevoked(jti)) {
      return Optional.of("the token has been revoked");
    }
    if (Identities.normalise(token.getSubject()).isEmpty()) {
      return Optional.of("the token names no subject");
    }
    return Optional.empty();
  }
}
