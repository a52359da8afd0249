package com.goodcar.order.handover;

import com.goodcar.contracts.order.DeliveryAddress;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the car goes: the buyer's address, and the handover the store network scheduled (or why it
 * could not: {@code UNASSIGNED} with a reason, until an operator assigns a site there).
 */
@Schema(examples = """
        {"deliverTo": {"city": "Guangzhou", "address": "Tianhe Road 208", "latitude": 23.1291, "longitude": 113.3245}, "handover": {"state": "SCHEDULED", "reason": null, "bookingId": "bkg-5f1c9e2a-7b4d-4e8f-a6c5-1d2b3e4f5a60", "siteId": "STO-000042", "siteName": "Good Car Guangzhou Store 42", "slotStart": "2026-10-25T02:00:00Z"}}
        """)
public record DeliveryView(DeliveryAddress deliverTo, Handover handover) {

    /** SCHEDULED at a site's slot, or UNASSIGNED with the store network's reason. */
    public record Handover(String state, String reason, String bookingId, String siteId, String siteName,
                           Instant slotStart) {
    }
}
