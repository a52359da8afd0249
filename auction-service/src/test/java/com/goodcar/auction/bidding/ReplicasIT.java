package com.goodcar.auction.bidding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged auction-service replicas on one database, as behind a plain Kubernetes Service: a
 * bid may reach either. The one that does not write the lot forwards the bid to the one that does;
 * the deposit holds are consumed by the non-owner only, and still reach the owner's writer.
 */
class ReplicasIT {

    private static AuctionReplicas stack;
    private static ServiceProcess owner;
    private static ServiceProcess other;

    @BeforeAll
    static void start() {
        stack = new AuctionReplicas("replicas");
        // the owner-to-be hears no holds at all (its group reads a topic nobody writes): every hold
        // it learns of was consumed by the other replica
        owner = stack.start("owner", Map.of(AuctionReplicas.HOLDS_TOPIC, "auction.replicas-silent-" + stack.run()));
        other = stack.start("other", Map.of());
    }

    private static final long STARTED = System.nanoTime();

    /** A progress line: where the minutes of a slow run went. */
    private static void progress(String step) {
        System.out.printf("[ReplicasIT] %s (%d ms in)%n", step, (System.nanoTime() - STARTED) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void eitherReplicaTakesEveryBidAndAHoldHeardByTheNonOwnerReachesTheOwner() {
        String lot = RemoteAuction.scheduleLot(owner.baseUri(), "replicas-lot-" + stack.run());
        // carol has no deposit: her bid starts the owner's writer, and through the other replica she
        // gets the owner's own refusal, not "served elsewhere"
        RemoteAuction.bid(owner.baseUri(), lot, "carol", 20_000, "replicas-carol-1-" + stack.run()).then().statusCode(403);
        RemoteAuction.bid(other.baseUri(), lot, "carol", 20_000, "replicas-carol-2-" + stack.run()).then().statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("/no-deposit"));

        stack.depositsHeld(lot, List.of(other), "alice", "bob");

        // a watcher of the non-owner sees the owner's commits
        progress("holds heard by the non-owner");
        var watcher = LiveLines.open(other.baseUri() + "/auctions/" + lot + "/stream");

        // round robin, each bid above the last: every one is accepted, whichever replica it reached
        ServiceProcess[] replicas = {other, owner};
        String[] bidders = {"alice", "bob"};
        Response last = null;
        progress("watching through the non-owner");
        for (int i = 0; i < 10; i++) {
            last = RemoteAuction.bid(replicas[i % 2].baseUri(), lot, bidders[(i / 2) % 2], 30_000 + 10_000L * i,
                    "replicas-" + i + "-" + stack.run());
            last.then().statusCode(201);
            assertNotNull(last.path("logHash"), "a receipt for bid " + i);
        }
        // the same key through the other replica: the same answer, not a second bid
        progress("ten bids round robin accepted");
        Response again = RemoteAuction.bid(replicas[1].baseUri(), lot, bidders[(9 / 2) % 2], 30_000 + 10_000L * 9,
                "replicas-9-" + stack.run());
        assertEquals(last.path("logHash"), again.<String>path("logHash"));
        assertEquals(last.<Integer>path("seq"), again.<Integer>path("seq"));

        given().get(other.baseUri() + "/auctions/" + lot).then().statusCode(200)
                .body("bidCount", org.hamcrest.Matchers.is(10));
        int lastSeq = last.path("seq");
        progress("the retry answered the same");
        String frame = watcher.await(line -> line.contains("\"lastSeq\":" + lastSeq + ","), Duration.ofSeconds(10));
        watcher.close();
        // the non-owner's frame is dated when the owner decided the bid, not when it was read: what a
        // watcher's staleness is measured against
        String decided = given().get(other.baseUri() + "/auctions/" + lot + "/bids").then().statusCode(200)
                .extract().path("items[0].at");
        assertEquals(Instant.parse(decided), Instant.parse(new JsonPath(frame.substring(frame.indexOf('{'))).getString("asOf")));
        given().get(other.baseUri() + "/auctions/" + lot + "/log/verification").then().statusCode(200)
                .body("valid", org.hamcrest.Matchers.is(true));

        progress("the watcher saw the last bid");
        // the operator's cancel through the non-owner is done by the owner, and answered as the owner
        // does; a retry of it is answered the same
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(Tokens.of("olga")).post(other.baseUri() + "/auctions/" + lot + "/cancel").then()
                    .statusCode(200).body("status", org.hamcrest.Matchers.is("CANCELLED"));
        }
        assertEquals(1, stack.database().number("select count(*) from lot where id = ? and status = 'CANCELLED' "
                + "and owner_instance = ?", lot, stack.instance("owner")), "cancelled by the lot's owner");
    }
}
