package com.goodcar.auction.lot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.auction.lot.BidOutcome.Accepted;
import com.goodcar.auction.lot.BidOutcome.Reason;
import com.goodcar.auction.lot.BidOutcome.Rejected;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuctioneerTest {

    private static final Instant OPENS = Instant.parse("2026-10-22T02:00:00Z");
    private static final Instant ENDS = OPENS.plus(Duration.ofHours(4));
    private static final Instant DURING = OPENS.plusSeconds(30);

    private final Lot lot = Lot.schedule("lot-1", "AION-UT-SUPER-NGC001", LotRules.standard(), OPENS, ENDS);

    @Test
    void theFirstBidOpensAtTheStartPriceOfOneYuan() {
        var accepted = accept(lot, new Bid("alice", 50_000, true), DURING);
        assertEquals(100, accepted.priceFen());
        assertEquals("alice", accepted.leader().bidderId());
        assertTrue(accepted.leading());
    }

    @Test
    void aHigherMaximumTakesTheLeadAtTheOldMaximumPlusOneIncrement() {
        Lot withAlice = Auctioneer.placeAll(lot, List.of(new Bid("alice", 50_000, true)), DURING).lot();
        var accepted = accept(withAlice, new Bid("bob", 80_000, true), DURING);
        assertEquals(50_000 + 1_000, accepted.priceFen()); // 500 yuan + the 10-yuan step of its band
        assertEquals("bob", accepted.leader().bidderId());
    }

    @Test
    void aLowerMaximumIsAnsweredByTheLeadersProxy() {
        Lot withAlice = Auctioneer.placeAll(lot, List.of(new Bid("alice", 50_000, true)), DURING).lot();
        var accepted = accept(withAlice, new Bid("bob", 30_000, true), DURING);
        assertEquals(31_000, accepted.priceFen());
        assertEquals("alice", accepted.leader().bidderId());
        assertFalse(accepted.leading());
    }

    @Test
    void onEqualMaximaTheEarlierKeepsTheLead() {
        Lot withAlice = Auctioneer.placeAll(lot, List.of(new Bid("alice", 50_000, true)), DURING).lot();
        var accepted = accept(withAlice, new Bid("bob", 50_000, true), DURING);
        assertEquals(50_000, accepted.priceFen());
        assertEquals("alice", accepted.leader().bidderId());
    }

    @Test
    void equalMaximaInOneBatchGoToTheOneThatArrivedFirstWhateverTheIds() {
        for (var arrived : List.of(List.of("zed", "amy"), List.of("amy", "zed"))) {
            var round = Auctioneer.placeAll(lot, List.of(new Bid(arrived.get(0), 50_000, true),
                    new Bid(arrived.get(1), 50_000, true)), DURING);
            assertEquals(arrived.get(0), round.lot().leader().bidderId(), "arrived as " + arrived);
            assertEquals(50_000, round.lot().priceFen());
        }
    }

    @Test
    void aMaximumAboveTheLotsHighestPriceIsRefusedWithTheHighestAllowed() {
        var refused = reject(lot, new Bid("mallory", Long.MAX_VALUE, true));
        assertEquals(Reason.ABOVE_MAXIMUM, refused.reason());
        assertEquals(LotRules.DEFAULT_MAX_PRICE_FEN, refused.maximumAllowedFen());
        // two maxima near the top of a long: refused, the price never wraps below the start
        Lot atTop = Auctioneer.placeAll(lot, List.of(new Bid("alice", LotRules.DEFAULT_MAX_PRICE_FEN, true),
                new Bid("bob", Long.MAX_VALUE - 1, true), new Bid("carol", Long.MAX_VALUE, true)), DURING).lot();
        assertEquals("alice", atTop.leader().bidderId());
        assertEquals(100, atTop.priceFen());
    }

    @Test
    void aRaiseCapRefusesAMaximumAbovePricePlusCapAndSaysTheHighestAllowed() {
        // the seed auction: at most 4,490 yuan a raise (its increments stay below that)
        var ladder = new IncrementLadder(List.of(new IncrementLadder.Band(0, 100), new IncrementLadder.Band(100_00, 10_00)));
        var rules = new LotRules(100, 0, 10_000, ladder, Duration.ofMinutes(5), LotRules.DEFAULT_MAX_PRICE_FEN, 449_000);
        Lot capped = Lot.schedule("lot-9", "E", rules, OPENS, ENDS);
        var refused = reject(capped, new Bid("alice", 100 + 449_001, true));
        assertEquals(Reason.RAISE_TOO_LARGE, refused.reason());
        assertEquals(100 + 449_000, refused.maximumAllowedFen());
        Lot withAlice = Auctioneer.placeAll(capped, List.of(new Bid("alice", 100 + 449_000, true)), DURING).lot();
        // the price stays at 1 yuan (alice's proxy is unopposed), so the cap still counts from there
        assertEquals(Reason.RAISE_TOO_LARGE, reject(withAlice, new Bid("bob", 449_100 + 1_000, true)).reason());
        Lot withBob = Auctioneer.placeAll(withAlice, List.of(new Bid("bob", 300_000, true)), DURING).lot();
        assertEquals(301_000, withBob.priceFen());
        assertEquals(301_000 + 449_000, withBob.maximumAllowedFen());
    }

    @Test
    void rulesThatCouldOverflowOrStallAreRefused() {
        var ladder = IncrementLadder.standard();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new LotRules(100, 0, 10_000,
                ladder, Duration.ZERO, Long.MAX_VALUE, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new LotRules(100, 0, 0,
                ladder, Duration.ZERO, LotRules.DEFAULT_MAX_PRICE_FEN, 0));
        // a cap below the ladder's largest step (5,000 yuan) would leave prices where no bid fits
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new LotRules(100, 0, 10_000,
                ladder, Duration.ZERO, LotRules.DEFAULT_MAX_PRICE_FEN, 449_000));
    }

    @Test
    void aStaleBidAndATooSmallRaiseAreToldApart() {
        Lot at500 = Auctioneer.placeAll(lot, List.of(new Bid("alice", 50_000, true), new Bid("bob", 49_000, true)),
                DURING).lot();
        assertEquals(50_000, at500.priceFen());
        assertEquals(Reason.STALE, reject(at500, new Bid("carol", 50_000, true)).reason());
        var small = reject(at500, new Bid("carol", 50_500, true));
        assertEquals(Reason.BELOW_INCREMENT, small.reason());
        assertEquals(51_000, small.minimumNextFen());
    }

    @Test
    void noDepositNoBid() {
        assertEquals(Reason.NO_DEPOSIT, reject(lot, new Bid("mallory", 50_000, false)).reason());
    }

    @Test
    void aLotTakesBidsOnlyWhileOpen() {
        assertEquals(Reason.NOT_OPEN, reject(lot, new Bid("alice", 500, true), OPENS.minusSeconds(1)).reason());
        assertEquals(Reason.CLOSED, reject(lot, new Bid("alice", 500, true), ENDS).reason());
        assertEquals(Reason.CANCELLED, reject(lot.cancelled(), new Bid("alice", 500, true), DURING).reason());
    }

    @Test
    void aBidInTheLastMinutesMovesTheEndToNowPlusTheWindow() {
        Instant late = ENDS.minusSeconds(60);
        var accepted = accept(lot, new Bid("alice", 500, true), late);
        assertTrue(accepted.extended());
        assertEquals(late.plus(LotRules.DEFAULT_SOFT_CLOSE), accepted.endsAt());
        var early = accept(lot, new Bid("alice", 500, true), DURING);
        assertFalse(early.extended());
        assertEquals(ENDS, early.endsAt());
    }

    @Test
    void theReserveDecidesSoldOrUnsoldAndAMaximumAboveItLiftsThePrice() {
        var rules = new LotRules(100, 1_000_000, 10_000, IncrementLadder.standard(), Duration.ofMinutes(5),
                LotRules.DEFAULT_MAX_PRICE_FEN, 0);
        Lot reserved = Lot.schedule("lot-2", "E", rules, OPENS, ENDS);
        Lot low = Auctioneer.placeAll(reserved, List.of(new Bid("alice", 500_000, true)), DURING).lot();
        assertEquals(LotStatus.UNSOLD, low.closed().status());
        Lot high = Auctioneer.placeAll(reserved, List.of(new Bid("bob", 2_000_000, true)), DURING).lot();
        assertEquals(1_000_000, high.priceFen());
        assertEquals(LotStatus.SOLD, high.closed().status());
    }

    @Test
    void theLadderRaisesTheStepWithThePrice() {
        var ladder = IncrementLadder.standard();
        assertEquals(100, ladder.incrementAt(100));
        assertEquals(1_000, ladder.incrementAt(10_000));
        assertEquals(500_000, ladder.incrementAt(7_819_339_900L));
    }

    private static Accepted accept(Lot lot, Bid bid, Instant now) {
        return assertInstanceOf(Accepted.class, Auctioneer.place(lot, bid, now));
    }

    private static Rejected reject(Lot lot, Bid bid) {
        return reject(lot, bid, DURING);
    }

    private static Rejected reject(Lot lot, Bid bid, Instant now) {
        return assertInstanceOf(Rejected.class, Auctioneer.place(lot, bid, now));
    }
}
