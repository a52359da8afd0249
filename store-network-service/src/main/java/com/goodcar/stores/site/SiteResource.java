package com.goodcar.stores.site;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.goodcar.kit.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/** The network as operators keep it: add, update, import, close; anyone signed in reads a site. */
@Path("/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SiteResource {

    private static final Logger LOG = Logger.getLogger(SiteResource.class);

    private final Pool pool;
    private final Clock clock;
    private final SiteViews views;

    SiteResource(Pool pool, Clock clock, SiteViews views) {
        this.pool = pool;
        this.clock = clock;
        this.views = views;
    }

    /** What an import wrote. */
    @Schema(examples = """
                    {"sites": 2000}
                    """)
    public record Imported(int sites) {
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "A site", description = "Its place, hours and capacity per capability. Any signed-in caller.")
    public Uni<SiteView> get(@PathParam("id") String id) {
        return SiteRows.find(pool, id, false).map(found -> SiteView.of(found.orElseThrow(() ->
                ProblemException.notFound("Site", id))));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("operator")
    @Operation(summary = "Add or update a site", description = "Writes the site exactly as given (its services replace "
            + "the earlier ones); the same body again changes nothing. Role operator.")
    @APIResponse(responseCode = "200", description = "The site as written.")
    @APIResponse(responseCode = "422", description = "Invalid site, or the body's id is not the path's.")
    public Uni<SiteView> put(@PathParam("id") String id, @NotNull @Valid SiteInput input) {
        if (!id.equals(input.id())) {
            throw ProblemException.invalid("id-mismatch", "Ids differ", "The body names site " + input.id()
                    + " but the path names " + id + ".");
        }
        Site site = input.site();
        return pool.withTransaction(connection -> SiteRows.upsert(connection, List.of(site), now())
                .chain(() -> views.refresh(connection, List.of(id)))
                .chain(() -> SiteRows.find(connection, id, false)))
                .map(found -> SiteView.of(found.orElseThrow()))
                .invoke(view -> LOG.infof("site %s: written by an operator", id));
    }

    @POST
    @Path("import")
    @RolesAllowed("operator")
    @Operation(summary = "Import sites", description = "Up to 2,000 sites in one transaction, each written as given: "
            + "importing the same file again changes nothing. Role operator.")
    public Uni<Imported> importSites(@NotNull @Size(min = 1, max = 2000) List<@NotNull @Valid SiteInput> inputs) {
        var ids = new java.util.HashSet<String>();
        for (SiteInput input : inputs) {
            if (!ids.add(input.id())) {
                throw ProblemException.invalid("duplicate-site", "A site is listed twice", "Site " + input.id()
                        + " appears more than once in the import.");
            }
        }
        List<Site> sites = inputs.stream().map(SiteInput::site).toList();
        return pool.withTransaction(connection -> SiteRows.upsert(connection, sites, now())
                        .chain(() -> views.refresh(connection, List.copyOf(ids))))
                .invoke(() -> LOG.infof("network: %d sites imported", sites.size()))
                .replaceWith(new Imported(sites.size()));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed("operator")
    @Operation(summary = "Close a site", description = "It is no longer found, booked or assigned; its bookings stay "
            + "for the site to finish or cancel. Closing a closed site again changes nothing. Role operator.")
    public Uni<SiteView> close(@PathParam("id") String id) {
        return pool.withTransaction(connection -> SiteRows.close(connection, id, now())
                .chain(closed -> views.refresh(connection, List.of(id)))
                .chain(() -> SiteRows.find(connection, id, false))
                .map(found -> SiteView.of(found.orElseThrow(() -> ProblemException.notFound("Site", id)))));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
