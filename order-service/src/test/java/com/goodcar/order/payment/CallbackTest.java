package com.goodcar.order.payment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.SignedCallbacks;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Only a genuine, fresh, first and exact callback pays an order; every other one is refused and changes nothing. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@WithTestResource(PspSandbox.class)
class CallbackTest {

    @ConfigProperty(name = "psp.callback-secret")
    String secret;

    @Test
    void forgedAlteredUnknownAndReplayedCallbacksAreRefusedAndTheOrderIsPaidOnce() {
        ConsumerGroups.awaitChannelAssigned("auction-lots");
        String order = confirmedOrder("carol");
        String payment = given().auth().oauth2(Tokens.of("carol")).post("/orders/" + order + "/pay").then()
                .statusCode(200).extract().path("paymentId");
        long now = Instant.now().getEpochSecond();
        String genuine = body(payment, 1_990_000);

        deliver(now, "n-" + UUID.randomUUID(), genuine, "0".repeat(64)).then().statusCode(401)
                .body("title", is("Bad signature"));
        deliver(now - 3_600, "n-" + UUID.randomUUID(), genuine, null).then().statusCode(401)
                .body("title", is("Stale callback"));
        deliver(now, "n-" + UUID.randomUUID(), body(payment, 1_000), null).then().statusCode(422)
                .body("title", is("Amount does not match"));
        deliver(now, "n-" + UUID.randomUUID(), body("opay-unknown", 1_990_000), null).then().statusCode(404);
        deliver(now, "n-" + UUID.randomUUID(), "{\"merchantPaymentId\":\"" + payment + "\",\"amountFen\":\"1990000\"}",
                null).then().statusCode(400).contentType("application/problem+json");
        assertEquals("AWAITING_PAYMENT", state(order), "refused callbacks changed nothing");

        String nonce = "n-" + UUID.randomUUID();
        deliver(now, nonce, genuine, null).then().statusCode(200).body("effect", is("PAID"));
        deliver(now, nonce, genuine, null).then().statusCode(409).body("title", is("Replayed callback"));
        deliver(now, "n-" + UUID.randomUUID(), genuine, null).then().statusCode(200).body("effect", is("ALREADY_PAID"));
        assertEquals("PAID", state(order));
        assertEquals(1, TestDatabase.number("select count(*) from outbox_message where message_key = ? "
                + "and payload like '%order.paid.v1%'", order), "paid once, said once");
        assertEquals(0, TestDatabase.number("select count(*) from order_refund where order_id = ?", order));
    }

    @Test
    void aPaymentMadeInTheWindowWhoseCallbackComesLateStillPaysTheOrder() {
        ConsumerGroups.awaitChannelAssigned("auction-lots");
        String order = confirmedOrder("carol");
        String payment = given().auth().oauth2(Tokens.of("carol")).post("/orders/" + order + "/pay").then()
                .statusCode(200).extract().path("paymentId");
        // the window ended a moment ago; the buyer had paid just before, and the provider is slow to say so
        Instant payBy = Instant.now().minusSeconds(3);
        TestDatabase.number("with o as (update orders set pay_by = ?::timestamptz, due_at = ?::timestamptz where id = ? "
                + "returning 1) select count(*) from o", payBy.toString(), payBy.toString(), order);
        // an order without an open payment, due at the same moment, shows the lapse scan has been past it
        String unpaid = confirmedOrder("carol");
        TestDatabase.number("with o as (update orders set pay_by = ?::timestamptz, due_at = ?::timestamptz where id = ? "
                + "returning 1) select count(*) from o", payBy.toString(), payBy.toString(), unpaid);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "EXPIRED".equals(state(unpaid)));
        assertEquals("AWAITING_PAYMENT", state(order), "its payment may still be reported");
        String late = "{\"merchantPaymentId\":\"" + payment + "\",\"providerPaymentId\":\"psp-" + payment
                + "\",\"amountFen\":1990000,\"state\":\"PAID\",\"paidAt\":\"" + payBy.minusSeconds(1) + "\"}";
        deliver(Instant.now().getEpochSecond(), "n-" + UUID.randomUUID(), late, null).then().statusCode(200)
                .body("effect", is("PAID"));
        assertEquals("PAID", state(order));
    }

    private static String confirmedOrder(String winner) {
        String lot = "lot-" + UUID.randomUUID();
        try (var auction = EventPublisher.as("/auction-service")) {
            auction.publish(new AuctionClosed(lot, "AION-UT-SUPER-NGC001", "SOLD", Tokens.subject(winner), "K3XQ9PZ1A7MB",
                    2_000_000L, 10_000L, 12, Instant.now()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !TestDatabase.text("select id from orders where lot_id = ?", lot).isEmpty());
        String order = TestDatabase.text("select id from orders where lot_id = ?", lot);
        given().auth().oauth2(Tokens.of(winner)).post("/orders/" + order + "/confirm").then().statusCode(200);
        return order;
    }

    private Response deliver(long timestamp, String nonce, String body, String signature) {
        return new SignedCallbacks(secret).deliver(timestamp, nonce, body, signature);
    }

    private static String body(String payment, long amountFen) {
        return SignedCallbacks.paid(payment, amountFen);
    }

    private static String state(String order) {
        return TestDatabase.text("select state from orders where id = ?", order);
    }
}
