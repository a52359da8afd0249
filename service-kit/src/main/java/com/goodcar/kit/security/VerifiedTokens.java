package com.goodcar.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

/**
 * Bearer tokens this service has already verified, until they expire. In a rush every buyer sends
 * the same token with each bid, and checking its RSA signature again was the largest single cost of
 * a request (about 40 % of the CPU in a profile of {@code ./platform bench auction}).
 *
 * <p>Asked before the OIDC provider (a higher priority), it answers only for the exact token string
 * it saw verified, and never past the token's own expiry or {@code max-age}: it is never more
 * permissive than verifying again, except that a signing key withdrawn from the realm's key set
 * goes unnoticed for at most {@code max-age}. A token that failed verification is not remembered.
 * Roles are augmented afresh on every request, as for a token verified just then.
 *
 * <p>What it keeps is lean — the token's SHA-256, the caller's name and roles, an expiry, about 250
 * bytes — not the verified identity with its parsed claims: a flash sale's 50,000 buyers each send a
 * token of their own, and 60,000 whole identities did not fit a 768 MiB heap. The platform's
 * resources read only the caller's name and roles.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(VerifiedTokens.class);
    /** The OIDC provider keeps the default priority, 1001; a higher one is asked first */
    private static final int BEFORE_OIDC = 1002;

    private final Cache<String, Verified> verified;
    private final Duration maxAge;
    private final Clock clock;
    private final boolean enabled;

    VerifiedTokens(@ConfigProperty(name = "goodcar.verified-tokens.max-size", defaultValue = "65536") int maxSize,
                   @ConfigProperty(name = "goodcar.verified-tokens.max-age", defaultValue = "PT5M") Duration maxAge,
                   Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
        this.enabled = maxSize > 0 && maxAge.isPositive();
        this.verified = Caffeine.newBuilder()
                .maximumSize(Math.max(maxSize, 0))
                .expireAfter(Expiry.creating((String token, Verified entry) -> Duration.between(clock.instant(), entry.until())))
                .build();
        LOG.infof(enabled ? "verified bearer tokens: remembering up to %d for at most %s each"
                : "verified bearer tokens: not remembered (max-size %d, max-age %s)", maxSize, maxAge);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return BEFORE_OIDC;
    }

    /** The identity this token was verified as, for this request; null hands it on to the OIDC provider. */
    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        Verified entry = enabled ? verified.getIfPresent(digest(request.getToken().getToken())) : null;
        if (entry == null || !clock.instant().isBefore(entry.until())) {
            return Uni.createFrom().nullItem();
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        var identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(entry.name()))
                .addRoles(entry.roles())
                .addAttribute(RoutingContext.class.getName(), routing)
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, routing);
        if (entry.outletId() != null) {
            identity.addAttribute(OutletClaim.NAME, entry.outletId());
        }
        return Uni.createFrom().item(identity.build());
    }

    /** Called with an identity the OIDC provider has just verified, before any augmentation. */
    void remember(String token, SecurityIdentity identity) {
        Duration lifetime = lifetime(identity);
        if (enabled && lifetime.isPositive()) {
            // the name, roles and a dealer's outlet only: no request, claims or credential kept alive by the cache
            verified.put(digest(token), new Verified(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()),
                    OutletClaim.of(identity).orElse(null), clock.instant().plus(lifetime)));
        }
    }

    /** Whether this exact token is remembered as verified (for tests and diagnostics). */
    public boolean remembers(String token) {
        Verified entry = verified.getIfPresent(digest(token));
        return entry != null && clock.instant().isBefore(entry.until());
    }

    private Duration lifetime(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !(jwt.getClaim(Claims.exp.name()) instanceof Number expiry) || expiry.longValue() <= 0) {
            return Duration.ZERO;
        }
        Duration untilExpiry = Duration.between(clock.instant(), Instant.ofEpochSecond(expiry.longValue()));
        return untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
    }

    private record Verified(String name, Set<String> roles, String outletId, Instant until) {
    }

    /** The cache's key: 32 bytes of SHA-256 (as hex) instead of a kilobyte of token. */
    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
