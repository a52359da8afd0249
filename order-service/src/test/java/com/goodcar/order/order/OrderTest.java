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
}
