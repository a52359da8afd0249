package com.goodcar.auction.deposit;

import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many bidders this service currently lets bid on a lot: for operators checking that deposit events arrive. */
@Path("/auctions/{id}/holds")
@Produces(MediaType.APPLICATION_JSON)
public class HoldCountResource {

    private final Pool pool;

    HoldCountResource(Pool pool) {
        this.pool = pool;
    }

    @Schema(examples = """
            {"lotId": "8b0f6a52-3c1e-4d7a-9f20-5e4b7c6d1a90", "active": 23733}
            """)
    public record HoldCount(String lotId, long active) {
    }

    @GET
    @RolesAllowed("operator")
    public Uni<HoldCount> count(@PathParam("id") String lotId) {
        return pool.preparedQuery("""
                        select (select count(*) from deposit_hold where lot_id = $1 and active),
                               exists (select 1 from lot where id = $1)""")
                .execute(Tuple.of(lotId))
                .map(rows -> {
                    var row = rows.iterator().next();
                    if (!row.getBoolean(1)) {
                        throw ProblemException.notFound("Lot", lotId);
                    }
                    return new HoldCount(lotId, row.getLong(0));
                });
    }
}
