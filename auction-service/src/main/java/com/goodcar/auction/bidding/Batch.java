package com.goodcar.auction.bidding;

import com.goodcar.auction.bidding.BidAnswer.AcceptedBid;
import com.goodcar.auction.log.BidLogChain;
import com.goodcar.auction.log.LogEntry;
import com.goodcar.auction.lot.Auctioneer;
import com.goodcar.auction.lot.Bid;
import com.goodcar.auction.lot.BidOutcome;
import com.goodcar.auction.lot.Lot;
import com.goodcar.auction.lot.LotStatus;
import com.goodcar.contracts.IntegrationEvent;
import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.contracts.auction.AuctionExtended;
import com.goodcar.contracts.auction.AuctionPriceChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What one batch of a lot's writer decides, as plain data and no I/O: which bids are accepted and
 * with which log entries, whether the lot opens, extends, closes or is cancelled, and which events
 * say so. The writer commits {@link Decision#next()} with its rows and events, then answers.
 */
public final class Batch {

    /** A bid of the batch, in the order it entered the writer; {@code deposit}: the bidder holds one. */
    public record Request(String bidderId, long maxFen, String idempotencyKey, boolean deposit) {
    }

    /** A request's answer; {@code refusal} is null when the bid was accepted. */
    public record Answered(Request request, BidAnswer answer, BidOutcome.Rejected refusal) {
    }

    /**
     * @param changed whether anything must be committed (the lot's state or an event)
     * @param answers one per request, in the requests' order
     */
    public record Decision(LotRecord next, List<BidRow> rows, List<IntegrationEvent> events, List<Answered> answers,
                           boolean changed) {
    }

    private Batch() {
    }

    /**
     * @param codeOf the bidder code of a user on this lot (the writer caches them)
     * @param cancel an operator asked to cancel the lot (refused once it is final)
     * @param now    in microseconds, what PostgreSQL keeps, so the hashes verify after the round trip
     */
    public static Decision decide(LotRecord record, List<Request> requests, boolean cancel, Instant now,
                                  UnaryOperator<String> codeOf) {
        Lot before = record.lot();
        String lotId = before.id();
        var bids = new ArrayList<Bid>(requests.size());
        var requestOf = new IdentityHashMap<Bid, Request>();
        for (Request request : requests) {
            var bid = new Bid(request.bidderId(), request.maxFen(), request.deposit());
            requestOf.put(bid, request);
            bids.add(bid);
        }
        var round = Auctioneer.placeAll(before, bids, now);
        Lot after = round.lot();

        var rows = new ArrayList<BidRow>();
        var answered = new IdentityHashMap<Request, Answered>();
        String hash = record.lastHash();
        for (var placed : round.outcomes()) {
            Request request = requestOf.get(placed.bid());
            if (placed.outcome() instanceof BidOutcome.Accepted a) {
                String code = codeOf.apply(request.bidderId());
                LogEntry entry = BidLogChain.append(hash, a.seq(), lotId, a.at(), code, record.salt(),
                        request.maxFen(), a.priceFen(), codeOf.apply(a.leader().bidderId()), a.endsAt());
                hash = entry.hash();
                rows.add(new BidRow(entry, request.bidderId(), request.idempotencyKey()));
                answered.put(request, new Answered(request, BidAnswer.accepted(new AcceptedBid(lotId, a.seq(), code,
                        request.maxFen(), a.priceFen(), a.leading(),
                        Math.addExact(a.priceFen(), before.rules().ladder().incrementAt(a.priceFen())), a.endsAt(),
                        entry.hash())), null));
            } else {
                var refusal = (BidOutcome.Rejected) placed.outcome();
                answered.put(request, new Answered(request, BidAnswer.rejected(lotId, refusal), refusal));
            }
        }

        var events = new ArrayList<IntegrationEvent>();
        if (!rows.isEmpty()) {
            events.add(new AuctionPriceChanged(lotId, after.priceFen(), leaderCode(after, codeOf), after.bidCount(),
                    after.lastSeq(), after.endsAt(), now));
            if (after.endsAt().isAfter(before.endsAt())) {
                events.add(new AuctionExtended(lotId, before.endsAt(), after.endsAt()));
            }
        }
        Instant closedAt = record.closedAt();
        if (cancel && !after.statusAt(now).isFinal()) {
            after = after.cancelled();
            closedAt = now;
            events.add(closed(after, codeOf, now));
        } else if (!after.status().isFinal() && after.statusAt(now).isFinal()) {
            after = after.closed();
            closedAt = now;
            events.add(closed(after, codeOf, now));
        } else if (after.status() == LotStatus.SCHEDULED && after.statusAt(now) == LotStatus.OPEN) {
            after = new Lot(after.id(), after.editionCode(), after.rules(), LotStatus.OPEN, after.opensAt(),
                    after.endsAt(), after.priceFen(), after.leader(), after.bidCount(), after.lastSeq());
        }
        var next = new LotRecord(after, record.title(), hash, record.salt(), record.epoch(), closedAt,
                record.scheduledEndsAt(), record.secondChance());
        return new Decision(next, rows, events, requests.stream().map(answered::get).toList(),
                !after.equals(before) || !events.isEmpty());
    }

    static String leaderCode(Lot lot, UnaryOperator<String> codeOf) {
        return lot.leader() == null ? null : codeOf.apply(lot.leader().bidderId());
    }

    private static AuctionClosed closed(Lot lot, UnaryOperator<String> codeOf, Instant now) {
        boolean sold = lot.status() == LotStatus.SOLD;
        return new AuctionClosed(lot.id(), lot.editionCode(), lot.status().name(),
                sold ? lot.leader().bidderId() : null, sold ? leaderCode(lot, codeOf) : null,
                sold ? lot.priceFen() : null, lot.rules().depositFen(), lot.bidCount(), now);
    }
}
