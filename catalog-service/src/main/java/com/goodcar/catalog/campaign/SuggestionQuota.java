package com.goodcar.catalog.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How many suggestions one person may submit per rolling hour, so that a campaign with hundreds of
 * thousands of participants is not drowned by a few scripts.
 */
public record SuggestionQuota(int perHour) {

    static final Duration WINDOW = Duration.ofHours(1);

    public SuggestionQuota {
        if (perHour < 1) {
            throw new IllegalArgumentException("perHour must be at least 1, got " + perHour);
        }
    }

    /**
     * @param earlier when this person's earlier suggestions were submitted (any order, any age)
     * @return empty if one more is allowed at {@code now}, else how long until it is
     */
    public Optional<Duration> waitBefore(List<Instant> earlier, Instant now) {
        Instant windowStart = now.minus(WINDOW);
        List<Instant> inWindow = earlier.stream().filter(t -> t.isAfter(windowStart)).sorted().toList();
        if (inWindow.size() < perHour) {
            return Optional.empty();
        }
        // the submission that must leave the window before there is room again
        Instant blocking = inWindow.get(inWindow.size() - perHour);
        return Optional.of(Duration.between(now, blocking.plus(WINDOW)));
    }
}
