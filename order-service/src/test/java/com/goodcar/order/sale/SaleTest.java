package com.goodcar.order.sale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A sale's terms and what a click gets before any database, as plain Java. */
class SaleTest {

    private static final Instant START = Instant.parse("2026-11-11T00:00:00Z");

    private static Sale sale(int units, int limit, Duration payWithin) {
        return new Sale("sale-1", "AION-UT-SUPER-STD", 11_990_000, units, START, limit, payWithin, START.minusSeconds(3600));
    }

    @Test
    void tooEarlyIsAnsweredWithTheStartAndSoldOutOnlyWhenKnown() {
        Sale sale = sale(1000, 1, Sale.DEFAULT_PAY_WITHIN);
        var early = assertInstanceOf(Admission.NotStarted.class, sale.admit(START.minusMillis(1), false));
        assertEquals(START, early.startsAt());
        assertInstanceOf(Admission.NotStarted.class, sale.admit(START.minusMillis(1), true), "too early beats sold out");
        assertInstanceOf(Admission.ToStock.class, sale.admit(START, false));
        assertInstanceOf(Admission.SoldOut.class, sale.admit(START, true));
    }

    @Test
    void itsStateFollowsTheClockAndTheUnitsLeft() {
        Sale sale = sale(10, 2, Duration.ofMinutes(15));
        assertEquals(SaleState.SCHEDULED, sale.stateAt(START.minusSeconds(1), 10));
        assertEquals(SaleState.ON_SALE, sale.stateAt(START, 1));
        assertEquals(SaleState.SOLD_OUT, sale.stateAt(START, 0));
    }

    @Test
    void termsOutOfRangeNameTheirField() {
        assertEquals("perBuyerLimit", assertThrows(Sale.Invalid.class, () -> sale(3, 4, Duration.ofMinutes(15))).field);
        assertEquals("units", assertThrows(Sale.Invalid.class, () -> sale(0, 1, Duration.ofMinutes(15))).field);
        assertEquals("units", assertThrows(Sale.Invalid.class, () -> sale(Sale.MAX_UNITS + 1, 1, Duration.ofMinutes(15))).field);
        assertEquals("payWithin", assertThrows(Sale.Invalid.class, () -> sale(3, 1, Duration.ofMillis(999))).field);
        assertEquals("payWithin", assertThrows(Sale.Invalid.class, () -> sale(3, 1, Duration.ofHours(25))).field);
        assertEquals("priceFen", assertThrows(Sale.Invalid.class, () -> new Sale("s", "E", 0, 1, START, 1,
                Duration.ofMinutes(1), START)).field);
    }

    @Test
    void aRetryOnOtherTermsIsNotTheSameSale() {
        Sale sale = sale(10, 1, Duration.ofMinutes(15));
        assertTrue(sale.sameTerms(new Sale("sale-2", "AION-UT-SUPER-STD", 11_990_000, 10, START, 1,
                Duration.ofMinutes(15), START)));
        assertTrue(!sale.sameTerms(sale(11, 1, Duration.ofMinutes(15))));
    }
}
