package com.goodcar.auction.lot;

import java.time.Duration;
import java.util.Objects;

/**
 * How one lot is auctioned. Prices are fen. Every amount is bounded by {@link #maxPriceFen}, itself
 * at most {@link #PRICE_CEILING_FEN}, so no sum the auctioneer forms can overflow a {@code long}.
 *
 * @param startPriceFen the lowest opening bid (the seed auction: 1 yuan)
 * @param reservePriceFen below this the lot goes unsold; 0 for none
 * @param depositFen what a bidder must hold to bid (the seed auction: 100 yuan); at least 1 fen
 * @param softClose a bid accepted this close to the end moves the end to now + softClose
 * @param maxPriceFen the highest price the lot can reach: a maximum above it is refused
 * @param maxRaiseFen the most one bid may raise above the current price (the seed auction capped a
 *                    raise at 4,490 yuan); 0 for no cap
 */
public record LotRules(long startPriceFen, long reservePriceFen, long depositFen, IncrementLadder ladder,
                       Duration softClose, long maxPriceFen, long maxRaiseFen) {

    public static final long DEFAULT_START_FEN = 100;
    public static final long DEFAULT_DEPOSIT_FEN = 100_00;
    public static final Duration DEFAULT_SOFT_CLOSE = Duration.ofMinutes(5);
    /** One billion yuan: twelve times what the seed auction's rush reached. */
    public static final long DEFAULT_MAX_PRICE_FEN = 1_000_000_000_00L;
    /** Ten trillion yuan: far above any car, far below where a sum of two amounts could overflow. */
    public static final long PRICE_CEILING_FEN = 1_000_000_000_000_000L;

    public LotRules {
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(softClose, "softClose");
        if (maxPriceFen <= 0 || maxPriceFen > PRICE_CEILING_FEN) {
            throw new IllegalArgumentException("the highest price must be between 1 and " + PRICE_CEILING_FEN + " fen");
        }
        if (startPriceFen <= 0 || startPriceFen > maxPriceFen) {
            throw new IllegalArgumentException("the start price must be between 1 fen and the highest price ("
                    + maxPriceFen + " fen)");
        }
        if (reservePriceFen < 0 || reservePriceFen > maxPriceFen) {
            throw new IllegalArgumentException("the reserve must be between 0 and the highest price (" + maxPriceFen
                    + " fen)");
        }
        if (depositFen <= 0 || depositFen > maxPriceFen) {
            throw new IllegalArgumentException("the deposit must be between 1 fen and the highest price ("
                    + maxPriceFen + " fen)");
        }
        if (softClose.isNegative()) {
            throw new IllegalArgumentException("the soft-close window cannot be negative");
        }
        if (ladder.largestIncrementFen() > maxPriceFen) {
            throw new IllegalArgumentException("an increment cannot exceed the highest price (" + maxPriceFen + " fen)");
        }
        if (maxRaiseFen < 0 || maxRaiseFen > 0 && maxRaiseFen < ladder.largestIncrementFen()) {
            throw new IllegalArgumentException("the raise cap must be 0 (none) or at least the ladder's largest "
                    + "increment (" + ladder.largestIncrementFen() + " fen), or some prices could take no bid");
        }
    }

    public static LotRules standard() {
        return new LotRules(DEFAULT_START_FEN, 0, DEFAULT_DEPOSIT_FEN, IncrementLadder.standard(), DEFAULT_SOFT_CLOSE,
                DEFAULT_MAX_PRICE_FEN, 0);
    }

    public LotRules withRaiseCap(long capFen) {
        return new LotRules(startPriceFen, reservePriceFen, depositFen, ladder, softClose, maxPriceFen, capFen);
    }
}
