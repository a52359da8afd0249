package com.goodcar.auction.bidding;

import static com.goodcar.auction.Auctions.as;
import static com.goodcar.auction.Auctions.bid;
import static com.goodcar.auction.Auctions.holdFor;
import static com.goodcar.auction.Auctions.openLot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A lot's limits are rules bidders see before they bid: the highest price, and an optional cap on one raise. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "auction"))
class LotLimitsTest {

    private static final List<Map<String, Long>> SEED_LADDER = List.of(Map.of("fromFen", 0L, "incrementFen", 100L),
            Map.of("fromFen", 10_000L, "incrementFen", 1_000L), Map.of("fromFen", 10_000_000L, "incrementFen", 100_000L));

    @Test
    void aRaiseAboveTheCapIsRefusedWithTheHighestAllowedMaximum() {
        String lot = openLot(Duration.ofMinutes(30), Map.of("maxRaiseFen", 449_000, "ladder", SEED_LADDER));
        given().get("/auctions/" + lot).then().statusCode(200).body("maxRaiseFen", is(449_000))
                .body("maximumAllowedFen", is(100 + 449_000));
        holdFor(lot, "alice", "bob");
        bid("alice", lot, 100 + 449_001).then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("raise-too-large")).body("maximumAllowedFen", is(449_100))
                .body("detail", containsString("449100"));
        bid("alice", lot, 449_100).then().statusCode(201);
        bid("bob", lot, 300_000).then().statusCode(201).body("priceFen", is(301_000));
        given().get("/auctions/" + lot).then().body("maximumAllowedFen", is(301_000 + 449_000));
        // the cap is in the published rules, so a replay honours it
        given().get("/auctions/" + lot + "/log").then().body("maxRaiseFen", is(449_000));
    }

    @Test
    void maximaNearTheTopOfALongAreRefusedAndThePriceNeverFalls() {
        String lot = openLot();
        holdFor(lot, "alice", "bob");
        bid("alice", lot, Long.MAX_VALUE - 1).then().statusCode(422).body("type", containsString("above-maximum"))
                .body("maximumAllowedFen", is(100_000_000_000L));
        bid("bob", lot, Long.MAX_VALUE).then().statusCode(422);
        given().get("/auctions/" + lot).then().body("priceFen", is(100)).body("bidCount", is(0));
        given().get("/auctions/" + lot + "/log/verification").then().body("valid", is(true));
    }

    @Test
    void rulesTheEngineCouldNotHonourAreRefusedAtScheduling() {
        // a cap below the standard ladder's largest step: some prices could take no bid
        schedule(Map.of("maxRaiseFen", 449_000)).then().statusCode(422).body("detail", containsString("raise cap"));
        // a zero deposit: deposit-service could not collect it, so auction-service does not accept it either
        schedule(Map.of("depositFen", 0)).then().statusCode(400).body("detail", containsString("depositFen"));
        schedule(Map.of("maxPriceFen", Long.MAX_VALUE)).then().log().ifValidationFails().statusCode(400).body("detail", containsString("maxPriceFen"));
        schedule(Map.of("opensAt", "-1000000-01-01T00:00:00Z")).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("opensAt"));
        schedule(Map.of("endsAt", Instant.now().plus(Duration.ofDays(3650)).toString())).then().statusCode(422)
                .body("type", containsString("bad-schedule"));
    }

    private static io.restassured.response.Response schedule(Map<String, Object> settings) {
        var body = new HashMap<String, Object>(Map.of("editionCode", "AION-UT-SUPER-NGC001", "title", "Limits",
                "opensAt", Instant.now().toString(), "endsAt", Instant.now().plus(Duration.ofHours(1)).toString()));
        body.putAll(settings);
        return as("olga").header("Idempotency-Key", "lot-" + UUID.randomUUID()).body(body).post("/auctions");
    }
}
