package com.goodcar.auction.bidding;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged auction-service is killed with SIGKILL while bids flow, then started again. Every bid
 * acknowledged before the kill must be in the log, the price must be that of the last logged bid,
 * and a client retrying with its Idempotency-Key must get the original answer.
 */
class CrashIT {

    private static final String[] BIDDERS = {"alice", "bob", "carol"};
    private static AuctionReplicas stack;

    /** What the service answered with 201, by bidder and key: the acknowledged bids. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** Requests that got no answer (the kill cut them off): their outcome is unknown to the client. */
    private final ConcurrentLinkedQueue<String[]> unanswered = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void database() {
        stack = new AuctionReplicas("crash");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void everyAcknowledgedBidSurvivesASigkill() throws Exception {
        String lot;
        var service = stack.start("crash-test", Map.of());
        try {
            lot = RemoteAuction.scheduleLot(service.baseUri(), "crash-lot-" + System.nanoTime());
            stack.depositsHeld(lot, List.of(service), BIDDERS);
            var running = new AtomicBoolean(true);
            var nextMax = new AtomicLong(1_000);
            ExecutorService clients = Executors.newFixedThreadPool(6);
            for (int c = 0; c < 6; c++) {
                String bidder = BIDDERS[c % BIDDERS.length];
                clients.submit(() -> {
                    while (running.get()) {
                        String key = bidder + "-" + nextMax.get() + "-" + Thread.currentThread().threadId();
                        long max = nextMax.addAndGet(1_000);
                        try {
                            Response answer = RemoteAuction.bid(service.baseUri(), lot, bidder, max, key);
                            if (answer.statusCode() == 201) {
                                acknowledged.put(bidder + "/" + key, answer.asString());
                            }
                        } catch (Exception cutOff) { // RestAssured throws ConnectException and the like unwrapped
                            unanswered.add(new String[] {bidder, key, Long.toString(max)});
                        }
                    }
                });
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 100);
            service.kill();
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            service.close();
        }

        int acked = acknowledged.size();
        try (var restarted = stack.start("crash-test", Map.of())) {
            String base = restarted.baseUri();
            // every acknowledged bid is in the log, and a retry gets its original answer
            for (var entry : acknowledged.entrySet()) {
                String[] bidderAndKey = entry.getKey().split("/", 2);
                long max = new io.restassured.path.json.JsonPath(entry.getValue()).getLong("maxFen");
                Response retry = RemoteAuction.bid(base, lot, bidderAndKey[0], max, bidderAndKey[1]);
                assertEquals(201, retry.statusCode(), "acknowledged bid lost: " + entry.getValue());
                assertEquals(entry.getValue(), retry.asString(), "a retry must get the original answer");
            }
            // a bid whose answer was cut off: its retry is answered once and for all
            for (String[] lost : unanswered) {
                Response first = RemoteAuction.bid(base, lot, lost[0], Long.parseLong(lost[2]), lost[1]);
                Response again = RemoteAuction.bid(base, lot, lost[0], Long.parseLong(lost[2]), lost[1]);
                assertEquals(first.statusCode(), again.statusCode());
                assertEquals(first.asString(), again.asString());
            }

            var verification = given().get(base + "/auctions/" + lot + "/log/verification").then().statusCode(200)
                    .extract();
            assertTrue(verification.<Boolean>path("valid"), verification.asString());
            int entries = verification.path("entries");
            assertTrue(entries >= acked, entries + " log entries for " + acked + " acknowledged bids");

            var log = given().queryParam("fromSeq", entries).get(base + "/auctions/" + lot + "/log").then()
                    .extract();
            long lastLoggedPrice = ((Number) log.path("entries[0].priceFen")).longValue();
            var view = given().get(base + "/auctions/" + lot).then().extract();
            assertEquals(lastLoggedPrice, ((Number) view.path("priceFen")).longValue(),
                    "the lot's price is that of its last logged bid");
            assertEquals(entries, ((Number) view.path("bidCount")).intValue());
        }
    }
}
