package com.goodcar.kit.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands each bearer token the OIDC provider verified to {@link VerifiedTokens}. It runs first among
 * the augmentors, so what is remembered is the verified identity itself and every other augmentor
 * still runs on each request.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    VerifiedTokenRecorder(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        var token = identity.getCredential(AccessTokenCredential.class);
        if (token != null && !tokens.remembers(token.getToken())) {
            tokens.remember(token.getToken(), identity);
        }
        return Uni.createFrom().item(identity);
    }
}
