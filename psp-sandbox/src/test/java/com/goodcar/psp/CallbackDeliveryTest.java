package com.goodcar.psp;

import static com.goodcar.psp.Psp.merchant;
import static com.goodcar.psp.Psp.newId;
import static com.goodcar.psp.Psp.notifications;
import static com.goodcar.psp.Psp.notifyUrl;
import static com.goodcar.psp.Psp.opened;
import static com.goodcar.psp.Psp.pay;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.goodcar.kit.payment.CallbackSignature;
import com.goodcar.kit.payment.PaymentNotification;
import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "psp"))
class CallbackDeliveryTest {

    @Inject
    TestMerchant.Mailboxes mailboxes;

    @Inject
    ObjectMapper json;

    @Test
    void aPaidPaymentIsCalledBackSignedAndRetriedWithBackOffUntilAcknowledged() throws Exception {
        String mailbox = newId("down-thrice");
        mailboxes.failNext(mailbox, 3);
        String id = newId("pay");
        String provider = opened(id, 10_000, notifyUrl(mailbox));
        String paidAt = pay(provider).then().statusCode(200).extract().path("paidAt");

        List<TestMerchant.Received> received = mailboxes.received(mailbox);
        await().atMost(Duration.ofSeconds(40)).until(() -> received.size() >= 4);
        // no fifth attempt after the acknowledged fourth: it holds for 1.5 s, however late the poller gets to look
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(15)).until(() -> received.size() == 4);

        CallbackSignature signature = Psp.signature();
        for (var callback : received) {
            assertTrue(signature.verify(Long.parseLong(callback.timestamp()), callback.nonce(), callback.body(),
                    callback.signature()), "signature of " + callback);
            assertTrue(Math.abs(Long.parseLong(callback.timestamp()) - callback.at().getEpochSecond()) <= 2,
                    "a timestamp of the attempt itself: " + callback);
            assertEquals(new PaymentNotification(id, provider, 10_000, "PAID", Instant.parse(paidAt)),
                    json.readValue(callback.body(), PaymentNotification.class));
        }
        assertEquals(4, new HashSet<>(received.stream().map(TestMerchant.Received::nonce).toList()).size(),
                "a new nonce on every attempt");
        assertEquals(1, received.stream().map(TestMerchant.Received::body).distinct().count(), "the same body");
        // 1 s, 2 s, 4 s between the attempts: each waits its pause after the previous answer
        List<Duration> gaps = IntStream.range(1, 4)
                .mapToObj(i -> Duration.between(received.get(i - 1).at(), received.get(i).at())).toList();
        for (int i = 0; i < 3; i++) {
            Duration pause = Duration.ofSeconds(1L << i);
            assertTrue(gaps.get(i).compareTo(pause.minusMillis(20)) >= 0, "gaps " + gaps);
            assertTrue(gaps.get(i).compareTo(pause.plusSeconds(5)) < 0, "gaps " + gaps);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(notifications(id).path("[0].state")));
        notifications(id).then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].attempts", is(4))
                .body("[0].deliveries.status", is(List.of(503, 503, 503, 200)))
                .body("[0].deliveries.attempt", is(List.of(1, 2, 3, 4)));
        var deliveries = notifications(id).then().extract().jsonPath().getList("[0].deliveries", DeliveryView.class);
        for (int i = 0; i < 4; i++) {
            var delivery = deliveries.get(i);
            assertEquals(received.get(i).nonce(), delivery.headers().get(CallbackSignature.NONCE));
            assertEquals(received.get(i).signature(), delivery.headers().get(CallbackSignature.SIGNATURE));
            assertEquals(received.get(i).body(), delivery.body());
            assertEquals(notifyUrl(mailbox), delivery.url());
        }
    }

    @Test
    void theMerchantCanBeCalledBackAgainAndEachDeliveryIsSignedAfresh() {
        String mailbox = newId("again");
        String id = newId("pay");
        pay(opened(id, 10_000, notifyUrl(mailbox))).then().statusCode(200);
        List<TestMerchant.Received> received = mailboxes.received(mailbox);
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 1);

        merchant().post("/psp-sandbox/v1/payments/" + id + "/notifications").then().statusCode(202)
                .body("state", is("PENDING"));
        merchant().post("/psp-sandbox/v1/payments/" + id + "/notifications").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 3);

        CallbackSignature signature = Psp.signature();
        assertEquals(1, received.stream().map(TestMerchant.Received::body).distinct().count());
        assertEquals(3, received.stream().map(TestMerchant.Received::nonce).distinct().count());
        assertEquals(3, received.stream().map(TestMerchant.Received::notificationId).distinct().count());
        received.forEach(callback -> assertTrue(signature.verify(Long.parseLong(callback.timestamp()),
                callback.nonce(), callback.body(), callback.signature())));
        await().atMost(Duration.ofSeconds(30)).until(() -> notifications(id).<List<String>>path("state")
                .equals(List.of("DELIVERED", "DELIVERED", "DELIVERED")));
        notifications(id).then().body("attempts", is(List.of(1, 1, 1)));
    }
}
