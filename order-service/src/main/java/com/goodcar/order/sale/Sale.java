package com.goodcar.order.sale;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A fixed-price flash sale as plain data: {@code units} of an edition at {@code priceFen} each from
 * {@code startsAt}, at most {@code perBuyerLimit} per buyer, each order's unit reserved for
 * {@code payWithin}. Scheduled once and never changed, so every replica may keep it in memory.
 * Its stock is not here: that is the database's (one row per unit), and only the database decides
 * who gets a unit.
 */
public record Sale(String id, String editionCode, long priceFen, int units, Instant startsAt, int perBuyerLimit,
                   Duration payWithin, Instant createdAt) {

    public static final int MAX_UNITS = 100_000;
    public static final int MAX_PER_BUYER = 100;
    /** The highest price of one unit: 100 million yuan; no sum of a sale's orders can overflow a long */
    public static final long PRICE_CEILING_FEN = 10_000_000_000L;
    public static final Duration SHORTEST_PAY_WITHIN = Duration.ofSeconds(1);
    public static final Duration LONGEST_PAY_WITHIN = Duration.ofHours(24);
    public static final Duration DEFAULT_PAY_WITHIN = Duration.ofMinutes(15);

    public Sale {
        Objects.requireNonNull(id);
        Objects.requireNonNull(editionCode);
        Objects.requireNonNull(startsAt);
        Objects.requireNonNull(payWithin);
        if (priceFen <= 0 || priceFen > PRICE_CEILING_FEN) {
            throw new Invalid("priceFen", "must be between 1 and " + PRICE_CEILING_FEN + " fen");
        }
        if (units <= 0 || units > MAX_UNITS) {
            throw new Invalid("units", "must be between 1 and " + MAX_UNITS);
        }
        if (perBuyerLimit <= 0 || perBuyerLimit > Math.min(units, MAX_PER_BUYER)) {
            throw new Invalid("perBuyerLimit", "must be between 1 and the sale's units (at most " + MAX_PER_BUYER + ")");
        }
        if (payWithin.compareTo(SHORTEST_PAY_WITHIN) < 0 || payWithin.compareTo(LONGEST_PAY_WITHIN) > 0) {
            throw new Invalid("payWithin", "must be between " + SHORTEST_PAY_WITHIN + " and " + LONGEST_PAY_WITHIN);
        }
    }

    /** What a buyer's click gets before any database is asked. */
    public Admission admit(Instant now, boolean knownSoldOut) {
        if (now.isBefore(startsAt)) {
            return new Admission.NotStarted(startsAt);
        }
        return knownSoldOut ? new Admission.SoldOut() : new Admission.ToStock();
    }

    public SaleState stateAt(Instant now, int unitsLeft) {
        if (now.isBefore(startsAt)) {
            return SaleState.SCHEDULED;
        }
        return unitsLeft > 0 ? SaleState.ON_SALE : SaleState.SOLD_OUT;
    }

    /** Whether another scheduling request asks for the same sale (a retry with the same Idempotency-Key must). */
    public boolean sameTerms(Sale other) {
        return editionCode.equals(other.editionCode) && priceFen == other.priceFen && units == other.units
                && startsAt.equals(other.startsAt) && perBuyerLimit == other.perBuyerLimit
                && payWithin.equals(other.payWithin);
    }

    /** A sale's term out of range; the REST layer answers it with a 422 naming the field. */
    public static final class Invalid extends IllegalArgumentException {

        public final String field;

        Invalid(String field, String rule) {
            super(field + " " + rule);
            this.field = field;
        }
    }
}
