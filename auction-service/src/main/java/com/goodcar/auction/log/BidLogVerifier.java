package com.goodcar.auction.log;

import com.goodcar.auction.lot.Auctioneer;
import com.goodcar.auction.lot.Bid;
import com.goodcar.auction.lot.BidOutcome;
import com.goodcar.auction.lot.Lot;
import com.goodcar.auction.lot.LotRules;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Checks a published bid log: the chain of hashes, and — once the lot closed and its maxima and
 * salt are public — each maximum's digest and a full replay of the auction to its final price.
 */
public final class BidLogVerifier {

    private BidLogVerifier() {
    }

    /** @param firstBadSeq the first entry that does not verify, or null when all do */
    @Schema(examples = """
            {"valid": true, "entries": 23733, "firstBadSeq": null, "problem": null, "replayed": true, "finalPriceFen": 7819339900}
            """)
    public record Verification(boolean valid, int entries, Long firstBadSeq, String problem, boolean replayed,
                               Long finalPriceFen) {
        static Verification bad(int entries, long seq, String problem) {
            return new Verification(false, entries, seq, problem, false, null);
        }
    }

    /** Verifies the chain; with {@code salt} (after the close) also the digests of the maxima. */
    public static Verification verifyChain(String lotId, List<LogEntry> entries, String salt) {
        String prev = BidLogChain.genesis(lotId);
        long expectedSeq = 1;
        for (LogEntry e : entries) {
            if (e.seq() != expectedSeq) {
                return Verification.bad(entries.size(), e.seq(), "expected entry " + expectedSeq + ", found " + e.seq());
            }
            if (!e.lotId().equals(lotId)) {
                return Verification.bad(entries.size(), e.seq(), "entry belongs to lot " + e.lotId());
            }
            if (!e.prevHash().equals(prev)) {
                return Verification.bad(entries.size(), e.seq(), "does not link to the entry before it");
            }
            if (!BidLogChain.entryHash(e).equals(e.hash())) {
                return Verification.bad(entries.size(), e.seq(), "its content does not match its hash");
            }
            if (salt != null && (e.maxFen() == null
                    || !BidLogChain.maxDigest(salt, e.seq(), e.maxFen()).equals(e.maxDigest()))) {
                return Verification.bad(entries.size(), e.seq(), "the revealed maximum does not match its digest");
            }
            prev = e.hash();
            expectedSeq++;
        }
        Long last = entries.isEmpty() ? null : entries.getLast().priceFen();
        return new Verification(true, entries.size(), null, null, false, last);
    }

    /**
     * Verifies the chain and replays every bid through the auction's rules: each entry's price, leader
     * and end must be what the rules give. Needs the revealed maxima.
     */
    public static Verification verifyAndReplay(String lotId, LotRules rules, Instant opensAt, Instant endsAt,
                                               List<LogEntry> entries, String salt) {
        Verification chain = verifyChain(lotId, entries, salt);
        if (!chain.valid()) {
            return chain;
        }
        Lot lot = Lot.schedule(lotId, "replay", rules, opensAt, endsAt);
        for (LogEntry e : entries) {
            BidOutcome outcome;
            try {
                outcome = Auctioneer.place(lot, new Bid(e.bidderCode(), e.maxFen(), true), e.at());
            } catch (ArithmeticException overflow) {
                return Verification.bad(entries.size(), e.seq(), "its amounts overflow the rules' arithmetic");
            }
            if (!(outcome instanceof BidOutcome.Accepted a) || a.priceFen() != e.priceFen()
                    || !a.leader().bidderId().equals(e.leaderCode()) || !a.endsAt().equals(e.endsAt())) {
                return Verification.bad(entries.size(), e.seq(), "the rules give another result for this bid: " + outcome);
            }
            lot = lot.after(a);
        }
        return new Verification(true, entries.size(), null, null, true, entries.isEmpty() ? null : lot.priceFen());
    }
}
