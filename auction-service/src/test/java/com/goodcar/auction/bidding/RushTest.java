package com.goodcar.auction.bidding;

import static com.goodcar.auction.Auctions.bid;
import static com.goodcar.auction.Auctions.holdFor;
import static com.goodcar.auction.Auctions.openLot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many bids on one lot at once, mostly from stale reads: every one answered, the log complete and valid. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "auction"))
class RushTest {

    @Test
    void aRushOfStaleBidsLeavesAConsistentVerifiableLog() {
        String lot = openLot();
        String[] bidders = {"alice", "bob", "carol"};
        holdFor(lot, bidders);
        List<Integer> statuses;
        try (var pool = Executors.newFixedThreadPool(24)) {
            List<CompletableFuture<Integer>> bids = IntStream.range(0, 300)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                            bid(bidders[i % 3], lot, 1_000L + 100L * i).statusCode(), pool))
                    .toList();
            statuses = bids.stream().map(CompletableFuture::join).toList();
        }
        long accepted = statuses.stream().filter(s -> s == 201).count();
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409 || s == 422), "unexpected answers: " + statuses);
        assertTrue(accepted > 0);

        var view = given().get("/auctions/" + lot).then().statusCode(200).extract();
        assertEquals(accepted, ((Number) view.path("bidCount")).longValue(), "every 201 is one bid of the lot");
        assertEquals(accepted, TestDatabase.number("select count(*) from bid where lot_id = ?", lot),
                "every 201 is one entry of the log");
        given().get("/auctions/" + lot + "/log/verification").then()
                .body("valid", is(true)).body("entries", is((int) accepted));
        long highest = TestDatabase.number("select max(max_fen) from bid where lot_id = ?", lot);
        assertEquals(TestDatabase.number("select max_fen from bid where lot_id = ? order by max_fen desc, seq limit 1", lot),
                highest);
        assertTrue(((Number) view.path("priceFen")).longValue() <= highest);
    }
}
