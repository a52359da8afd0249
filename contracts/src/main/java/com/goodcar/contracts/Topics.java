package com.goodcar.contracts;

/**
 * One topic per aggregate stream, keyed by aggregate id, so that every event of one aggregate
 * keeps its order whatever its type. Partition counts are declared by the owning service in
 * {@code kafka-topics.txt}.
 */
public final class Topics {
    public static final String CATALOG_EDITIONS = "catalog.editions";
    public static final String AUCTION_LOTS = "auction.lots";
    public static final String DEPOSIT_HOLDS = "deposit.holds";
    public static final String ORDER_ORDERS = "order.orders";
    /** A paid car's handover, keyed by order id. */
    public static final String STORE_HANDOVERS = "store.handovers";
    public static final String STORE_BOOKINGS = "store.bookings";
    public static final String STORE_CASES = "store.cases";

    private Topics() {
    }
}
