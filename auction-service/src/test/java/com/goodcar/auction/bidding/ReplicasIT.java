package com.goodcar.auction.bidding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.goodcar.contracts.deposit.DepositHeld;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.RunDatabase;
import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.StackAddresses;
import com.goodcar.kit.testing.Tokens;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged auction-service replicas on one database, as behind a plain Kubernetes Service: a
 * bid may reach either. The one that does not write the lot forwards the bid to the one that does;
 * the deposit holds are consumed by the non-owner only, and still reach the owner's writer.
 */
class ReplicasIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static RunDatabase database;
    private static ServiceProcess owner;
    private static ServiceProcess other;

    @BeforeAll
    static void start() {
        database = StackAddresses.runDatabase("auction", "auction_replicas_" + RUN);
        database.create();
        // the owner-to-be hears no holds at all (its group reads a topic nobody writes): every hold
        // it learns of was consumed by the other replica
        owner = new ServiceProcess(JAR, instance("owner", "auction.replicas-silent-" + RUN)).start(Duration.ofSeconds(60));
        other = new ServiceProcess(JAR, instance("other", "deposit.holds")).start(Duration.ofSeconds(60));
        ConsumerGroups.awaitAssigned("auction-replicas-other-" + RUN, "deposit.holds", Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess process : new ServiceProcess[] {owner, other}) {
            if (process != null) {
                process.close();
            }
        }
        database.drop();
    }

    private static Map<String, String> instance(String id, String holdsTopic) {
        var config = database.config();
        return Map.of(
                "AUCTION_DB_URL", config.get("quarkus.datasource.reactive.url"),
                "AUCTION_DB_JDBC_URL", config.get("quarkus.datasource.jdbc.url"),
                "AUCTION_INSTANCE_ID", id + "-" + RUN,
                "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_TOPIC", holdsTopic,
                "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_GROUP_ID", "auction-replicas-" + id + "-" + RUN,
                "MP_MESSAGING_INCOMING_DEPOSIT_HOLDS_AUTO_OFFSET_RESET", "latest");
    }

    @Test
    void eitherReplicaTakesEveryBidAndAHoldHeardByTheNonOwnerReachesTheOwner() {
        String lot = RemoteAuction.scheduleLot(owner.baseUri(), "replicas-lot-" + RUN);
        // carol has no deposit: her bid starts the owner's writer, and through the other replica she
        // gets the owner's own refusal, not "served elsewhere"
        RemoteAuction.bid(owner.baseUri(), lot, "carol", 20_000, "replicas-carol-1-" + RUN).then().statusCode(403);
        RemoteAuction.bid(other.baseUri(), lot, "carol", 20_000, "replicas-carol-2-" + RUN).then().statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("/no-deposit"));

        try (var deposits = EventPublisher.as("/deposit-service")) {
            for (String bidder : new String[] {"alice", "bob"}) {
                deposits.publish(new DepositHeld("hold-" + bidder + "-" + lot, lot, Tokens.subject(bidder), 10_000,
                        Instant.now()));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.of("olga"))
                .get(other.baseUri() + "/auctions/" + lot + "/holds").then().extract().<Integer>path("active") == 2);

        // a watcher of the non-owner sees the owner's commits
        var watcher = LiveLines.open(other.baseUri() + "/auctions/" + lot + "/stream");

        // round robin, each bid above the last: every one is accepted, whichever replica it reached
        ServiceProcess[] replicas = {other, owner};
        String[] bidders = {"alice", "bob"};
        Response last = null;
        for (int i = 0; i < 10; i++) {
            last = RemoteAuction.bid(replicas[i % 2].baseUri(), lot, bidders[(i / 2) % 2], 30_000 + 10_000L * i,
                    "replicas-" + i + "-" + RUN);
            last.then().statusCode(201);
            assertNotNull(last.path("logHash"), "a receipt for bid " + i);
        }
        // the same key through the other replica: the same answer, not a second bid
        Response again = RemoteAuction.bid(replicas[1].baseUri(), lot, bidders[(9 / 2) % 2], 30_000 + 10_000L * 9,
                "replicas-9-" + RUN);
        assertEquals(last.path("logHash"), again.<String>path("logHash"));
        assertEquals(last.<Integer>path("seq"), again.<Integer>path("seq"));

        given().get(other.baseUri() + "/auctions/" + lot).then().statusCode(200)
                .body("bidCount", org.hamcrest.Matchers.is(10));
        int lastSeq = last.path("seq");
        watcher.await(line -> line.contains("\"lastSeq\":" + lastSeq + ","), Duration.ofSeconds(10));
        watcher.close();
        given().get(other.baseUri() + "/auctions/" + lot + "/log/verification").then().statusCode(200)
                .body("valid", org.hamcrest.Matchers.is(true));
    }
}
