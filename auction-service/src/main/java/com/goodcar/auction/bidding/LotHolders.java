package com.goodcar.auction.bidding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who holds a deposit on one lot, as its writer sees it. A hold change is applied here directly by
 * the consumer that committed it, never through the writer's queue, so a busy writer cannot drop
 * one. The writer is registered before its holders are read from the table, and changes that
 * arrive meanwhile are kept and applied on top of what was read (in their order, so a release
 * read as still active is released again): no change is lost between the read and the register.
 */
final class LotHolders {

    private static final Duration ASK_AGAIN = Duration.ofSeconds(1);
    private static final int MAX_ASKED = 100_000;

    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> asked = new HashMap<>();
    private List<Change> early = new ArrayList<>();

    private record Change(String userId, boolean active) {
    }

    void changed(String userId, boolean isActive) {
        synchronized (this) {
            if (early != null) {
                early.add(new Change(userId, isActive));
                return;
            }
        }
        apply(userId, isActive);
    }

    /** Takes what the table says, then every change that arrived since the writer was registered. */
    void load(Set<String> fromTable) {
        synchronized (this) {
            active.addAll(fromTable);
            early.forEach(change -> apply(change.userId(), change.active()));
            early = null;
        }
    }

    boolean contains(String userId) {
        return active.contains(userId);
    }

    /** Of these bidders, those not known as holders and not asked about in the last second. */
    Set<String> worthAsking(Collection<String> bidders, Instant now) {
        var unknown = new HashSet<String>();
        for (String bidder : bidders) {
            Instant last = asked.get(bidder);
            if (!active.contains(bidder) && (last == null || last.isBefore(now.minus(ASK_AGAIN)))) {
                unknown.add(bidder);
            }
        }
        return unknown;
    }

    /** What the table said of {@code bidders}: those holding are holders from now on. */
    void asked(Set<String> bidders, Set<String> holding, Instant now) {
        if (asked.size() > MAX_ASKED) {
            asked.clear(); // a flood of bidders without deposits costs a lookup each, not memory
        }
        bidders.forEach(bidder -> asked.put(bidder, now));
        holding.forEach(bidder -> apply(bidder, true));
    }

    private void apply(String userId, boolean isActive) {
        if (isActive) {
            active.add(userId);
        } else {
            active.remove(userId);
        }
    }
}
