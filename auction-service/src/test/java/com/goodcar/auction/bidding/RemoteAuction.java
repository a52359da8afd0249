package com.goodcar.auction.bidding;

import static io.restassured.RestAssured.given;

import com.goodcar.kit.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** An auction-service process as its clients reach it over HTTP, for the tests that run the packaged jar. */
final class RemoteAuction {

    private RemoteAuction() {
    }

    /** An open lot ending in half an hour, scheduled by the operator; its id. */
    static String scheduleLot(String base, String idempotencyKey) {
        return given().auth().oauth2(Tokens.of("olga")).contentType(ContentType.JSON)
                .header("Idempotency-Key", idempotencyKey)
                .body(Map.of("editionCode", "AION-UT-SUPER-NGC001", "title", "Packaged-service test",
                        "opensAt", Instant.now().minusSeconds(1).toString(),
                        "endsAt", Instant.now().plus(Duration.ofMinutes(30)).toString()))
                .post(base + "/auctions").then().statusCode(201).extract().path("id");
    }

    static Response bid(String base, String lot, String bidder, long maxFen, String key) {
        return given().auth().oauth2(Tokens.of(bidder)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Map.of("maxFen", maxFen))
                .post(base + "/auctions/" + lot + "/bids");
    }
}
