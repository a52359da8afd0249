package com.goodcar.stores.aftersales;

import com.goodcar.contracts.store.BookingMade;
import com.goodcar.contracts.store.CaseAnswered;
import com.goodcar.contracts.store.CaseClosed;
import com.goodcar.contracts.store.CaseOpened;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.kit.problem.ProblemException;
import com.goodcar.stores.booking.Booking;
import com.goodcar.stores.booking.BookingRows;
import com.goodcar.stores.booking.BookingState;
import com.goodcar.stores.booking.Bookings;
import com.goodcar.stores.handover.HandoverState;
import com.goodcar.stores.handover.Handovers;
import com.goodcar.stores.site.Capability;
import com.goodcar.stores.site.SiteRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Opens after-sales cases on delivered cars and moves them on for the party that answers for them. */
@ApplicationScoped
public class Cases {

    private static final Logger LOG = Logger.getLogger(Cases.class);

    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;
    private final Handovers handovers;
    private final Bookings bookings;
    private final Duration defectWithin;
    private final Duration damageWithin;
    private final Duration workmanshipWithin;

    Cases(Pool pool, Outbox outbox, Clock clock, Handovers handovers, Bookings bookings,
          @ConfigProperty(name = "stores.cases.respond-within.quality-defect") Duration defectWithin,
          @ConfigProperty(name = "stores.cases.respond-within.delivery-damage") Duration damageWithin,
          @ConfigProperty(name = "stores.cases.respond-within.workmanship") Duration workmanshipWithin) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
        this.handovers = handovers;
        this.bookings = bookings;
        this.defectWithin = defectWithin;
        this.damageWithin = damageWithin;
        this.workmanshipWithin = workmanshipWithin;
    }

    /** What a buyer reports: the delivered order, what kind of problem, and for workmanship the job. */
    public record Report(String userId, String orderId, CaseKind kind, String bookingId, String description) {
    }

    public Uni<AfterSalesCase> open(Report report) {
        Instant now = now();
        return handovers.find(report.orderId()).chain(handover -> {
            var car = handover.filter(h -> h.userId().equals(report.userId()))
                    .orElseThrow(() -> ProblemException.notFound("Delivered order", report.orderId()));
            if (car.state() != HandoverState.DELIVERED) {
                throw ProblemException.conflict("car-not-delivered", "The car is not delivered yet",
                        "Order " + report.orderId() + "'s car is " + car.state() + "; cases are opened on delivered cars.");
            }
            return job(report);
        }).chain(job -> {
            AfterSalesCase opened = AfterSalesCase.opened("case-" + UUID.randomUUID(), report.userId(), report.orderId(),
                    report.kind(), job, report.description(), within(report.kind()), now);
            return pool.withTransaction(connection -> CaseRows.insert(connection, opened)
                    .chain(() -> outbox.stage(connection, new CaseOpened(opened.id(), opened.orderId(), opened.userId(),
                            opened.kind().name(), opened.responsible().name(), opened.outletId(), opened.respondBy(), now),
                            now)))
                    .invoke(() -> LOG.infof("case %s: %s on order %s, for %s%s to answer by %s", opened.id(),
                            opened.kind(), opened.orderId(), opened.responsible(),
                            opened.outletId() == null ? "" : " " + opened.outletId(), opened.respondBy()))
                    .replaceWith(opened);
        });
    }

    /** The job a workmanship case is about: a booking of the buyer's that the site has done. */
    private Uni<AfterSalesCase.Job> job(Report report) {
        if (report.kind() != CaseKind.WORKMANSHIP) {
            return Uni.createFrom().nullItem();
        }
        if (report.bookingId() == null) {
            throw ProblemException.invalid("job-required", "Which job?",
                    "A workmanship case names the booking of the job (bookingId).");
        }
        return BookingRows.find(pool, report.bookingId(), false).chain(found -> {
            Booking booking = found.filter(b -> b.userId().equals(report.userId()))
                    .orElseThrow(() -> ProblemException.notFound("Booking", report.bookingId()));
            if (booking.state() != BookingState.DONE) {
                throw ProblemException.conflict("job-not-done", "The job is not done",
                        "Booking " + booking.id() + " is " + booking.state() + ": only a job done can be complained about.");
            }
            return SiteRows.find(pool, booking.siteId(), false).map(site -> new AfterSalesCase.Job(booking.id(),
                    booking.siteId(), site.orElseThrow().kind()));
        });
    }

    public Uni<AfterSalesCase> answer(String id, String text, UnaryOperator<AfterSalesCase> access) {
        return step(id, access, (c, now) -> c.answered(text, now), (connection, c) -> outbox.stage(connection,
                new CaseAnswered(c.id(), c.responsible().name(), c.answeredInTime(), c.updatedAt()), c.updatedAt()));
    }

    public Uni<AfterSalesCase> close(String id, String resolution, UnaryOperator<AfterSalesCase> access) {
        return step(id, access, (c, now) -> c.closed(resolution, now), (connection, c) -> outbox.stage(connection,
                new CaseClosed(c.id(), c.resolution(), c.updatedAt()), c.updatedAt()));
    }

    /** Books a maintenance slot for the buyer at a site to put it right; answers the case if it was open. */
    public Uni<AfterSalesCase> repair(String id, String siteId, Instant slotStart, UnaryOperator<AfterSalesCase> access) {
        Instant now = now();
        return pool.withTransaction(connection -> CaseRows.find(connection, id, true).chain(found -> {
            AfterSalesCase c = access.apply(found.orElseThrow(() -> ProblemException.notFound("Case", id)));
            // before a place is taken: a closed case says so, not "slot full"
            permitted(() -> {
                c.requireRepairable();
                return c;
            });
            return bookings.take(connection, new Bookings.Request(siteId, Capability.MAINTENANCE, slotStart, c.userId(),
                    null), null).chain(repair -> {
                        AfterSalesCase next = c.repairBooked(repair.id(), now);
                        Uni<Void> answered = c.state() == CaseState.OPEN
                                ? outbox.stage(connection, new CaseAnswered(c.id(), c.responsible().name(),
                                        next.answeredInTime(), now), now)
                                : Uni.createFrom().voidItem();
                        return CaseRows.update(connection, next)
                                .chain(() -> outbox.stage(connection, new BookingMade(repair.id(), repair.capability().name(),
                                        repair.siteId(), repair.userId(), repair.slotStart(), now), now))
                                .chain(() -> answered)
                                .invoke(() -> LOG.infof("case %s: repair %s at %s, %s", id, repair.id(), siteId, slotStart))
                                .replaceWith(next);
                    });
        }));
    }

    public Uni<List<AfterSalesCase>> ofUser(String userId) {
        return CaseRows.ofUser(pool, userId);
    }

    public Uni<List<AfterSalesCase>> ofOutlet(String outletId) {
        return CaseRows.ofOutlet(pool, outletId);
    }

    public Uni<List<AfterSalesCase>> overdue() {
        return CaseRows.overdue(pool, now());
    }

    public Uni<java.util.Optional<AfterSalesCase>> find(String id) {
        return CaseRows.find(pool, id, false);
    }

    private Uni<AfterSalesCase> step(String id, UnaryOperator<AfterSalesCase> access,
                                     BiFunction<AfterSalesCase, Instant, AfterSalesCase> move,
                                     BiFunction<io.vertx.mutiny.sqlclient.SqlConnection, AfterSalesCase, Uni<Void>> then) {
        Instant now = now();
        return pool.withTransaction(connection -> CaseRows.find(connection, id, true).chain(found -> {
            AfterSalesCase c = access.apply(found.orElseThrow(() -> ProblemException.notFound("Case", id)));
            AfterSalesCase next = permitted(() -> move.apply(c, now));
            return CaseRows.update(connection, next).chain(() -> then.apply(connection, next))
                    .invoke(() -> LOG.infof("case %s: %s", id, next.state())).replaceWith(next);
        }));
    }

    private Duration within(CaseKind kind) {
        return switch (kind) {
            case QUALITY_DEFECT -> defectWithin;
            case DELIVERY_DAMAGE -> damageWithin;
            case WORKMANSHIP -> workmanshipWithin;
        };
    }

    static AfterSalesCase permitted(java.util.function.Supplier<AfterSalesCase> step) {
        try {
            return step.get();
        } catch (AfterSalesCase.Refused refused) {
            throw ProblemException.conflict("case-step-refused", "Not possible for this case", refused.getMessage());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
