package com.goodcar.stores.handover;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;

/** A paid car's handover as its buyer and operators see it. */
@Schema(examples = """
        {"orderId": "ord-9a1", "userId": "b44069f8-604a-4cd6-8aa8-e1f0cbc32e38", "state": "SCHEDULED", "reason": null, "city": "Guangzhou", "address": "Tianhe Road 208", "bookingId": "bkg-5f1c9e2a-7b4d-4e8f-a6c5-1d2b3e4f5a60", "siteId": "STO-000042", "siteName": "Good Car Guangzhou Store 42", "slotStart": "2026-10-25T02:00:00Z", "paidAt": "2026-10-22T07:09:58Z", "updatedAt": "2026-10-22T07:10:01Z"}
        """)
public record HandoverView(String orderId, String userId, HandoverState state, String reason, String city,
                           String address, String bookingId, String siteId, String siteName, Instant slotStart,
                           Instant paidAt, Instant updatedAt) {
}
