package com.goodcar.auction.scheduling;

import com.goodcar.auction.bidding.LotView;
import com.goodcar.auction.bidding.LotCancellation;
import com.goodcar.auction.bidding.Lots;
import com.goodcar.kit.paging.Page;
import com.goodcar.kit.paging.PageRequest;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

@Path("/auctions")
@Produces(MediaType.APPLICATION_JSON)
public class LotResource {

    static final String KEY_PATTERN = "^[A-Za-z0-9_.:-]{8,64}$";
    static final String KEY_MESSAGE = "must be 8-64 characters of A-Z a-z 0-9 _ . : -";

    private final LotScheduling scheduling;
    private final LotCancellation cancellation;
    private final Lots lots;
    private final LotListing listing;

    LotResource(LotScheduling scheduling, LotCancellation cancellation, Lots lots, LotListing listing) {
        this.scheduling = scheduling;
        this.cancellation = cancellation;
        this.lots = lots;
        this.listing = listing;
    }

    /** The lots still to come or open, the soonest to end first: where a buyer finds an auction. */
    @GET
    @PermitAll
    @SecurityRequirements
    public Uni<Page<LotListing.LotSummary>> current(@Valid @BeanParam PageRequest paging) {
        return listing.current(paging);
    }

    /** Schedules a lot; a retry with the same Idempotency-Key answers the lot it created. */
    @POST
    @RolesAllowed("operator")
    @APIResponse(responseCode = "201", description = "Scheduled; Location names the lot.",
            content = @Content(schema = @Schema(implementation = LotView.class)))
    @APIResponse(responseCode = "200", description = "The same Idempotency-Key again: the lot it scheduled.",
            content = @Content(schema = @Schema(implementation = LotView.class)))
    public Uni<Response> schedule(@HeaderParam("Idempotency-Key") @NotNull @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
                                  @NotNull @Valid NewLot draft) {
        return scheduling.schedule(draft, key).chain(scheduled -> lots.view(scheduled.lotId()).map(view -> Response
                .status(scheduled.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create("/auctions/" + view.id())).entity(view).build()));
    }

    @GET
    @Path("{id}")
    @PermitAll
    @SecurityRequirements
    public Uni<LotView> get(@PathParam("id") String id) {
        return lots.view(id);
    }

    /** Cancels a lot that has not closed; every deposit hold on it is then released by deposit-service. */
    @POST
    @Path("{id}/cancel")
    @RolesAllowed("operator")
    @APIResponse(responseCode = "200", description = "The cancelled lot.",
            content = @Content(schema = @Schema(implementation = LotView.class)))
    @APIResponse(responseCode = "409", description = "The lot has already closed (`not-cancellable`).")
    public Uni<Response> cancel(@PathParam("id") String id, @Context HttpHeaders headers) {
        return cancellation.cancel(id, headers);
    }
}
