package com.goodcar.stores.site;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store or an outlet: where it is, when it is open, what it does at which capacity. */
public record Site(String id, SiteKind kind, String name, String city, String address, double latitude,
                   double longitude, OpeningHours hours, List<ServiceCapacity> services, Instant closedAt) {

    public Site {
        services = List.copyOf(services);
    }

    public Optional<ServiceCapacity> service(Capability capability) {
        return services.stream().filter(s -> s.capability() == capability).findFirst();
    }

    public boolean closed() {
        return closedAt != null;
    }

    public Site withHours(OpeningHours newHours) {
        return new Site(id, kind, name, city, address, latitude, longitude, newHours, services, closedAt);
    }

    public Site withService(ServiceCapacity capacity) {
        var next = new java.util.ArrayList<>(services.stream().filter(s -> s.capability() != capacity.capability()).toList());
        next.add(capacity);
        return new Site(id, kind, name, city, address, latitude, longitude, hours, next, closedAt);
    }
}
