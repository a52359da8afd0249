package com.goodcar.auction.lot;

/** Who leads and the most they are willing to pay; the maximum stays private until the close. */
public record Leader(String bidderId, long maxFen) {
}
