package com.goodcar.order.win;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.Tokens;
import com.goodcar.kit.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runner-up of a second-chance lot: offered the car at their own maximum when the winner defaults
 * or cancels, with the winner's deadlines; accepting makes an order like the winner's, declining or
 * letting the offer lapse releases their hold (order.runner-up-released.v1), never forfeits it.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@WithTestResource(PspSandbox.class)
class SecondChanceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long HAMMER = 7_819_339_900L;
    private static final long BOBS_MAX = 7_819_000_000L;

    @BeforeEach
    void consumerReady() {
        ConsumerGroups.awaitChannelAssigned("auction-lots");
    }

    @Test
    void theWinnerCancelsAndTheRunnerUpAcceptsAndPaysTheirOwnMaximum() {
        String lot = closed(HAMMER, Instant.now(), "bob");
        String won = orderOf(lot, "AUCTION_WIN");
        as("alice").post("/orders/" + won + "/cancel").then().statusCode(200).body("state", is("CANCELLED"));

        String offer = orderOf(lot, "SECOND_CHANCE");
        as("bob").get("/orders/" + offer).then().statusCode(200).body("kind", is("SECOND_CHANCE"))
                .body("state", is("AWAITING_CONFIRMATION")).body("priceFen", is(BOBS_MAX))
                .body("amountDueFen", is(BOBS_MAX - 10_000));
        as("alice").get("/orders/" + offer).then().statusCode(404);
        as("bob").post("/orders/" + offer + "/confirm").then().statusCode(200).body("state", is("AWAITING_PAYMENT"));
        String payUrl = as("bob").post("/orders/" + offer + "/pay").then().statusCode(200).extract().path("payUrl");
        given().post(payUrl).then().statusCode(200);
        Awaitility.await().atMost(WAIT).until(() -> "PAID".equals(as("bob").get("/orders/" + offer).path("state")));
        as("bob").post("/orders/" + offer + "/decline").then().statusCode(409).body("title", is("Not an open offer"));
    }

    @Test
    void theWinnerLetsTheDeadlinePassAndTheRunnerUpDeclinesReleasedNotForfeited() {
        try (var orders = TopicProbe.from("order.orders")) {
            // closed 25 hours ago: the winner's day to confirm is over
            String lot = closed(HAMMER, Instant.now().minus(Duration.ofHours(25)), "bob");
            String offer = orderOf(lot, "SECOND_CHANCE");
            orders.await(r -> offer.equals(r.key()) && r.value().contains("order.created.v1"), WAIT).orElseThrow();

            as("bob").post("/orders/" + offer + "/decline").then().statusCode(200).body("state", is("DECLINED"));
            as("bob").post("/orders/" + offer + "/decline").then().statusCode(200).body("state", is("DECLINED"));
            var released = orders.await(r -> lot.equals(r.key()) && r.value().contains("order.runner-up-released.v1"),
                    WAIT).orElseThrow();
            assertTrue(released.value().contains("OFFER_DECLINED") && released.value().contains(Tokens.subject("bob")),
                    released.value());
            assertEquals(0, orders.received(r -> offer.equals(r.key()) && (r.value().contains("order.cancelled.v1")
                    || r.value().contains("order.payment-expired.v1"))).size(), "nothing that would forfeit bob's deposit");
        }
    }

    @Test
    void anOfferNobodyAnswersLapsesAndReleasesTheHold() {
        try (var orders = TopicProbe.from("order.orders")) {
            String lot = closed(HAMMER, Instant.now().minus(Duration.ofHours(25)), "bob");
            String offer = orderOf(lot, "SECOND_CHANCE");
            // bob's day to accept is over
            TestDatabase.number("with o as (update orders set confirm_by = now() - interval '1 second', "
                    + "due_at = now() - interval '1 second' where id = ? returning 1) select count(*) from o", offer);
            var released = orders.await(r -> lot.equals(r.key()) && r.value().contains("order.runner-up-released.v1"),
                    WAIT).orElseThrow();
            assertTrue(released.value().contains("OFFER_EXPIRED"), released.value());
            as("bob").get("/orders/" + offer).then().body("state", is("EXPIRED"));
            assertEquals(0, orders.received(r -> offer.equals(r.key())
                    && r.value().contains("order.payment-expired.v1")).size());
            assertEquals(2, TestDatabase.number("select count(*) from orders where lot_id = ?", lot),
                    "the winner's order and one offer: no third chance");
        }
    }

    @Test
    void theWinnersCarGoesToDeliveryAndTheRunnerUpIsReleased() {
        try (var orders = TopicProbe.from("order.orders")) {
            String lot = closed(8_000, Instant.now(), "bob"); // the deposit covers it: paid without the provider
            String won = orderOf(lot, "AUCTION_WIN");
            as("alice").post("/orders/" + won + "/confirm").then().statusCode(200);
            as("alice").post("/orders/" + won + "/pay").then().statusCode(200).body("state", is("PAID"));
            as("olga").post("/orders/" + won + "/handed-over").then().statusCode(200);
            var released = orders.await(r -> lot.equals(r.key()) && r.value().contains("order.runner-up-released.v1"),
                    WAIT).orElseThrow();
            assertTrue(released.value().contains("WINNER_HANDED_OVER"), released.value());
        }
    }

    @Test
    void withoutTheRuleAWinnerWhoDefaultsOffersNobodyTheCar() {
        String lot = closed(HAMMER, Instant.now().minus(Duration.ofHours(25)), null);
        String won = orderOf(lot, "AUCTION_WIN");
        Awaitility.await().atMost(WAIT).until(() -> "EXPIRED".equals(as("alice").get("/orders/" + won).path("state")));
        assertEquals(1, TestDatabase.number("select count(*) from orders where lot_id = ?", lot));
    }

    private static String closed(long hammer, Instant closedAt, String runnerUp) {
        String lot = "lot-" + UUID.randomUUID();
        var close = new AuctionClosed(lot, "AION-UT-SUPER-NGC001", "SOLD", Tokens.subject("alice"), "K3XQ9PZ1A7MB",
                hammer, 10_000, 23_733, closedAt);
        try (var auction = EventPublisher.as("/auction-service")) {
            auction.publish(runnerUp == null ? close : close.withRunnerUp(Tokens.subject(runnerUp), Math.min(BOBS_MAX, hammer)));
        }
        return lot;
    }

    private static String orderOf(String lot, String kind) {
        Awaitility.await().atMost(WAIT).until(() -> !TestDatabase.text(
                "select id from orders where lot_id = ? and kind = ?", lot, kind).isEmpty());
        return TestDatabase.text("select id from orders where lot_id = ? and kind = ?", lot, kind);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
