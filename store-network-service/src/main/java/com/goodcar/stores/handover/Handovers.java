package com.goodcar.stores.handover;

import com.goodcar.contracts.EventTypes;
import com.goodcar.contracts.order.DeliveryAddress;
import com.goodcar.contracts.order.OrderCancelled;
import com.goodcar.contracts.order.OrderPaid;
import com.goodcar.contracts.store.HandoverScheduled;
import com.goodcar.contracts.store.HandoverUnassigned;
import com.goodcar.contracts.store.VehicleDelivered;
import com.goodcar.kit.inbox.Inbox;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.kit.problem.ProblemException;
import com.goodcar.stores.booking.Booking;
import com.goodcar.stores.booking.BookingRows;
import com.goodcar.stores.booking.Bookings;
import com.goodcar.stores.booking.HandoverSteps;
import com.goodcar.stores.search.NearbyQuery;
import com.goodcar.stores.search.SiteSearch;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * A paid car gets a handover slot at the nearest site that can hand it over and has a place in the
 * window (from {@code lead} after payment, for {@code window}); when none has, the car is UNASSIGNED
 * and says why ({@code store.handover-unassigned.v1}) until an operator assigns a site. Never silent.
 */
@ApplicationScoped
public class Handovers implements HandoverSteps {

    private static final Logger LOG = Logger.getLogger(Handovers.class);
    private static final Set<String> TYPES = Set.of(EventTypes.ORDER_PAID.type(), EventTypes.ORDER_CANCELLED.type());

    private final Pool pool;
    private final Inbox inbox;
    private final Outbox outbox;
    private final Bookings bookings;
    private final Clock clock;
    private final ZoneId zone;
    private final int candidates;
    private final int maxDistanceKm;
    private final Duration lead;
    private final Duration window;

    Handovers(Pool pool, Inbox inbox, Outbox outbox, Bookings bookings, Clock clock,
              @ConfigProperty(name = "stores.zone") ZoneId zone,
              @ConfigProperty(name = "stores.handover.candidates") int candidates,
              @ConfigProperty(name = "stores.handover.max-distance-km") int maxDistanceKm,
              @ConfigProperty(name = "stores.handover.lead") Duration lead,
              @ConfigProperty(name = "stores.handover.window") Duration window) {
        this.pool = pool;
        this.inbox = inbox;
        this.outbox = outbox;
        this.bookings = bookings;
        this.clock = clock;
        this.zone = zone;
        this.candidates = candidates;
        this.maxDistanceKm = maxDistanceKm;
        this.lead = lead;
        this.window = window;
    }

    @Incoming("order-orders")
    public Uni<Void> onOrderEvent(String message) {
        return inbox.consume("store-handovers", message, TYPES, (connection, event) -> switch (event.data()) {
            case OrderPaid paid -> paid(connection, paid);
            case OrderCancelled cancelled when cancelled.afterPayment() -> withdrawn(connection, cancelled.orderId());
            default -> Uni.createFrom().voidItem();
        }).replaceWithVoid();
    }

    private Uni<Void> paid(SqlConnection connection, OrderPaid paid) {
        Instant now = now();
        DeliveryAddress to = paid.deliverTo();
        return HandoverRows.insert(connection, paid.orderId(), paid.userId(), to, paid.paidAt(), now).chain(made -> {
            if (!made) {
                return Uni.createFrom().voidItem();
            }
            if (to == null) {
                return unassigned(connection, paid.orderId(), paid.userId(), "NO_ADDRESS", now);
            }
            var query = new NearbyQuery(to.latitude(), to.longitude(), Capability.VEHICLE_HANDOVER, candidates, null, null,
                    maxDistanceKm);
            return SiteSearch.nearest(connection, query, zone, clock)
                    .chain(sites -> place(connection, paid.orderId(), paid.userId(), sites, 0, now))
                    .chain(placed -> placed ? Uni.createFrom().voidItem()
                            : unassigned(connection, paid.orderId(), paid.userId(), "NO_SITE_WITH_CAPACITY", now));
        });
    }

    /** Tries the candidates nearest first, each at its first free slot in the window. */
    private Uni<Boolean> place(SqlConnection connection, String orderId, String userId, List<SiteSearch.Found> sites, int index,
                               Instant now) {
        if (index == sites.size()) {
            return Uni.createFrom().item(false);
        }
        Site site = sites.get(index).site();
        ServiceCapacity service = site.service(Capability.VEHICLE_HANDOVER).orElseThrow();
        Instant from = now.plus(lead);
        Instant until = from.plus(window);
        return BookingRows.load(connection, site.id(), Capability.VEHICLE_HANDOVER, from, until)
                .chain(load -> firstFree(connection, site, candidatesIn(site, service, from, until, load), 0))
                .chain(slot -> slot.isEmpty() ? place(connection, orderId, userId, sites, index + 1, now)
                        : scheduled(connection, orderId, userId, site, slot.get(), now).replaceWith(true));
    }

    private List<Instant> candidatesIn(Site site, ServiceCapacity service, Instant from, Instant until,
                                       Map<Instant, Integer> load) {
        var free = new ArrayList<Instant>();
        Slots slots = Slots.of(site, service, zone);
        for (LocalDate day = slots.day(from); !day.isAfter(slots.day(until)); day = day.plusDays(1)) {
            for (Instant start : slots.on(day)) {
                if (start.isAfter(from) && start.isBefore(until) && load.getOrDefault(start, 0) < service.perSlot()) {
                    free.add(start);
                }
            }
        }
        return free;
    }

    /** The first slot a place is really taken in: another booking may take a seemingly free one first. */
    private Uni<Optional<Instant>> firstFree(SqlConnection connection, Site site, List<Instant> free, int index) {
        if (index == free.size() || index == 20) {
            return Uni.createFrom().item(Optional.empty());
        }
        return bookings.tryTake(connection, site.id(), Capability.VEHICLE_HANDOVER, free.get(index))
                .chain(taken -> taken ? Uni.createFrom().item(Optional.of(free.get(index)))
                        : firstFree(connection, site, free, index + 1));
    }

    private Uni<Void> scheduled(SqlConnection connection, String orderId, String userId, Site site, Instant slot,
                                Instant now) {
        Booking booking = Booking.made("bkg-" + UUID.randomUUID(), Capability.VEHICLE_HANDOVER, site.id(), userId, orderId,
                slot, now);
        return BookingRows.insert(connection, booking, null)
                .chain(() -> HandoverRows.move(connection, orderId, HandoverState.SCHEDULED, null, booking.id(), now))
                .chain(() -> outbox.stage(connection, new HandoverScheduled(orderId, booking.id(), userId, site.id(),
                        site.name(), slot, now), now))
                .invoke(() -> LOG.infof("order %s: handover at %s (%s), slot %s", orderId, site.id(), site.city(), slot));
    }

    private Uni<Void> unassigned(SqlConnection connection, String orderId, String userId, String reason, Instant now) {
        LOG.warnf("order %s: no site can take the car (%s); listed in GET /handovers/unassigned for an operator",
                orderId, reason);
        return HandoverRows.move(connection, orderId, HandoverState.UNASSIGNED, reason, null, now)
                .chain(() -> outbox.stage(connection, new HandoverUnassigned(orderId, userId, reason, now), now));
    }

    /** The order was cancelled after payment: its handover slot is given back, once. */
    private Uni<Void> withdrawn(SqlConnection connection, String orderId) {
        Instant now = now();
        return HandoverRows.state(connection, orderId, true).chain(state -> {
            if (state.isEmpty() || state.get() == HandoverState.WITHDRAWN || state.get() == HandoverState.DELIVERED) {
                return Uni.createFrom().voidItem();
            }
            return HandoverRows.find(connection, orderId).chain(view -> {
                String bookingId = view.map(HandoverView::bookingId).orElse(null);
                Uni<Void> release = bookingId == null || state.get() != HandoverState.SCHEDULED ? Uni.createFrom().voidItem()
                        : BookingRows.find(connection, bookingId, true).chain(found -> {
                            Booking booking = found.orElseThrow();
                            if (!booking.state().live()) {
                                return Uni.createFrom().voidItem();
                            }
                            return BookingRows.update(connection, booking.cancelled(now))
                                    .chain(() -> BookingRows.givePlace(connection, booking.siteId(), booking.capability(),
                                            booking.slotStart()));
                        });
                return release.chain(() -> HandoverRows.move(connection, orderId, HandoverState.WITHDRAWN, "ORDER_CANCELLED",
                        null, now)).invoke(() -> LOG.infof("order %s: cancelled, handover withdrawn", orderId));
            });
        });
    }

    /** An operator places an unassigned car at a site's slot. */
    public Uni<HandoverView> assign(String orderId, String siteId, Instant slotStart) {
        Instant now = now();
        return pool.withTransaction(connection -> HandoverRows.state(connection, orderId, true).chain(state -> {
            if (state.isEmpty()) {
                throw ProblemException.notFound("Handover", orderId);
            }
            if (state.get() != HandoverState.UNASSIGNED) {
                throw ProblemException.conflict("handover-not-unassigned", "Handover not unassigned",
                        "The handover of order " + orderId + " is " + state.get() + "; reschedule its booking instead.");
            }
            return HandoverRows.find(connection, orderId).chain(view -> bookings.take(connection,
                    new Bookings.Request(siteId, Capability.VEHICLE_HANDOVER, slotStart, view.orElseThrow().userId(), orderId),
                    null)).chain(booking -> SiteRows.find(connection, siteId, false).chain(site ->
                    HandoverRows.move(connection, orderId, HandoverState.SCHEDULED, null, booking.id(), now)
                            .chain(() -> outbox.stage(connection, new HandoverScheduled(orderId, booking.id(),
                                    booking.userId(), siteId, site.orElseThrow().name(), slotStart, now), now))))
                    .chain(() -> HandoverRows.find(connection, orderId)).map(Optional::orElseThrow);
        }));
    }

    public Uni<Optional<HandoverView>> find(String orderId) {
        return HandoverRows.find(pool, orderId);
    }

    public Uni<List<HandoverView>> unassigned() {
        return HandoverRows.unassigned(pool);
    }

    @Override
    public Uni<Void> rescheduled(SqlConnection connection, Booking booking, Instant now) {
        return SiteRows.find(connection, booking.siteId(), false).chain(site -> outbox.stage(connection,
                new HandoverScheduled(booking.orderId(), booking.id(), booking.userId(), booking.siteId(),
                        site.map(Site::name).orElse(booking.siteId()), booking.slotStart(), now), now));
    }

    @Override
    public Uni<Void> done(SqlConnection connection, Booking booking, Instant now) {
        return HandoverRows.move(connection, booking.orderId(), HandoverState.DELIVERED, null, null, now)
                .chain(() -> outbox.stage(connection, new VehicleDelivered(booking.orderId(), booking.id(), booking.userId(),
                        booking.siteId(), now), now))
                .invoke(() -> LOG.infof("order %s: car handed over at %s", booking.orderId(), booking.siteId()));
    }

    @Override
    public Uni<Void> cancelled(SqlConnection connection, Booking booking, Instant now) {
        return unassigned(connection, booking.orderId(), booking.userId(), "CANCELLED", now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
