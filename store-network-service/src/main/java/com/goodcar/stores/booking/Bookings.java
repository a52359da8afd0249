package com.goodcar.stores.booking;

import com.goodcar.contracts.store.BookingCancelled;
import com.goodcar.contracts.store.BookingConfirmed;
import com.goodcar.contracts.store.BookingDone;
import com.goodcar.contracts.store.BookingMade;
import com.goodcar.contracts.store.BookingRescheduled;
import com.goodcar.kit.idempotency.IdempotencyLock;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.kit.problem.ProblemException;
import com.goodcar.stores.site.Capability;
import com.goodcar.stores.site.ServiceCapacity;
import com.goodcar.stores.site.Site;
import com.goodcar.stores.site.SiteRows;
import com.goodcar.stores.site.Slots;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Takes, moves and frees slots. A slot is taken by one conditional upsert ({@link BookingRows#takePlace});
 * a booking is locked before it moves, so a slot it leaves is given back exactly once however many
 * cancels or reschedules race.
 */
@ApplicationScoped
public class Bookings {

    private static final Logger LOG = Logger.getLogger(Bookings.class);

    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration horizon;
    private final HandoverSteps handovers;

    Bookings(Pool pool, Outbox outbox, Clock clock, HandoverSteps handovers,
             @ConfigProperty(name = "stores.zone") ZoneId zone,
             @ConfigProperty(name = "stores.booking.horizon") Duration horizon) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
        this.handovers = handovers;
        this.zone = zone;
        this.horizon = horizon;
    }

    /** What a booking request names. {@code orderId} only for a handover. */
    public record Request(String siteId, Capability capability, Instant slotStart, String userId, String orderId) {
    }

    /** Books a slot for a buyer; the same Idempotency-Key again answers the first booking. */
    public Uni<Booking> book(Request request, String idempotencyKey) {
        return pool.withTransaction(connection -> {
            Uni<Void> lock = idempotencyKey == null ? Uni.createFrom().voidItem()
                    : IdempotencyLock.take(connection, "booking", request.userId(), idempotencyKey);
            return lock.chain(() -> idempotencyKey == null ? Uni.createFrom().item(java.util.Optional.<Booking>empty())
                            : BookingRows.byKey(connection, request.userId(), idempotencyKey))
                    .chain(earlier -> earlier.isPresent() ? Uni.createFrom().item(same(earlier.get(), request))
                            : take(connection, request, idempotencyKey).call(booking -> outbox.stage(connection,
                                    new BookingMade(booking.id(), booking.capability().name(), booking.siteId(),
                                            booking.userId(), booking.slotStart(), booking.createdAt()), booking.createdAt())));
        });
    }

    /**
     * Takes a place for a new booking in the caller's transaction: refused (problem) when the site or
     * slot does not exist or is full. No event: the caller announces what the booking is for.
     */
    public Uni<Booking> take(SqlConnection connection, Request request, String idempotencyKey) {
        Instant now = now();
        return SiteRows.find(connection, request.siteId(), false).chain(found -> {
            Site site = found.filter(s -> !s.closed()).orElseThrow(() -> ProblemException.notFound("Site", request.siteId()));
            slotOf(site, request.capability(), request.slotStart(), now);
            Booking booking = Booking.made("bkg-" + UUID.randomUUID(), request.capability(), site.id(), request.userId(),
                    request.orderId(), request.slotStart(), now);
            return BookingRows.takePlace(connection, site.id(), request.capability(), request.slotStart())
                    .chain(taken -> {
                        if (!taken) {
                            throw full(site.id(), request.capability(), request.slotStart());
                        }
                        return BookingRows.insert(connection, booking, idempotencyKey);
                    })
                    .invoke(() -> LOG.infof("booking %s: %s at %s, slot %s", booking.id(), booking.capability(), site.id(),
                            booking.slotStart()))
                    .replaceWith(booking);
        });
    }

    /**
     * True if a place was taken for {@code start} at the site (no problem thrown): for a caller that
     * tries slot after slot, such as a handover looking for the first free one.
     */
    public Uni<Boolean> tryTake(SqlConnection connection, String siteId, Capability capability, Instant start) {
        return BookingRows.takePlace(connection, siteId, capability, start);
    }

    public Uni<Booking> confirm(String id, UnaryOperator<Booking> access) {
        return step(id, access, BookingState.CONFIRMED, Booking::confirmed, (connection, b) ->
                outbox.stage(connection, new BookingConfirmed(b.id(), b.siteId(), b.updatedAt()), b.updatedAt()));
    }

    public Uni<Booking> done(String id, UnaryOperator<Booking> access) {
        return step(id, access, BookingState.DONE, Booking::done, (connection, b) ->
                b.capability() == Capability.VEHICLE_HANDOVER ? handovers.done(connection, b, b.updatedAt())
                        : outbox.stage(connection, new BookingDone(b.id(), b.capability().name(), b.siteId(), b.userId(),
                                b.updatedAt()), b.updatedAt()));
    }

    public Uni<Booking> cancel(String id, UnaryOperator<Booking> access) {
        return step(id, access, BookingState.CANCELLED, Booking::cancelled, (connection, b) ->
                BookingRows.givePlace(connection, b.siteId(), b.capability(), b.slotStart())
                        .chain(() -> b.capability() == Capability.VEHICLE_HANDOVER ? handovers.cancelled(connection, b, b.updatedAt())
                                : outbox.stage(connection, new BookingCancelled(b.id(), b.siteId(), b.slotStart(),
                                        b.updatedAt()), b.updatedAt())));
    }

    /** Moves a live booking to another slot of its site: the new place is taken before the old is given back. */
    public Uni<Booking> reschedule(String id, Instant newStart, UnaryOperator<Booking> access) {
        Instant now = now();
        return pool.withTransaction(connection -> BookingRows.find(connection, id, true).chain(found -> {
            Booking booking = access.apply(found.orElseThrow(() -> ProblemException.notFound("Booking", id)));
            if (booking.slotStart().equals(newStart) && booking.state().live()) {
                return Uni.createFrom().item(booking);
            }
            Booking moved = permitted(() -> booking.rescheduled(newStart, now));
            return SiteRows.find(connection, booking.siteId(), false).chain(site -> {
                slotOf(site.filter(s -> !s.closed()).orElseThrow(() -> ProblemException.conflict("site-closed",
                        "The site is closed", "Site " + booking.siteId() + " is closed; cancel the booking instead.")),
                        booking.capability(), newStart, now);
                return BookingRows.takePlace(connection, booking.siteId(), booking.capability(), newStart);
            }).chain(taken -> {
                if (!taken) {
                    throw full(booking.siteId(), booking.capability(), newStart);
                }
                return BookingRows.givePlace(connection, booking.siteId(), booking.capability(), booking.slotStart());
            }).chain(() -> BookingRows.update(connection, moved))
                    .chain(() -> booking.capability() == Capability.VEHICLE_HANDOVER
                            ? handovers.rescheduled(connection, moved, now)
                            : outbox.stage(connection, new BookingRescheduled(moved.id(), moved.siteId(), booking.slotStart(),
                                    moved.slotStart(), now), now))
                    .invoke(() -> LOG.infof("booking %s: moved from %s to %s", id, booking.slotStart(), newStart))
                    .replaceWith(moved);
        }));
    }

    private Uni<Booking> step(String id, UnaryOperator<Booking> access, BookingState to,
                              BiFunction<Booking, Instant, Booking> move,
                              BiFunction<SqlConnection, Booking, Uni<Void>> then) {
        Instant now = now();
        return pool.withTransaction(connection -> BookingRows.find(connection, id, true).chain(found -> {
            Booking booking = access.apply(found.orElseThrow(() -> ProblemException.notFound("Booking", id)));
            if (booking.state() == to) {
                return Uni.createFrom().item(booking);
            }
            Booking next = permitted(() -> move.apply(booking, now));
            return BookingRows.update(connection, next).chain(() -> then.apply(connection, next))
                    .invoke(() -> LOG.infof("booking %s: %s", id, to)).replaceWith(next);
        }));
    }

    /** The site's service for a capability, if {@code start} is one of its future slots within the horizon. */
    public ServiceCapacity slotOf(Site site, Capability capability, Instant start, Instant now) {
        ServiceCapacity service = site.service(capability).orElseThrow(() -> ProblemException.invalid("capability-not-offered",
                "The site does not do this", "Site " + site.id() + " does not offer " + capability + "."));
        if (!start.isAfter(now)) {
            throw ProblemException.invalid("slot-in-the-past", "Slot in the past", "Slot " + start + " has begun already.");
        }
        if (start.isAfter(now.plus(horizon))) {
            throw ProblemException.invalid("slot-beyond-horizon", "Slot too far ahead",
                    "Slots may be booked up to " + horizon.toDays() + " days ahead.");
        }
        Slots.of(site, service, zone).refusal(start).ifPresent(why -> {
            throw ProblemException.invalid("not-a-slot", "Not a slot of this site", "At " + site.id() + ", " + why + ".");
        });
        return service;
    }

    private static Booking same(Booking earlier, Request request) {
        if (!earlier.siteId().equals(request.siteId()) || earlier.capability() != request.capability()
                || !earlier.slotStart().equals(request.slotStart())) {
            throw ProblemException.invalid("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key made booking " + earlier.id() + " for another slot; use a new key.");
        }
        return earlier;
    }

    static ProblemException full(String siteId, Capability capability, Instant start) {
        return ProblemException.conflict("slot-full", "Slot full",
                "The " + capability + " slot at " + start + " of site " + siteId + " is fully booked; pick another.");
    }

    public static Booking permitted(java.util.function.Supplier<Booking> step) {
        try {
            return step.get();
        } catch (Booking.Refused refused) {
            throw ProblemException.conflict("booking-not-live", "Booking no longer live", refused.getMessage());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
