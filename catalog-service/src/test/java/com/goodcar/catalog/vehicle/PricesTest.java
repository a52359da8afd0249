package com.goodcar.catalog.vehicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.goodcar.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PricesTest {

    @Test
    void acceptsADifferentPositivePrice() {
        assertEquals(10_990_000L, Prices.change(11_990_000L, 10_990_000L));
    }

    @Test
    void rejectsZeroNegativeAndAbsurdPrices() {
        assertEquals(422, assertThrows(ProblemException.class, () -> Prices.change(100, 0)).problem().status());
        assertEquals(422, assertThrows(ProblemException.class, () -> Prices.change(100, -1)).problem().status());
        assertEquals(422, assertThrows(ProblemException.class,
                () -> Prices.change(100, Prices.MAX_FEN + 1)).problem().status());
    }

    @Test
    void anUnchangedPriceIsAConflictNotASilentNoOp() {
        var problem = assertThrows(ProblemException.class, () -> Prices.change(11_990_000L, 11_990_000L)).problem();
        assertEquals(409, problem.status());
        assertEquals("The list price already is ¥119,900.00.", problem.detail());
    }

    @Test
    void formatsFenAsYuan() {
        assertEquals("¥78,193,399.00", Prices.yuan(7_819_339_900L));
        assertEquals("¥0.05", Prices.yuan(5));
    }
}
