package com.goodcar.auction.lot;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of one lot at one moment. Immutable: the auctioneer answers each bid with the next
 * state, which the single writer of the lot then makes durable.
 *
 * @param endsAt the true end, moved by soft close; what every watcher is shown
 * @param lastSeq the sequence number of the last accepted bid (0 before the first)
 */
public record Lot(String id, String editionCode, LotRules rules, LotStatus status, Instant opensAt, Instant endsAt,
                  long priceFen, Leader leader, long bidCount, long lastSeq) {

    public Lot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(status, "status");
        if (!endsAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("a lot must end after it opens");
        }
    }

    public static Lot schedule(String id, String editionCode, LotRules rules, Instant opensAt, Instant endsAt) {
        return new Lot(id, editionCode, rules, LotStatus.SCHEDULED, opensAt, endsAt, rules.startPriceFen(), null, 0, 0);
    }

    /** What the status is at {@code now}: a scheduled lot opens by itself, an open one ends by itself. */
    public LotStatus statusAt(Instant now) {
        if (status.isFinal()) {
            return status;
        }
        if (now.isBefore(opensAt)) {
            return LotStatus.SCHEDULED;
        }
        if (now.isBefore(endsAt)) {
            return LotStatus.OPEN;
        }
        return hammerStatus();
    }

    /** The lowest maximum that can be accepted now from someone who does not lead. */
    public long minimumNextBidFen() {
        return leader == null ? rules.startPriceFen() : Math.addExact(priceFen, rules.ladder().incrementAt(priceFen));
    }

    /** The highest maximum that can be accepted now: the lot's highest price, or less under a raise cap. */
    public long maximumAllowedFen() {
        return rules.maxRaiseFen() == 0 ? rules.maxPriceFen()
                : Math.min(rules.maxPriceFen(), Math.addExact(priceFen, rules.maxRaiseFen()));
    }

    public boolean isLeader(String bidderId) {
        return leader != null && leader.bidderId().equals(bidderId);
    }

    /** The lot after its end: sold to the leader if the reserve is met, else unsold. */
    public Lot closed() {
        return new Lot(id, editionCode, rules, hammerStatus(), opensAt, endsAt, priceFen, leader, bidCount, lastSeq);
    }

    public Lot cancelled() {
        return new Lot(id, editionCode, rules, LotStatus.CANCELLED, opensAt, endsAt, priceFen, leader, bidCount, lastSeq);
    }

    /** The lot once an accepted bid is applied. */
    public Lot after(BidOutcome.Accepted bid) {
        return new Lot(id, editionCode, rules, LotStatus.OPEN, opensAt, bid.endsAt(), bid.priceFen(), bid.leader(),
                bidCount + 1, bid.seq());
    }

    private LotStatus hammerStatus() {
        return leader != null && priceFen >= rules.reservePriceFen() ? LotStatus.SOLD : LotStatus.UNSOLD;
    }
}
