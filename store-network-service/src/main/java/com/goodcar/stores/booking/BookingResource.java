package com.goodcar.stores.booking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.goodcar.kit.paging.PageRequest;
import com.goodcar.kit.problem.ProblemException;
import com.goodcar.stores.site.Capability;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A buyer's bookings (charger installation, maintenance, battery swap, trade-in appraisal). Handovers are made from paid orders, never booked here. Nobody sees or changes
 * another buyer's booking (404, as if none); an operator may read and cancel any.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class BookingResource {

    private final Bookings bookings;
    private final Pool pool;
    private final SecurityIdentity caller;

    BookingResource(Bookings bookings, Pool pool, SecurityIdentity caller) {
        this.bookings = bookings;
        this.pool = pool;
        this.caller = caller;
    }

    /** A booking request: a site, what for, and a slot start from its slots. */
    @Schema(examples = """
                    {"siteId": "OUT-000123", "capability": "BATTERY_SWAP", "slotStart": "2026-11-12T02:15:00Z"}
                    """)
    public record NewBooking(@NotNull @Size(max = 40) String siteId, @NotNull Capability capability,
                             @NotNull Instant slotStart) {
    }

    /** A new slot of the same site. */
    @Schema(examples = """
                    {"slotStart": "2026-11-12T03:00:00Z"}
                    """)
    public record NewSlot(@NotNull Instant slotStart) {
    }

    @POST
    @Path("bookings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("buyer")
    @Operation(summary = "Book a slot", description = "Takes a place in a slot of a site. Send an Idempotency-Key: a "
            + "retry with the same key answers the same booking. Role buyer.")
    @APIResponse(responseCode = "200", description = "The booking.")
    @APIResponse(responseCode = "409", description = "The slot is full (`slot-full`).")
    @APIResponse(responseCode = "422", description = "Not a slot of that site, in the past, too far ahead, a capability "
            + "the site does not offer, or a handover (made from a paid order, not booked).")
    public Uni<BookingView> book(@NotNull @Valid NewBooking request,
                                 @HeaderParam("Idempotency-Key") @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7e]+")
                                 String idempotencyKey) {
        if (request.capability() == Capability.VEHICLE_HANDOVER) {
            throw ProblemException.invalid("handover-not-bookable", "Handovers are not booked",
                    "A car's handover is scheduled when its order is paid; see GET /handovers/{orderId}.");
        }
        return bookings.book(new Bookings.Request(request.siteId(), request.capability(), request.slotStart(),
                caller.getPrincipal().getName(), null), idempotencyKey).map(BookingView::of);
    }

    @GET
    @Path("bookings")
    @RolesAllowed("buyer")
    @Operation(summary = "Your bookings", description = "Newest first, handovers included. Role buyer.")
    public Uni<List<BookingView>> mine(@Valid @BeanParam PageRequest paging) {
        return BookingRows.ofUser(pool, caller.getPrincipal().getName(), paging.offset(), paging.size)
                .map(found -> found.stream().map(BookingView::of).toList());
    }

    @GET
    @Path("bookings/{id}")
    @RolesAllowed({"buyer", "operator"})
    public Uni<BookingView> get(@PathParam("id") String id) {
        return BookingRows.find(pool, id, false).map(found -> BookingView.of(visible(found.orElse(null), id)));
    }

    @POST
    @Path("bookings/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("buyer")
    @Operation(summary = "Move a booking", description = "To another slot of its site; the old one is free again. Role buyer.")
    @APIResponse(responseCode = "200", description = "The booking.")
    @APIResponse(responseCode = "409", description = "The new slot is full, or the booking is done or cancelled.")
    public Uni<BookingView> reschedule(@PathParam("id") String id, @NotNull @Valid NewSlot slot) {
        return bookings.reschedule(id, slot.slotStart(), b -> owned(b, id)).map(BookingView::of);
    }

    @POST
    @Path("bookings/{id}/cancel")
    @RolesAllowed({"buyer", "operator"})
    @Operation(summary = "Cancel a booking", description = "Its slot is free again, once; cancelling again changes nothing. "
            + "A buyer cancels their own (not a handover: cancel the order); an operator any.")
    public Uni<BookingView> cancel(@PathParam("id") String id) {
        return bookings.cancel(id, b -> {
            Booking booking = caller.hasRole("operator") ? b : owned(b, id);
            if (!caller.hasRole("operator") && booking.capability() == Capability.VEHICLE_HANDOVER) {
                throw ProblemException.conflict("handover-not-cancellable", "A handover is not cancelled here",
                        "The handover belongs to order " + booking.orderId() + "; cancel the order instead.");
            }
            return booking;
        }).map(BookingView::of);
    }

    private Booking visible(Booking booking, String id) {
        if (booking == null || !caller.hasRole("operator") && !booking.userId().equals(caller.getPrincipal().getName())) {
            throw ProblemException.notFound("Booking", id);
        }
        return booking;
    }

    private Booking owned(Booking booking, String id) {
        if (!booking.userId().equals(caller.getPrincipal().getName())) {
            throw ProblemException.notFound("Booking", id);
        }
        return booking;
    }
}
