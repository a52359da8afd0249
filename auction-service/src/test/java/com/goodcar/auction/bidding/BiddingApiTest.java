package com.goodcar.auction.bidding;

import static com.goodcar.auction.Auctions.as;
import static com.goodcar.auction.Auctions.bid;
import static com.goodcar.auction.Auctions.holdFor;
import static com.goodcar.auction.Auctions.openLot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.auction.TestClock;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "auction"))
class BiddingApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void proxyBiddingOutcomesAreAnsweredWithWhatAClientNeedsToActOn() {
        String lot = openLot();
        holdFor(lot, "alice", "bob");

        bid("alice", lot, 50_000).then().statusCode(201)
                .body("priceFen", is(100)).body("leading", is(true)).body("seq", is(1));
        bid("bob", lot, 30_000).then().statusCode(201)
                .body("priceFen", is(31_000)).body("leading", is(false)).body("minimumNextBidFen", is(32_000));
        // a stale read: bob bids what he last saw plus a step
        bid("bob", lot, 31_000).then().statusCode(409).contentType(PROBLEM)
                .body("title", is("Outbid")).body("priceFen", is(31_000)).body("minimumNextBidFen", is(32_000));
        bid("bob", lot, 31_500).then().statusCode(422).contentType(PROBLEM)
                .body("minimumNextBidFen", is(32_000));
        bid("bob", lot, 60_000).then().statusCode(201)
                .body("priceFen", is(51_000)).body("leading", is(true));

        given().get("/auctions/" + lot).then().statusCode(200)
                .body("priceFen", is(51_000)).body("bidCount", is(3)).body("status", is("OPEN"))
                .body("leaderCode", matchesPattern("[A-Z2-9]{12}"));
    }

    @Test
    void aRetryWithTheSameKeyGetsTheOriginalAnswerAndBidsOnce() {
        String lot = openLot();
        holdFor(lot, "alice");
        var first = bid("alice", lot, 20_000, "alice-retry-0001").then().statusCode(201).extract().asString();
        var again = bid("alice", lot, 20_000, "alice-retry-0001").then().statusCode(201).extract().asString();
        assertEquals(first, again);
        given().get("/auctions/" + lot).then().body("bidCount", is(1));
    }

    @Test
    void aRetryGetsTheOriginalAnswerAfterThePriceMovedOn() {
        String lot = openLot();
        holdFor(lot, "alice", "bob");
        String accepted = bid("alice", lot, 50_000, "alice-moved-0001").then().statusCode(201).extract().asString();
        // refused from the committed state, without the writer: still the answer a retry gets
        String refused = bid("bob", lot, 100, "bob-moved-00001").then().statusCode(409)
                .body("priceFen", is(100)).extract().asString();
        bid("bob", lot, 60_000).then().statusCode(201).body("priceFen", is(51_000));

        assertEquals(accepted, bid("alice", lot, 50_000, "alice-moved-0001").then().statusCode(201).extract().asString());
        assertEquals(refused, bid("bob", lot, 100, "bob-moved-00001").then().statusCode(409).extract().asString());
        given().get("/auctions/" + lot).then().body("bidCount", is(2));
    }

    @Test
    void noDepositNoBidAndTheGateOpensWithTheHold() {
        String lot = openLot();
        bid("carol", lot, 10_000).then().statusCode(403).contentType(PROBLEM).body("title", is("No deposit"));
        holdFor(lot, "carol");
        bid("carol", lot, 10_000).then().statusCode(201);
    }

    @Test
    void theHistoryShowsCodesNeverUserIdsOrMaxima() {
        String lot = openLot();
        holdFor(lot, "alice", "bob");
        bid("alice", lot, 40_000).then().statusCode(201);
        bid("bob", lot, 45_000).then().statusCode(201);
        String history = given().get("/auctions/" + lot + "/bids").then().statusCode(200)
                .body("total", is(2))
                .body("items.seq", org.hamcrest.Matchers.contains(2, 1))
                .body("items.bidderCode", everyItem(matchesPattern("[A-Z2-9]{12}")))
                .extract().asString();
        assertTrue(!history.contains(Tokens.subject("alice")) && !history.contains("40000"), history);
        given().get("/auctions/" + lot + "/log").then().statusCode(200)
                .body("salt", nullValue())
                .body("entries.maxFen", everyItem(nullValue()))
                .body("entries.maxDigest", everyItem(not(nullValue())));
    }

    @Test
    void softCloseMovesTheEndForEveryone() {
        String lot = openLot(Duration.ofMinutes(3), Map.of("softCloseSeconds", 120));
        holdFor(lot, "alice");
        Instant scheduledEnd = Instant.parse(given().get("/auctions/" + lot).then().extract().<String>path("endsAt"));
        // the service's clock, not the load, puts the bid one minute before the end: inside the window
        TestClock.advanceTo(scheduledEnd.minusSeconds(60));
        try {
            String endsAt = bid("alice", lot, 1_000).then().statusCode(201).extract().path("endsAt");
            assertTrue(Instant.parse(endsAt).isAfter(scheduledEnd), endsAt + " after " + scheduledEnd);
            assertTrue(Instant.parse(endsAt).isAfter(TestClock.now().plusSeconds(100)), endsAt);
            given().get("/auctions/" + lot).then().body("endsAt", is(endsAt));
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void onlyOperatorsScheduleAndTheScheduleIsChecked() {
        as("alice").header("Idempotency-Key", "alice-lot-0001").body(Map.of()).post("/auctions").then()
                .statusCode(403);
        as("olga").header("Idempotency-Key", "olga-bad-lot-01").body(Map.of(
                        "editionCode", "AION-UT-SUPER-NGC001", "title", "Backwards",
                        "opensAt", "2030-01-02T00:00:00Z", "endsAt", "2030-01-01T00:00:00Z"))
                .post("/auctions").then().statusCode(422).contentType(PROBLEM);
        as("olga").body(Map.of()).post("/auctions").then().statusCode(400).contentType(PROBLEM);
        given().get("/auctions/no-such-lot").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void schedulingIsIdempotent() {
        var body = Map.of("editionCode", "AION-UT-SUPER-NGC001", "title", "Once",
                "opensAt", Instant.now().toString(), "endsAt", Instant.now().plusSeconds(600).toString());
        String id = as("olga").header("Idempotency-Key", "olga-once-lot-1").body(body).post("/auctions").then()
                .statusCode(201).extract().path("id");
        as("olga").header("Idempotency-Key", "olga-once-lot-1").body(body).post("/auctions").then()
                .statusCode(200).body("id", is(id));
    }
}
