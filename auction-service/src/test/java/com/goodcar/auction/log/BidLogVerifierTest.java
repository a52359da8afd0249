package com.goodcar.auction.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.goodcar.auction.lot.Auctioneer;
import com.goodcar.auction.lot.Ladders;
import com.goodcar.auction.lot.Bid;
import com.goodcar.auction.lot.BidOutcome.Accepted;
import com.goodcar.auction.lot.Lot;
import com.goodcar.auction.lot.LotRules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BidLogVerifierTest {

    private static final Instant OPENS = Instant.parse("2026-10-22T02:00:00Z");
    private static final Instant ENDS = OPENS.plus(Duration.ofHours(4));
    private static final String SALT = "lot-salt";

    private final List<LogEntry> log = new ArrayList<>();

    /** A short auction, logged as the writer logs it (codes stand for bidders). */
    @BeforeEach
    void runAnAuction() {
        Lot lot = Lot.schedule("lot-7", "E", LotRules.standard(), OPENS, ENDS);
        String prev = BidLogChain.genesis("lot-7");
        Instant at = OPENS.plusSeconds(5);
        for (List<Bid> batch : List.of(
                List.of(new Bid("K3X", 50_000, true), new Bid("Q9P", 20_000, true)),
                List.of(new Bid("Z1A", 80_000, true)),
                List.of(new Bid("K3X", 90_000, true), new Bid("Q9P", 95_000, true)))) {
            var round = Auctioneer.placeAll(lot, batch, at);
            for (var placed : round.outcomes()) {
                if (placed.outcome() instanceof Accepted a) {
                    var entry = BidLogChain.append(prev, a.seq(), "lot-7", a.at(), a.bid().bidderId(), SALT,
                            a.bid().maxFen(), a.priceFen(), a.leader().bidderId(), a.endsAt());
                    log.add(entry);
                    prev = entry.hash();
                }
            }
            lot = round.lot();
            at = at.plusSeconds(7);
        }
    }

    @Test
    void anHonestLogVerifiesAndReplaysToItsFinalPrice() {
        var result = BidLogVerifier.verifyAndReplay("lot-7", LotRules.standard(), OPENS, ENDS, log, SALT);
        assertTrue(result.valid(), result.problem());
        assertTrue(result.replayed());
        assertEquals(log.getLast().priceFen(), result.finalPriceFen());
    }

    @Test
    void whileTheLotRunsTheChainVerifiesWithoutTheMaxima() {
        var hidden = log.stream().map(LogEntry::withoutMaximum).toList();
        assertTrue(BidLogVerifier.verifyChain("lot-7", hidden, null).valid());
    }

    @Test
    void aChangedPriceIsDetected() {
        var e = log.get(2);
        log.set(2, new LogEntry(e.seq(), e.lotId(), e.at(), e.bidderCode(), e.maxDigest(), e.maxFen(),
                e.priceFen() - 100, e.leaderCode(), e.endsAt(), e.prevHash(), e.hash()));
        var result = BidLogVerifier.verifyChain("lot-7", log, SALT);
        assertFalse(result.valid());
        assertEquals(3L, result.firstBadSeq());
    }

    @Test
    void aDroppedBidIsDetected() {
        log.remove(1);
        var result = BidLogVerifier.verifyChain("lot-7", log, null);
        assertFalse(result.valid());
        assertEquals(3L, result.firstBadSeq());
    }

    @Test
    void aRehashedForgeryIsCaughtByTheReplay() {
        // a forger who recomputes every hash can fake a chain, but not the auction's rules
        String prev = BidLogChain.genesis("lot-7");
        var forged = new ArrayList<LogEntry>();
        for (LogEntry e : log) {
            long price = e.seq() == log.size() ? e.priceFen() + 1_000_000 : e.priceFen();
            var entry = BidLogChain.append(prev, e.seq(), e.lotId(), e.at(), e.bidderCode(), SALT, e.maxFen(), price,
                    e.leaderCode(), e.endsAt());
            forged.add(entry);
            prev = entry.hash();
        }
        assertTrue(BidLogVerifier.verifyChain("lot-7", forged, SALT).valid());
        var replay = BidLogVerifier.verifyAndReplay("lot-7", LotRules.standard(), OPENS, ENDS, forged, SALT);
        assertFalse(replay.valid());
        assertEquals((long) log.size(), replay.firstBadSeq());
    }

    @Test
    void aRevealedMaximumThatWasNotTheCommittedOneIsDetected() {
        var e = log.getFirst();
        log.set(0, new LogEntry(e.seq(), e.lotId(), e.at(), e.bidderCode(), e.maxDigest(), e.maxFen() + 1,
                e.priceFen(), e.leaderCode(), e.endsAt(), e.prevHash(), e.hash()));
        assertFalse(BidLogVerifier.verifyChain("lot-7", log, SALT).valid());
    }

    @Test
    void theCommandLineVerifierAcceptsThePublishedLogAndARealReceipt(@TempDir Path dir) throws Exception {
        Path file = publish(dir, log);
        var out = new ByteArrayOutputStream();
        var last = log.getLast();
        int exit = VerifyBidLog.run(new String[] {"--file", file.toString(), "--receipt", last.seq() + ":" + last.hash()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("VALID"));
    }

    @Test
    void theCommandLineVerifierRejectsATamperedEntryAndARewrittenChain(@TempDir Path dir) throws Exception {
        var receipt = "2:" + log.get(1).hash();
        var e = log.get(1);
        var tampered = new ArrayList<>(log);
        tampered.set(1, new LogEntry(e.seq(), e.lotId(), e.at(), "EVIL", e.maxDigest(), e.maxFen(), e.priceFen(),
                e.leaderCode(), e.endsAt(), e.prevHash(), e.hash()));
        var out = new ByteArrayOutputStream();
        assertEquals(1, VerifyBidLog.run(new String[] {"--file", publish(dir, tampered).toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("entry 2"), out.toString(StandardCharsets.UTF_8));

        // a server that rewrote the whole chain consistently is caught by the receipt a bidder kept
        var rewritten = new ArrayList<LogEntry>();
        String prev = BidLogChain.genesis("lot-7");
        for (LogEntry entry : log) {
            var again = BidLogChain.append(prev, entry.seq(), entry.lotId(), entry.at().plusMillis(1), entry.bidderCode(),
                    SALT, entry.maxFen(), entry.priceFen(), entry.leaderCode(), entry.endsAt());
            rewritten.add(again);
            prev = again.hash();
        }
        assertEquals(1, VerifyBidLog.run(new String[] {"--file", publish(dir, rewritten).toString(), "--receipt", receipt},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    @Test
    void aLogWhosePricesWrapAroundALongIsInvalidNotReplayedByTheSameArithmetic() {
        // what an overflowing engine would have logged: two maxima near Long.MAX_VALUE, the price fallen to 0
        String prev = BidLogChain.genesis("lot-7");
        var forged = new ArrayList<LogEntry>();
        long[][] bids = {{Long.MAX_VALUE - 10, 100}, {Long.MAX_VALUE, 0}};
        String[] codes = {"K3X", "Q9P"};
        for (int i = 0; i < bids.length; i++) {
            var entry = BidLogChain.append(prev, i + 1, "lot-7", OPENS.plusSeconds(5 + i), codes[i], SALT, bids[i][0],
                    bids[i][1], codes[i], ENDS);
            forged.add(entry);
            prev = entry.hash();
        }
        assertTrue(BidLogVerifier.verifyChain("lot-7", forged, SALT).valid(), "the chain itself is intact");
        var replay = BidLogVerifier.verifyAndReplay("lot-7", LotRules.standard(), OPENS, ENDS, forged, SALT);
        assertFalse(replay.valid());
        assertEquals(1L, replay.firstBadSeq());
    }

    private static Path publish(Path dir, List<LogEntry> entries) throws Exception {
        var rules = LotRules.standard();
        var published = new PublishedLog("lot-7", "SOLD", BidLogChain.genesis("lot-7"), OPENS, ENDS,
                rules.startPriceFen(), rules.reservePriceFen(), Ladders.format(rules.ladder()),
                rules.softClose().toSeconds(), rules.maxPriceFen(), rules.maxRaiseFen(), SALT, entries, null);
        Path file = Files.createTempFile(dir, "log", ".json");
        Files.writeString(file, new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsString(published));
        return file;
    }
}
