package com.goodcar.stores.aftersales;

import com.goodcar.stores.site.SiteKind;
import java.time.Duration;
import java.time.Instant;

/**
 * A buyer's complaint about a delivered car, assigned when opened to the party that answers for it,
 * with a deadline to answer. Answered, a repair booked, closed: each step once; a closed case is final.
 */
public record AfterSalesCase(String id, String userId, String orderId, String bookingId, CaseKind kind,
                             Responsible responsible, String outletId, String description, CaseState state,
                             Instant respondBy, String answer, Instant answeredAt, String repairBookingId,
                             String resolution, Instant closedAt, Instant openedAt, Instant updatedAt) {

    /** Why a step is refused. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The job a workmanship case is about: which site did it, and whether the site is the retailer's own. */
    public record Job(String bookingId, String siteId, SiteKind siteKind) {
    }

    /**
     * Opens a case, assigned by rule: a defect to the manufacturer, delivery damage to the platform,
     * workmanship to the outlet that did the job (the platform for its own stores).
     */
    public static AfterSalesCase opened(String id, String userId, String orderId, CaseKind kind, Job job,
                                        String description, Duration respondWithin, Instant now) {
        Responsible responsible = switch (kind) {
            case QUALITY_DEFECT -> Responsible.MANUFACTURER;
            case DELIVERY_DAMAGE -> Responsible.PLATFORM;
            case WORKMANSHIP -> job.siteKind() == SiteKind.OUTLET ? Responsible.OUTLET : Responsible.PLATFORM;
        };
        return new AfterSalesCase(id, userId, orderId, job == null ? null : job.bookingId(), kind, responsible,
                responsible == Responsible.OUTLET ? job.siteId() : null, description, CaseState.OPEN,
                now.plus(respondWithin), null, null, null, null, null, now, now);
    }

    public boolean overdue(Instant now) {
        return state == CaseState.OPEN && now.isAfter(respondBy);
    }

    public AfterSalesCase answered(String text, Instant now) {
        if (state != CaseState.OPEN) {
            throw new Refused("case " + id + " is " + state + ": it was answered already");
        }
        return new AfterSalesCase(id, userId, orderId, bookingId, kind, responsible, outletId, description,
                CaseState.ANSWERED, respondBy, text, now, repairBookingId, resolution, closedAt, openedAt, now);
    }

    /** Refused unless a repair may be booked: the case is neither closed nor repaired already. */
    public void requireRepairable() {
        if (state == CaseState.CLOSED || state == CaseState.REPAIR_BOOKED) {
            throw new Refused("case " + id + " is " + state + ": no repair can be booked for it");
        }
    }

    /** A repair slot booked for the buyer; it answers the case too, if it was still open. */
    public AfterSalesCase repairBooked(String repairBooking, Instant now) {
        requireRepairable();
        return new AfterSalesCase(id, userId, orderId, bookingId, kind, responsible, outletId, description,
                CaseState.REPAIR_BOOKED, respondBy, answer, answeredAt == null ? now : answeredAt, repairBooking,
                resolution, closedAt, openedAt, now);
    }

    public AfterSalesCase closed(String howResolved, Instant now) {
        if (state == CaseState.CLOSED) {
            throw new Refused("case " + id + " is closed already");
        }
        return new AfterSalesCase(id, userId, orderId, bookingId, kind, responsible, outletId, description,
                CaseState.CLOSED, respondBy, answer, answeredAt == null ? now : answeredAt, repairBookingId, howResolved,
                now, openedAt, now);
    }

    /** Answered (by text or a repair) before the deadline. */
    public boolean answeredInTime() {
        return answeredAt != null && !answeredAt.isAfter(respondBy);
    }
}
