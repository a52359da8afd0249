package com.goodcar.stores.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.goodcar.stores.site.SiteView;

/** A site found near a point, with its distance in metres (on the WGS 84 spheroid). */
@Schema(examples = """
        {"distanceMetres": 165, "site": {"id": "OUT-000123", "kind": "OUTLET", "name": "Guangzhou Partner Outlet 123", "city": "Guangzhou", "address": "No. 35 Zhongshan Road, Guangzhou", "latitude": 23.129588, "longitude": 113.262882, "hours": {"opens": "08:30", "closes": "18:30", "days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]}, "services": [{"capability": "MAINTENANCE", "slotMinutes": 60, "perSlot": 2}, {"capability": "BATTERY_SWAP", "slotMinutes": 15, "perSlot": 9}], "closedAt": null}}
        """)
public record NearbySite(long distanceMetres, SiteView site) {
}
