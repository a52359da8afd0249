package com.goodcar.psp;

import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The door of the sandbox provider. Its merchant API ({@code /psp-sandbox/v1}) wants the merchant's
 * key, as a real provider authenticates merchants by key, not by the platform's tokens; the buyer's
 * pay page is open, like a provider's cashier page.
 */
public class SandboxGate {

    public static final String ROOT = "/psp-sandbox";
    public static final String MERCHANT_KEY = "X-Merchant-Key";

    private final byte[] merchantKey;

    SandboxGate(@ConfigProperty(name = "sandbox.merchant-key") String merchantKey) {
        this.merchantKey = merchantKey.getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter(preMatching = true)
    public void admit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith(ROOT + "/v1/") || path.equals(ROOT + "/v1")) {
            String key = request.getHeaderString(MERCHANT_KEY);
            // constant time, so the comparison does not tell how much of a guessed key was right
            if (key == null || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), merchantKey)) {
                throw new ProblemException(Problem.of(401, "invalid-merchant-key", "Invalid merchant key",
                        "Send the merchant's key (sandbox.merchant-key) in the " + MERCHANT_KEY + " header."));
            }
        }
    }
}
