package com.goodcar.auction.bench;

import static com.goodcar.auction.Auctions.as;
import static com.goodcar.auction.Auctions.bid;
import static com.goodcar.auction.Auctions.holdFor;
import static com.goodcar.auction.Auctions.openLot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The naive path the benchmark compares with must follow the same rules and keep the same log. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "auction"))
class NaiveBiddingTest {

    @Test
    void theNaivePathDecidesLikeTheEngineAndHandsTheLotBackIntact() {
        String lot = openLot();
        holdFor(lot, "alice", "bob");
        naiveBid("alice", lot, 50_000, "naive-a-0001").then().statusCode(409).body("title", is("Not taken over"));
        as("olga").put("/bench/naive/auctions/" + lot + "/takeover").then().statusCode(204);

        var first = naiveBid("alice", lot, 50_000, "naive-a-0001").then().statusCode(201)
                .body("priceFen", is(100)).body("leading", is(true)).extract().asString();
        naiveBid("alice", lot, 50_000, "naive-a-0001").then().statusCode(201).body(is(first));
        naiveBid("bob", lot, 30_000, "naive-b-0001").then().statusCode(201)
                .body("priceFen", is(31_000)).body("leading", is(false));
        naiveBid("bob", lot, 31_000, "naive-b-0002").then().statusCode(409).body("title", is("Outbid"))
                .body("minimumNextBidFen", is(32_000));
        naiveBid("carol", lot, 90_000, "naive-c-0001").then().statusCode(403);

        as("olga").delete("/bench/naive/auctions/" + lot + "/takeover").then().statusCode(204);
        // the engine takes the lot back from the rows the naive path wrote, and goes on from there
        bid("bob", lot, 60_000).then().statusCode(201).body("priceFen", is(51_000)).body("seq", is(3));
        given().get("/auctions/" + lot + "/log/verification").then().statusCode(200)
                .body("valid", is(true)).body("entries", is(3));
    }

    @Test
    void theNoopAnswersBehindTheSameAuthenticationAndValidation() {
        String lot = openLot();
        given().contentType("application/json").header("Idempotency-Key", "noop-0000001")
                .body(Map.of("maxFen", 100)).post("/bench/noop/auctions/" + lot + "/bids").then().statusCode(401);
        as("alice").header("Idempotency-Key", "noop-0000001").body(Map.of("maxFen", -1))
                .post("/bench/noop/auctions/" + lot + "/bids").then().statusCode(400);
        as("alice").header("Idempotency-Key", "noop-0000001").body(Map.of("maxFen", 100))
                .post("/bench/noop/auctions/" + lot + "/bids").then().statusCode(201).body("maxFen", is(100));
    }

    private static Response naiveBid(String user, String lot, long maxFen, String key) {
        return as(user).header("Idempotency-Key", key).body(Map.of("maxFen", maxFen))
                .post("/bench/naive/auctions/" + lot + "/bids");
    }
}
