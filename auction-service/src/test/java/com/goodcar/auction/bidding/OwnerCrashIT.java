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
 * Two replicas take a rush of bids round robin; the lot's owner is SIGKILLed in the middle of it.
 * The survivor answers 503 (with Retry-After) while the dead owner's lease runs, then takes the lot
 * over and goes on. Every acknowledged bid is in one valid log, exactly those, and the clients that
 * were cut off got their bid's final answer by retrying with the same key.
 */
class OwnerCrashIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static RunDatabase database;
    private static final ServiceProcess[] replicas = new ServiceProcess[2];

    @BeforeAll
    static void start() {
        database = StackAddresses.runDatabase("auction", "auction_owner_crash_" + RUN);
        database.create();
        for (int i = 0; i < 2; i++) {
            var config = database.config();
            replicas[i] = new ServiceProcess(JAR, Map.of(
                    "AUCTION_DB_URL", config.get("quarkus.datasource.reactive.url"),
                    "AUCTION_DB_JDBC_URL", config.get("quarkus.datasource.jdbc.url"),
                    "AUCTION_INSTANCE_ID", "replica" + i + "-" + RUN,
                    "AUCTION_LEASE", LEASE.toSeconds() + "S",
                    "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_GROUP_ID", "auction-owner-crash-" + i + "-" + RUN,
                    "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_AUTO_OFFSET_RESET", "latest")).start(Duration.ofSeconds(60));
        }
        for (int i = 0; i < 2; i++) {
            ConsumerGroups.awaitAssigned("auction-owner-crash-" + i + "-" + RUN, "deposit.holds", Duration.ofSeconds(60));
        }
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

    @Test
    void theSurvivorTakesOverAfterTheLeaseAndNoAcknowledgedBidIsLost() {
        String lot = RemoteAuction.scheduleLot(replicas[0].baseUri(), "owner-crash-lot-" + RUN);
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

        Instant killedAt;
        ServiceProcess survivor;
        int beforeKill;
        var rush = new ReplicaRush(lot, RUN, List.of(replicas[0].baseUri(), replicas[1].baseUri()), 6);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> rush.acknowledgedCount() >= 100);
            int owner = database.number("select count(*) from lot where id = ? and owner_instance = ?", lot,
                    "replica0-" + RUN) == 1 ? 0 : 1;
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
                beforeKill, gap.toMillis(), rush.serverErrors().size(), rush.cutOff(), rush.refused(),
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
        assertEquals(acknowledged.size(), (int) verification.path("entries"), "exactly the acknowledged bids are in the log");
        for (String receipt : acknowledged.values()) {
            var bid = new JsonPath(receipt);
            assertEquals(1, database.number("select count(*) from bid where lot_id = ? and seq = ? and hash = ?",
                    lot, bid.getLong("seq"), bid.getString("logHash")), "acknowledged bid lost or rewritten: " + receipt);
        }
        assertEquals(acknowledged.size(), (int) given().get(survivor.baseUri() + "/auctions/" + lot).then()
                .extract().path("bidCount"));
    }
}
