package com.goodcar.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);

    @Test
    void aVerifiedTokenIsRememberedWithItsRolesUntilItExpires() {
        var tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock);
        tokens.remember("t1", identity("alice", NOW.plusSeconds(60)));

        SecurityIdentity found = find(tokens, "t1");
        assertEquals("alice", found.getPrincipal().getName());
        assertTrue(found.hasRole("buyer"));
        assertNull(find(tokens, "t2"), "only the exact token string is remembered");

        clock.now = NOW.plusSeconds(60);
        assertNull(find(tokens, "t1"), "an expired token goes back to the OIDC provider, which refuses it");
    }

    @Test
    void neverLongerThanTheMaximumAge() {
        var tokens = new VerifiedTokens(10, Duration.ofSeconds(30), clock);
        tokens.remember("t1", identity("alice", NOW.plusSeconds(3600)));

        clock.now = NOW.plusSeconds(29);
        assertTrue(tokens.remembers("t1"));
        clock.now = NOW.plusSeconds(31);
        assertNull(find(tokens, "t1"));
    }

    @Test
    void aRememberedIdentityDoesNotHoldOnToTheRequestItCameWith() {
        var tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock);
        var verified = QuarkusSecurityIdentity.builder(identity("alice", NOW.plusSeconds(60)))
                .addAttribute(RoutingContext.class.getName(), "the first request")
                .build();
        tokens.remember("t1", verified);

        assertNull(find(tokens, "t1").getAttribute(RoutingContext.class.getName()));
    }

    @Test
    void tokensWithoutExpiryAndAnEmptyCacheRememberNothing() {
        var tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock);
        tokens.remember("no-exp", identity("alice", Instant.EPOCH));
        tokens.remember("expired", identity("alice", NOW.minusSeconds(1)));
        assertFalse(tokens.remembers("no-exp"));
        assertFalse(tokens.remembers("expired"));

        var off = new VerifiedTokens(0, Duration.ofMinutes(5), clock);
        off.remember("t1", identity("alice", NOW.plusSeconds(60)));
        assertNull(find(off, "t1"));
    }

    private static SecurityIdentity find(VerifiedTokens tokens, String token) {
        return tokens.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "bearer")), null)
                .await().indefinitely();
    }

    private static SecurityIdentity identity(String user, Instant expiry) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new Jwt(user, expiry.getEpochSecond())).addRole("buyer").build();
    }

    private record Jwt(String getName, long exp) implements JsonWebToken {
        @Override
        public Set<String> getClaimNames() {
            return Set.of("sub", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claim) {
            return switch (claim) {
                case "sub" -> (T) getName;
                case "exp" -> (T) Long.valueOf(exp);
                default -> null;
            };
        }
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
