package com.goodcar.order.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The winner's order by the seed's rules: hammer price less the deposit, 24 h to confirm, 30 min to pay. */
class OrderTest {

    private static final Instant CLOSED = Instant.parse("2026-10-22T06:03:30Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    private static Order won() {
        return Order.won("ord-1", "lot-1", "alice", 7_819_339_900L, 10_000, CLOSED, DAY, CLOSED.plusSeconds(1));
    }

    @Test
    void theWinnerOwesTheHammerPriceLessTheDepositAndConfirmsWithinADay() {
        Order order = won();
        assertEquals(OrderState.AWAITING_CONFIRMATION, order.state());
        assertEquals(7_819_329_900L, order.amountDueFen());
        assertEquals(CLOSED.plus(DAY), order.confirmBy());
        assertEquals(order.confirmBy(), order.dueAt());
    }

    @Test
    void confirmingOpensThePaymentWindowFromThen() {
        Instant now = CLOSED.plus(Duration.ofHours(3));
        Order confirmed = won().confirmed(now, HALF_HOUR);
        assertEquals(OrderState.AWAITING_PAYMENT, confirmed.state());
        assertEquals(now.plus(HALF_HOUR), confirmed.payBy());
        assertEquals(confirmed.payBy(), confirmed.dueAt());
        var again = assertThrows(Order.Refused.class, () -> confirmed.confirmed(now.plusSeconds(1), HALF_HOUR));
        assertEquals(Order.Refused.Reason.NOT_AWAITING_CONFIRMATION, again.reason);
    }

    @Test
    void aConfirmationAtOrAfterTheDeadlineIsRefusedAndTheOrderLapses() {
        Order order = won();
        var late = assertThrows(Order.Refused.class, () -> order.confirmed(order.confirmBy(), HALF_HOUR));
        assertEquals(Order.Refused.Reason.DEADLINE_PASSED, late.reason);
        assertFalse(order.lapsedAt(order.confirmBy().minusMillis(1)));
        assertTrue(order.lapsedAt(order.confirmBy()));
        Order expired = order.expired(order.confirmBy());
        assertEquals(OrderState.EXPIRED, expired.state());
        assertNull(expired.dueAt());
        assertFalse(expired.lapsedAt(order.confirmBy().plus(DAY)), "an expired order lapses only once");
    }

    @Test
    void anUnpaidConfirmedOrderLapsesAtTheEndOfItsPaymentWindow() {
        Order confirmed = won().confirmed(CLOSED.plusSeconds(60), HALF_HOUR);
        assertFalse(confirmed.lapsedAt(confirmed.payBy().minusMillis(1)));
        assertTrue(confirmed.lapsedAt(confirmed.payBy()));
        assertThrows(IllegalStateException.class, () -> confirmed.expired(confirmed.payBy().minusMillis(1)));
    }

    @Test
    void aDepositNeverExceedsThePriceAndAPriceIsPositive() {
        assertEquals(0, Order.won("o", "l", "u", 5_000, 10_000, CLOSED, DAY, CLOSED).amountDueFen(),
                "a hammer price below the deposit: the deposit covers it, nothing is due");
        assertThrows(IllegalArgumentException.class, () -> Order.won("o", "l", "u", 0, 0, CLOSED, DAY, CLOSED));
    }

    @Test
    void aPaymentMadeInTheWindowPaysTheOrderAndOneAtOrAfterItsEndIsRefused() {
        Order confirmed = won().confirmed(CLOSED.plusSeconds(60), HALF_HOUR);
        Instant lastMoment = confirmed.payBy().minusMillis(1);
        Order paid = confirmed.paid(lastMoment, confirmed.payBy().plusSeconds(5)); // its callback may come late
        assertEquals(OrderState.PAID, paid.state());
        assertNull(paid.dueAt(), "nothing more is awaited of the buyer");
        assertFalse(paid.lapsedAt(paid.payBy().plus(DAY)));
        var late = assertThrows(Order.Refused.class, () -> confirmed.paid(confirmed.payBy(), confirmed.payBy()));
        assertEquals(Order.Refused.Reason.DEADLINE_PASSED, late.reason);
        var twice = assertThrows(Order.Refused.class, () -> paid.paid(lastMoment, lastMoment));
        assertEquals(Order.Refused.Reason.NOT_AWAITING_PAYMENT, twice.reason);
        var unconfirmed = assertThrows(Order.Refused.class, () -> won().paid(CLOSED, CLOSED));
        assertEquals(Order.Refused.Reason.NOT_AWAITING_PAYMENT, unconfirmed.reason);
    }

    @Test
    void anOrderIsCancelledBeforeOrAfterPaymentButNotOnceHandedToDelivery() {
        Instant now = CLOSED.plusSeconds(60);
        assertEquals(OrderState.CANCELLED, won().cancelled(now).state());
        Order confirmed = won().confirmed(now, HALF_HOUR);
        assertEquals(OrderState.CANCELLED, confirmed.cancelled(now).state());
        Order paid = confirmed.paid(now, now);
        Order cancelled = paid.cancelled(now.plusSeconds(1));
        assertEquals(OrderState.CANCELLED, cancelled.state());
        assertNull(cancelled.dueAt());
        Order handedOver = paid.handedOver(now);
        assertEquals(Order.Refused.Reason.NOT_CANCELLABLE,
                assertThrows(Order.Refused.class, () -> handedOver.cancelled(now)).reason);
        assertEquals(Order.Refused.Reason.NOT_CANCELLABLE,
                assertThrows(Order.Refused.class, () -> cancelled.cancelled(now)).reason);
    }

    @Test
    void onlyAPaidCarIsHandedOverAndOnlyAHandedOverOneDelivered() {
        Instant now = CLOSED.plusSeconds(60);
        Order confirmed = won().confirmed(now, HALF_HOUR);
        assertEquals(Order.Refused.Reason.NOT_PAID,
                assertThrows(Order.Refused.class, () -> confirmed.handedOver(now)).reason);
        Order paid = confirmed.paid(now, now);
        assertEquals(Order.Refused.Reason.NOT_HANDED_OVER,
                assertThrows(Order.Refused.class, () -> paid.delivered(now)).reason);
        assertEquals(OrderState.DELIVERED, paid.handedOver(now).delivered(now.plusSeconds(1)).state());
    }

    @Test
    void aSaleOrderReservesItsUnitForThePaymentWindowAndHasNothingToConfirm() {
        Instant now = CLOSED;
        Order reserved = Order.reserved("ord-s", "sale-1", "alice", 15_980_000, now, Duration.ofMinutes(15));
        assertEquals(OrderKind.SALE, reserved.kind());
        assertEquals(OrderState.AWAITING_PAYMENT, reserved.state());
        assertEquals(15_980_000, reserved.amountDueFen());
        assertEquals(now.plus(Duration.ofMinutes(15)), reserved.dueAt());
        assertNull(reserved.confirmBy());
        assertTrue(reserved.lapsedAt(reserved.payBy()));
        assertThrows(IllegalArgumentException.class, () -> new Order("o", OrderKind.SALE, "lot-1", null, "u", 1, 0,
                OrderState.AWAITING_PAYMENT, null, now, now, now, now), "a sale's order names a sale, not a lot");
    }

    @Test
    void aSecondChanceIsOfferedAtTheRunnerUpsOwnMaximumAndOnlyAnOpenOfferIsDeclined() {
        Instant now = CLOSED.plus(Duration.ofHours(25));
        Order offer = Order.offered("ord-2", "lot-1", "bob", 7_819_000_000L, 10_000, DAY, now);
        assertEquals(OrderKind.SECOND_CHANCE, offer.kind());
        assertEquals(7_818_990_000L, offer.amountDueFen());
        assertEquals(now.plus(DAY), offer.confirmBy());
        assertTrue(offer.isOpenOffer());
        assertEquals(OrderState.DECLINED, offer.declined(now).state());
        Order accepted = offer.confirmed(now.plusSeconds(5), HALF_HOUR);
        assertFalse(accepted.isOpenOffer(), "accepted: an order like the winner's");
        assertEquals(Order.Refused.Reason.NOT_AN_OPEN_OFFER,
                assertThrows(Order.Refused.class, () -> accepted.declined(now)).reason);
        assertEquals(Order.Refused.Reason.NOT_AN_OPEN_OFFER,
                assertThrows(Order.Refused.class, () -> won().declined(now)).reason);
    }
}
