package com.goodcar.deposit.settlement;

import static com.goodcar.deposit.Buyers.AUCTION;
import static com.goodcar.deposit.Buyers.awaitConsumers;
import static com.goodcar.deposit.Buyers.awaitState;
import static com.goodcar.deposit.Buyers.holdFor;
import static com.goodcar.deposit.Buyers.ledgerCheck;
import static com.goodcar.deposit.Buyers.scheduledLot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.contracts.order.OrderPaid;
import com.goodcar.contracts.order.RunnerUpReleased;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A second-chance lot: at the close the runner-up's hold is kept while the other losers' are
 * released; order-service later releases it (never forfeits it), or the runner-up pays and it is
 * applied like a winner's.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "deposit"))
@WithTestResource(PspSandbox.class)
class SecondChanceTest {

    private static final EventPublisher ORDERS = EventPublisher.as("/order-service");

    @Test
    void theRunnerUpsHoldIsKeptAtTheCloseThenReleasedAndRefundedNeverForfeited() {
        String lot = scheduledLot();
        String alice = holdFor("alice", lot);
        String bob = holdFor("bob", lot);
        String carol = holdFor("carol", lot);
        close(lot, "alice", "carol", 7_819_000_000L);

        awaitState("alice", alice, "WON");
        awaitState("bob", bob, "REFUNDED");
        awaitState("carol", carol, "HELD");
        // the winner has the car: the kept hold goes back, the same event twice releases it once
        var released = new RunnerUpReleased(lot, Tokens.subject("carol"), "WINNER_HANDED_OVER", Instant.now());
        String eventId = ORDERS.publish(released);
        ORDERS.publish(released, eventId);
        awaitState("carol", carol, "REFUNDED");
        assertEquals(1, TestDatabase.number("select count(*) from refund where deposit_id = ?", carol));
        assertEquals(0, TestDatabase.number("select count(*) from journal_entry where deposit_id = ? "
                + "and movement like 'FORFEIT%'", carol));
        var check = ledgerCheck();
        assertTrue(check.getBoolean("balanced"), check.prettify());
    }

    @Test
    void aRunnerUpWhoAcceptsAndPaysHasTheirDepositAppliedLikeAWinner() {
        String lot = scheduledLot();
        String alice = holdFor("alice", lot);
        String carol = holdFor("carol", lot);
        close(lot, "alice", "carol", 7_819_000_000L);
        awaitState("carol", carol, "HELD");
        awaitState("alice", alice, "WON");

        ORDERS.publish(new OrderPaid("ord-offer-" + lot, lot, Tokens.subject("carol"), 7_818_990_000L, Instant.now()));
        awaitState("carol", carol, "APPLIED");
    }

    private static void close(String lot, String winner, String runnerUp, long runnerUpMaxFen) {
        awaitConsumers();
        AUCTION.publish(new AuctionClosed(lot, "AION-UT-SUPER-NGC001", "SOLD", Tokens.subject(winner), "WINNERCODE01",
                7_819_339_900L, 10_000, 23_733, Instant.now()).withRunnerUp(Tokens.subject(runnerUp), runnerUpMaxFen));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.number(
                "select count(*) from lot where id = ? and result = 'SOLD'", lot) == 1);
    }
}
