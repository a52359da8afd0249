package com.goodcar.auction.stream;

import static com.goodcar.auction.Auctions.bid;
import static com.goodcar.auction.Auctions.holdFor;
import static com.goodcar.auction.Auctions.openLot;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "auction"))
class LiveStreamTest {

    @Inject
    LotStream stream;

    @Test
    void watchingALotTakesNoWriteLease() throws Exception {
        String lot = openLot();
        var uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/auctions/" + lot + "/stream");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (var events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String first = nextData(events);
            assertTrue(first.contains("\"bidCount\":0"), first);
            assertEquals("", TestDatabase.text("select coalesce(owner_instance, '') from lot where id = ?", lot),
                    "a read claimed the lot");
            assertEquals(0, TestDatabase.number("select owner_epoch from lot where id = ?", lot));
        }
    }

    @Test
    void aWatcherSeesTheStateAtOnceAndThenEachNewPrice() throws Exception {
        String lot = openLot();
        holdFor(lot, "alice");
        var uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/auctions/" + lot + "/stream");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (var events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String first = nextData(events);
            assertTrue(first.contains("\"priceFen\":100") && first.contains("\"bidCount\":0"), first);

            bid("alice", lot, 70_000).then().statusCode(201);
            // a conflated stream may repeat a state; the new one must follow promptly
            String next = nextData(events);
            while (!next.contains("\"bidCount\":1")) {
                assertTrue(next.contains("\"bidCount\":0"), "states only move forward: " + next);
                next = nextData(events);
            }
            assertTrue(next.contains("\"leaderCode\":\""), next);
            assertTrue(!next.contains("70000"), "a watcher never sees a maximum: " + next);
        }
    }

    @Test
    void aWatcherReconnectingWithLastEventIdGetsTheBidsItMissedThenTheState() throws Exception {
        String lot = openLot();
        holdFor(lot, "alice");
        holdFor(lot, "bob");
        bid("alice", lot, 20_000).then().statusCode(201);
        bid("bob", lot, 30_000).then().statusCode(201);
        bid("alice", lot, 50_000).then().statusCode(201);
        var uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/auctions/" + lot + "/stream");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Last-Event-ID", "1").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (var events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            var missed = new io.restassured.path.json.JsonPath(nextData(events));
            assertEquals(java.util.List.of(2, 3), missed.getList("seq"), "the bids after seq 1, oldest first");
            var prices = missed.<Long>getList("priceFen", Long.class);
            assertTrue(prices.get(0) < prices.get(1), "prices in order: " + prices);
            String state = nextData(events);
            assertTrue(state.contains("\"lastSeq\":3,"), state);
            assertTrue(state.contains("\"priceFen\":" + prices.get(1) + ","), "the state goes on from the last missed price: " + state);
            assertTrue(!missed.prettify().contains("50000"), "a watcher never sees a maximum");
        }
        // nothing missed, or an id that is no bid sequence: the state alone
        var fresh = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Last-Event-ID", "not-a-seq").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (var events = new BufferedReader(new InputStreamReader(fresh.body(), StandardCharsets.UTF_8))) {
            assertTrue(nextData(events).contains("\"lastSeq\":3,"));
        }
    }

    @Test
    void aWatcherThatHangsUpIsLetGo() throws Exception {
        String lot = openLot();
        try (var socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /auctions/" + lot + "/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertTrue(in.readLine().startsWith("HTTP/1.1 200"));
            nextData(in);
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.watching(lot) == 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stream.watching(lot) == 0);
    }

    @Test
    void anUnknownLotIsAProblemNotAStream() {
        given().accept("text/event-stream").get("/auctions/no-such-lot/stream")
                .then().statusCode(404).contentType("application/problem+json").body("status", is(404));
    }

    @Test
    void theStreamIsInTheApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/auctions/{id}/stream'.get.responses.'200'.content", hasKey("text/event-stream"));
    }

    private static String nextData(BufferedReader events) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = events.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        return line.substring(5).strip();
                    }
                }
                return "";
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(Duration.ofSeconds(20).toSeconds(), TimeUnit.SECONDS);
    }
}
