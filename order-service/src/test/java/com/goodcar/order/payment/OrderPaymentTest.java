package com.goodcar.order.payment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
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
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The winner pays through the PSP sandbox (a real process): in time the order is paid and says so
 * on Kafka; a payment the order no longer wants comes back in full; a cancel after payment refunds
 * what was paid; a paid car goes on to delivery.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@WithTestResource(PspSandbox.class)
class OrderPaymentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long HAMMER = 7_819_339_900L;
    private static final long DUE = HAMMER - 10_000;

    @BeforeEach
    void consumerReady() {
        ConsumerGroups.awaitChannelAssigned("auction-lots");
    }

    @Test
    void aWinnerWhoPaysInTimeHasAPaidOrderAndKafkaHearsOfItOnce() {
        try (var orders = TopicProbe.from("order.orders")) {
            String order = confirmedOrder("alice");
            JsonPath payment = pay("alice", order);
            assertEquals(DUE, payment.getLong("amountFen"));
            assertEquals(payment.getString("paymentId"), pay("alice", order).getString("paymentId"),
                    "asking again gives the same payment");

            pressPay(payment);
            awaitState("alice", order, "PAID");
            var paid = orders.await(r -> order.equals(r.key()) && r.value().contains("order.paid.v1"), WAIT).orElseThrow();
            assertTrue(paid.value().contains("\"amountFen\":" + DUE), paid.value());

            pressPay(payment); // the buyer presses Pay again: the provider changes nothing
            as("alice").post("/orders/" + order + "/pay").then().statusCode(409).body("type", is(problem("not-awaiting-payment")));
            as("alice").get("/orders/" + order + "/payments").then().statusCode(200)
                    .body("size()", is(1)).body("[0].state", is("PAID")).body("[0].refundState", nullValue());
            assertEquals(1, orders.received(r -> order.equals(r.key()) && r.value().contains("order.paid.v1")).size());
        }
    }

    @Test
    void onlyTheBuyerPaysAndOnlyAConfirmedOrder() {
        String order = orderOf("alice");
        as("alice").post("/orders/" + order + "/pay").then().statusCode(409)
                .body("type", is(problem("not-awaiting-payment"))).body("state", is("AWAITING_CONFIRMATION"));
        as("alice").post("/orders/" + order + "/confirm").then().statusCode(200);
        as("bob").post("/orders/" + order + "/pay").then().statusCode(404);
        as("bob").get("/orders/" + order + "/payments").then().statusCode(404);
        as("olga").get("/orders/" + order + "/payments").then().statusCode(200);
    }

    @Test
    void aPaymentThatArrivesAfterTheOrderExpiredIsRefundedInFull() {
        try (var orders = TopicProbe.from("order.orders")) {
            String order = confirmedOrder("alice");
            JsonPath payment = pay("alice", order);
            // the payment window ended minutes ago, past the wait for a callback on its way: the lapse
            // scan expires the order before the buyer presses Pay
            TestDatabase.number("with o as (update orders set pay_by = now() - interval '3 minutes', "
                    + "due_at = now() - interval '3 minutes' where id = ? returning 1) select count(*) from o", order);
            awaitState("alice", order, "EXPIRED");

            pressPay(payment);
            Awaitility.await().atMost(WAIT).until(() -> "SUCCEEDED".equals(refundState("alice", order)));
            assertEquals(1, PspSandbox.refundsReceived(List.of(payment.getString("paymentId"))));
            assertEquals(DUE, PspSandbox.number("select amount_fen from psp_refund where merchant_payment_id = ?",
                    payment.getString("paymentId")));
            as("alice").get("/orders/" + order).then().body("state", is("EXPIRED"));
            assertEquals(0, orders.received(r -> order.equals(r.key()) && r.value().contains("order.paid.v1")).size());
        }
    }

    @Test
    void aCancelAfterPaymentRefundsWhatWasPaidAndSaysSoOnce() {
        try (var orders = TopicProbe.from("order.orders")) {
            String order = confirmedOrder("alice");
            JsonPath payment = pay("alice", order);
            pressPay(payment);
            awaitState("alice", order, "PAID");

            as("bob").post("/orders/" + order + "/cancel").then().statusCode(404);
            as("alice").post("/orders/" + order + "/cancel").then().statusCode(200).body("state", is("CANCELLED"));
            as("alice").post("/orders/" + order + "/cancel").then().statusCode(200).body("state", is("CANCELLED"));
            var cancelled = orders.await(r -> order.equals(r.key()) && r.value().contains("order.cancelled.v1"), WAIT)
                    .orElseThrow();
            assertTrue(cancelled.value().contains("\"afterPayment\":true"), cancelled.value());
            Awaitility.await().atMost(WAIT).until(() -> "SUCCEEDED".equals(refundState("alice", order)));
            assertEquals(DUE, PspSandbox.number("select amount_fen from psp_refund where merchant_payment_id = ?",
                    payment.getString("paymentId")));
            assertEquals(1, orders.received(r -> order.equals(r.key()) && r.value().contains("order.cancelled.v1")).size());
        }
    }

    @Test
    void aCancelBeforePaymentEndsTheOrderAndALaterPaymentIsRefunded() {
        try (var orders = TopicProbe.from("order.orders")) {
            String order = confirmedOrder("alice");
            JsonPath payment = pay("alice", order);
            as("alice").post("/orders/" + order + "/cancel").then().statusCode(200).body("state", is("CANCELLED"));
            var cancelled = orders.await(r -> order.equals(r.key()) && r.value().contains("order.cancelled.v1"), WAIT)
                    .orElseThrow();
            assertTrue(cancelled.value().contains("\"afterPayment\":false"), cancelled.value());
            as("alice").post("/orders/" + order + "/pay").then().statusCode(409);

            pressPay(payment); // the pay page was still open
            Awaitility.await().atMost(WAIT).until(() -> "SUCCEEDED".equals(refundState("alice", order)));
            assertEquals(1, PspSandbox.refundsReceived(List.of(payment.getString("paymentId"))));
        }
    }

    @Test
    void aPaidCarIsHandedOverThenDeliveredAndCanThenNoLongerBeCancelled() {
        try (var orders = TopicProbe.from("order.orders")) {
            String order = confirmedOrder("alice");
            as("olga").post("/orders/" + order + "/handed-over").then().statusCode(409).body("type", is(problem("not-paid")));
            pressPay(pay("alice", order));
            awaitState("alice", order, "PAID");

            as("alice").post("/orders/" + order + "/handed-over").then().statusCode(403);
            as("olga").post("/orders/" + order + "/delivered").then().statusCode(409)
                    .body("type", is(problem("not-handed-over")));
            as("olga").post("/orders/" + order + "/handed-over").then().statusCode(200).body("state", is("HANDED_OVER"));
            as("alice").post("/orders/" + order + "/cancel").then().statusCode(409).body("type", is(problem("not-cancellable")));
            as("olga").post("/orders/" + order + "/delivered").then().statusCode(200).body("state", is("DELIVERED"));
            as("olga").post("/orders/" + order + "/delivered").then().statusCode(200).body("state", is("DELIVERED"));
            orders.await(r -> order.equals(r.key()) && r.value().contains("order.delivered.v1"), WAIT).orElseThrow();
            assertEquals(1, orders.received(r -> order.equals(r.key()) && r.value().contains("order.delivered.v1")).size());
        }
    }

    @Test
    void aHammerPriceTheDepositCoversIsPaidWithoutTheProvider() {
        String order = orderOf("alice", 8_000);
        as("alice").post("/orders/" + order + "/confirm").then().statusCode(200);
        as("alice").post("/orders/" + order + "/pay").then().statusCode(200)
                .body("state", is("PAID")).body("amountFen", is(0)).body("payUrl", nullValue());
    }

    @Test
    void aPaidSaleOrderCancelledGivesBackBothTheMoneyAndTheUnit() {
        String sale = as("olga").contentType("application/json").header("Idempotency-Key", "sale-" + UUID.randomUUID())
                .body(java.util.Map.of("editionCode", "AION-UT-SUPER-STD", "priceFen", 11_990_000, "units", 1,
                        "startsAt", Instant.now().toString()))
                .post("/sales").then().statusCode(201).extract().path("id");
        String order = as("alice").header("Idempotency-Key", "click-" + UUID.randomUUID())
                .post("/sales/" + sale + "/orders").then().statusCode(201).extract().path("id");
        JsonPath payment = pay("alice", order);
        assertEquals(11_990_000L, payment.getLong("amountFen"));
        pressPay(payment);
        awaitState("alice", order, "PAID");
        given().get("/sales/" + sale).then().statusCode(401);
        as("alice").get("/sales/" + sale).then().body("unitsLeft", is(0));

        as("alice").post("/orders/" + order + "/cancel").then().statusCode(200).body("state", is("CANCELLED"));
        as("alice").get("/sales/" + sale).then().body("unitsLeft", is(1));
        Awaitility.await().atMost(WAIT).until(() -> "SUCCEEDED".equals(refundState("alice", order)));
        // and the buyer, back under the limit, may order again
        as("alice").header("Idempotency-Key", "click-" + UUID.randomUUID()).post("/sales/" + sale + "/orders")
                .then().statusCode(201);
    }

    private static String problem(String slug) {
        return "https://goodcar.example/problems/" + slug;
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private static String orderOf(String winner) {
        return orderOf(winner, HAMMER);
    }

    private static String orderOf(String winner, long hammer) {
        String lot = "lot-" + UUID.randomUUID();
        try (var auction = EventPublisher.as("/auction-service")) {
            auction.publish(new AuctionClosed(lot, "AION-UT-SUPER-NGC001", "SOLD", Tokens.subject(winner), "K3XQ9PZ1A7MB",
                    hammer, 10_000, 23_733, Instant.now()));
        }
        Awaitility.await().atMost(WAIT).until(() -> !TestDatabase.text("select id from orders where lot_id = ?", lot).isEmpty());
        return TestDatabase.text("select id from orders where lot_id = ?", lot);
    }

    private static String confirmedOrder(String winner) {
        String order = orderOf(winner);
        as(winner).post("/orders/" + order + "/confirm").then().statusCode(200);
        return order;
    }

    private static JsonPath pay(String buyer, String order) {
        return as(buyer).post("/orders/" + order + "/pay").then().statusCode(200).extract().jsonPath();
    }

    /** The buyer presses "Pay" on the provider's page. */
    private static void pressPay(JsonPath payment) {
        given().post(payment.getString("payUrl")).then().statusCode(lessThan(300));
    }

    private static void awaitState(String buyer, String order, String state) {
        Awaitility.await().atMost(WAIT).until(() -> state.equals(as(buyer).get("/orders/" + order).path("state")));
    }

    private static String refundState(String buyer, String order) {
        List<String> states = as(buyer).get("/orders/" + order + "/payments").path("refundState");
        return states.isEmpty() ? null : states.getFirst();
    }
}
