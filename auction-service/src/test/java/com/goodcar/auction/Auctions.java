package com.goodcar.auction;

import static io.restassured.RestAssured.given;

import com.goodcar.kit.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Lots and bids as the platform's people make them: olga schedules, alice/bob/carol bid. */
public final class Auctions {

    private Auctions() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    /** Schedules a lot open now and ending after {@code runs}; extra settings override the defaults. */
    public static String openLot(Duration runs, Map<String, Object> settings) {
        var body = new HashMap<String, Object>(Map.of(
                "editionCode", "AION-UT-SUPER-NGC001",
                "title", "National Good Car No. 001",
                "opensAt", Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS).toString(),
                "endsAt", Instant.now().plus(runs).truncatedTo(ChronoUnit.MILLIS).toString()));
        body.putAll(settings);
        return as("olga").header("Idempotency-Key", "lot-" + UUID.randomUUID()).body(body)
                .post("/auctions").then().statusCode(201).extract().path("id");
    }

    public static String openLot() {
        return openLot(Duration.ofMinutes(30), Map.of());
    }

    /** Grants holds by hand (the operator path that stands in until deposit-service exists). */
    public static void holdFor(String lotId, String... users) {
        for (String user : users) {
            as("olga").put("/auctions/" + lotId + "/holds/" + Tokens.subject(user)).then().statusCode(204);
        }
    }

    public static Response bid(String user, String lotId, long maxFen, String key) {
        return as(user).header("Idempotency-Key", key).body(Map.of("maxFen", maxFen))
                .post("/auctions/" + lotId + "/bids");
    }

    public static Response bid(String user, String lotId, long maxFen) {
        return bid(user, lotId, maxFen, "bid-" + UUID.randomUUID());
    }
}
