package com.goodcar.auction.bidding;

import static com.goodcar.auction.Auctions.activeHolds;
import static com.goodcar.auction.Auctions.bid;
import static com.goodcar.auction.Auctions.holdFor;
import static com.goodcar.auction.Auctions.openLot;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.deposit.DepositHeld;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * No bidder with an active hold is ever refused for "no deposit": holds published while the lot's
 * writer is starting and while its queue is full (a tiny queue, a writer committing two bids a
 * batch, a bidder flooding it) all reach the writer; afterwards each holder's bid is accepted or
 * refused for a price reason, never 403.
 */
@QuarkusTest
@TestProfile(HoldDeliveryTest.BusyWriter.class)
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "auction"))
class HoldDeliveryTest {

    private static final EventPublisher DEPOSITS = EventPublisher.as("/deposit-service");
    private static final String[] LATE_HOLDERS = {"bob", "carol"};

    public static class BusyWriter implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("auction.writer.queue-capacity", "8", "auction.writer.max-batch", "2");
        }
    }

    @Test
    void holdsPublishedWhileTheWriterIsStartingAndItsQueueIsFullAllCount() throws Exception {
        ConsumerGroups.awaitChannelAssigned("deposit-holds");
        int lots = 4;
        var refusedForNoDeposit = new ArrayList<String>();
        var sawFullQueue = new AtomicBoolean();
        for (int n = 0; n < lots; n++) {
            // a lot nobody has bid on: its writer starts with the flood, while the late holds arrive
            String lot = openLot(Duration.ofMinutes(30), Map.of("softCloseSeconds", 0));
            holdFor(lot, "alice");
            var flooding = new AtomicBoolean(true);
            var nextMax = new AtomicInteger(1_000);
            ExecutorService pool = Executors.newFixedThreadPool(24);
            try {
                var flood = new ArrayList<CompletableFuture<Void>>();
                for (int t = 0; t < 24; t++) {
                    flood.add(CompletableFuture.runAsync(() -> {
                        while (flooding.get()) {
                            // alice raises her own maximum every time: each bid must reach the writer
                            int status = bid("alice", lot, nextMax.addAndGet(100)).statusCode();
                            if (status == 503) {
                                sawFullQueue.set(true);
                            }
                        }
                    }, pool));
                }
                for (String user : LATE_HOLDERS) {
                    DEPOSITS.publish(new DepositHeld("hold-" + UUID.randomUUID(), lot, Tokens.subject(user), 10_000,
                            Instant.now()));
                }
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> activeHolds(lot) >= 1 + LATE_HOLDERS.length);
                // the flood goes on a moment past the holds' commit, so their delivery met the busy writer
                int seen = nextMax.get();
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> nextMax.get() > seen + 2_000);
                for (String user : LATE_HOLDERS) {
                    int status = bid(user, lot, nextMax.get() + 1_000_000).statusCode();
                    if (status == 403) {
                        refusedForNoDeposit.add(user + " on " + lot);
                    }
                }
                flooding.set(false);
                CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new)).join();
            } finally {
                pool.shutdownNow();
            }
        }
        assertTrue(refusedForNoDeposit.isEmpty(), "holders refused for no deposit: " + refusedForNoDeposit);
        assertTrue(sawFullQueue.get(), "the writer's queue was never full: the test did not test that case");
    }
}
