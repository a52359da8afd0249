package com.goodcar.deposit.deposit;

import com.goodcar.deposit.ledger.Account;
import java.util.Optional;

/** Where a deposit stands, and which account holds its money in that state. */
public enum DepositState {
    /** Opened; the buyer has not paid yet. No money. */
    AWAITING_PAYMENT(null),
    /** Paid and held: the buyer may bid on the lot. */
    HELD(Account.DEPOSITS_HELD),
    /** The winner's hold, waiting for the order to be paid or to lapse. */
    WON(Account.DEPOSITS_HELD),
    /** The hold ended; the refund is on its way. */
    RELEASED(Account.REFUNDS_PAYABLE),
    /** The provider confirmed the refund. No money left here. */
    REFUNDED(null),
    /** Counted towards the winner's paid order. */
    APPLIED(Account.ORDER_CLEARING),
    /** Lost: the winner did not pay in time, or cancelled. */
    FORFEITED(Account.FORFEIT_INCOME),
    /** Never paid and the lot has closed. No money. */
    CANCELLED(null);

    private final Account holding;

    DepositState(Account holding) {
        this.holding = holding;
    }

    /** The account where this deposit's amount sits in this state; empty when it holds no money. */
    public Optional<Account> holdingAccount() {
        return Optional.ofNullable(holding);
    }

    /** Whether the buyer may bid with it. */
    public boolean isLive() {
        return this == AWAITING_PAYMENT || this == HELD || this == WON;
    }
}
