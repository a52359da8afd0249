package com.goodcar.catalog.vehicle;

import com.goodcar.kit.problem.ProblemException;

/** The rules a list price change must follow. Prices are whole fen; 1 yuan = 100 fen. */
public final class Prices {

    /** 100 million yuan: above any car's list price, below any overflow. */
    public static final long MAX_FEN = 10_000_000_000L;

    private Prices() {
    }

    /** Checks a requested change of a list price; returns the new price. */
    public static long change(long currentFen, long requestedFen) {
        if (requestedFen <= 0 || requestedFen > MAX_FEN) {
            throw ProblemException.invalid("price-out-of-range", "Price out of range",
                    "A list price is between 1 fen and " + yuan(MAX_FEN) + "; got " + requestedFen + " fen.");
        }
        if (requestedFen == currentFen) {
            throw ProblemException.conflict("price-unchanged", "Price unchanged",
                    "The list price already is " + yuan(currentFen) + ".");
        }
        return requestedFen;
    }

    /** "¥119,900.00" — for messages; APIs carry fen. */
    public static String yuan(long fen) {
        return String.format("¥%,d.%02d", fen / 100, Math.abs(fen % 100));
    }
}
