package com.goodcar.auction.lot;

import java.time.Duration;
import java.util.Objects;

/**
 * How one lot is auctioned. Prices are fen.
 *
 * @param startPriceFen the lowest opening bid (the seed auction: 1 yuan)
 * @param reservePriceFen below this the lot goes unsold; 0 for none
 * @param depositFen what a bidder must hold to bid (the seed auction: 100 yuan)
 * @param softClose a bid accepted this close to the end moves the end to now + softClose
 */
public record LotRules(long startPriceFen, long reservePriceFen, long depositFen, IncrementLadder ladder,
                       Duration softClose) {

    public static final long DEFAULT_START_FEN = 100;
    public static final long DEFAULT_DEPOSIT_FEN = 100_00;
    public static final Duration DEFAULT_SOFT_CLOSE = Duration.ofMinutes(5);

    public LotRules {
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(softClose, "softClose");
        if (startPriceFen <= 0) {
            throw new IllegalArgumentException("the start price must be at least 1 fen");
        }
        if (reservePriceFen < 0 || depositFen < 0) {
            throw new IllegalArgumentException("reserve and deposit cannot be negative");
        }
        if (softClose.isNegative()) {
            throw new IllegalArgumentException("the soft-close window cannot be negative");
        }
    }

    public static LotRules standard() {
        return new LotRules(DEFAULT_START_FEN, 0, DEFAULT_DEPOSIT_FEN, IncrementLadder.standard(), DEFAULT_SOFT_CLOSE);
    }
}
