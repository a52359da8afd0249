package com.goodcar.stores.search;

import com.goodcar.kit.problem.ProblemException;
import com.goodcar.stores.site.Capability;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The nearest sites that can do a job, for anyone signed in. */
@Path("/sites/nearest")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final Pool pool;
    private final ZoneId zone;
    private final Clock clock;
    private final Duration horizon;

    SearchResource(Pool pool, Clock clock, @ConfigProperty(name = "stores.zone") ZoneId zone,
                   @ConfigProperty(name = "stores.booking.horizon") Duration horizon) {
        this.pool = pool;
        this.clock = clock;
        this.zone = zone;
        this.horizon = horizon;
    }

    @GET
    @Authenticated
    @Operation(summary = "Nearest sites with a capability",
            description = "Open sites (own stores and partner outlets) that can do `capability`, nearest first, with their "
                    + "distance in metres from the point. Optionally only those open at `openAt`, with a free slot of "
                    + "that capability on `freeOn` (a local date), or within `withinKm`. Any signed-in caller.")
    @APIResponse(responseCode = "200", description = "Up to `limit` sites, nearest first.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = NearbySite.class)))
    @APIResponse(responseCode = "422", description = "A coordinate out of range, an unknown capability, a day in the past "
            + "or beyond the booking horizon, or a limit outside 1-50.")
    public Uni<String> nearest(
            @Parameter(description = "WGS 84 latitude, -90 to 90", example = "23.1291") @QueryParam("latitude") Double latitude,
            @Parameter(description = "WGS 84 longitude, -180 to 180", example = "113.2644") @QueryParam("longitude") Double longitude,
            @Parameter(description = "VEHICLE_HANDOVER, HOME_CHARGER_INSTALLATION, MAINTENANCE, BATTERY_SWAP or TRADE_IN_APPRAISAL",
                    example = "BATTERY_SWAP") @QueryParam("capability") String capability,
            @Parameter(description = "how many, 1 to 50 (default 10)") @QueryParam("limit") Integer limit,
            @Parameter(description = "only sites open at this instant (ISO 8601)", example = "2026-11-11T02:00:00Z")
            @QueryParam("openAt") String openAt,
            @Parameter(description = "only sites with a free slot on this local date", example = "2026-11-12")
            @QueryParam("freeOn") String freeOn,
            @Parameter(description = "only sites within this many kilometres, 1 to 1000") @QueryParam("withinKm") Integer withinKm) {
        return SiteSearch.nearestJson(pool, query(latitude, longitude, capability, limit, openAt, freeOn, withinKm), zone, clock);
    }

    public NearbyQuery query(Double latitude, Double longitude, String capability, Integer limit, String openAt, String freeOn,
                      Integer withinKm) {
        if (latitude == null || longitude == null || latitude.isNaN() || longitude.isNaN()
                || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw ProblemException.invalid("invalid-point", "Not a point on Earth",
                    "latitude must be -90 to 90 and longitude -180 to 180 (WGS 84 degrees); both are required.");
        }
        int count = limit == null ? 10 : limit;
        if (count < 1 || count > 50) {
            throw ProblemException.invalid("invalid-limit", "Limit out of range", "limit must be 1 to 50, not " + count + ".");
        }
        if (withinKm != null && (withinKm < 1 || withinKm > 1000)) {
            throw ProblemException.invalid("invalid-distance", "Distance out of range", "withinKm must be 1 to 1000.");
        }
        return new NearbyQuery(latitude, longitude, capability(capability), count, instant(openAt), day(freeOn), withinKm);
    }

    public static Capability capability(String name) {
        try {
            if (name != null) {
                return Capability.valueOf(name);
            }
        } catch (IllegalArgumentException unknown) {
            // answered below with the known ones
        }
        throw ProblemException.invalid("unknown-capability", "Unknown capability",
                "capability must be one of " + Arrays.toString(Capability.values()) + ".");
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("invalid-instant", "Not an instant",
                    "openAt must be an ISO 8601 instant such as 2026-11-11T02:00:00Z.");
        }
    }

    private LocalDate day(String value) {
        if (value == null) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("invalid-day", "Not a date", "freeOn must be a date such as 2026-11-12.");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (day.isBefore(today) || day.isAfter(today.plusDays(horizon.toDays()))) {
            throw ProblemException.invalid("day-out-of-range", "Day out of range",
                    "freeOn must be from today (" + today + ") to " + today.plusDays(horizon.toDays()) + ".");
        }
        return day;
    }
}
