package com.goodcar.stores.booking;

import com.goodcar.kit.problem.ProblemException;
import com.goodcar.stores.search.SearchResource;
import com.goodcar.stores.site.Capability;
import com.goodcar.stores.site.ServiceCapacity;
import com.goodcar.stores.site.Site;
import com.goodcar.stores.site.SiteRows;
import com.goodcar.stores.site.Slots;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A site's slots on a day, with places taken: what a buyer picks a booking from. */
@Path("/sites/{siteId}/slots")
@Produces(MediaType.APPLICATION_JSON)
public class SlotResource {

    private final Pool pool;
    private final ZoneId zone;
    private final Clock clock;

    SlotResource(Pool pool, Clock clock, @ConfigProperty(name = "stores.zone") ZoneId zone) {
        this.pool = pool;
        this.clock = clock;
        this.zone = zone;
    }

    @GET
    @Authenticated
    @Operation(summary = "A site's slots on a day", description = "Every slot of the capability on the local date, with "
            + "its capacity and places taken. Any signed-in caller.")
    public Uni<List<SlotView>> slots(@PathParam("siteId") String siteId, @QueryParam("capability") String capability,
                                     @QueryParam("day") String day) {
        return SiteRows.find(pool, siteId, false).chain(found -> {
            Site site = found.orElseThrow(() -> ProblemException.notFound("Site", siteId));
            Capability wanted = SearchResource.capability(capability);
            LocalDate date = date(day);
            ServiceCapacity service = site.service(wanted).orElseThrow(() -> ProblemException.invalid(
                    "capability-not-offered", "The site does not do this", "Site " + siteId + " does not offer " + wanted + "."));
            List<Instant> starts = Slots.of(site, service, zone).on(date);
            Instant from = date.atStartOfDay(zone).toInstant();
            return BookingRows.load(pool, siteId, wanted, from, date.plusDays(1).atStartOfDay(zone).toInstant())
                    .map(load -> starts.stream().map(start -> {
                        int booked = load.getOrDefault(start, 0);
                        return new SlotView(start, service.perSlot(), booked,
                                booked < service.perSlot() && start.isAfter(clock.instant()) && !site.closed());
                    }).toList());
        });
    }

    private static LocalDate date(String day) {
        try {
            if (day != null) {
                return LocalDate.parse(day);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ProblemException.invalid("invalid-day", "Not a date", "day must be a date such as 2026-11-12.");
    }
}
