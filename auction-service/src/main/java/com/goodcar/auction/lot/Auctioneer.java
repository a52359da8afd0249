package com.goodcar.auction.lot;

import com.goodcar.auction.lot.BidOutcome.Accepted;
import com.goodcar.auction.lot.BidOutcome.Reason;
import com.goodcar.auction.lot.BidOutcome.Rejected;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules of the auction, as a pure function of the lot and the bids: no clock, no I/O. The lot's
 * single writer calls it, and replaying the log through it gives the same lot again.
 */
public final class Auctioneer {

    /**
     * Bids that arrive in one batch count as simultaneous. They are applied in a canonical order —
     * lowest maximum first, then by bidder id — so the outcome does not depend on which request's
     * thread got there first, and every bid that was valid against the price gets its chance.
     */
    public static final Comparator<Bid> SIMULTANEOUS = Comparator.comparingLong(Bid::maxFen)
            .thenComparing(Bid::bidderId);

    private Auctioneer() {
    }

    /** Applies simultaneous bids; the outcomes are in the canonical order, the last lot is the result. */
    public static Round placeAll(Lot lot, List<Bid> bids, Instant now) {
        var ordered = bids.stream().sorted(SIMULTANEOUS).toList();
        var outcomes = new ArrayList<Placed>(ordered.size());
        Lot current = lot;
        for (Bid bid : ordered) {
            BidOutcome outcome = place(current, bid, now);
            if (outcome instanceof Accepted accepted) {
                current = current.after(accepted);
            }
            outcomes.add(new Placed(bid, outcome));
        }
        return new Round(current, outcomes);
    }

    /** The outcome of one bid against the lot as it stands. */
    public static BidOutcome place(Lot lot, Bid bid, Instant now) {
        LotStatus status = lot.statusAt(now);
        if (status != LotStatus.OPEN) {
            Reason reason = switch (status) {
                case SCHEDULED -> Reason.NOT_OPEN;
                case CANCELLED -> Reason.CANCELLED;
                default -> Reason.CLOSED;
            };
            return rejected(lot, reason);
        }
        if (!bid.hasDeposit()) {
            return rejected(lot, Reason.NO_DEPOSIT);
        }
        Leader leader = lot.leader();
        long price;
        Leader next;
        if (lot.isLeader(bid.bidderId())) {
            if (bid.maxFen() <= leader.maxFen()) {
                return rejected(lot, Reason.ALREADY_LEADING);
            }
            next = new Leader(bid.bidderId(), bid.maxFen());
            price = lot.priceFen();
        } else if (bid.maxFen() < lot.minimumNextBidFen()) {
            boolean stale = leader != null && bid.maxFen() <= lot.priceFen();
            return rejected(lot, stale ? Reason.STALE : Reason.BELOW_INCREMENT);
        } else if (leader == null) {
            next = new Leader(bid.bidderId(), bid.maxFen());
            price = lot.rules().startPriceFen();
        } else if (bid.maxFen() > leader.maxFen()) {
            next = new Leader(bid.bidderId(), bid.maxFen());
            price = Math.min(bid.maxFen(), leader.maxFen() + lot.rules().ladder().incrementAt(leader.maxFen()));
        } else {
            // the leader's proxy answers; on equal maxima the earlier one keeps the lead
            next = leader;
            price = Math.min(leader.maxFen(), bid.maxFen() + lot.rules().ladder().incrementAt(bid.maxFen()));
        }
        price = Math.max(price, Math.min(next.maxFen(), lot.rules().reservePriceFen()));
        Instant endsAt = softClose(lot.endsAt(), lot.rules().softClose(), now);
        return new Accepted(lot.lastSeq() + 1, bid, now, price, next, endsAt,
                next.bidderId().equals(bid.bidderId()), endsAt.isAfter(lot.endsAt()));
    }

    /** A bid accepted within the soft-close window moves the end to now + window, never earlier. */
    static Instant softClose(Instant endsAt, Duration window, Instant now) {
        Instant extended = now.plus(window);
        return Duration.between(now, endsAt).compareTo(window) < 0 && extended.isAfter(endsAt) ? extended : endsAt;
    }

    private static Rejected rejected(Lot lot, Reason reason) {
        return new Rejected(reason, lot.priceFen(), lot.minimumNextBidFen(), lot.endsAt());
    }

    public record Placed(Bid bid, BidOutcome outcome) {
    }

    /** The lot after a batch, and what happened to each bid in it. */
    public record Round(Lot lot, List<Placed> outcomes) {
    }
}
