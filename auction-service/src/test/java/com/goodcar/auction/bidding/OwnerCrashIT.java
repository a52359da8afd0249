package com.goodcar.auction.bidding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.testing.ServiceProcess;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas take a rush of bids round robin; the lot's owner is SIGKILLed in the middle of it.
 * The survivor answers 503 (with Retry-After) while the dead owner's lease runs, then takes the lot
 * over and goes on. Every acknowledged bid is in one valid log, exactly those, and the clients that
 * were cut off got their bid's final answer by retrying with the same key.
 */
class OwnerCrashIT {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static AuctionReplicas stack;
    private static final ServiceProcess[] replicas = new ServiceProcess[2];

    @BeforeAll
    static void start() {
        stack = new AuctionReplicas("owner-crash");
        for (int i = 0; i < 2; i++) {
            replicas[i] = stack.start("replica" + i, Map.of("AUCTION_LEASE", LEASE.toSeconds() + "S"));
        }
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void theSurvivorTakesOverAfterTheLeaseAndNoAcknowledgedBidIsLost() {
        String lot = RemoteAuction.scheduleLot(replicas[0].baseUri(), "owner-crash-lot-" + stack.run());
        stack.depositsHeld(lot, List.of(replicas), "alice", "bob", "carol");

        Instant killedAt;
        ServiceProcess survivor;
        int beforeKill;
        var rush = new ReplicaRush(lot, stack.run(), List.of(replicas[0].baseUri(), replicas[1].baseUri()), 6);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> rush.acknowledgedCount() >= 100);
            int owner = stack.database().number("select count(*) from lot where id = ? and owner_instance = ?", lot,
                    stack.instance("replica0")) == 1 ? 0 : 1;
            survivor = replicas[1 - owner];
            replicas[owner].kill();
            killedAt = Instant.now();
            beforeKill = rush.acknowledgedCount();
            // the dead pod fails its probes and leaves the Service; until then its clients are cut off and retry
            rush.leave(replicas[owner].baseUri());
            Awaitility.await().atMost(LEASE.plusSeconds(30)).until(() -> rush.acknowledgedCount() >= beforeKill + 100);
        } finally {
            rush.close();
        }

        Duration gap = Duration.between(killedAt, rush.firstAcknowledgedAfter(killedAt));
        System.out.printf("owner SIGKILLed after %d acknowledged bids; the survivor acknowledged again %d ms later; "
                        + "%d 503s meanwhile, %d requests cut off, %d refused, %d acknowledged in all%n",
                beforeKill, gap.toMillis(), rush.serverErrors().size(), rush.cutOff().size(), rush.refused(),
                rush.acknowledgedCount());
        assertTrue(rush.unsettled().isEmpty(), "bids without a final answer: " + rush.unsettled());
        for (var error : rush.serverErrors()) {
            assertEquals(503, error.status(), "only 'try again' while the lease runs: " + error);
            assertTrue(error.retryAfter() != null && error.body().contains("\"type\""), "a problem with Retry-After: " + error);
            assertTrue(!error.at().isBefore(killedAt.minusSeconds(1)), "a 5xx before the owner died: " + error);
        }
        assertTrue(gap.compareTo(LEASE.plusSeconds(10)) < 0, "takeover took " + gap);

        var acknowledged = rush.acknowledged();
        var verification = given().get(survivor.baseUri() + "/auctions/" + lot + "/log/verification").then()
                .statusCode(200).extract();
        assertEquals(true, verification.path("valid"), verification.asString());
        var unaccounted = stack.database().texts("select idempotency_key from bid where lot_id = ?", lot).stream()
                .filter(key -> !acknowledged.containsKey(key))
                .map(key -> key + " " + rush.historyOf(key)).toList();
        assertTrue(unaccounted.isEmpty(), "bids in the log that no client had acknowledged: " + unaccounted);
        assertEquals(acknowledged.size(), (int) verification.path("entries"), "exactly the acknowledged bids are in the log");
        for (String receipt : acknowledged.values()) {
            var bid = new JsonPath(receipt);
            assertEquals(1, stack.database().number("select count(*) from bid where lot_id = ? and seq = ? and hash = ?",
                    lot, bid.getLong("seq"), bid.getString("logHash")), "acknowledged bid lost or rewritten: " + receipt);
        }
        assertEquals(acknowledged.size(), (int) given().get(survivor.baseUri() + "/auctions/" + lot).then()
                .extract().path("bidCount"));
    }
}
