package com.goodcar.order.order;

/**
 * Where an order comes from: an auction's winner (a lot, a deposit held), the runner-up offered the car
 * when the winner defaulted (a second chance, at their own maximum), or a fixed-price flash sale.
 */
public enum OrderKind {
    AUCTION_WIN, SECOND_CHANCE, SALE;

    /** Whether the order is for an auctioned lot (a deposit is held for it). */
    public boolean isAuctioned() {
        return this != SALE;
    }
}
