package com.goodcar.stores.dealer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutletQuotaTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstThenTheRateAndEachOutletItsOwn() {
        var quota = new OutletQuota(10, 20);
        for (int i = 0; i < 20; i++) {
            assertTrue(quota.spend("OUT-1", 0).isEmpty(), "burst " + i);
        }
        Duration wait = quota.spend("OUT-1", 0).orElseThrow();
        assertEquals(Duration.ofMillis(100), wait);
        assertTrue(quota.spend("OUT-2", 0).isEmpty(), "another outlet has its own bucket");
        assertTrue(quota.spend("OUT-1", SECOND / 10).isEmpty(), "one request back after 100 ms");
        assertTrue(quota.spend("OUT-1", SECOND / 10).isPresent());
        int allowed = 0;
        for (long t = SECOND; t < 11 * SECOND; t += SECOND / 100) {
            if (quota.spend("OUT-1", t).isEmpty()) {
                allowed++;
            }
        }
        // 9 refilled in the first 0.9 s, then 10 a second for 10 seconds
        assertTrue(allowed >= 107 && allowed <= 110, "allowed " + allowed);
    }
}
