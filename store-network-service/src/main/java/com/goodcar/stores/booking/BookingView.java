package com.goodcar.stores.booking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.goodcar.stores.site.Capability;
import java.time.Instant;

@Schema(examples = """
        {"id": "bkg-5f1c9e2a-7b4d-4e8f-a6c5-1d2b3e4f5a60", "capability": "BATTERY_SWAP", "siteId": "OUT-000123", "userId": "b44069f8-604a-4cd6-8aa8-e1f0cbc32e38", "orderId": null, "slotStart": "2026-11-12T02:15:00Z", "state": "BOOKED", "createdAt": "2026-11-11T09:00:00Z", "updatedAt": "2026-11-11T09:00:00Z"}
        """)
public record BookingView(String id, Capability capability, String siteId, String userId, String orderId,
                          Instant slotStart, BookingState state, Instant createdAt, Instant updatedAt) {

    public static BookingView of(Booking b) {
        return new BookingView(b.id(), b.capability(), b.siteId(), b.userId(), b.orderId(), b.slotStart(), b.state(),
                b.createdAt(), b.updatedAt());
    }
}
