package com.goodcar.deposit.ledger;

import static com.goodcar.deposit.ledger.Account.DEPOSITS_HELD;
import static com.goodcar.deposit.ledger.Account.FORFEIT_INCOME;
import static com.goodcar.deposit.ledger.Account.ORDER_CLEARING;
import static com.goodcar.deposit.ledger.Account.PSP_CLEARING;
import static com.goodcar.deposit.ledger.Account.REFUNDS_PAYABLE;

/** Every way money moves in this service: always from one account to another, for the same amount. */
public enum Movement {
    /** The provider confirmed the deposit's payment: we hold the buyer's money. */
    CAPTURE(PSP_CLEARING, DEPOSITS_HELD),
    /** A payment that cannot be a hold (paid twice, or paid after the lot closed): owed straight back. */
    DUPLICATE_CAPTURE(PSP_CLEARING, REFUNDS_PAYABLE),
    /** A loser's or an unsold lot's hold ends: the deposit is owed back. */
    RELEASE(DEPOSITS_HELD, REFUNDS_PAYABLE),
    /** The provider confirmed a refund: the money left us. */
    REFUND(REFUNDS_PAYABLE, PSP_CLEARING),
    /** The winner paid: the deposit counts towards the order. */
    APPLY(DEPOSITS_HELD, ORDER_CLEARING),
    /** The winner did not pay in time, or cancelled before paying. */
    FORFEIT_HELD(DEPOSITS_HELD, FORFEIT_INCOME),
    /** The winner cancelled after paying: the deposit, already applied to the order, is kept. */
    FORFEIT_APPLIED(ORDER_CLEARING, FORFEIT_INCOME);

    public final Account debit;
    public final Account credit;

    Movement(Account debit, Account credit) {
        this.debit = debit;
        this.credit = credit;
    }
}
