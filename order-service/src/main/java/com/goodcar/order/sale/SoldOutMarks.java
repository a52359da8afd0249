package com.goodcar.order.sale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this replica knows of sold-out sales, so that the rush after the last unit costs the
 * database nothing. The database stays the truth: a mark is only a memory of having seen no free
 * unit there, and it is dropped the moment a unit may have come back.
 *
 * <p>Units come back in another transaction, often on another replica; each such commit notifies
 * every replica ({@link #returned}). A mark is set only from an observation that began after every
 * return this replica has heard of (its {@link #generation}), and only while the notifications are
 * heard at all ({@link #listening}): losing them forgets every mark. As a last resort a mark lapses
 * after {@code recheckAfter}, when one click looks at the database again.
 *
 * <p>A mark carries the buyer keys that made orders of the sale: a repeated click of one of those
 * must get its order, not "sold out", and so still goes to the database.
 */
public final class SoldOutMarks {

    private final Clock clock;
    private final Duration recheckAfter;
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Mark> marks = new ConcurrentHashMap<>();
    private volatile boolean listening;

    public SoldOutMarks(Clock clock, Duration recheckAfter) {
        this.clock = clock;
        this.recheckAfter = recheckAfter;
    }

    /** Taken before looking at the database: a mark from that look is refused if a return was heard since. */
    public long generation() {
        return generation.get();
    }

    /**
     * The database had no free unit of {@code saleId} in a look begun at {@code observedAt}; {@code orderKeys}
     * are {@link #key}s of every order of the sale. False when the mark was refused.
     */
    public boolean mark(String saleId, long observedAt, Set<String> orderKeys) {
        if (!listening || generation.get() != observedAt) {
            return false;
        }
        var mark = new Mark(Set.copyOf(orderKeys), clock.instant().plus(recheckAfter));
        marks.put(saleId, mark);
        // a return heard between the check above and the put: the put must not outlive it
        if (!listening || generation.get() != observedAt) {
            marks.remove(saleId, mark);
            return false;
        }
        return true;
    }

    /** A unit of the sale came back (a notification after its commit): it may be sold again. */
    public void returned(String saleId) {
        generation.incrementAndGet();
        marks.remove(saleId);
    }

    /** Notifications are heard from now on (again): what was marked before may have missed some. */
    public void listening() {
        forgetAll();
        listening = true;
    }

    /** Notifications may be lost from now on: nothing may be marked, and nothing marked is kept. */
    public void deaf() {
        listening = false;
        forgetAll();
    }

    public boolean isListening() {
        return listening;
    }

    /** Whether this click may be answered "sold out" without the database. */
    public boolean soldOut(String saleId, String buyerId, String idempotencyKey) {
        Mark mark = live(saleId);
        return mark != null && !mark.orderKeys().contains(key(buyerId, idempotencyKey));
    }

    /** Whether the sale is known to have no unit left (for its units-left figure). */
    public boolean soldOut(String saleId) {
        return live(saleId) != null;
    }

    public static String key(String buyerId, String idempotencyKey) {
        return buyerId + "\n" + idempotencyKey;
    }

    private Mark live(String saleId) {
        Mark mark = marks.get(saleId);
        if (mark == null) {
            return null;
        }
        if (!clock.instant().isBefore(mark.until())) {
            marks.remove(saleId, mark);
            return null;
        }
        return mark;
    }

    private void forgetAll() {
        generation.incrementAndGet();
        marks.clear();
    }

    // identity equality: remove(saleId, mark) must remove only this very mark
    private static final class Mark {
        private final Set<String> orderKeys;
        private final Instant until;

        Mark(Set<String> orderKeys, Instant until) {
            this.orderKeys = orderKeys;
            this.until = until;
        }

        Set<String> orderKeys() {
            return orderKeys;
        }

        Instant until() {
            return until;
        }
    }
}
