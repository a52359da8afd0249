package com.goodcar.auction.bidding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.goodcar.contracts.deposit.DepositHeld;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.RunDatabase;
import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.StackAddresses;
import com.goodcar.kit.testing.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart of two replicas while bids arrive, as Kubernetes does it: a replica gets
 * SIGTERM, gives its lots' leases up on the way out, and the survivor writes the lot at once —
 * with a 60-second lease, any wait for the lease to lapse would show. Every acknowledged bid is in
 * one valid log at the end.
 */
class RollingRestartIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final Duration START = Duration.ofSeconds(60);
    private static RunDatabase database;
    private static final ServiceProcess[] replicas = new ServiceProcess[2];
    private final Map<String, String> acknowledged = new HashMap<>();
    private long max = 10_000;

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
    void eachReplicaInTurnStopsAndTheOtherWritesTheLotAtOnce() {
        replicas[0] = replica("a");
        replicas[1] = replica("b");
        ConsumerGroups.awaitAssigned("auction-rolling-a-" + RUN, "deposit.holds", START);
        String lot = RemoteAuction.scheduleLot(replicas[0].baseUri(), "rolling-lot-" + RUN);
        try (var deposits = EventPublisher.as("/deposit-service")) {
            for (String bidder : new String[] {"alice", "bob"}) {
                deposits.publish(new DepositHeld("hold-" + bidder + "-" + lot, lot, Tokens.subject(bidder), 10_000,
                        Instant.now()));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.of("olga"))
                .get(replicas[1].baseUri() + "/auctions/" + lot + "/holds").then().extract().<Integer>path("active") == 2);
        bidsThroughBoth(lot, 4);

        for (int i = 0; i < 2; i++) {
            // replica i stops as a pod does; the survivor's very first bid is written, no 503 first
            replicas[i].terminate(Duration.ofSeconds(30));
            bid(replicas[1 - i], lot, "stopped-" + i);
            replicas[i] = replica(i == 0 ? "a2" : "b2");
            bidsThroughBoth(lot, 4);
        }

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

    private void bidsThroughBoth(String lot, int count) {
        for (int i = 0; i < count; i++) {
            bid(replicas[i % 2], lot, "both-" + acknowledged.size());
        }
    }

    /** Alternating bidders, each above the last maximum: every bid must be accepted where it landed. */
    private void bid(ServiceProcess replica, String lot, String name) {
        max += 10_000;
        String key = "rolling-" + name + "-" + RUN;
        Response answer = RemoteAuction.bid(replica.baseUri(), lot, acknowledged.size() % 2 == 0 ? "alice" : "bob",
                max, key);
        assertEquals(201, answer.statusCode(), name + " through " + replica.baseUri() + ": " + answer.asString());
        acknowledged.put(key, answer.asString());
    }
}
