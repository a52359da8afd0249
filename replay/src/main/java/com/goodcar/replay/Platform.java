package com.goodcar.replay;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Where the running platform answers (./platform up's ports unless the environment says otherwise). */
public record Platform(String keycloak, List<String> auctions, String deposit, String orders, String stores) {

    public static Platform fromEnvironment(Map<String, String> env) {
        return new Platform(
                env.getOrDefault("KEYCLOAK_URL", "http://127.0.0.1:8180"),
                Arrays.stream(env.getOrDefault("AUCTION_URLS", "http://127.0.0.1:8082,http://127.0.0.1:8087").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList(),
                env.getOrDefault("DEPOSIT_URL", "http://127.0.0.1:8083"),
                env.getOrDefault("ORDER_URL", "http://127.0.0.1:8084"),
                env.getOrDefault("STORES_URL", "http://127.0.0.1:8085"));
    }

    String auction() {
        return auctions.getFirst();
    }

    /**
     * Asks until the answer is there (non-null), backing off from 20 ms to 500 ms: what a client does
     * while an event crosses Kafka. Fails with what it waited for.
     */
    static <T> T await(Duration atMost, String what, Supplier<T> attempt) {
        long deadline = System.nanoTime() + atMost.toNanos();
        long pause = 20;
        while (true) {
            T result = attempt.get();
            if (result != null) {
                return result;
            }
            if (System.nanoTime() > deadline) {
                throw new ReplayFailure("waited " + atMost.toSeconds() + " s for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(pause).toNanos());
            pause = Math.min(500, pause * 2);
        }
    }
}
