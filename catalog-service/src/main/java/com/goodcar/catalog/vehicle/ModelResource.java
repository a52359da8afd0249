package com.goodcar.catalog.vehicle;

import jakarta.annotation.security.PermitAll;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import com.goodcar.kit.paging.Page;
import com.goodcar.kit.paging.PageRequest;
import com.goodcar.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final EditionCatalog editions;
    private final Clock clock;

    ModelResource(EditionCatalog editions, Clock clock) {
        this.editions = editions;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @SecurityRequirements
    @WithSession
    public Uni<Page<ModelView>> list(@Valid @BeanParam PageRequest paging,
                                     @QueryParam("brand") String brand,
                                     @QueryParam("minRangeKm") @Min(value = 0, message = "must be 0 or more") Integer minRangeKm) {
        paging.offset(); // a page too deep is refused before any read
        var where = new ArrayList<String>();
        var params = new Parameters();
        if (brand != null && !brand.isBlank()) {
            where.add("brand = :brand");
            params.and("brand", brand);
        }
        if (minRangeKm != null) {
            where.add("rangeKm >= :minRangeKm");
            params.and("minRangeKm", minRangeKm);
        }
        var query = VehicleModel.<VehicleModel>find(String.join(" and ", where), Sort.by("code"), params)
                .page(paging.page, paging.size);
        return query.list().chain(models -> query.count().chain(total -> withEditions(models)
                .map(views -> new Page<>(views, paging.page, paging.size, total))));
    }

    @GET
    @Path("{code}")
    @PermitAll
    @SecurityRequirements
    @WithSession
    public Uni<ModelView> get(@PathParam("code") String code) {
        return VehicleModel.<VehicleModel>findById(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Model", code))
                .chain(model -> withEditions(List.of(model)).map(List::getFirst));
    }

    @POST
    @RolesAllowed("operator")
    @APIResponse(responseCode = "201", description = "Created; Location names the model.",
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "409", description = "A model with that code exists (`model-exists`).")
    @WithTransaction
    public Uni<Response> create(@NotNull @Valid NewModel draft) {
        // two operators creating the same code at once: the second waits, then gets the 409
        return CodeLock.take("model", draft.code()).chain(() -> VehicleModel.findById(draft.code())).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("model-exists", "Model exists",
                        "A model with code '" + draft.code() + "' already exists.");
            }
            var model = new VehicleModel();
            model.code = draft.code();
            model.createdAt = clock.instant();
            model.apply(draft.specification(), model.createdAt);
            return model.persist().replaceWith(Response.created(URI.create("/models/" + model.code))
                    .entity(ModelView.of(model, List.of())).build());
        });
    }

    @PUT
    @Path("{code}")
    @RolesAllowed("operator")
    @WithTransaction
    public Uni<ModelView> update(@PathParam("code") String code, @NotNull @Valid ModelSpecification specification) {
        return VehicleModel.<VehicleModel>findById(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Model", code))
                .invoke(model -> model.apply(specification, clock.instant()))
                .chain(model -> withEditions(List.of(model)).map(List::getFirst));
    }

    @POST
    @Path("{code}/editions")
    @RolesAllowed("operator")
    @APIResponse(responseCode = "201", description = "Listed; Location names the edition.",
            content = @Content(schema = @Schema(implementation = EditionView.class)))
    @APIResponse(responseCode = "409", description = "An edition with that code exists (`edition-exists`).")
    public Uni<Response> listEdition(@PathParam("code") String code, @NotNull @Valid NewEdition draft) {
        return editions.list(code, draft).map(edition -> Response
                .created(URI.create("/editions/" + edition.code)).entity(EditionView.of(edition)).build());
    }

    private static Uni<List<ModelView>> withEditions(List<VehicleModel> models) {
        if (models.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> codes = models.stream().map(m -> m.code).toList();
        return Edition.<Edition>list("modelCode in ?1", Sort.by("listedAt").and("code"), codes).map(all -> {
            Map<String, List<Edition>> byModel = all.stream().collect(Collectors.groupingBy(e -> e.modelCode));
            return models.stream().map(m -> ModelView.of(m, byModel.getOrDefault(m.code, List.of()))).toList();
        });
    }
}
