package com.goodcar.catalog.campaign;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import com.goodcar.catalog.campaign.CampaignViews.CampaignView;
import com.goodcar.catalog.campaign.CampaignViews.RankedSuggestion;
import com.goodcar.catalog.campaign.CampaignViews.SubmittedSuggestion;
import com.goodcar.catalog.campaign.CampaignViews.VoteReceipt;
import com.goodcar.kit.paging.Page;
import com.goodcar.kit.paging.PageRequest;
import com.goodcar.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

@Path("/campaigns/{campaign}")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CoCreation coCreation;
    private final Ranking ranking;
    private final SecurityIdentity caller;

    CampaignResource(CoCreation coCreation, Ranking ranking, SecurityIdentity caller) {
        this.coCreation = coCreation;
        this.ranking = ranking;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @SecurityRequirements
    @WithSession
    public Uni<CampaignView> get(@PathParam("campaign") String code) {
        return Campaign.<Campaign>findById(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Campaign", code))
                .map(CampaignView::of);
    }

    /**
     * The ranking: most votes first, ties to the earlier suggestion. {@code ?page=} for the first
     * pages; then follow {@code next} ({@code ?after=}), which costs the same at any depth.
     */
    @GET
    @Path("suggestions")
    @PermitAll
    @SecurityRequirements
    public Uni<Page<RankedSuggestion>> ranking(@PathParam("campaign") String code, @Valid @BeanParam PageRequest paging,
                                               @QueryParam("after") String afterCursor) {
        RankingCursor after = RankingCursor.parse(afterCursor);
        int offset = after == null ? paging.offset() : 0; // a page too deep is refused before any read
        return ranking.total(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Campaign", code))
                .chain(total -> (after == null ? ranking.page(code, offset, paging.size)
                        : ranking.after(code, after, paging.size)).map(items -> new Page<>(items, paging.page, paging.size,
                        total, items.size() < paging.size ? null
                        : RankingCursor.after(items.getLast()).toString())));
    }

    @POST
    @Path("suggestions")
    @RolesAllowed("buyer")
    @APIResponse(responseCode = "201", description = "Submitted; Location names the suggestion.",
            content = @Content(schema = @Schema(implementation = SubmittedSuggestion.class)))
    @APIResponse(responseCode = "200", description = "The same Idempotency-Key again: the suggestion it submitted.",
            content = @Content(schema = @Schema(implementation = SubmittedSuggestion.class)))
    @APIResponse(responseCode = "409", description = "The campaign is not open (`campaign-closed`).")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another suggestion (`idempotency-key-reused`).")
    @APIResponse(responseCode = "429", description = "Too many suggestions this hour (`suggestion-quota`); Retry-After says when.")
    @WithTransaction
    public Uni<Response> suggest(@PathParam("campaign") String code,
                                 @HeaderParam("Idempotency-Key")
                                 @Pattern(regexp = "^[A-Za-z0-9_.:-]{8,64}$", message = "must be 8-64 characters of A-Z a-z 0-9 _ . : -")
                                 String idempotencyKey,
                                 @NotNull @Valid SuggestionDraft draft) {
        return coCreation.submit(code, caller.getPrincipal().getName(), draft, idempotencyKey)
                .map(submission -> Response
                        .status(submission.created() ? Response.Status.CREATED : Response.Status.OK)
                        .location(URI.create("/campaigns/" + code + "/suggestions/" + submission.suggestion().id))
                        .entity(SubmittedSuggestion.of(submission.suggestion()))
                        .build());
    }

    /** Votes once; voting again is harmless and answers the same count with {@code counted=false}. */
    @PUT
    @Path("suggestions/{id}/vote")
    @RolesAllowed("buyer")
    @APIResponse(responseCode = "201", description = "Vote counted.", content = @Content(schema = @Schema(implementation = VoteReceipt.class)))
    @APIResponse(responseCode = "200", description = "Already voted: the same count, counted=false.",
            content = @Content(schema = @Schema(implementation = VoteReceipt.class)))
    @APIResponse(responseCode = "409", description = "The campaign is not open (`campaign-closed`).")
    @WithTransaction
    public Uni<Response> vote(@PathParam("campaign") String code, @PathParam("id") long suggestionId) {
        return coCreation.vote(code, suggestionId, caller.getPrincipal().getName())
                .map(receipt -> Response.status(receipt.counted() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(receipt).build());
    }
}
