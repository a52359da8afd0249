package com.goodcar.auction.deposit;

import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Grants a deposit hold by hand. Only until deposit-service publishes deposit.held.v1: switched
 * off with AUCTION_MANUAL_HOLDS=false, and to be removed with issue 5.
 */
@Path("/auctions/{id}/holds/{userId}")
public class ManualHoldResource {

    private final Holds holds;
    private final Pool pool;
    private final Clock clock;
    private final boolean enabled;

    ManualHoldResource(Holds holds, Pool pool, Clock clock,
                       @ConfigProperty(name = "auction.manual-holds.enabled") boolean enabled) {
        this.holds = holds;
        this.pool = pool;
        this.clock = clock;
        this.enabled = enabled;
    }

    @PUT
    @RolesAllowed("operator")
    public Uni<Response> grant(@PathParam("id") String lotId, @PathParam("userId") String userId) {
        if (!enabled) {
            throw new ProblemException(Problem.of(404, "not-found", "Not found",
                    "Holds come from deposit-service; granting them by hand is switched off."));
        }
        return pool.withTransaction(connection -> connection
                        .preparedQuery("select 1 from lot where id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(lotId))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                throw ProblemException.notFound("Lot", lotId);
                            }
                            return holds.record(connection, lotId, userId, "manual-" + userId, true, clock.instant());
                        }))
                .invoke(() -> holds.notifyWriter(lotId, userId, true))
                .replaceWith(Response.noContent().build());
    }
}
