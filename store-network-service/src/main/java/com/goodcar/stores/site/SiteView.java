package com.goodcar.stores.site;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

/** A site as the API shows it: hours as local "HH:mm" of the platform's zone. */
@Schema(examples = """
        {"id": "OUT-000123", "kind": "OUTLET", "name": "Guangzhou Partner Outlet 123", "city": "Guangzhou", "address": "No. 35 Zhongshan Road, Guangzhou", "latitude": 23.129588, "longitude": 113.262882, "hours": {"opens": "08:30", "closes": "18:30", "days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]}, "services": [{"capability": "MAINTENANCE", "slotMinutes": 60, "perSlot": 2}, {"capability": "BATTERY_SWAP", "slotMinutes": 15, "perSlot": 9}], "closedAt": null}
        """)
public record SiteView(String id, SiteKind kind, String name, String city, String address, double latitude,
                       double longitude, Hours hours, List<ServiceCapacity> services, Instant closedAt) {

    /** Local opening hours: {@code closes} "24:00" is midnight. */
    public record Hours(String opens, String closes, List<DayOfWeek> days) {
    }

    public static SiteView of(Site site) {
        OpeningHours hours = site.hours();
        return new SiteView(site.id(), site.kind(), site.name(), site.city(), site.address(), site.latitude(),
                site.longitude(), new Hours(OpeningHours.clock(hours.opensMinute()), OpeningHours.clock(hours.closesMinute()),
                        hours.days().stream().sorted().toList()), site.services(), site.closedAt());
    }
}
