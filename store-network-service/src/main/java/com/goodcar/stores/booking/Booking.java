package com.goodcar.stores.booking;

import com.goodcar.stores.site.Capability;
import java.time.Instant;

/**
 * A slot taken at a site for one job. Live (booked or confirmed) it holds its slot; done or
 * cancelled it no longer does, and nothing moves it again.
 */
public record Booking(String id, Capability capability, String siteId, String userId, String orderId,
                      Instant slotStart, BookingState state, Instant createdAt, Instant updatedAt) {

    /** Why a step is refused: the booking is no longer live. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    public static Booking made(String id, Capability capability, String siteId, String userId, String orderId,
                               Instant slotStart, Instant now) {
        return new Booking(id, capability, siteId, userId, orderId, slotStart, BookingState.BOOKED, now, now);
    }

    public Booking confirmed(Instant now) {
        requireLive("confirmed");
        return with(slotStart, BookingState.CONFIRMED, now);
    }

    /** To another slot of the same site; a booking the site had confirmed is confirmed again by moving it. */
    public Booking rescheduled(Instant newStart, Instant now) {
        requireLive("rescheduled");
        return with(newStart, state, now);
    }

    public Booking cancelled(Instant now) {
        requireLive("cancelled");
        return with(slotStart, BookingState.CANCELLED, now);
    }

    public Booking done(Instant now) {
        requireLive("marked done");
        return with(slotStart, BookingState.DONE, now);
    }

    private void requireLive(String step) {
        if (!state.live()) {
            throw new Refused("booking " + id + " is " + state + " and cannot be " + step);
        }
    }

    private Booking with(Instant start, BookingState next, Instant now) {
        return new Booking(id, capability, siteId, userId, orderId, start, next, createdAt, now);
    }
}
