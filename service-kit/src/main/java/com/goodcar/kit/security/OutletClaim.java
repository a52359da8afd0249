package com.goodcar.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The outlet a partner dealer's token speaks for (claim {@code outlet_id}, a Keycloak user
 * attribute): from the verified token, or from what {@link VerifiedTokens} remembered of it.
 */
public final class OutletClaim {

    public static final String NAME = "outlet_id";

    private OutletClaim() {
    }

    public static Optional<String> of(SecurityIdentity identity) {
        if (identity.getAttribute(NAME) instanceof String remembered) {
            return Optional.of(remembered);
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(NAME) instanceof Object claim) {
            String value = claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
            return value.isBlank() ? Optional.empty() : Optional.of(value);
        }
        return Optional.empty();
    }
}
