package com.goodcar.deposit.refund;

import static com.goodcar.deposit.Buyers.as;
import static com.goodcar.deposit.Buyers.awaitState;
import static com.goodcar.deposit.Buyers.close;
import static com.goodcar.deposit.Buyers.openDeposit;
import static com.goodcar.deposit.Buyers.pay;
import static com.goodcar.deposit.Buyers.scheduledLot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.goodcar.kit.payment.CallbackSignature;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What operators do with refunds, and what buyers may not do. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "deposit"))
@WithTestResource(PspSandbox.class)
class RefundOperationsTest {

    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "psp.callback-secret")
    String secret;

    @Test
    void aRefundTheProviderRejectsIsFailedShownToOperatorsAndRetriedByHand() {
        String lot = scheduledLot();
        var opened = openDeposit("carol", lot);
        String deposit = opened.getString("deposit.id");
        String payment = opened.getString("payment.id");
        // we were told it was paid, but the provider has no such payment yet: its refund will be rejected
        String body = "{\"merchantPaymentId\":\"" + payment + "\",\"providerPaymentId\":\"x\",\"amountFen\":10000,"
                + "\"state\":\"PAID\",\"paidAt\":\"" + Instant.now() + "\"}";
        long now = Instant.now().getEpochSecond();
        String nonce = "n-" + UUID.randomUUID();
        given().contentType("application/json").header(CallbackSignature.TIMESTAMP, Long.toString(now))
                .header(CallbackSignature.NONCE, nonce)
                .header(CallbackSignature.SIGNATURE, new CallbackSignature(secret).sign(now, nonce, body))
                .body(body).post("/payments/callbacks").then().statusCode(200);
        close(lot, "UNSOLD", null);
        String refund = "rf-" + payment;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(as("olga")
                .get("/refunds?state=FAILED&lotId=" + lot).then().statusCode(200).extract().path("items[0].state")));
        as("olga").get("/refunds?state=FAILED&lotId=" + lot).then().body("items[0].id", is(refund))
                .body("items[0].lastError", containsString("not paid"));

        as("carol").get("/refunds").then().statusCode(403).contentType(PROBLEM);
        as("carol").post("/refunds/" + refund + "/retry").then().statusCode(403);
        pay(opened); // the payment really happens at the provider; the retried refund now goes through
        as("olga").post("/refunds/" + refund + "/retry").then().statusCode(200).body("state", is("PENDING"));
        as("olga").post("/refunds/" + refund + "/retry").then().statusCode(409).contentType(PROBLEM);
        as("olga").post("/refunds/rf-nope/retry").then().statusCode(404).contentType(PROBLEM);
        awaitState("carol", deposit, "REFUNDED");
    }

    @Test
    void badRequestsAreProblemsNeverServerErrors() {
        String lot = scheduledLot();
        given().contentType("application/json").header("Idempotency-Key", "k-00000001")
                .body(Map.of("lotId", lot)).post("/deposits").then().statusCode(401);
        as("alice").body(Map.of("lotId", lot)).post("/deposits").then().statusCode(400).contentType(PROBLEM);
        as("alice").header("Idempotency-Key", "k-00000001").body(Map.of("lotId", lot, "amountFen", 1))
                .post("/deposits").then().statusCode(400).contentType(PROBLEM);
        as("alice").header("Idempotency-Key", "k-00000001").body("{\"lotId\": ").post("/deposits")
                .then().statusCode(400).contentType(PROBLEM);
        as("alice").header("Idempotency-Key", "k-00000001").body(Map.of("lotId", "lot-never-scheduled"))
                .post("/deposits").then().statusCode(409).contentType(PROBLEM).body("title", is("Lot not open for deposits"));
        as("alice").get("/ledger/trial-balance").then().statusCode(403).contentType(PROBLEM);
        as("olga").get("/ledger/trial-balance").then().statusCode(200).body("balanced", is(true));
        as("olga").get("/refunds?state=LOST").then().statusCode(400).contentType(PROBLEM);
        as("alice").get("/deposits?size=1000").then().statusCode(400).contentType(PROBLEM);
    }
}
