package com.goodcar.order.win;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.Tokens;
import com.goodcar.kit.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * auction.closed.v1 as auction-service publishes it: a sold lot becomes one order for its winner,
 * however often its close arrives; the winner confirms it; a deadline passed expires it once.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class AuctionWinOrdersTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void consumerReady() {
        ConsumerGroups.awaitChannelAssigned("auction-lots");
    }

    @Test
    void aSoldLotIsOneOrderForItsWinnerHoweverOftenItsCloseArrives() {
        String lot = "lot-" + UUID.randomUUID();
        var closed = sold(lot, "alice", Instant.now());
        try (var orders = TopicProbe.from("order.orders"); var auction = EventPublisher.as("/auction-service")) {
            String eventId = auction.publish(closed);
            auction.publish(closed, eventId); // the same event redelivered
            auction.publish(closed);          // the same close, published again under a new id
            auction.publish(new AuctionClosed("lot-" + UUID.randomUUID(), "AION-UT-SUPER-NGC001", "UNSOLD", null, null,
                    null, 10_000, 0, Instant.now()));

            Awaitility.await().atMost(WAIT).until(() -> TestDatabase.number(
                    "select count(*) from orders where lot_id = ?", lot) == 1);
            var created = orders.await(r -> r.value().contains("order.created.v1") && r.value().contains(lot), WAIT)
                    .orElseThrow();
            String orderId = created.key();
            // the later deliveries are processed too (the UNSOLD one last): still one order, one event
            Awaitility.await().atMost(WAIT).until(() -> TestDatabase.number(
                    "select count(*) from processed_event where consumer = 'order-wins'") >= 3);
            assertEquals(1, TestDatabase.number("select count(*) from orders where lot_id = ?", lot));
            assertEquals(1, orders.received(r -> r.value().contains("order.created.v1") && r.value().contains(lot)).size());

            given().auth().oauth2(Tokens.of("alice")).get("/orders/" + orderId).then().statusCode(200)
                    .body("state", is("AWAITING_CONFIRMATION"))
                    .body("amountDueFen", is(7_819_329_900L)).body("depositFen", is(10_000));
            given().auth().oauth2(Tokens.of("alice")).get("/orders").then().statusCode(200)
                    .body("items.find { it.id == '" + orderId + "' }.lotId", is(lot));
        }
    }

    @Test
    void onlyTheWinnerConfirmsAndTheWindowToPayOpensThen() {
        String orderId = orderFor(sold("lot-" + UUID.randomUUID(), "alice", Instant.now()));

        given().auth().oauth2(Tokens.of("bob")).get("/orders/" + orderId).then().statusCode(404);
        given().auth().oauth2(Tokens.of("bob")).post("/orders/" + orderId + "/confirm").then().statusCode(404);
        given().auth().oauth2(Tokens.of("olga")).get("/orders/" + orderId).then().statusCode(200);

        Instant before = Instant.now();
        String payBy = given().auth().oauth2(Tokens.of("alice")).post("/orders/" + orderId + "/confirm").then()
                .statusCode(200).body("state", is("AWAITING_PAYMENT")).extract().path("payBy");
        Duration window = Duration.between(before, Instant.parse(payBy));
        assertEquals(30, window.toMinutes(), "30 minutes to pay from confirming: " + window);
        given().auth().oauth2(Tokens.of("alice")).post("/orders/" + orderId + "/confirm").then().statusCode(200)
                .body("payBy", is(payBy)); // a retry, the same answer
    }

    @Test
    void aWinnerWhoDoesNotConfirmInTimeLosesTheOrderOnce() {
        String lot = "lot-" + UUID.randomUUID();
        try (var orders = TopicProbe.from("order.orders")) {
            // closed 25 hours ago: the day to confirm is over when the order is made
            String orderId = orderFor(sold(lot, "alice", Instant.now().minus(Duration.ofHours(25))));
            var expired = orders.await(r -> orderId.equals(r.key()) && r.value().contains("order.payment-expired.v1"),
                    WAIT).orElseThrow();
            assertEquals(1, orders.received(r -> orderId.equals(r.key())
                    && r.value().contains("order.payment-expired.v1")).size(), expired.value());
            given().auth().oauth2(Tokens.of("alice")).get("/orders/" + orderId).then().statusCode(200)
                    .body("state", is("EXPIRED"));
            given().auth().oauth2(Tokens.of("alice")).post("/orders/" + orderId + "/confirm").then().statusCode(409)
                    .body("title", is("Not awaiting confirmation"));
        }
    }

    private static AuctionClosed sold(String lot, String winner, Instant closedAt) {
        return new AuctionClosed(lot, "AION-UT-SUPER-NGC001", "SOLD", Tokens.subject(winner), "K3XQ9PZ1A7MB",
                7_819_339_900L, 10_000, 23_733, closedAt);
    }

    private static String orderFor(AuctionClosed closed) {
        try (var auction = EventPublisher.as("/auction-service")) {
            auction.publish(closed);
        }
        Awaitility.await().atMost(WAIT).until(() -> !TestDatabase.text(
                "select id from orders where lot_id = ?", closed.lotId()).isEmpty());
        return TestDatabase.text("select id from orders where lot_id = ?", closed.lotId());
    }
}
