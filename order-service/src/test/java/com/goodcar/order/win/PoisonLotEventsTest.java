package com.goodcar.order.win;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.ParkedEvents;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.Tokens;
import com.goodcar.kit.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * On auction.lots, a message order-service can never turn into an order (garbage bytes, an unknown
 * type, a SOLD close without a winner, a lot id the database refuses) is parked on the topic's
 * dead-letter queue, counted, and the next sold lot still becomes its winner's order.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class PoisonLotEventsTest {

    @Test
    void poisonIsParkedAndTheNextSoldLotIsAnOrder() {
        ConsumerGroups.awaitChannelAssigned("auction-lots");
        String run = UUID.randomUUID().toString();
        double before = ParkedEvents.count("order-wins");
        try (var auction = EventPublisher.as("/auction-service"); var dlq = TopicProbe.from("auction.lots.dlq")) {
            auction.publishRaw("auction.lots", "garbage-" + run, ParkedEvents.GARBAGE);
            auction.publishEnvelope("auction.lots", "unknown-" + run, "auction.teleported.v1", "{}");
            String noWinner = "no-winner-" + run;
            auction.publish(new AuctionClosed(noWinner, "E", "SOLD", null, null, 1_000_000L, 10_000, 3, Instant.now()));
            String refused = "lot-nul-" + run;
            auction.publish(new AuctionClosed(refused + "\u0000", "E", "SOLD", Tokens.subject("alice"), "K3XQ9PZ1A7MB",
                    1_000_000L, 10_000, 3, Instant.now()));
            for (String key : new String[] {"garbage-" + run, "unknown-" + run, noWinner, refused + "\u0000"}) {
                ParkedEvents.awaitParked(dlq, key, "auction.lots");
            }

            String lot = "lot-" + run;
            auction.publish(new AuctionClosed(lot, "AION-UT-SUPER-NGC001", "SOLD", Tokens.subject("alice"),
                    "K3XQ9PZ1A7MB", 1_000_000L, 10_000, 3, Instant.now()));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.number(
                    "select count(*) from orders where lot_id = ?", lot) == 1);
        }
        assertEquals(1, TestDatabase.number("select count(*) from orders where lot_id like ?", "%" + run + "%"),
                "no order from the poison, one from the genuine close");
        Awaitility.await().until(() -> ParkedEvents.count("order-wins") >= before + 4);
    }
}
