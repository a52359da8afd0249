package com.goodcar.auction.deposit;

import static com.goodcar.auction.Auctions.activeHolds;
import static com.goodcar.auction.Auctions.holdFor;
import static com.goodcar.auction.Auctions.openLot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.deposit.DepositHeld;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.ParkedEvents;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A message on deposit.holds that can never be processed is parked on deposit.holds.dlq, counted,
 * and the consumer goes on: the next hold still makes its buyer eligible.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "auction"))
class PoisonHoldEventsTest {

    private static final EventPublisher DEPOSITS = EventPublisher.as("/deposit-service");

    @Test
    void garbageAnUnknownTypeAndARefusedEffectAreParkedAndTheNextHoldCounts() {
        String lot = openLot();
        ConsumerGroups.awaitChannelAssigned("deposit-holds");
        double parkedBefore = ParkedEvents.count("auction-holds");
        String run = UUID.randomUUID().toString();
        try (var dlq = TopicProbe.from("deposit.holds.dlq")) {
            DEPOSITS.publishRaw("deposit.holds", "garbage-" + run, ParkedEvents.GARBAGE);
            DEPOSITS.publishEnvelope("deposit.holds", "unknown-" + run, "deposit.teleported.v1", "{\"lotId\":\"" + lot + "\"}");
            // a valid event whose effect the database refuses (a NUL character in a text column)
            String refusedHold = "hold-refused-" + run;
            DEPOSITS.publish(new DepositHeld(refusedHold, lot, "user\u0000" + run, 10_000, Instant.now()));

            ParkedEvents.awaitParked(dlq, "garbage-" + run, "deposit.holds");
            ParkedEvents.awaitParked(dlq, "unknown-" + run, "deposit.holds");
            var refused = ParkedEvents.awaitParked(dlq, refusedHold, "deposit.holds");
            assertTrue(ParkedEvents.header(refused, "dead-letter-reason").contains("cannot be applied"),
                    ParkedEvents.header(refused, "dead-letter-reason"));
        }
        // the consumer did not stop: a genuine hold after the poison is applied
        holdFor(lot, "alice");
        assertEquals(1, activeHolds(lot));
        Awaitility.await().until(() -> ParkedEvents.count("auction-holds") >= parkedBefore + 3);
    }
}
