package com.goodcar.deposit.settlement;

import static com.goodcar.deposit.Buyers.AUCTION;
import static com.goodcar.deposit.Buyers.awaitConsumers;
import static com.goodcar.deposit.Buyers.holdFor;
import static com.goodcar.deposit.Buyers.scheduledLot;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.goodcar.contracts.auction.AuctionScheduled;
import com.goodcar.contracts.order.OrderPaid;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.ParkedEvents;
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
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * On each topic deposit-service consumes, a message that can never be processed (garbage bytes, an
 * unknown type, a lot with a zero deposit, an effect the database refuses) is parked on the topic's
 * dead-letter queue, counted, and the consumer goes on with the next event.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "deposit"))
@WithTestResource(PspSandbox.class)
class PoisonEventsTest {

    private static final EventPublisher ORDERS = EventPublisher.as("/order-service");

    @Test
    void poisonOnAuctionLotsIsParkedAndTheNextLotIsLearned() {
        awaitConsumers();
        String run = UUID.randomUUID().toString();
        double before = ParkedEvents.count("deposit-lots");
        try (var dlq = TopicProbe.from("auction.lots.dlq")) {
            AUCTION.publishRaw("auction.lots", "garbage-" + run, ParkedEvents.GARBAGE);
            AUCTION.publishEnvelope("auction.lots", "unknown-" + run, "auction.teleported.v1", "{}");
            // a lot auction-service would never schedule now, as an older or foreign producer might
            AUCTION.publishEnvelope("auction.lots", "zero-" + run, "auction.scheduled.v1", """
                    {"lotId":"zero-%s","editionCode":"E","title":"t","startPriceFen":100,"depositFen":0,
                     "opensAt":"2026-11-11T00:00:00Z","endsAt":"2026-11-11T04:00:00Z"}""".formatted(run));
            String refused = "lot-nul-" + run;
            AUCTION.publish(new AuctionScheduled(refused, "E", "title\u0000with NUL", 100, 10_000, Instant.now(),
                    Instant.now().plus(Duration.ofHours(1))));
            for (String key : new String[] {"garbage-" + run, "unknown-" + run, "zero-" + run, refused}) {
                ParkedEvents.awaitParked(dlq, key, "auction.lots");
            }
        }
        assertEquals(0, TestDatabase.number("select count(*) from lot where id like ?", "%" + run));
        // the consumer goes on: a genuine lot after the poison takes deposits
        String lot = scheduledLot();
        holdFor("alice", lot);
        Awaitility.await().until(() -> ParkedEvents.count("deposit-lots") >= before + 4);
    }

    @Test
    void poisonOnOrderOrdersIsParkedAndTheConsumerGoesOn() {
        awaitConsumers();
        String run = UUID.randomUUID().toString();
        double before = ParkedEvents.count("deposit-orders");
        try (var dlq = TopicProbe.from("order.orders.dlq")) {
            ORDERS.publishRaw("order.orders", "garbage-" + run, ParkedEvents.GARBAGE);
            ORDERS.publishEnvelope("order.orders", "unknown-" + run, "order.teleported.v1", "{}");
            String refused = "order-nul-" + run;
            ORDERS.publish(new OrderPaid(refused, "lot\u0000" + run, Tokens.subject("alice"), 1, Instant.now()));
            for (String key : new String[] {"garbage-" + run, "unknown-" + run, refused}) {
                ParkedEvents.awaitParked(dlq, key, "order.orders");
            }
        }
        Awaitility.await().until(() -> ParkedEvents.count("deposit-orders") >= before + 3);
        // the same consumer still applies an order event after the poison
        String lot = scheduledLot();
        String deposit = holdFor("bob", lot);
        com.goodcar.deposit.Buyers.close(lot, "SOLD", "bob");
        com.goodcar.deposit.Buyers.awaitState("bob", deposit, "WON");
        ORDERS.publish(new OrderPaid("order-" + run, lot, Tokens.subject("bob"), 7_819_339_900L - 10_000, Instant.now()));
        com.goodcar.deposit.Buyers.awaitState("bob", deposit, "APPLIED");
    }
}
