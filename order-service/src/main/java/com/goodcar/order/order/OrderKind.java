package com.goodcar.order.order;

/** Where an order comes from: an auction's winner (a lot, a deposit held) or a fixed-price flash sale. */
public enum OrderKind {
    AUCTION_WIN, SALE
}
