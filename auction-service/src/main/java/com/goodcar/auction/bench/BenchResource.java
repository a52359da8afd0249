package com.goodcar.auction.bench;

import com.goodcar.auction.bidding.BidAnswer.AcceptedBid;
import com.goodcar.auction.bidding.BidAnswer;
import com.goodcar.auction.bidding.BidRequest;
import com.goodcar.auction.bidding.LotWriters;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What {@code ./platform bench auction} compares the engine with, behind the same authentication
 * and validation as the real bid endpoint: the naive {@code SELECT … FOR UPDATE} design and a
 * no-op (the HTTP ceiling). Off unless AUCTION_BENCH_ENDPOINTS=true: never in production.
 */
@Path("/bench")
@Produces(MediaType.APPLICATION_JSON)
public class BenchResource {

    private static final String KEY_RULE = "^[A-Za-z0-9_.:-]{8,64}$";
    private static final String KEY_MESSAGE = "must be 8-64 characters of A-Z a-z 0-9 _ . : -";

    private final NaiveBidding naive;
    private final LotWriters writers;
    private final SecurityIdentity caller;
    private final boolean enabled;

    BenchResource(NaiveBidding naive, LotWriters writers, SecurityIdentity caller,
                  @ConfigProperty(name = "auction.bench-endpoints.enabled") boolean enabled) {
        this.naive = naive;
        this.writers = writers;
        this.caller = caller;
        this.enabled = enabled;
    }

    @POST
    @Path("/noop/auctions/{id}/bids")
    @RolesAllowed("buyer")
    @Operation(summary = "Benchmark only: validates and authenticates like a bid, then answers without doing anything")
    @APIResponse(responseCode = "201", description = "A made-up accepted bid.",
            content = @Content(schema = @Schema(implementation = BidAnswer.AcceptedBid.class)))
    public Uni<Response> noop(@PathParam("id") String lotId,
                              @HeaderParam("Idempotency-Key") @NotNull @Pattern(regexp = KEY_RULE, message = KEY_MESSAGE)
                              String key,
                              @NotNull @Valid BidRequest bid) {
        requireEnabled();
        var answer = new AcceptedBid(lotId, 0, caller.getPrincipal().getName().substring(0, 6), bid.maxFen(),
                bid.maxFen(), true, bid.maxFen() + 100, Instant.EPOCH, null);
        return Uni.createFrom().item(Response.status(201).entity(answer).build());
    }

    @POST
    @Path("/naive/auctions/{id}/bids")
    @RolesAllowed("buyer")
    @Operation(summary = "Benchmark only: a bid in one SELECT … FOR UPDATE transaction (the design the engine replaces)")
    @APIResponse(responseCode = "201", description = "Accepted, as POST /auctions/{id}/bids.",
            content = @Content(schema = @Schema(implementation = BidAnswer.AcceptedBid.class)))
    @APIResponse(responseCode = "403", description = "The refusals of POST /auctions/{id}/bids (`no-deposit`).")
    @APIResponse(responseCode = "409", description = "Not taken over (`not-taken-over`), or as POST /auctions/{id}/bids.")
    @APIResponse(responseCode = "410", description = "As POST /auctions/{id}/bids (`lot-closed`).")
    @APIResponse(responseCode = "422", description = "As POST /auctions/{id}/bids (`below-increment`).")
    @APIResponse(responseCode = "503", description = "The database is busy (`try-again`).")
    public Uni<Response> naive(@PathParam("id") String lotId,
                               @HeaderParam("Idempotency-Key") @NotNull @Pattern(regexp = KEY_RULE, message = KEY_MESSAGE)
                               String key,
                               @NotNull @Valid BidRequest bid) {
        requireEnabled();
        return naive.place(lotId, caller.getPrincipal().getName(), bid.maxFen(), key).map(BidAnswer::toResponse);
    }

    @PUT
    @Path("/naive/auctions/{id}/takeover")
    @RolesAllowed("operator")
    @Operation(summary = "Benchmark only: the naive path takes an open lot from the writers")
    @APIResponse(responseCode = "204", description = "Taken over.")
    @APIResponse(responseCode = "409", description = "The lot is not open (`lot-not-open`).")
    public Uni<Response> takeOver(@PathParam("id") String lotId) {
        requireEnabled();
        return naive.takeOver(lotId).map(taken -> {
            if (!taken) {
                throw new ProblemException(Problem.of(409, "lot-not-open", "Lot not open",
                        "Only a scheduled or open lot can be taken over."));
            }
            writers.stopLocal(lotId);
            return Response.noContent().build();
        });
    }

    @DELETE
    @Path("/naive/auctions/{id}/takeover")
    @RolesAllowed("operator")
    @Operation(summary = "Benchmark only: hands the lot back to the writers")
    @APIResponse(responseCode = "204", description = "Handed back.")
    public Uni<Response> release(@PathParam("id") String lotId) {
        requireEnabled();
        return naive.release(lotId).map(released -> Response.noContent().build());
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new ProblemException(Problem.of(404, "not-found", "Not found",
                    "Benchmark endpoints are off (AUCTION_BENCH_ENDPOINTS=true turns them on)."));
        }
    }
}
