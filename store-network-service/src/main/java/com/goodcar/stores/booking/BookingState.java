package com.goodcar.stores.booking;

public enum BookingState {
    BOOKED,
    CONFIRMED,
    DONE,
    CANCELLED;

    public boolean live() {
        return this == BOOKED || this == CONFIRMED;
    }
}
