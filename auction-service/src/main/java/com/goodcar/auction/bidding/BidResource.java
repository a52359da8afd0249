package com.goodcar.auction.bidding;

import com.goodcar.kit.paging.Page;
import com.goodcar.kit.paging.PageRequest;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;

@Path("/auctions/{id}/bids")
@Produces(MediaType.APPLICATION_JSON)
public class BidResource {

    private final LotWriters writers;
    private final Lots lots;
    private final Pool pool;
    private final SecurityIdentity caller;

    BidResource(LotWriters writers, Lots lots, Pool pool, SecurityIdentity caller) {
        this.writers = writers;
        this.lots = lots;
        this.pool = pool;
        this.caller = caller;
    }

    /**
     * Places a bid. 201: accepted and durable (the new price, whether you lead, the end time);
     * 409 outbid (stale price; the body has the current price and the minimum next bid); 422 below
     * the increment; 403 no deposit; 409/410 not open / closed. A retry with the same
     * Idempotency-Key gets the original answer.
     */
    @POST
    @RolesAllowed("buyer")
    public Uni<Response> place(@PathParam("id") String lotId,
                               @HeaderParam("Idempotency-Key") @NotNull
                               @Pattern(regexp = "^[A-Za-z0-9_.:-]{8,64}$", message = "must be 8-64 characters of A-Z a-z 0-9 _ . : -")
                               String key,
                               @NotNull @Valid BidRequest bid) {
        String bidder = caller.getPrincipal().getName();
        LotWriter running = writers.running(lotId);
        if (running == null) {
            return writers.writerFor(lotId).chain(writer -> answer(writer.place(bidder, bid.maxFen(), key)));
        }
        return answer(running.place(bidder, bid.maxFen(), key));
    }

    private static Uni<Response> answer(CompletableFuture<BidAnswer> answer) {
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            // refused on the spot from the committed state, as most bids of a rush are: no hop
            return Uni.createFrom().item(answer.join().toResponse());
        }
        return Uni.createFrom().completionStage(answer).map(BidAnswer::toResponse);
    }

    /** The public bid history, newest first: bidder codes, never user ids or maxima. */
    @GET
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

    public record PublicBid(long seq, Instant at, String bidderCode, long priceFen, String leaderCode) {
    }
}
