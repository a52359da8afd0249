package com.goodcar.deposit.ledger;

/** The ledger's accounts; {@link #code} is what the database and the trial balance show. */
public enum Account {
    PSP_CLEARING("psp-clearing"),
    DEPOSITS_HELD("buyer-deposits-held"),
    REFUNDS_PAYABLE("refunds-payable"),
    ORDER_CLEARING("order-clearing"),
    FORFEIT_INCOME("forfeit-income");

    public final String code;

    Account(String code) {
        this.code = code;
    }

    public static Account of(String code) {
        for (Account account : values()) {
            if (account.code.equals(code)) {
                return account;
            }
        }
        throw new IllegalArgumentException("no account " + code);
    }
}
