package com.goodcar.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the replay saw, in one place: each step's latencies, and per second of the bidding the bids
 * sent and accepted, their latencies, the price and the watchers' staleness. Thread-safe by
 * synchronising: a few thousand samples a second, never the bottleneck.
 */
public final class Measurements {

    /** One second of the bidding phase. */
    public static final class Second {
        public int sent;
        public int accepted;
        public long priceFen = -1;
        final List<Long> latencyMicros = new ArrayList<>();
        final List<Long> stalenessMillis = new ArrayList<>();

        public long latencyPercentileMicros(double p) {
            return percentile(latencyMicros, p);
        }

        public long stalenessPercentileMillis(double p) {
            return percentile(stalenessMillis, p);
        }
    }

    private final Map<String, List<Long>> steps = new LinkedHashMap<>();
    private final TreeMap<Integer, Second> seconds = new TreeMap<>();
    private final List<Long> staleness = new ArrayList<>();

    public synchronized void step(String name, long micros) {
        steps.computeIfAbsent(name, k -> new ArrayList<>()).add(micros);
    }

    public synchronized void bid(int second, long micros, boolean accepted, long priceFen) {
        Second s = seconds.computeIfAbsent(second, k -> new Second());
        s.sent++;
        s.latencyMicros.add(micros);
        if (accepted) {
            s.accepted++;
            s.priceFen = Math.max(s.priceFen, priceFen);
        }
    }

    public synchronized void staleness(int second, long millis) {
        seconds.computeIfAbsent(second, k -> new Second()).stalenessMillis.add(millis);
        staleness.add(millis);
    }

    public synchronized Map<Integer, Second> seconds() {
        return new TreeMap<>(seconds);
    }

    /** step → count, p50, p99, max (µs) */
    public synchronized Map<String, long[]> stepSummary() {
        Map<String, long[]> summary = new LinkedHashMap<>();
        steps.forEach((name, values) -> summary.put(name, new long[]{values.size(), percentile(values, 50),
                percentile(values, 99), percentile(values, 100)}));
        return summary;
    }

    public synchronized long stalenessPercentileMillis(double p) {
        return percentile(staleness, p);
    }

    public synchronized int stalenessSamples() {
        return staleness.size();
    }

    static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return -1;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
