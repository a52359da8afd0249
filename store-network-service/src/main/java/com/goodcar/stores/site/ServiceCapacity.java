package com.goodcar.stores.site;

/** How a site does one capability: slots of {@code slotMinutes}, at most {@code perSlot} bookings each. */
public record ServiceCapacity(Capability capability, int slotMinutes, int perSlot) {

    public ServiceCapacity {
        if (slotMinutes < 5 || slotMinutes > 480 || perSlot < 0 || perSlot > 1000) {
            throw new IllegalArgumentException("a slot lasts 5 to 480 minutes and takes 0 to 1000 bookings");
        }
    }

    /** Slots a day of these hours has: whole slots from opening, the last ending by closing time. */
    public int slotsPerDay(OpeningHours hours) {
        return (hours.closesMinute() - hours.opensMinute()) / slotMinutes;
    }
}
