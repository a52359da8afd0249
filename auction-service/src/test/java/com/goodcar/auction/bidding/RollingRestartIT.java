package com.goodcar.auction.bidding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.testing.ServiceProcess;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart of two replicas during a rush of bids, as Kubernetes does it: a replica leaves
 * the endpoints, gets SIGTERM, gives its lots' leases up on the way out, and the survivor writes
 * the lot at once — with a 60-second lease, any wait for the lease to lapse would show. No client
 * sees a cut connection or a 503 storm, and every acknowledged bid is in one valid log at the end.
 */
class RollingRestartIT {

    private static final Map<String, String> LONG_LEASE = Map.of("AUCTION_LEASE", "60S");
    private static AuctionReplicas stack;
    private static final ServiceProcess[] replicas = new ServiceProcess[2];

    @BeforeAll
    static void start() {
        stack = new AuctionReplicas("rolling");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void eachReplicaInTurnStopsDuringARushAndTheOtherWritesTheLotAtOnce() {
        replicas[0] = stack.start("a", LONG_LEASE);
        replicas[1] = stack.start("b", LONG_LEASE);
        String lot = RemoteAuction.scheduleLot(replicas[0].baseUri(), "rolling-lot-" + stack.run());
        stack.depositsHeld(lot, List.of(replicas), "alice", "bob", "carol");

        var rush = new ReplicaRush(lot, stack.run(), List.of(replicas[0].baseUri(), replicas[1].baseUri()), 4);
        try {
            awaitMoreAcknowledged(rush);
            for (int i = 0; i < 2; i++) {
                // as Kubernetes does it: the pod leaves the Service's endpoints (preStop), then gets SIGTERM
                rush.leave(replicas[i].baseUri());
                replicas[i].terminate(Duration.ofSeconds(30));
                awaitMoreAcknowledged(rush);
                replicas[i] = stack.start(i == 0 ? "a2" : "b2", LONG_LEASE);
                rush.join(replicas[i].baseUri());
                awaitMoreAcknowledged(rush);
            }
        } finally {
            rush.close();
        }
        System.out.printf("rolling restart during a rush: %d acknowledged, %d refused, %d 5xx, %d cut off%n",
                rush.acknowledgedCount(), rush.refused(), rush.serverErrors().size(), rush.cutOff().size());
        assertTrue(rush.unsettled().isEmpty(), "bids without a final answer: " + rush.unsettled());
        // a bid that reaches a replica while the lot changes hands is written once the other holds it
        assertEquals(List.of(), rush.serverErrors(), "no 5xx during a rolling restart");
        assertEquals(List.of(), rush.cutOff(), "no request cut off by a stopping replica");

        var acknowledged = rush.acknowledged();
        var verification = given().get(replicas[0].baseUri() + "/auctions/" + lot + "/log/verification").then()
                .statusCode(200).extract();
        assertEquals(true, verification.path("valid"), verification.asString());
        var unaccounted = stack.database().texts("select idempotency_key from bid where lot_id = ?", lot).stream()
                .filter(key -> !acknowledged.containsKey(key))
                .map(key -> key + " " + rush.historyOf(key)).toList();
        assertTrue(unaccounted.isEmpty(), "bids in the log that no client had acknowledged: " + unaccounted);
        assertEquals(acknowledged.size(), (int) verification.path("entries"), "exactly the acknowledged bids");
        for (String receipt : acknowledged.values()) {
            var bid = new JsonPath(receipt);
            assertEquals(1, stack.database().number("select count(*) from bid where lot_id = ? and seq = ? and hash = ?",
                    lot, bid.getLong("seq"), bid.getString("logHash")), "acknowledged bid lost: " + receipt);
        }
    }

    /** Thirty more bids acknowledged; with a 60-second lease, a survivor waiting for it would not get there. */
    private static void awaitMoreAcknowledged(ReplicaRush rush) {
        int from = rush.acknowledgedCount();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rush.acknowledgedCount() >= from + 30);
    }
}
