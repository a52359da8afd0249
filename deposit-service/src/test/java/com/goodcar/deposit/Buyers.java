package com.goodcar.deposit;

import static io.restassured.RestAssured.given;

import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.contracts.auction.AuctionScheduled;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;

/** What buyers, the auction and the payment provider do, as the tests need it. */
public final class Buyers {

    public static final EventPublisher AUCTION = EventPublisher.as("/auction-service");

    private Buyers() {
    }

    /** lot → publishes its auction.scheduled.v1 again, with the same event id */
    private static final Map<String, Runnable> REDELIVER = new ConcurrentHashMap<>();

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    /** auction.scheduled.v1 for a new lot, and waits until deposit-service takes deposits for it. */
    public static String scheduledLot() {
        awaitConsumers();
        String lot = "lot-" + UUID.randomUUID();
        var scheduled = new AuctionScheduled(lot, "AION-UT-SUPER-NGC001", "National Good Car No. 001", 100, 10_000,
                Instant.now(), Instant.now().plus(Duration.ofHours(4)));
        String eventId = UUID.randomUUID().toString();
        AUCTION.publish(scheduled, eventId);
        REDELIVER.put(lot, () -> AUCTION.publish(scheduled, eventId));
        return lot;
    }

    /** Opens a deposit (retrying while the lot's scheduling event is on its way); the 201 body. */
    public static JsonPath openDeposit(String user, String lot) {
        return openDeposit(user, lot, "dep-" + UUID.randomUUID());
    }

    public static JsonPath openDeposit(String user, String lot, String key) {
        var body = new JsonPath[1];
        int[] unknown = {0};
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = as(user).header("Idempotency-Key", key).body(Map.of("lotId", lot)).post("/deposits");
            if (response.statusCode() == 409 && response.asString().contains("lot-unknown")) {
                // the same event again, as Kafka would redeliver it: the test groups start at the topic's
                // end, and a rebalance after a broker restart can place a partition past it (production
                // groups start at the earliest offset); the inbox ignores a second copy
                if (++unknown[0] % 20 == 0) {
                    REDELIVER.getOrDefault(lot, () -> { }).run();
                }
                return false;
            }
            if (response.statusCode() != 201) {
                throw new AssertionError("open deposit: " + response.statusCode() + " " + response.asString());
            }
            body[0] = response.jsonPath();
            return true;
        });
        return body[0];
    }

    /** The buyer presses "Pay" on the provider's page. */
    public static void pay(JsonPath opened) {
        given().post(opened.getString("payment.payUrl")).then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    /** Opens, pays and waits until the hold is active; returns the deposit id. */
    public static String holdFor(String user, String lot) {
        JsonPath opened = openDeposit(user, lot);
        pay(opened);
        String id = opened.getString("deposit.id");
        awaitState(user, id, "HELD");
        return id;
    }

    public static void awaitState(String user, String depositId, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> state.equals(
                as(user).get("/deposits/" + depositId).then().statusCode(200).extract().path("state")));
    }

    /** The app's consumers own their topics' partitions: an event published from now on is seen. */
    public static void awaitConsumers() {
        ConsumerGroups.awaitChannelAssigned("auction-lots");
        ConsumerGroups.awaitChannelAssigned("order-orders");
    }

    public static void close(String lot, String result, String winner) {
        awaitConsumers();
        AUCTION.publish(new AuctionClosed(lot, "AION-UT-SUPER-NGC001", result,
                winner == null ? null : Tokens.subject(winner), winner == null ? null : "WINNERCODE01",
                winner == null ? null : 7_819_339_900L, 10_000, 23_733, Instant.now()));
    }

    /** The ledger's own check, as an operator sees it. */
    public static JsonPath ledgerCheck() {
        return as("olga").get("/ledger/check").then().statusCode(200).extract().jsonPath();
    }
}
