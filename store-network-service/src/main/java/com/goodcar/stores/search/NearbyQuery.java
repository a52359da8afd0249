package com.goodcar.stores.search;

import com.goodcar.stores.site.Capability;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a buyer looks for: the {@code limit} nearest open sites with a capability, optionally open at
 * an instant, with a free slot on a day, within a distance.
 */
public record NearbyQuery(double latitude, double longitude, Capability capability, int limit, Instant openAt,
                          LocalDate freeOn, Integer withinKm) {
}
