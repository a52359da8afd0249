package com.goodcar.order.order;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as plain data. An auction win is created awaiting the winner's confirmation; confirming
 * opens the payment window; a deadline passed while the buyer was awaited expires it (the deposit
 * is then forfeited by deposit-service). A flash-sale order is created awaiting payment: its unit
 * is reserved until payBy. Transitions return the next order or fail with {@link Refused}; nothing
 * here does I/O.
 *
 * @param lotId     the lot an auction win is for; null for a sale's order
 * @param saleId    the flash sale a sale's order is for; null for an auction win
 * @param confirmBy when an auction win must be confirmed; null for a sale's order (nothing to confirm)
 * @param dueAt     the deadline the buyer meets next, null once nothing is awaited of them
 */
public record Order(String id, OrderKind kind, String lotId, String saleId, String userId, long priceFen,
                    long depositFen, OrderState state, Instant confirmBy, Instant payBy, Instant dueAt,
                    Instant createdAt, Instant updatedAt) {

    public Order {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(userId);
        if (kind.isAuctioned() ? lotId == null || saleId != null : saleId == null || lotId != null) {
            throw new IllegalArgumentException("an auction win names its lot, a sale's order its sale: " + id);
        }
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
        return new Order(id, OrderKind.AUCTION_WIN, lotId, null, winnerId, hammerPriceFen,
                Math.min(depositFen, hammerPriceFen), OrderState.AWAITING_CONFIRMATION, confirmBy, null, confirmBy, now,
                now);
    }

    /**
     * The runner-up's second chance: the car offered at their own highest maximum, to accept (confirm)
     * within {@code confirmWithin} of the offer, then pay like a winner.
     */
    public static Order offered(String id, String lotId, String runnerUpId, long maxFen, long depositFen,
                                Duration confirmWithin, Instant now) {
        Instant confirmBy = now.plus(confirmWithin);
        return new Order(id, OrderKind.SECOND_CHANCE, lotId, null, runnerUpId, maxFen, Math.min(depositFen, maxFen),
                OrderState.AWAITING_CONFIRMATION, confirmBy, null, confirmBy, now, now);
    }

    /** Whether this is a second-chance offer not yet accepted: ending it releases the hold, never forfeits it. */
    public boolean isOpenOffer() {
        return kind == OrderKind.SECOND_CHANCE && state == OrderState.AWAITING_CONFIRMATION;
    }

    /** The runner-up turns the offer down: their deposit is released, not lost. */
    public Order declined(Instant now) {
        if (!isOpenOffer()) {
            throw new Refused(Refused.Reason.NOT_AN_OPEN_OFFER, this);
        }
        return next(OrderState.DECLINED, payBy, null, now);
    }

    /** A flash sale's order: its unit is reserved for the buyer until {@code now + payWithin}. */
    public static Order reserved(String id, String saleId, String buyerId, long priceFen, Instant now,
                                 Duration payWithin) {
        Instant payBy = now.plus(payWithin);
        return new Order(id, OrderKind.SALE, null, saleId, buyerId, priceFen, 0, OrderState.AWAITING_PAYMENT, null,
                payBy, payBy, now, now);
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
        return next(OrderState.AWAITING_PAYMENT, payBy, payBy, now);
    }

    /**
     * The provider reports the payment made at {@code paidAt}: paid if that was in the window. A
     * payment after the deadline, or for an order no longer awaiting one, is refused (and refunded).
     */
    public Order paid(Instant paidAt, Instant now) {
        if (state != OrderState.AWAITING_PAYMENT) {
            throw new Refused(Refused.Reason.NOT_AWAITING_PAYMENT, this);
        }
        if (!paidAt.isBefore(payBy)) {
            throw new Refused(Refused.Reason.DEADLINE_PASSED, this);
        }
        return next(OrderState.PAID, payBy, null, now);
    }

    /**
     * The buyer cancels: before payment (an auction deposit is lost; a sale's unit goes back to
     * stock) or after it (what was paid is refunded in full; an auction deposit is still lost).
     * Once the car is handed to delivery it can no longer be cancelled here.
     */
    public Order cancelled(Instant now) {
        if (!state.waitsForBuyer() && state != OrderState.PAID) {
            throw new Refused(Refused.Reason.NOT_CANCELLABLE, this);
        }
        return next(OrderState.CANCELLED, payBy, null, now);
    }

    /** The paid car goes to delivery (a store or partner outlet hands it over next). */
    public Order handedOver(Instant now) {
        if (state != OrderState.PAID) {
            throw new Refused(Refused.Reason.NOT_PAID, this);
        }
        return next(OrderState.HANDED_OVER, payBy, null, now);
    }

    /** The buyer has the car: the order is complete. */
    public Order delivered(Instant now) {
        if (state != OrderState.HANDED_OVER) {
            throw new Refused(Refused.Reason.NOT_HANDED_OVER, this);
        }
        return next(OrderState.DELIVERED, payBy, null, now);
    }

    /** Whether the buyer's deadline has passed while they were awaited. */
    public boolean lapsedAt(Instant now) {
        return state.waitsForBuyer() && dueAt != null && !now.isBefore(dueAt);
    }

    public Order expired(Instant now) {
        if (!lapsedAt(now)) {
            throw new IllegalStateException("order " + id + " has not lapsed at " + now);
        }
        return next(OrderState.EXPIRED, payBy, null, now);
    }

    private Order next(OrderState state, Instant payBy, Instant dueAt, Instant now) {
        return new Order(id, kind, lotId, saleId, userId, priceFen, depositFen, state, confirmBy, payBy, dueAt,
                createdAt, now);
    }

    /** A transition the order's state or deadlines forbid; the REST layer answers it with a 409. */
    public static final class Refused extends RuntimeException {

        public enum Reason {
            NOT_AWAITING_CONFIRMATION, NOT_AWAITING_PAYMENT, DEADLINE_PASSED, NOT_CANCELLABLE, NOT_PAID, NOT_HANDED_OVER,
            NOT_AN_OPEN_OFFER
        }

        public final Reason reason;
        public final Order order;

        Refused(Reason reason, Order order) {
            super(reason + " (order " + order.id() + " is " + order.state() + ")", null, false, false);
            this.reason = reason;
            this.order = order;
        }
    }
}
