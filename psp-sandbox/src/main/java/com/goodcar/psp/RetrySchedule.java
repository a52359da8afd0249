package com.goodcar.psp;

import java.time.Duration;
import java.util.Optional;

/**
 * When the sandbox tries a callback again after the merchant did not acknowledge it: doubling from
 * {@code first} up to {@code cap}, then giving up after {@code maxAttempts}. No jitter: a test (or a
 * developer reading the notification log) can predict every attempt.
 */
public record RetrySchedule(Duration first, Duration cap, int maxAttempts) {

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry schedule needs 0 < first <= cap and maxAttempts >= 1, got "
                    + first + ", " + cap + ", " + maxAttempts);
        }
    }

    /**
     * The wait before the next attempt once {@code failedAttempts} attempts failed (1 → first,
     * 2 → 2 × first …), or empty when that was the last attempt allowed.
     */
    public Optional<Duration> after(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("no attempt failed yet: " + failedAttempts);
        }
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        // doubling stops at the cap, so a long schedule never overflows
        long millis = first.toMillis();
        for (int i = 1; i < failedAttempts && millis < cap.toMillis(); i++) {
            millis *= 2;
        }
        return Optional.of(Duration.ofMillis(Math.min(millis, cap.toMillis())));
    }
}
