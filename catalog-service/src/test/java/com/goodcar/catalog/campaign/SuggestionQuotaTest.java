package com.goodcar.catalog.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SuggestionQuotaTest {

    private static final Instant NOW = Instant.parse("2026-10-22T10:00:00Z");

    @Test
    void allowsUpToTheQuotaWithinAnHour() {
        var quota = new SuggestionQuota(2);
        assertTrue(quota.waitBefore(List.of(), NOW).isEmpty());
        assertTrue(quota.waitBefore(List.of(NOW.minusSeconds(60)), NOW).isEmpty());
        assertEquals(Duration.ofMinutes(58),
                quota.waitBefore(List.of(NOW.minusSeconds(120), NOW.minusSeconds(60)), NOW).orElseThrow());
    }

    @Test
    void submissionsOlderThanAnHourDoNotCount() {
        var quota = new SuggestionQuota(1);
        assertTrue(quota.waitBefore(List.of(NOW.minus(Duration.ofHours(1))), NOW).isEmpty());
    }

    @Test
    void rejectsANonsenseQuota() {
        assertThrows(IllegalArgumentException.class, () -> new SuggestionQuota(0));
    }

    /** Whoever follows the advice never has more than the quota in any rolling hour. */
    @Property
    void followingTheAdviceNeverExceedsTheQuota(@ForAll @IntRange(min = 1, max = 5) int perHour,
                                                @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 7200) Integer> gapsSeconds) {
        var quota = new SuggestionQuota(perHour);
        var accepted = new ArrayList<Instant>();
        Instant t = NOW;
        for (int gap : gapsSeconds) {
            t = t.plusSeconds(gap);
            var wait = quota.waitBefore(accepted, t);
            if (wait.isPresent()) {
                assertTrue(wait.get().isPositive());
                // at the advised time there is room again
                t = t.plus(wait.get());
                assertTrue(quota.waitBefore(accepted, t).isEmpty());
            }
            accepted.add(t);
            Instant end = t;
            long inLastHour = accepted.stream().filter(a -> a.isAfter(end.minus(SuggestionQuota.WINDOW))).count();
            assertTrue(inLastHour <= perHour, inLastHour + " in one hour with a quota of " + perHour);
        }
    }
}
