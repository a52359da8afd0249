package com.goodcar.replay;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MeasurementsTest {

    @Test
    void percentilesByRank() {
        List<Long> values = List.of(5L, 1L, 4L, 2L, 3L, 6L, 7L, 8L, 9L, 10L);
        assertEquals(5, Measurements.percentile(values, 50));
        assertEquals(10, Measurements.percentile(values, 99));
        assertEquals(1, Measurements.percentile(values, 1));
        assertEquals(-1, Measurements.percentile(List.of(), 50));
    }

    @Test
    void eachSecondCountsItsBidsAndKeepsItsHighestPrice() {
        Measurements m = new Measurements();
        m.bid(3, 1_000, true, 500);
        m.bid(3, 2_000, false, 0);
        m.bid(3, 3_000, true, 400);
        var second = m.seconds().get(3);
        assertEquals(3, second.sent);
        assertEquals(2, second.accepted);
        assertEquals(500, second.priceFen);
        assertEquals(2_000, second.latencyPercentileMicros(50));
    }
}
