package com.goodcar.stores.dealer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.goodcar.kit.problem.ProblemException;
import com.goodcar.stores.booking.Booking;
import com.goodcar.stores.booking.BookingResource.NewSlot;
import com.goodcar.stores.booking.BookingRows;
import com.goodcar.stores.booking.BookingView;
import com.goodcar.stores.booking.Bookings;
import com.goodcar.stores.search.SearchResource;
import com.goodcar.stores.site.ServiceCapacity;
import com.goodcar.stores.site.SiteInput.HoursInput;
import com.goodcar.stores.site.SiteRows;
import com.goodcar.stores.site.SiteView;
import com.goodcar.stores.site.SiteViews;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The partner dealer API: a dealer (role {@code dealer}, claim {@code outlet_id}) runs its own outlet
 * only: reads it, sets hours and capacity, works its bookings. Another outlet's path is 403, another
 * outlet's booking under its own path 404; nothing changes either way. Operators may act on any outlet.
 */
@Path("/outlets/{outletId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner dealer API", description = "A dealer's own outlet: hours, capacity, bookings. Bearer token of a "
        + "dealer user (client partner-dealer); the token's outlet_id claim must be the path's outletId. At most "
        + "20 requests a second per outlet (bursts of 40): beyond, 429 with Retry-After.")
public class DealerResource {

    private static final String RATE_LIMITED = "Over the outlet's request rate (`rate-limited`); Retry-After says when.";

    private final Pool pool;
    private final Bookings bookings;
    private final SecurityIdentity caller;
    private final Clock clock;
    private final ZoneId zone;
    private final OutletAccess access;
    private final SiteViews views;

    DealerResource(Pool pool, Bookings bookings, SecurityIdentity caller, Clock clock, OutletAccess access, SiteViews views,
                   @ConfigProperty(name = "stores.zone") ZoneId zone) {
        this.pool = pool;
        this.bookings = bookings;
        this.caller = caller;
        this.clock = clock;
        this.access = access;
        this.views = views;
        this.zone = zone;
    }

    /** One capability's slot length and places per slot (0 stops new bookings of it). */
    @Schema(examples = """
                    {"slotMinutes": 15, "perSlot": 9}
                    """)
    public record Capacity(@NotNull @Min(5) @Max(480) Integer slotMinutes, @NotNull @Min(0) @Max(1000) Integer perSlot) {
    }

    @GET
    @RolesAllowed({"dealer", "operator"})
    @Operation(summary = "Your outlet", description = "Its place, hours and capacity per capability.")
    @APIResponse(responseCode = "200", description = "Done: the outlet or booking as it is now.")
    @APIResponse(responseCode = "403", description = "Not your outlet (`not-your-outlet`).")
    @APIResponse(responseCode = "429", description = RATE_LIMITED)
    public Uni<SiteView> outlet(@PathParam("outletId") String outletId) {
        guard(outletId);
        return SiteRows.find(pool, outletId, false).map(found -> SiteView.of(found.orElseThrow(() ->
                ProblemException.notFound("Outlet", outletId))));
    }

    @PUT
    @Path("hours")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"dealer", "operator"})
    @Operation(summary = "Set your opening hours", description = "Local times; bookings already made keep their slots.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "weekdays",
            value = "{\"opens\": \"08:30\", \"closes\": \"18:30\", \"days\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", "
                    + "\"THURSDAY\", \"FRIDAY\", \"SATURDAY\"]}")))
    @APIResponse(responseCode = "200", description = "Done: the outlet or booking as it is now.")
    @APIResponse(responseCode = "403", description = "Not your outlet (`not-your-outlet`).")
    @APIResponse(responseCode = "429", description = RATE_LIMITED)
    public Uni<SiteView> hours(@PathParam("outletId") String outletId, @NotNull @Valid HoursInput hours) {
        guard(outletId);
        var opening = hours.hours();
        return pool.withTransaction(connection -> existing(connection, outletId)
                .chain(() -> SiteRows.updateHours(connection, outletId, opening, clock.instant()))
                .chain(() -> views.refresh(connection, List.of(outletId)))
                .chain(() -> SiteRows.find(connection, outletId, false)))
                .map(found -> SiteView.of(found.orElseThrow()));
    }

    @PUT
    @Path("capacity/{capability}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"dealer", "operator"})
    @Operation(summary = "Set a capability's capacity", description = "Slot length and places per slot; a capability "
            + "the outlet did not offer is added. Lowering it never cancels a booking already made.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "swap bay",
            value = "{\"slotMinutes\": 15, \"perSlot\": 9}", description = "a battery-swap bay: 99 s a swap")))
    @APIResponse(responseCode = "200", description = "Done: the outlet or booking as it is now.")
    @APIResponse(responseCode = "403", description = "Not your outlet (`not-your-outlet`).")
    @APIResponse(responseCode = "429", description = RATE_LIMITED)
    public Uni<SiteView> capacity(@PathParam("outletId") String outletId, @PathParam("capability") String capability,
                                  @NotNull @Valid Capacity capacity) {
        guard(outletId);
        var service = new ServiceCapacity(SearchResource.capability(capability), capacity.slotMinutes(), capacity.perSlot());
        return pool.withTransaction(connection -> existing(connection, outletId)
                .chain(() -> SiteRows.putService(connection, outletId, service, clock.instant()))
                .chain(() -> views.refresh(connection, List.of(outletId)))
                .chain(() -> SiteRows.find(connection, outletId, false)))
                .map(found -> SiteView.of(found.orElseThrow()));
    }

    @GET
    @Path("bookings")
    @RolesAllowed({"dealer", "operator"})
    @Operation(summary = "Your outlet's bookings", description = "Slots from the local date `from` (default today) for "
            + "`days` days (1-31, default 7), earliest first, at most 1,000.")
    @APIResponse(responseCode = "200", description = "Done: the outlet or booking as it is now.")
    @APIResponse(responseCode = "403", description = "Not your outlet (`not-your-outlet`).")
    @APIResponse(responseCode = "429", description = RATE_LIMITED)
    public Uni<List<BookingView>> bookings(@PathParam("outletId") String outletId, @QueryParam("from") String from,
                                           @QueryParam("days") Integer days) {
        guard(outletId);
        LocalDate first = from == null ? LocalDate.now(clock.withZone(zone)) : date(from);
        int span = days == null ? 7 : days;
        if (span < 1 || span > 31) {
            throw ProblemException.invalid("invalid-days", "Days out of range", "days must be 1 to 31.");
        }
        return existing(pool, outletId).chain(() -> BookingRows.ofSite(pool, outletId, first.atStartOfDay(zone).toInstant(),
                first.plusDays(span).atStartOfDay(zone).toInstant())).map(l -> l.stream().map(BookingView::of).toList());
    }

    @GET
    @Path("bookings/{bookingId}")
    @RolesAllowed({"dealer", "operator"})
    @APIResponse(responseCode = "200", description = "Done: the outlet or booking as it is now.")
    @APIResponse(responseCode = "404", description = "No such booking at this outlet.")
    @APIResponse(responseCode = "403", description = "Not your outlet (`not-your-outlet`).")
    @APIResponse(responseCode = "429", description = RATE_LIMITED)
    public Uni<BookingView> booking(@PathParam("outletId") String outletId, @PathParam("bookingId") String bookingId) {
        guard(outletId);
        return BookingRows.find(pool, bookingId, false).map(found -> BookingView.of(atOutlet(found.orElse(null), outletId,
                bookingId)));
    }

    @POST
    @Path("bookings/{bookingId}/confirm")
    @RolesAllowed({"dealer", "operator"})
    @Operation(summary = "Confirm a booking", description = "Confirming again changes nothing.")
    @APIResponse(responseCode = "200", description = "Done: the outlet or booking as it is now.")
    @APIResponse(responseCode = "404", description = "No such booking at this outlet.")
    @APIResponse(responseCode = "403", description = "Not your outlet (`not-your-outlet`).")
    @APIResponse(responseCode = "409", description = "The booking is done or cancelled.")
    @APIResponse(responseCode = "429", description = RATE_LIMITED)
    public Uni<BookingView> confirm(@PathParam("outletId") String outletId, @PathParam("bookingId") String bookingId) {
        guard(outletId);
        return bookings.confirm(bookingId, b -> atOutlet(b, outletId, bookingId)).map(BookingView::of);
    }

    @POST
    @Path("bookings/{bookingId}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"dealer", "operator"})
    @Operation(summary = "Move a booking", description = "To another slot of your outlet; the old one is free again.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "next day",
            value = "{\"slotStart\": \"2026-11-13T02:00:00Z\"}")))
    @APIResponse(responseCode = "200", description = "Done: the outlet or booking as it is now.")
    @APIResponse(responseCode = "404", description = "No such booking at this outlet.")
    @APIResponse(responseCode = "403", description = "Not your outlet (`not-your-outlet`).")
    @APIResponse(responseCode = "409", description = "The new slot is full, or the booking is done or cancelled.")
    @APIResponse(responseCode = "429", description = RATE_LIMITED)
    public Uni<BookingView> reschedule(@PathParam("outletId") String outletId, @PathParam("bookingId") String bookingId,
                                       @NotNull @Valid NewSlot slot) {
        guard(outletId);
        return bookings.reschedule(bookingId, slot.slotStart(), b -> atOutlet(b, outletId, bookingId)).map(BookingView::of);
    }

    @POST
    @Path("bookings/{bookingId}/done")
    @RolesAllowed({"dealer", "operator"})
    @Operation(summary = "Mark a booking done", description = "The job is done; for a handover, the car is handed over "
            + "(store.vehicle-delivered.v1: the order becomes delivered). Saying it again changes nothing.")
    @APIResponse(responseCode = "200", description = "Done: the outlet or booking as it is now.")
    @APIResponse(responseCode = "404", description = "No such booking at this outlet.")
    @APIResponse(responseCode = "403", description = "Not your outlet (`not-your-outlet`).")
    @APIResponse(responseCode = "409", description = "The booking was cancelled.")
    @APIResponse(responseCode = "429", description = RATE_LIMITED)
    public Uni<BookingView> done(@PathParam("outletId") String outletId, @PathParam("bookingId") String bookingId) {
        guard(outletId);
        return bookings.done(bookingId, b -> atOutlet(b, outletId, bookingId)).map(BookingView::of);
    }

    private void guard(String outletId) {
        access.require(caller, outletId);
    }

    private static Booking atOutlet(Booking booking, String outletId, String bookingId) {
        if (booking == null || !booking.siteId().equals(outletId)) {
            throw ProblemException.notFound("Booking", bookingId);
        }
        return booking;
    }

    private static Uni<Void> existing(io.vertx.mutiny.sqlclient.SqlClient connection, String outletId) {
        return SiteRows.find(connection, outletId, false).invoke(found -> found.orElseThrow(() ->
                ProblemException.notFound("Outlet", outletId))).replaceWithVoid();
    }

    private static LocalDate date(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("invalid-day", "Not a date", "from must be a date such as 2026-11-12.");
        }
    }
}
