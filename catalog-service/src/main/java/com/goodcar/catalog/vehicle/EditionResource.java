package com.goodcar.catalog.vehicle;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import jakarta.annotation.security.PermitAll;
import com.goodcar.kit.paging.Page;
import com.goodcar.kit.paging.PageRequest;
import com.goodcar.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Path("/editions")
@Produces(MediaType.APPLICATION_JSON)
public class EditionResource {

    private final EditionCatalog editions;
    private final SecurityIdentity caller;

    EditionResource(EditionCatalog editions, SecurityIdentity caller) {
        this.editions = editions;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @SecurityRequirements
    @WithSession
    public Uni<Page<EditionView>> list(@Valid @BeanParam PageRequest paging,
                                       @QueryParam("model") String model,
                                       @QueryParam("maxPriceFen") @Positive Long maxPriceFen) {
        paging.offset(); // a page too deep is refused before any read
        var where = new ArrayList<String>();
        var params = new Parameters();
        if (model != null && !model.isBlank()) {
            where.add("modelCode = :model");
            params.and("model", model);
        }
        if (maxPriceFen != null) {
            where.add("listPriceFen <= :maxPriceFen");
            params.and("maxPriceFen", maxPriceFen);
        }
        var query = Edition.<Edition>find(String.join(" and ", where), Sort.by("listPriceFen").and("code"), params)
                .page(paging.page, paging.size);
        return query.list().chain(items -> query.count()
                .map(total -> new Page<>(items.stream().map(EditionView::of).toList(), paging.page, paging.size, total)));
    }

    @GET
    @Path("{code}")
    @PermitAll
    @SecurityRequirements
    @WithSession
    public Uni<EditionView> get(@PathParam("code") String code) {
        return Edition.<Edition>findById(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Edition", code))
                .map(EditionView::of);
    }

    @PUT
    @Path("{code}/price")
    @RolesAllowed("operator")
    @APIResponse(responseCode = "200", description = "The edition at its new price.",
            content = @Content(schema = @Schema(implementation = EditionView.class)))
    @APIResponse(responseCode = "409", description = "The price is already that (`price-unchanged`).")
    @APIResponse(responseCode = "422", description = "The new price is outside the range allowed for one change (`price-out-of-range`).")
    public Uni<EditionView> changePrice(@PathParam("code") String code, @NotNull @Valid PriceUpdate update) {
        return editions.changePrice(code, update, caller.getPrincipal().getName()).map(EditionView::of);
    }

    @GET
    @Path("{code}/prices")
    @PermitAll
    @SecurityRequirements
    @WithSession
    public Uni<List<PriceHistoryEntry>> priceHistory(@PathParam("code") String code) {
        return Edition.findById(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Edition", code))
                .chain(() -> PriceChange.<PriceChange>list("editionCode", Sort.by("changedAt").descending(), code))
                .map(changes -> changes.stream().map(PriceHistoryEntry::of).toList());
    }

    @Schema(examples = """
            {"previousPriceFen": 10990000, "newPriceFen": 9990000, "reason": "Singles' Day price", "changedAt": "2026-11-10T16:00:00Z"}
            """)
    public record PriceHistoryEntry(long previousPriceFen, long newPriceFen, String reason, Instant changedAt) {
        static PriceHistoryEntry of(PriceChange c) {
            return new PriceHistoryEntry(c.previousPriceFen, c.newPriceFen, c.reason, c.changedAt);
        }
    }
}
