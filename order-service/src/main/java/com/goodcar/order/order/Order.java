package com.goodcar.order.order;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as plain data. An auction win is created awaiting the winner's confirmation; confirming
 * opens the payment window; a deadline passed while the buyer was awaited expires it (the deposit
 * is then forfeited by deposit-service). Transitions return the next order or fail with
 * {@link Refused}; nothing here does I/O.
 *
 * @param dueAt the deadline the buyer meets next, null once nothing is awaited of them
 */
public record Order(String id, String lotId, String userId, long priceFen, long depositFen, OrderState state,
                    Instant confirmBy, Instant payBy, Instant dueAt, Instant createdAt, Instant updatedAt) {

    public Order {
        Objects.requireNonNull(id);
        Objects.requireNonNull(userId);
        if (priceFen <= 0 || depositFen < 0 || depositFen > priceFen) {
            throw new IllegalArgumentException("an order's price is positive and its deposit at most the price: "
                    + priceFen + " / " + depositFen);
        }
    }

    /** What the winner still owes: the hammer price less the deposit already held. */
    public long amountDueFen() {
        return priceFen - depositFen;
    }

    /** The winner's order of a sold lot: confirm within {@code confirmWithin} of the close. */
    public static Order won(String id, String lotId, String winnerId, long hammerPriceFen, long depositFen,
                            Instant closedAt, Duration confirmWithin, Instant now) {
        Instant confirmBy = closedAt.plus(confirmWithin);
        return new Order(id, lotId, winnerId, hammerPriceFen, Math.min(depositFen, hammerPriceFen),
                OrderState.AWAITING_CONFIRMATION, confirmBy, null, confirmBy, now, now);
    }

    /** The buyer confirms: the payment window opens now. */
    public Order confirmed(Instant now, Duration payWithin) {
        if (state != OrderState.AWAITING_CONFIRMATION) {
            throw new Refused(Refused.Reason.NOT_AWAITING_CONFIRMATION, this);
        }
        if (!now.isBefore(confirmBy)) {
            throw new Refused(Refused.Reason.DEADLINE_PASSED, this);
        }
        Instant payBy = now.plus(payWithin);
        return new Order(id, lotId, userId, priceFen, depositFen, OrderState.AWAITING_PAYMENT, confirmBy, payBy, payBy,
                createdAt, now);
    }

    /** Whether the buyer's deadline has passed while they were awaited. */
    public boolean lapsedAt(Instant now) {
        return state.waitsForBuyer() && dueAt != null && !now.isBefore(dueAt);
    }

    public Order expired(Instant now) {
        if (!lapsedAt(now)) {
            throw new IllegalStateException("order " + id + " has not lapsed at " + now);
        }
        return new Order(id, lotId, userId, priceFen, depositFen, OrderState.EXPIRED, confirmBy, payBy, null,
                createdAt, now);
    }

    /** A transition the order's state or deadlines forbid; the REST layer answers it with a 409. */
    public static final class Refused extends RuntimeException {

        public enum Reason { NOT_AWAITING_CONFIRMATION, DEADLINE_PASSED }

        public final Reason reason;
        public final Order order;

        Refused(Reason reason, Order order) {
            super(reason + " (order " + order.id() + " is " + order.state() + ")", null, false, false);
            this.reason = reason;
            this.order = order;
        }
    }
}
