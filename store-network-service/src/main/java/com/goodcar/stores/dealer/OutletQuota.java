package com.goodcar.stores.dealer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per outlet: {@code ratePerSecond} requests a second on average, bursts of
 * {@code burst}. Kept per replica (N replicas allow N times the rate: a bound against a runaway
 * integration, not an exact quota). SmallRye Fault Tolerance's {@code @RateLimit} counts per method,
 * not per caller, so it cannot say which outlet spent its share.
 */
public final class OutletQuota {

    private final double ratePerNano;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    public OutletQuota(double ratePerSecond, int burst) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
    }

    /** Empty if the outlet may go ahead now; otherwise how long until it may. */
    public Optional<Duration> spend(String outletId, long nanoTime) {
        Bucket bucket = buckets.computeIfAbsent(outletId, id -> new Bucket(burst, nanoTime));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (nanoTime - bucket.refilledAt) * ratePerNano);
            bucket.refilledAt = nanoTime;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / ratePerNano)));
        }
    }
}
