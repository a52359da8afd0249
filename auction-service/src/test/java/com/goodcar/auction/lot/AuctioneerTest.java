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
        var rules = new LotRules(100, 1_000_000, 10_000, IncrementLadder.standard(), Duration.ofMinutes(5));
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
