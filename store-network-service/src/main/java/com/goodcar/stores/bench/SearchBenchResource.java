package com.goodcar.stores.bench;

import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import com.goodcar.stores.search.SearchResource;
import com.goodcar.stores.search.SiteSearch;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.ZoneId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The ceiling ./platform bench stores compares search with: the same authentication, no query. */
@Path("/bench")
public class SearchBenchResource {

    private static final Nothing NOTHING = new Nothing("none");

    /** What the ceiling answers: as little as possible. */
    @Schema(examples = """
            {"result": "none"}
            """)
    public record Nothing(String result) {
    }

    private final boolean enabled;
    private final SearchResource search;
    private final Pool pool;
    private final Clock clock;
    private final ZoneId zone;

    SearchBenchResource(@ConfigProperty(name = "stores.bench-endpoints.enabled") boolean enabled, SearchResource search,
                        Pool pool, Clock clock, @ConfigProperty(name = "stores.zone") ZoneId zone) {
        this.enabled = enabled;
        this.search = search;
        this.pool = pool;
        this.clock = clock;
        this.zone = zone;
    }

    @GET
    @Path("plan")
    @RolesAllowed("operator")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The query plan of a search", description = "EXPLAIN ANALYZE of GET /sites/nearest with the "
            + "same parameters: the benchmark prints it to show the index at work. Role operator; benchmark endpoints only.")
    @APIResponse(responseCode = "200", description = "The plan, as PostgreSQL prints it.", content = @Content(
            mediaType = MediaType.TEXT_PLAIN, example = "Limit (actual time=0.206..0.646 rows=10 loops=1)\n"
                    + "  ->  Index Scan using site_location on site s (actual time=0.206..0.640 rows=10 loops=1)\n"
                    + "        Order By: (location <-> '0101000020E6100000'::geography)"))
    public Uni<String> plan(@QueryParam("latitude") Double latitude, @QueryParam("longitude") Double longitude,
                            @QueryParam("capability") String capability, @QueryParam("limit") Integer limit,
                            @QueryParam("openAt") String openAt, @QueryParam("freeOn") String freeOn,
                            @QueryParam("withinKm") Integer withinKm) {
        requireEnabled();
        return SiteSearch.plan(pool, search.query(latitude, longitude, capability, limit, openAt, freeOn, withinKm), zone,
                clock);
    }

    @GET
    @Path("noop")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Benchmark ceiling", description = "Answers at once behind the same authentication as search; "
            + "on with STORES_BENCH_ENDPOINTS=true only (never in production).")
    public Nothing noop() {
        requireEnabled();
        return NOTHING;
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new ProblemException(Problem.of(404, "not-found", "Not found",
                    "Benchmark endpoints are off (STORES_BENCH_ENDPOINTS=true turns them on)."));
        }
    }
}
