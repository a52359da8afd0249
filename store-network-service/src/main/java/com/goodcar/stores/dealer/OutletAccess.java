package com.goodcar.stores.dealer;

import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import com.goodcar.kit.security.OutletClaim;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may act for an outlet: its own dealer (token claim {@code outlet_id}) or an operator; and the
 * outlet's request rate (429 with Retry-After beyond it). Every partner dealer endpoint asks first.
 */
@ApplicationScoped
public class OutletAccess {

    private final OutletQuota quota;

    OutletAccess(@ConfigProperty(name = "stores.dealer.rate-per-second") double rate,
                 @ConfigProperty(name = "stores.dealer.burst") int burst) {
        this.quota = new OutletQuota(rate, burst);
    }

    /** Returns if {@code caller} may act for {@code outletId} now; throws the 403 or 429 problem otherwise. */
    public void require(SecurityIdentity caller, String outletId) {
        if (caller.hasRole("operator")) {
            return;
        }
        String own = OutletClaim.of(caller).orElseThrow(() -> new ProblemException(Problem.of(403, "no-outlet",
                "No outlet", "This dealer's token names no outlet (claim outlet_id).")));
        // spent before the check: probing other outlets costs the prober's own share
        quota.spend(own, System.nanoTime()).ifPresent(wait -> {
            throw new ProblemException(Problem.of(429, "rate-limited", "Too many requests",
                    "Outlet " + own + " is over its request rate; retry after the time Retry-After gives.")
                    .with("retryAfterSeconds", Math.max(1, (wait.toMillis() + 999) / 1000)));
        });
        if (!own.equals(outletId)) {
            throw new ProblemException(Problem.of(403, "not-your-outlet", "Not your outlet",
                    "This token acts for outlet " + own + ", not " + outletId + "."));
        }
    }
}
