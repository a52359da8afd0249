package com.goodcar.kit.retry;

import java.time.Duration;

/** When to ask the provider again after the n-th failed attempt: 2, 4, 8 … seconds, at most 5 minutes. */
public final class Backoff {

    private static final Duration MAX = Duration.ofMinutes(5);

    private Backoff() {
    }

    public static Duration after(int attempts) {
        if (attempts >= 9) {
            return MAX;
        }
        Duration wait = Duration.ofSeconds(1L << Math.max(1, attempts));
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
