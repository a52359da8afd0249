package com.goodcar.contracts;

import com.goodcar.contracts.catalog.PriceChanged;
import com.goodcar.contracts.catalog.VehicleListed;
import java.util.List;
import java.util.Optional;

/** Every integration event of the platform: the registry consumers decode by. */
public final class EventTypes {

    public static final EventType<VehicleListed> VEHICLE_LISTED =
            new EventType<>("catalog.vehicle-listed", 1, Topics.CATALOG_EDITIONS, VehicleListed.class);
    public static final EventType<PriceChanged> PRICE_CHANGED =
            new EventType<>("catalog.price-changed", 1, Topics.CATALOG_EDITIONS, PriceChanged.class);

    public static final List<EventType<?>> ALL = List.of(VEHICLE_LISTED, PRICE_CHANGED);

    private EventTypes() {
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static <T extends IntegrationEvent> EventType<T> of(T payload) {
        return (EventType<T>) ALL.stream()
                .filter(t -> t.payload() == payload.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a registered event: " + payload.getClass()));
    }
}
