package com.goodcar.auction.bidding;

import static com.goodcar.auction.Auctions.as;
import static com.goodcar.auction.Auctions.bid;
import static com.goodcar.auction.Auctions.holdFor;
import static com.goodcar.auction.Auctions.openLot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.goodcar.contracts.EventCodec;
import com.goodcar.contracts.Topics;
import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.auction.TestClock;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.Tokens;
import com.goodcar.kit.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "auction"))
class ClosingTest {

    private final EventCodec codec = new EventCodec();

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    /** Moves the service's clock just past the lot's end: the test decides when the end comes, not the load. */
    private static void endOf(String lot) {
        TestClock.advanceTo(Instant.parse(given().get("/auctions/" + lot).then().statusCode(200).extract()
                .<String>path("endsAt")).plusMillis(500));
    }

    @Test
    void aLotClosesAtItsTrueEndSoldToTheHighestMaximumAndTheLogReplays() {
        // an end far enough that the holds and bids are in whatever the machine's load
        String lot = openLot(Duration.ofSeconds(90), Map.of("softCloseSeconds", 0));
        holdFor(lot, "alice", "bob");
        try (var probe = TopicProbe.from(Topics.AUCTION_LOTS)) {
            bid("alice", lot, 80_000).then().statusCode(201);
            bid("bob", lot, 60_000).then().statusCode(201);
            given().get("/auctions/" + lot).then().body("status", is("OPEN"));
            endOf(lot);

            var closed = probe.await(r -> lot.equals(r.key()) && r.value().contains("auction.closed.v1"),
                    Duration.ofSeconds(30)).orElseThrow();
            var event = (AuctionClosed) codec.read(closed.value()).data();
            assertEquals("SOLD", event.result());
            assertEquals(Tokens.subject("alice"), event.winnerUserId());
            assertEquals(61_000L, event.hammerPriceFen());
            assertEquals(2, event.bidCount());
            assertNull(event.runnerUpUserId(), "no second chance on this lot: every loser's hold is released");
        }
        given().get("/auctions/" + lot).then().body("status", is("SOLD")).body("priceFen", is(61_000));
        bid("bob", lot, 90_000).then().statusCode(410);

        given().get("/auctions/" + lot + "/log").then()
                .body("salt", notNullValue())
                .body("entries.maxFen", everyItem(notNullValue()));
        given().get("/auctions/" + lot + "/log/verification").then()
                .body("valid", is(true)).body("replayed", is(true)).body("finalPriceFen", is(61_000));
    }

    @Test
    void aSecondChanceLotNamesItsRunnerUpWithTheirOwnHighestMaximum() {
        String lot = openLot(Duration.ofSeconds(90), Map.of("softCloseSeconds", 0, "secondChance", true));
        given().get("/auctions/" + lot).then().body("secondChance", is(true)); // the rule, before anyone bids
        holdFor(lot, "alice", "bob", "carol");
        try (var probe = TopicProbe.from(Topics.AUCTION_LOTS)) {
            bid("carol", lot, 50_000).then().statusCode(201);
            bid("bob", lot, 60_000).then().statusCode(201);
            bid("carol", lot, 70_000).then().statusCode(201); // carol raises her maximum: she is second now
            bid("alice", lot, 90_000).then().statusCode(201);
            endOf(lot);

            var closed = probe.await(r -> lot.equals(r.key()) && r.value().contains("auction.closed.v1"),
                    Duration.ofSeconds(30)).orElseThrow();
            var event = (AuctionClosed) codec.read(closed.value()).data();
            assertEquals(Tokens.subject("alice"), event.winnerUserId());
            assertEquals(Tokens.subject("carol"), event.runnerUpUserId());
            assertEquals(70_000L, event.runnerUpMaxFen(), "what the runner-up said they would pay, not the hammer price");
        }
    }

    @Test
    void aRunnerUpBelowTheReserveIsNeverOfferedTheCar() {
        String lot = openLot(Duration.ofSeconds(90), Map.of("softCloseSeconds", 0, "secondChance", true,
                "reservePriceFen", 65_000));
        holdFor(lot, "alice", "carol");
        try (var probe = TopicProbe.from(Topics.AUCTION_LOTS)) {
            bid("carol", lot, 50_000).then().statusCode(201);
            bid("alice", lot, 90_000).then().statusCode(201);
            endOf(lot);
            var closed = probe.await(r -> lot.equals(r.key()) && r.value().contains("auction.closed.v1"),
                    Duration.ofSeconds(30)).orElseThrow();
            var event = (AuctionClosed) codec.read(closed.value()).data();
            assertEquals("SOLD", event.result());
            assertNull(event.runnerUpUserId(), "carol's 500 yuan is below the seller's 650: nobody to offer it to");
        }
    }

    @Test
    void aLotWithoutBidsOrBelowItsReserveGoesUnsold() {
        // nothing happens on this one before its end, which may come as soon as it likes
        String empty = openLot(Duration.ofSeconds(3), Map.of());
        String reserved = openLot(Duration.ofSeconds(90), Map.of("reservePriceFen", 10_000_000, "softCloseSeconds", 0));
        holdFor(reserved, "carol");
        bid("carol", reserved, 50_000).then().statusCode(201);
        endOf(reserved);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                "UNSOLD".equals(given().get("/auctions/" + empty).path("status"))
                        && "UNSOLD".equals(given().get("/auctions/" + reserved).path("status")));
        given().get("/auctions/" + reserved).then().body("reserveMet", is(false));
    }

    @Test
    void anOperatorCancelsAnOpenLotAndBidsStop() {
        String lot = openLot();
        holdFor(lot, "alice");
        bid("alice", lot, 5_000).then().statusCode(201);
        try (var probe = TopicProbe.from(Topics.AUCTION_LOTS)) {
            as("olga").post("/auctions/" + lot + "/cancel").then().statusCode(200).body("status", is("CANCELLED"));
            var closed = probe.await(r -> lot.equals(r.key()) && r.value().contains("auction.closed.v1"),
                    Duration.ofSeconds(30)).orElseThrow();
            var event = (AuctionClosed) codec.read(closed.value()).data();
            assertEquals("CANCELLED", event.result());
            assertNull(event.winnerUserId());
        }
        bid("alice", lot, 9_000).then().statusCode(410);
        as("olga").post("/auctions/" + lot + "/cancel").then().statusCode(200);
        as("alice").post("/auctions/" + lot + "/cancel").then().statusCode(403);
    }
}
