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
     * Bids that arrive in one batch are applied lowest maximum first, so every bid that was valid
     * against the price gets its chance. Equal maxima keep the order they arrived in (the sort is
     * stable): the earlier bid wins the tie, as it would one batch apart, and the log's sequence
     * records that order, so a replay decides the same. Who the bidder is never matters.
     */
    public static final Comparator<Bid> SIMULTANEOUS = Comparator.comparingLong(Bid::maxFen);

    private Auctioneer() {
    }

    /**
     * Applies one batch of bids, given in the order they arrived; the outcomes are in the order they
     * were applied, the last lot is the result.
     */
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
        if (bid.maxFen() > lot.maximumAllowedFen()) {
            return rejected(lot, bid.maxFen() > lot.rules().maxPriceFen() ? Reason.ABOVE_MAXIMUM : Reason.RAISE_TOO_LARGE);
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
            price = Math.min(bid.maxFen(), Math.addExact(leader.maxFen(), lot.rules().ladder().incrementAt(leader.maxFen())));
        } else {
            // the leader's proxy answers; on equal maxima the earlier one keeps the lead
            next = leader;
            price = Math.min(leader.maxFen(), Math.addExact(bid.maxFen(), lot.rules().ladder().incrementAt(bid.maxFen())));
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
        return new Rejected(reason, lot.priceFen(), lot.minimumNextBidFen(), lot.maximumAllowedFen(), lot.endsAt());
    }

    public record Placed(Bid bid, BidOutcome outcome) {
    }

    /** The lot after a batch, and what happened to each bid in it. */
    public record Round(Lot lot, List<Placed> outcomes) {
    }
}
