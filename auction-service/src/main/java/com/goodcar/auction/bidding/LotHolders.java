package com.goodcar.auction.bidding;

import java.util.ArrayList;
import java.util.List;
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

    private final Set<String> active = ConcurrentHashMap.newKeySet();
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

    private void apply(String userId, boolean isActive) {
        if (isActive) {
            active.add(userId);
        } else {
            active.remove(userId);
        }
    }
}
