package com.goodcar.auction.bidding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.deposit.DepositHeld;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.RunDatabase;
import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.StackAddresses;
import com.goodcar.kit.testing.Tokens;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final Duration START = Duration.ofSeconds(60);
    private static RunDatabase database;
    private static final ServiceProcess[] replicas = new ServiceProcess[2];

    @BeforeAll
    static void database() {
        database = StackAddresses.runDatabase("auction", "auction_rolling_" + RUN);
        database.create();
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess replica : replicas) {
            if (replica != null) {
                replica.close();
            }
        }
        database.drop();
    }

    private static ServiceProcess replica(String id) {
        var config = database.config();
        return new ServiceProcess(JAR, Map.of(
                "AUCTION_DB_URL", config.get("quarkus.datasource.reactive.url"),
                "AUCTION_DB_JDBC_URL", config.get("quarkus.datasource.jdbc.url"),
                "AUCTION_INSTANCE_ID", id + "-" + RUN,
                "AUCTION_LEASE", "60S",
                "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_GROUP_ID", "auction-rolling-" + id + "-" + RUN,
                "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_AUTO_OFFSET_RESET", "latest")).start(START);
    }

    @Test
    void eachReplicaInTurnStopsDuringARushAndTheOtherWritesTheLotAtOnce() {
        replicas[0] = replica("a");
        replicas[1] = replica("b");
        ConsumerGroups.awaitAssigned("auction-rolling-a-" + RUN, "deposit.holds", START);
        ConsumerGroups.awaitAssigned("auction-rolling-b-" + RUN, "deposit.holds", START);
        String lot = RemoteAuction.scheduleLot(replicas[0].baseUri(), "rolling-lot-" + RUN);
        try (var deposits = EventPublisher.as("/deposit-service")) {
            for (String bidder : new String[] {"alice", "bob", "carol"}) {
                deposits.publish(new DepositHeld("hold-" + bidder + "-" + lot, lot, Tokens.subject(bidder), 10_000,
                        Instant.now()));
            }
        }
        for (ServiceProcess replica : replicas) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.of("olga"))
                    .get(replica.baseUri() + "/auctions/" + lot + "/holds").then().extract().<Integer>path("active") == 3);
        }

        var rush = new ReplicaRush(lot, RUN, List.of(replicas[0].baseUri(), replicas[1].baseUri()), 4);
        try {
            awaitMoreAcknowledged(rush);
            for (int i = 0; i < 2; i++) {
                // as Kubernetes does it: the pod leaves the Service's endpoints (preStop), then gets SIGTERM
                rush.leave(replicas[i].baseUri());
                replicas[i].terminate(Duration.ofSeconds(30));
                awaitMoreAcknowledged(rush);
                replicas[i] = replica(i == 0 ? "a2" : "b2");
                rush.join(replicas[i].baseUri());
                awaitMoreAcknowledged(rush);
            }
        } finally {
            rush.close();
        }
        System.out.printf("rolling restart during a rush: %d acknowledged, %d refused, %d 5xx, %d cut off%n",
                rush.acknowledgedCount(), rush.refused(), rush.serverErrors().size(), rush.cutOff());
        assertTrue(rush.unsettled().isEmpty(), "bids without a final answer: " + rush.unsettled());
        // still open (issue 15): a bid forwarded to the owner in the instant its HTTP server closes is
        // answered 503 try-again; the client's retry settles it. Anything else, or a storm, fails.
        for (var error : rush.serverErrors()) {
            assertEquals(503, error.status(), error.toString());
            assertTrue(error.retryAfter() != null && error.body().contains("/try-again"), error.toString());
        }
        assertTrue(rush.serverErrors().size() <= 10, "a 503 storm during a rolling restart: " + rush.serverErrors());
        assertEquals(0, rush.cutOff(), "no request cut off by a stopping replica");

        var acknowledged = rush.acknowledged();
        var verification = given().get(replicas[0].baseUri() + "/auctions/" + lot + "/log/verification").then()
                .statusCode(200).extract();
        assertEquals(true, verification.path("valid"), verification.asString());
        assertEquals(acknowledged.size(), (int) verification.path("entries"), "exactly the acknowledged bids");
        for (String receipt : acknowledged.values()) {
            var bid = new JsonPath(receipt);
            assertEquals(1, database.number("select count(*) from bid where lot_id = ? and seq = ? and hash = ?",
                    lot, bid.getLong("seq"), bid.getString("logHash")), "acknowledged bid lost: " + receipt);
        }
    }

    /** Thirty more bids acknowledged; with a 60-second lease, a survivor waiting for it would not get there. */
    private static void awaitMoreAcknowledged(ReplicaRush rush) {
        int from = rush.acknowledgedCount();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rush.acknowledgedCount() >= from + 30);
    }
}
