package com.goodcar.auction.bidding;

import com.goodcar.auction.lot.BidOutcome;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The refusals a lot remembers for retries, oldest forgotten first beyond {@code capacity}: a rush
 * leaves tens of thousands of them. Kept as the small outcome, not the answer: the problem document
 * is rebuilt from it identically when a retry asks again. Safe for the writer and callers at once.
 */
final class Rejections {

    private final int capacity;
    private final ConcurrentHashMap<String, BidOutcome.Rejected> byKey = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> oldestFirst = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    Rejections(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers the refusal unless the key has one already; returns the one remembered. */
    BidOutcome.Rejected remember(String key, BidOutcome.Rejected refusal) {
        BidOutcome.Rejected earlier = byKey.putIfAbsent(key, refusal);
        if (earlier != null) {
            return earlier;
        }
        oldestFirst.add(key);
        if (size.incrementAndGet() > capacity) {
            String oldest = oldestFirst.poll();
            if (oldest != null && byKey.remove(oldest) != null) {
                size.decrementAndGet();
            }
        }
        return refusal;
    }

    BidOutcome.Rejected get(String key) {
        return byKey.get(key);
    }
}
