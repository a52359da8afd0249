package com.goodcar.auction.bidding;

import static com.goodcar.auction.Auctions.bid;
import static com.goodcar.auction.Auctions.holdFor;
import static com.goodcar.auction.Auctions.openLot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Another instance takes the lot over (as it may once this one's lease lapsed, e.g. in a long GC
 * pause): this writer's next commit must write nothing, and the lot must come back when the other
 * instance's lease lapses in turn.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "auction"))
class FencingTest {

    @Test
    void aWriterWhoseLotWasTakenOverWritesNothing() {
        String lot = openLot();
        holdFor(lot, "alice", "bob");
        bid("alice", lot, 10_000).then().statusCode(201);

        // the other instance claims the lot exactly as LotStore does: a new epoch and its own lease
        TestDatabase.number("""
                with taken as (update lot set owner_instance = 'other-pod', owner_epoch = owner_epoch + 1,
                               lease_until = now() + interval '1 hour', owner_url = 'http://127.0.0.1:9'
                               where id = ? returning 1)
                select count(*) from taken""", lot);

        bid("bob", lot, 20_000).then().statusCode(503);
        assertEquals(1, TestDatabase.number("select count(*) from bid where lot_id = ?", lot),
                "the fenced writer wrote no bid");
        // forwarded to the other pod, which does not answer: try again, never a bid written here
        bid("bob", lot, 20_000).then().statusCode(503).body("title", is("Try again")).header("Retry-After", "1");

        // the other instance is gone: its lease lapses and this instance takes the lot back
        TestDatabase.number("""
                with lapsed as (update lot set lease_until = now() - interval '1 second' where id = ? returning 1)
                select count(*) from lapsed""", lot);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bid("bob", lot, 20_000, "bob-after-lapse-1")
                .statusCode() == 201);
        given().get("/auctions/" + lot + "/log/verification").then().body("valid", is(true)).body("entries", is(2));
    }
}
