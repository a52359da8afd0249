package com.goodcar.stores.aftersales;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case as its buyer, the responsible party and operators see it. */
@Schema(examples = """
        {"id": "case-71c0e2a4-1b2c-4d5e-8f90-a1b2c3d4e5f6", "orderId": "ord-9a1", "bookingId": "bkg-5f1c9e2a-7b4d-4e8f-a6c5-1d2b3e4f5a60", "kind": "WORKMANSHIP", "responsible": "OUTLET", "outletId": "OUT-000123", "description": "The home charger trips the breaker.", "state": "OPEN", "respondBy": "2026-11-05T04:00:00Z", "overdue": false, "answer": null, "answeredAt": null, "repairBookingId": null, "resolution": null, "closedAt": null, "openedAt": "2026-11-03T04:00:00Z"}
        """)
public record CaseView(String id, String orderId, String bookingId, CaseKind kind, Responsible responsible,
                       String outletId, String description, CaseState state, Instant respondBy, boolean overdue,
                       String answer, Instant answeredAt, String repairBookingId, String resolution, Instant closedAt,
                       Instant openedAt) {

    public static CaseView of(AfterSalesCase c, Instant now) {
        return new CaseView(c.id(), c.orderId(), c.bookingId(), c.kind(), c.responsible(), c.outletId(), c.description(),
                c.state(), c.respondBy(), c.overdue(now), c.answer(), c.answeredAt(), c.repairBookingId(), c.resolution(),
                c.closedAt(), c.openedAt());
    }
}
