package com.goodcar.deposit.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.deposit.ledger.Movement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void theFirstPaymentMakesAHoldAndAnyOtherIsOwedBack() {
        assertEquals(new Lifecycle.Step(DepositState.HELD, Optional.of(Movement.CAPTURE)),
                Lifecycle.paid(DepositState.AWAITING_PAYMENT));
        for (DepositState later : DepositState.values()) {
            if (later != DepositState.AWAITING_PAYMENT) {
                assertEquals(new Lifecycle.Step(later, Optional.of(Movement.DUPLICATE_CAPTURE)), Lifecycle.paid(later));
            }
        }
    }

    @Test
    void atTheCloseLosersAreReleasedTheWinnerWaitsAndUnpaidDepositsAreCancelled() {
        assertEquals(DepositState.RELEASED, Lifecycle.lotClosed(DepositState.HELD, true, false).orElseThrow().next());
        assertEquals(DepositState.WON, Lifecycle.lotClosed(DepositState.HELD, true, true).orElseThrow().next());
        assertEquals(DepositState.RELEASED, Lifecycle.lotClosed(DepositState.HELD, false, false).orElseThrow().next());
        assertEquals(DepositState.CANCELLED,
                Lifecycle.lotClosed(DepositState.AWAITING_PAYMENT, true, false).orElseThrow().next());
        assertTrue(Lifecycle.lotClosed(DepositState.WON, true, true).isEmpty(), "a second close changes nothing");
    }

    @Test
    void theWinnersOrderAppliesOrForfeitsOnlyTheDeposit() {
        assertEquals(Movement.APPLY, Lifecycle.orderPaid(DepositState.WON).orElseThrow().movement().orElseThrow());
        assertEquals(Movement.FORFEIT_HELD, Lifecycle.orderLapsed(DepositState.WON).orElseThrow().movement().orElseThrow());
        assertEquals(Movement.FORFEIT_APPLIED,
                Lifecycle.orderLapsed(DepositState.APPLIED).orElseThrow().movement().orElseThrow());
        assertTrue(Lifecycle.orderPaid(DepositState.RELEASED).isEmpty(), "a loser's refund is never applied");
        assertTrue(Lifecycle.orderLapsed(DepositState.FORFEITED).isEmpty(), "forfeited once");
    }
}
