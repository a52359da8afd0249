package com.goodcar.stores.booking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;

/** One slot of a site's day: how many places it has and how many are taken. */
@Schema(examples = """
        {"start": "2026-11-12T02:15:00Z", "capacity": 9, "booked": 4, "free": true}
        """)
public record SlotView(Instant start, int capacity, int booked, boolean free) {
}
