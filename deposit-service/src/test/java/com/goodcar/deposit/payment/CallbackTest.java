package com.goodcar.deposit.payment;

import static com.goodcar.deposit.Buyers.ledgerCheck;
import static com.goodcar.deposit.Buyers.openDeposit;
import static com.goodcar.deposit.Buyers.pay;
import static com.goodcar.deposit.Buyers.scheduledLot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.SignedCallbacks;
import com.goodcar.kit.testing.TestDatabase;
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

/**
 * The provider's callbacks as an attacker or a flaky network would deliver them. Only a genuine,
 * fresh, first delivery of a known payment's exact amount changes anything.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "deposit"))
@WithTestResource(PspSandbox.class)
class CallbackTest {

    @ConfigProperty(name = "psp.callback-secret")
    String secret;

    @ConfigProperty(name = "psp.merchant-key", defaultValue = "sandbox-merchant-key")
    String merchantKey;

    @ConfigProperty(name = "psp.url")
    String pspUrl;

    @Test
    void forgedStaleReplayedAlteredAndUnknownCallbacksAreRefusedAndChangeNothing() {
        String lot = scheduledLot();
        var opened = openDeposit("carol", lot);
        String payment = opened.getString("payment.id");
        String deposit = opened.getString("deposit.id");
        long now = Instant.now().getEpochSecond();
        String genuine = body(payment, 10_000);

        deliver(now, "n-" + UUID.randomUUID(), genuine, "0".repeat(64)).then().statusCode(401)
                .body("title", is("Bad signature"));
        deliver(now - 3_600, "n-" + UUID.randomUUID(), genuine, null).then().statusCode(401)
                .body("title", is("Stale callback"));
        deliver(now, "n-" + UUID.randomUUID(), body(payment, 1), null).then().statusCode(422);
        deliver(now, "n-" + UUID.randomUUID(), body("pay-unknown", 10_000), null).then().statusCode(404);
        assertEquals("AWAITING_PAYMENT", state(deposit), "refused callbacks changed nothing");
        assertEquals(0, TestDatabase.number("select count(*) from journal_entry where deposit_id = ?", deposit));

        String nonce = "n-" + UUID.randomUUID();
        deliver(now, nonce, genuine, null).then().statusCode(200).body("effect", is("HELD"));
        deliver(now, nonce, genuine, null).then().statusCode(409).body("title", is("Replayed callback"));
        deliver(now, "n-" + UUID.randomUUID(), genuine, null).then().statusCode(200).body("effect", is("ALREADY_PAID"));
        assertEquals("HELD", state(deposit));
        assertEquals(1, TestDatabase.number("select count(*) from journal_entry where deposit_id = ?", deposit));
    }

    @Test
    void paidTwiceOutOfOrderAndDeliveredThreeTimesOneHoldAndTheOtherPaymentRefundedOnce() {
        String lot = scheduledLot();
        // the buyer opened the payment on two devices and paid both, the second one first
        var first = openDeposit("alice", lot, "phone-" + UUID.randomUUID());
        var second = openDeposit("alice", lot, "laptop-" + UUID.randomUUID());
        String deposit = first.getString("deposit.id");
        assertEquals(deposit, second.getString("deposit.id"), "one deposit per buyer and lot");
        String p1 = first.getString("payment.id");
        String p2 = second.getString("payment.id");
        pay(second);
        pay(first);
        // and the provider delivers each callback three times, interleaved
        for (String payment : new String[] {p1, p2, p1, p2}) {
            given().header("X-Merchant-Key", merchantKey).post(pspUrl + "/v1/payments/" + payment + "/notifications")
                    .then().statusCode(lessThan(300));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> PspSandbox.number(
                "select count(*) from psp_delivery d join psp_notification n on n.id = d.notification_id "
                        + "where n.merchant_payment_id in (?, ?) and d.status = 200", p1, p2) == 6);
        String refunded = TestDatabase.text("select payment_id from refund where deposit_id = ?", deposit);
        String holding = TestDatabase.text("select payment_id from deposit where id = ?", deposit);
        assertEquals(java.util.Set.of(p1, p2), java.util.Set.of(refunded, holding),
                "one payment is the hold, the other is refunded");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.number(
                "select count(*) from refund where deposit_id = ? and state = 'SUCCEEDED'", deposit) == 1);
        assertEquals("HELD", state(deposit));
        assertEquals(1, TestDatabase.number("select count(*) from refund where deposit_id = ?", deposit));
        assertEquals(1, PspSandbox.number("select count(*) from psp_refund where merchant_payment_id = ?", refunded),
                "the provider was asked once");
        assertEquals(1, TestDatabase.number("select count(*) from journal_entry where movement = 'CAPTURE' and deposit_id = ?",
                deposit));
        var check = ledgerCheck();
        assertTrue(check.getBoolean("balanced") && check.getList("mismatches").isEmpty(), check.prettify());
    }

    @Test
    void genuinelySignedButHostileCallbacksAreClearRefusalsNever500() {
        String lot = scheduledLot();
        var opened = openDeposit("bob", lot);
        String payment = opened.getString("payment.id");
        String deposit = opened.getString("deposit.id");
        long now = Instant.now().getEpochSecond();
        for (long timestamp : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 999_999_999_999_999L, -1}) {
            deliver(timestamp, "n-" + UUID.randomUUID(), body(payment, 10_000), null).then().statusCode(401)
                    .contentType("application/problem+json").body("title", is("Stale callback"));
        }
        for (String hostile : new String[] {"null", "[]", "7", "{\"merchantPaymentId\":\"p\u0000x\"}",
                "{\"merchantPaymentId\":\"" + payment + "\",\"amountFen\":10000.5,\"state\":\"PAID\"}",
                "{\"merchantPaymentId\":\"" + payment + "\",\"amountFen\":\"10000\",\"state\":\"PAID\"}"}) {
            deliver(now, "n-" + UUID.randomUUID(), hostile, null).then().statusCode(400)
                    .contentType("application/problem+json").body("title", is("Malformed callback"));
        }
        assertEquals("AWAITING_PAYMENT", state(deposit), "none of them changed anything");
    }

    private Response deliver(long timestamp, String nonce, String body, String signature) {
        return new SignedCallbacks(secret).deliver(timestamp, nonce, body, signature);
    }

    private static String body(String payment, long amountFen) {
        return SignedCallbacks.paid(payment, amountFen);
    }

    private static String state(String deposit) {
        return TestDatabase.text("select state from deposit where id = ?", deposit);
    }
}
