package com.goodcar.auction.lot;

/**
 * One request to bid: the most this bidder will pay. A plain bid of X and a proxy maximum of X are
 * the same thing; the engine only ever charges the second-highest maximum plus one increment.
 *
 * @param hasDeposit whether the bidder holds an active deposit for this lot (from the hold view)
 */
public record Bid(String bidderId, long maxFen, boolean hasDeposit) {
}
