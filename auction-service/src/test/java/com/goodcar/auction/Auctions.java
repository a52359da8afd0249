package com.goodcar.auction;

import static io.restassured.RestAssured.given;

import com.goodcar.contracts.deposit.DepositHeld;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
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
import org.awaitility.Awaitility;

/** Lots and bids as the platform's people make them: olga schedules, alice/bob/carol bid. */
public final class Auctions {

    private static final EventPublisher DEPOSITS = EventPublisher.as("/deposit-service");

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

    /**
     * Gives the users a deposit hold on the lot the only way the auction learns of one: a
     * deposit.held.v1 on the real topic, as deposit-service publishes it. Returns once the auction
     * counts them.
     */
    public static void holdFor(String lotId, String... users) {
        ConsumerGroups.awaitChannelAssigned("deposit-holds");
        int before = activeHolds(lotId);
        for (String user : users) {
            String userId = Tokens.subject(user);
            DEPOSITS.publish(new DepositHeld("hold-" + UUID.randomUUID(), lotId, userId, 10_000, Instant.now()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> activeHolds(lotId) >= before + users.length);
    }

    public static int activeHolds(String lotId) {
        return as("olga").get("/auctions/" + lotId + "/holds").then().statusCode(200).extract().path("active");
    }

    public static Response bid(String user, String lotId, long maxFen, String key) {
        return as(user).header("Idempotency-Key", key).body(Map.of("maxFen", maxFen))
                .post("/auctions/" + lotId + "/bids");
    }

    public static Response bid(String user, String lotId, long maxFen) {
        return bid(user, lotId, maxFen, "bid-" + UUID.randomUUID());
    }
}
