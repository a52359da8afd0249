package com.goodcar.auction.bidding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged auction-service processes with different instance ids on one database. While the
 * owner's lease is live, a bid sent to the other is forwarded to the owner. The owner freezes
 * (SIGSTOP) with a bid on its way in; bids forwarded to it time out as 503; once its lease lapses
 * the other instance takes the lot over and goes on. When the old owner wakes up it writes nothing
 * itself: the bid it was holding is refused or forwarded to the new owner, and every bid
 * acknowledged by either is in one valid log.
 */
class TakeoverIT {

    private static final String[] BIDDERS = {"alice", "bob", "carol"};
    // a short lease, so that the takeover happens within the test
    private static final Map<String, String> SHORT_LEASE = Map.of("AUCTION_LEASE", "3S");
    private static AuctionReplicas stack;

    @BeforeAll
    static void database() {
        stack = new AuctionReplicas("takeover");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void anotherInstanceTakesOverAndTheOldOwnerWritesNothingWhenItWakes() throws Exception {
        Map<String, String> acknowledged = new HashMap<>(); // Idempotency-Key -> 201 body
        try (var first = stack.start("first", SHORT_LEASE); var second = stack.start("second", SHORT_LEASE)) {
            String lot = RemoteAuction.scheduleLot(first.baseUri(), "takeover-lot-" + stack.run());
            stack.depositsHeld(lot, List.of(first, second), BIDDERS);

            long max = 10_000;
            for (int i = 0; i < 30; i++) {
                String key = "first-" + i + "-" + stack.run();
                max += 10_000;
                Response answer = RemoteAuction.bid(first.baseUri(), lot, BIDDERS[i % BIDDERS.length], max, key);
                assertEquals(201, answer.statusCode(), answer.asString());
                acknowledged.put(key, answer.asString());
            }
            // the owner's lease is live: the other instance does not write, it forwards to the owner
            max += 10_000;
            Response forwarded = RemoteAuction.bid(second.baseUri(), lot, "alice", max, "early-" + stack.run());
            assertEquals(201, forwarded.statusCode(), forwarded.asString());
            acknowledged.put("early-" + stack.run(), forwarded.asString());

            first.pause();
            long frozenMax = max + 1_000_000;
            String frozenKey = "frozen-" + stack.run();
            // reaches the frozen owner's socket and waits there
            var frozen = CompletableFuture.supplyAsync(() -> RemoteAuction.bid(first.baseUri(), lot, "bob", frozenMax, frozenKey));

            // the lease lapses; the second instance takes the lot (epoch + 1) and goes on
            long[] next = {max};
            List<String> secondKeys = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
                String key = "second-" + secondKeys.size() + "-" + stack.run();
                Response answer = RemoteAuction.bid(second.baseUri(), lot, "carol", next[0] + 10_000, key);
                if (answer.statusCode() == 201) {
                    next[0] += 10_000;
                    secondKeys.add(key);
                    acknowledged.put(key, answer.asString());
                }
                return secondKeys.size() == 5;
            });

            first.resume();
            // the woken instance is fenced: it writes nothing itself. The bid it was holding is refused,
            // or forwarded to the new owner and accepted there (then it is in the log like any other)
            Response late = frozen.get();
            if (late.statusCode() == 201) {
                acknowledged.put(frozenKey, late.asString());
            } else {
                assertEquals(0, stack.database().number("select count(*) from bid where idempotency_key = ?", frozenKey),
                        "a refused bid was written: " + late.asString());
            }
            // and from now on it forwards what it is asked to the new owner
            Response again = RemoteAuction.bid(first.baseUri(), lot, "bob", frozenMax + 10_000, "after-wake-" + stack.run());
            assertEquals(201, again.statusCode(), again.asString());
            acknowledged.put("after-wake-" + stack.run(), again.asString());

            var verification = given().get(second.baseUri() + "/auctions/" + lot + "/log/verification").then()
                    .statusCode(200).extract();
            assertTrue(verification.<Boolean>path("valid"), verification.asString());
            assertEquals(acknowledged.size(), (int) verification.path("entries"),
                    "exactly the acknowledged bids are in the log");
            for (var entry : acknowledged.entrySet()) {
                var receipt = new JsonPath(entry.getValue());
                assertEquals(1, stack.database().number("select count(*) from bid where lot_id = ? and seq = ? and hash = ?",
                        lot, receipt.getLong("seq"), receipt.getString("logHash")),
                        "acknowledged bid lost or rewritten: " + entry.getValue());
            }
            assertEquals(acknowledged.size(), (int) given().get(second.baseUri() + "/auctions/" + lot).then()
                    .extract().path("bidCount"));
        }
    }
}
