package com.goodcar.auction.bidding;

import com.goodcar.auction.lot.BidOutcome;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a lot's writer remembers for retries, by bidder and Idempotency-Key: every accepted bid's
 * answer (rebuilt from the rows after a restart), the latest refusals, and the keys still in
 * flight, whose retries must wait for the writer's answer rather than guess it. Read by callers
 * and written by the writer at once.
 */
final class AnswerMemory {

    private static final int REMEMBERED_REJECTIONS = 100_000;

    private final String lotId;
    private final Map<String, BidAnswer> accepted = new ConcurrentHashMap<>();
    private final Rejections rejections = new Rejections(REMEMBERED_REJECTIONS);
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    AnswerMemory(String lotId) {
        this.lotId = lotId;
    }

    static String key(String bidderId, String idempotencyKey) {
        return bidderId + "\n" + idempotencyKey;
    }

    /** Adds the answers recorded in the rows; refreshed in place, as callers read them meanwhile. */
    void acceptedBefore(Map<String, BidAnswer> answers) {
        accepted.putAll(answers);
    }

    /** The answer a key already got, or null. */
    BidAnswer earlier(String key) {
        BidAnswer answer = accepted.get(key);
        if (answer != null) {
            return answer;
        }
        BidOutcome.Rejected rejection = rejections.get(key);
        return rejection == null ? null : BidAnswer.rejected(lotId, rejection);
    }

    /** True if the key was not in flight; it is now, until {@link #landed}. */
    boolean takeOff(String key) {
        return inFlight.add(key);
    }

    void landed(String key) {
        inFlight.remove(key);
    }

    void accepted(String key, BidAnswer answer) {
        accepted.put(key, answer);
    }

    /** Remembers the refusal unless the key has one already; returns the one remembered. */
    BidOutcome.Rejected refused(String key, BidOutcome.Rejected refusal) {
        return rejections.remember(key, refusal);
    }
}
