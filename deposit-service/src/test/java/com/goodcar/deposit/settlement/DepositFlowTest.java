package com.goodcar.deposit.settlement;

import static com.goodcar.deposit.Buyers.as;
import static com.goodcar.deposit.Buyers.awaitState;
import static com.goodcar.deposit.Buyers.close;
import static com.goodcar.deposit.Buyers.holdFor;
import static com.goodcar.deposit.Buyers.ledgerCheck;
import static com.goodcar.deposit.Buyers.openDeposit;
import static com.goodcar.deposit.Buyers.scheduledLot;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.EventCodec;
import com.goodcar.contracts.Topics;
import com.goodcar.contracts.order.OrderCancelled;
import com.goodcar.contracts.order.OrderPaid;
import com.goodcar.contracts.order.OrderPaymentExpired;
import com.goodcar.deposit.Buyers;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.Tokens;
import com.goodcar.kit.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "deposit"))
@WithTestResource(PspSandbox.class)
class DepositFlowTest {

    private static final EventPublisher ORDERS = EventPublisher.as("/order-service");

    @Test
    void depositHoldCloseLosersRefundedWinnersHoldWaitsThenApplied() {
        try (var holds = TopicProbe.from(Topics.DEPOSIT_HOLDS)) {
            String lot = scheduledLot();
            String alice = holdFor("alice", lot);
            String bob = holdFor("bob", lot);
            String carol = holdFor("carol", lot);
            var held = holds.await(r -> r.value().contains("deposit.held.v1") && r.value().contains(bob),
                    Duration.ofSeconds(20)).orElseThrow();
            var event = new EventCodec().read(held.value());
            assertEquals(bob, event.subject());
            assertTrue(held.value().contains(Tokens.subject("bob")), "the auction learns who may bid");

            // a buyer sees only their own deposits
            as("alice").get("/deposits?lotId=" + lot).then().statusCode(200).body("total", is(1)).body("items[0].id", is(alice));
            as("alice").get("/deposits/" + bob).then().statusCode(404);
            as("alice").get("/deposits?userId=" + Tokens.subject("bob")).then().statusCode(403);

            close(lot, "SOLD", "bob");
            awaitState("alice", alice, "REFUNDED");
            awaitState("carol", carol, "REFUNDED");
            awaitState("bob", bob, "WON");
            holds.await(r -> r.value().contains("deposit.released.v1") && r.value().contains(alice),
                    Duration.ofSeconds(20)).orElseThrow();
            assertEquals(2, PspSandbox.refundsReceived(TestDatabase.text("select payment_id from deposit where lot_id = ?",
                    lot).lines().toList()), "one refund per loser, at the provider");

            var check = ledgerCheck();
            assertTrue(check.getBoolean("balanced") && check.getList("mismatches").isEmpty(), check.prettify());
            long atProvider = TestDatabase.number("select coalesce(sum(debit_fen - credit_fen), 0) from journal_line l "
                    + "join journal_entry e on e.id = l.entry_id where e.lot_id = ? and l.account = 'psp-clearing'", lot);
            assertEquals(10_000, atProvider, "only the winner's deposit is still with us");

            ORDERS.publish(new OrderPaid("ord-" + lot, lot, Tokens.subject("bob"), 7_819_329_900L, Instant.now()));
            awaitState("bob", bob, "APPLIED");
            assertTrue(ledgerCheck().getList("mismatches").isEmpty());
        }
    }

    @Test
    void aWinnerWhoDoesNotPayOrCancelsAfterPayingLosesTheDepositAndOnlyIt() {
        String unpaid = scheduledLot();
        String alice = holdFor("alice", unpaid);
        close(unpaid, "SOLD", "alice");
        awaitState("alice", alice, "WON");
        ORDERS.publish(new OrderPaymentExpired("ord-" + unpaid, unpaid, Tokens.subject("alice"), Instant.now()));
        awaitState("alice", alice, "FORFEITED");

        String cancelled = scheduledLot();
        String bob = holdFor("bob", cancelled);
        close(cancelled, "SOLD", "bob");
        awaitState("bob", bob, "WON");
        ORDERS.publish(new OrderPaid("ord-" + cancelled, cancelled, Tokens.subject("bob"), 1_000_000, Instant.now()));
        awaitState("bob", bob, "APPLIED");
        String lapse = ORDERS.publish(new OrderCancelled("ord-" + cancelled, cancelled, Tokens.subject("bob"), true,
                Instant.now()));
        awaitState("bob", bob, "FORFEITED");
        ORDERS.publish(new OrderCancelled("ord-" + cancelled, cancelled, Tokens.subject("bob"), true, Instant.now()),
                lapse); // redelivered: no second effect

        var trial = as("olga").get("/ledger/trial-balance").then().statusCode(200).body("balanced", is(true)).extract();
        assertTrue(ledgerCheck().getList("mismatches").isEmpty());
        assertEquals(2, TestDatabase.number("select count(*) from journal_entry where movement like 'FORFEIT%' "
                + "and lot_id in (?, ?)", unpaid, cancelled), trial.asString());
        assertEquals(0, TestDatabase.number("select count(*) from refund where lot_id in (?, ?)", unpaid, cancelled));
    }

    @Test
    void anUnsoldLotReleasesEveryHoldAndAnUnpaidDepositIsCancelled() {
        String lot = scheduledLot();
        String alice = holdFor("alice", lot);
        String unpaid = openDeposit("bob", lot).getString("deposit.id");
        String closing = Buyers.AUCTION.publish(new com.goodcar.contracts.auction.AuctionClosed(lot, "E", "UNSOLD",
                null, null, null, 10_000, 0, Instant.now()));
        awaitState("alice", alice, "REFUNDED");
        awaitState("bob", unpaid, "CANCELLED");
        Buyers.AUCTION.publish(new com.goodcar.contracts.auction.AuctionClosed(lot, "E", "UNSOLD", null, null, null,
                10_000, 0, Instant.now()), closing);
        as("bob").header("Idempotency-Key", "late-0000001").body(Map.of("lotId", lot)).post("/deposits")
                .then().statusCode(410);
        assertEquals(1, TestDatabase.number("select count(*) from journal_entry where lot_id = ? and movement = 'RELEASE'",
                lot), "a redelivered close releases nothing twice");
    }
}
