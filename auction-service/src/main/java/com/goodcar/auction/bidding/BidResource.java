package com.goodcar.auction.bidding;

import com.goodcar.kit.paging.Page;
import com.goodcar.kit.paging.PageRequest;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

@Path("/auctions/{id}/bids")
@Produces(MediaType.APPLICATION_JSON)
public class BidResource {

    private final Lots lots;
    private final Pool pool;
    private final SecurityIdentity caller;
    private final BidRouting routing;

    BidResource(Lots lots, Pool pool, SecurityIdentity caller, BidRouting routing) {
        this.lots = lots;
        this.pool = pool;
        this.caller = caller;
        this.routing = routing;
    }

    /**
     * Places a bid. 201: accepted and durable (the new price, whether you lead, the end time);
     * 409 outbid (stale price; the body has the current price and the minimum next bid); 422 below
     * the increment; 403 no deposit; 409/410 not open / closed. A retry with the same
     * Idempotency-Key gets the original answer.
     */
    @POST
    @RolesAllowed("buyer")
    @APIResponse(responseCode = "201", description = "Accepted: the bid's receipt (logHash).",
            content = @Content(schema = @Schema(implementation = BidAnswer.AcceptedBid.class)))
    @APIResponse(responseCode = "403", description = "No deposit held for this lot (`no-deposit`), or not a buyer (`forbidden`).")
    @APIResponse(responseCode = "409", description = "Outbid (`outbid`: the body has the current price and minimum next bid), "
            + "already leading (`already-leading`), or not open yet (`lot-not-open`).")
    @APIResponse(responseCode = "410", description = "The lot has closed (`lot-closed`) or was cancelled (`lot-cancelled`).")
    @APIResponse(responseCode = "422", description = "Below the increment (`below-increment`), above the lot's highest price "
            + "(`above-maximum`), or a raise too large (`raise-too-large`).")
    @APIResponse(responseCode = "503", description = "The lot's writer is busy or served elsewhere (`try-again`), or changing hands between instances for longer than a second (`lot-elsewhere`); Retry-After says when.")
    public Uni<Response> place(@PathParam("id") String lotId,
                               @HeaderParam("Idempotency-Key") @NotNull
                               @Pattern(regexp = "^[A-Za-z0-9_.:-]{8,64}$", message = "must be 8-64 characters of A-Z a-z 0-9 _ . : -")
                               String key,
                               @NotNull @Valid BidRequest bid, @Context HttpHeaders headers) {
        return routing.place(new BidRouting.Placement(lotId, caller.getPrincipal().getName(), bid.maxFen(), key, headers));
    }

    /** The public bid history, newest first: bidder codes, never user ids or maxima. */
    @GET
    @PermitAll
    @SecurityRequirements
    public Uni<Page<PublicBid>> history(@PathParam("id") String lotId, @Valid @BeanParam PageRequest paging) {
        int offset = paging.offset(); // a page too deep is refused before any read
        return lots.view(lotId).chain(view -> pool.preparedQuery("""
                        select seq, at, bidder_code, price_fen, leader_code from bid where lot_id = $1
                        order by seq desc offset $2 limit $3""")
                .execute(Tuple.of(lotId, offset, paging.size))
                .map(rows -> {
                    var bids = new ArrayList<PublicBid>();
                    for (Row row : rows) {
                        bids.add(new PublicBid(row.getLong("seq"), row.getOffsetDateTime("at").toInstant(),
                                row.getString("bidder_code"), row.getLong("price_fen"), row.getString("leader_code")));
                    }
                    return new Page<>(bids, paging.page, paging.size, view.bidCount());
                }));
    }

    @Schema(examples = """
            {"seq": 23733, "at": "2026-11-11T03:59:58.120Z", "bidderCode": "B-7F3A", "priceFen": 7819339900, "leaderCode": "B-7F3A"}
            """)
    public record PublicBid(long seq, Instant at, String bidderCode, long priceFen, String leaderCode) {
    }
}
