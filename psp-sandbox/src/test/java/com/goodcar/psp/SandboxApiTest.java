package com.goodcar.psp;

import static com.goodcar.psp.Psp.PROBLEM;
import static com.goodcar.psp.Psp.merchant;
import static com.goodcar.psp.Psp.newId;
import static com.goodcar.psp.Psp.notifyUrl;
import static com.goodcar.psp.Psp.open;
import static com.goodcar.psp.Psp.opened;
import static com.goodcar.psp.Psp.pay;
import static com.goodcar.psp.Psp.refund;
import static com.goodcar.psp.Psp.status;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "psp"))
class SandboxApiTest {

    @Test
    void openingAPaymentIsIdempotentOnTheMerchantsId() {
        String id = newId("pay");
        var first = open(id, 10_000, notifyUrl("nobody")).then().statusCode(201)
                .body("providerPaymentId", startsWith("sbxpay_")).extract();
        String provider = first.path("providerPaymentId");
        assertTrue(first.<String>path("payUrl").endsWith("/psp-sandbox/pay/" + provider), first.asString());
        open(id, 10_000, notifyUrl("nobody")).then().statusCode(200).body(is(first.asString()));
        open(id, 20_000, notifyUrl("nobody")).then().statusCode(409).contentType(PROBLEM)
                .body("title", is("Payment id reused")).body("detail", containsString("10000"));
        status(id).then().statusCode(200)
                .body("merchantPaymentId", is(id)).body("state", is("CREATED")).body("amountFen", is(10_000))
                .body("refundedFen", is(0)).body("paidAt", nullValue());
        assertEquals(1, TestDatabase.number("select count(*) from psp_payment where merchant_payment_id = ?", id));
    }

    @Test
    void theMerchantApiWantsTheMerchantsKeyButThePayPageIsOpen() {
        String provider = opened(newId("pay"), 10_000, notifyUrl("nobody"));
        given().contentType(ContentType.JSON).body(Map.of()).post("/psp-sandbox/v1/payments").then()
                .statusCode(401).contentType(PROBLEM).body("title", is("Invalid merchant key"));
        given().header(SandboxGate.MERCHANT_KEY, "guessed").get("/psp-sandbox/v1/refunds?merchantPaymentId=x").then()
                .statusCode(401).contentType(PROBLEM);
        given().get("/psp-sandbox/pay/" + provider).then().statusCode(200).contentType(ContentType.HTML);
    }

    @Test
    void wrongRequestsAreProblems() {
        merchant().body(Map.of("merchantPaymentId", "has spaces", "amountFen", 0, "subject", "",
                        "notifyUrl", "ftp://x")).post("/psp-sandbox/v1/payments").then()
                .statusCode(400).contentType(PROBLEM).body("violations", hasSize(4));
        status("no-such-payment").then().statusCode(404).contentType(PROBLEM);
        pay("sbxpay_nosuch").then().statusCode(404).contentType(PROBLEM);
        merchant().get("/psp-sandbox/v1/refunds").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void thePayPageTakesTheBuyersPaymentOnce() {
        String id = newId("pay");
        String provider = opened(id, 10_000, notifyUrl("nobody"));
        String script = merchant().body(Map.of("merchantPaymentId", newId("pay"), "amountFen", 1,
                        "subject", "<script>alert(1)</script>", "notifyUrl", notifyUrl("nobody")))
                .post("/psp-sandbox/v1/payments").then().statusCode(201).extract().path("providerPaymentId");
        given().get("/psp-sandbox/pay/" + script).then().statusCode(200)
                .body(not(containsString("<script>"))).body(containsString("&lt;script&gt;alert(1)"));

        given().get("/psp-sandbox/pay/" + provider).then().statusCode(200)
                .body(containsString("Deposit for National Good Car No. 001"))
                .body(containsString("<button type=\"submit\">Pay ¥100.00</button>"));
        String paidAt = pay(provider).then().statusCode(200).contentType(ContentType.JSON)
                .body("state", is("PAID")).body("paidAt", not(nullValue())).extract().path("paidAt");
        // a browser's second press (the page's form): sent back to the page, which now says paid
        given().redirects().follow(false).accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .contentType(ContentType.URLENC).body("")
                .post("/psp-sandbox/pay/" + provider).then().statusCode(303)
                .header("Location", endsWith("/psp-sandbox/pay/" + provider));
        given().get("/psp-sandbox/pay/" + provider).then().body(containsString("Paid at"))
                .body(not(containsString("<button")));
        status(id).then().body("state", is("PAID")).body("paidAt", is(paidAt));
        assertEquals(1, TestDatabase.number("select count(*) from psp_notification where merchant_payment_id = ?", id));
    }

    @Test
    void refundsAreAnsweredOncePerKeyAndNeverAddUpToMoreThanWasPaid() {
        String id = newId("pay");
        String provider = opened(id, 10_000, notifyUrl("nobody"));
        refund("early-" + id, id, 1_000).then().statusCode(201)
                .body("state", is("REJECTED")).body("reason", containsString("not paid"));
        pay(provider).then().statusCode(200);

        String first = refund("r1-" + id, id, 6_000).then().statusCode(201)
                .body("state", is("SUCCESS")).body("reason", nullValue())
                .body("providerRefundId", startsWith("sbxrfd_")).extract().asString();
        refund("r1-" + id, id, 6_000).then().statusCode(200).body(is(first));
        refund("r2-" + id, id, 5_000).then().statusCode(201)
                .body("state", is("REJECTED")).body("reason", containsString("4000 of 10000"));
        refund("r3-" + id, id, 4_000).then().statusCode(201).body("state", is("SUCCESS"));
        refund("r4-" + id, id, 1).then().statusCode(201).body("state", is("REJECTED"));
        refund("r1-" + id, id, 7_000).then().statusCode(409).contentType(PROBLEM).body("title", is("Refund id reused"));
        refund("early-" + id, id, 1_000).then().statusCode(200).body("state", is("REJECTED"));
        refund("r5-" + id, "never-opened", 1_000).then().statusCode(201)
                .body("state", is("REJECTED")).body("reason", containsString("no payment"));

        merchant().queryParam("merchantPaymentId", id).get("/psp-sandbox/v1/refunds").then().statusCode(200)
                .body("merchantRefundId", org.hamcrest.Matchers.contains("early-" + id, "r1-" + id, "r2-" + id,
                        "r3-" + id, "r4-" + id))
                .body("state", org.hamcrest.Matchers.contains("REJECTED", "SUCCESS", "REJECTED", "SUCCESS", "REJECTED"));
        status(id).then().body("state", is("PAID")).body("refundedFen", is(10_000));
    }

    @Test
    void refundsAtTheSameMomentStillNeverExceedThePayment() throws Exception {
        String id = newId("pay");
        pay(opened(id, 10_000, notifyUrl("nobody"))).then().statusCode(200);
        List<Callable<String>> rush = IntStream.range(0, 12)
                // six distinct keys, each sent twice: 3 fit (9000 of 10000), the rest is rejected
                .mapToObj(i -> (Callable<String>) () -> refund("rush-" + (i % 6) + "-" + id, id, 3_000)
                        .then().statusCode(org.hamcrest.Matchers.anyOf(is(200), is(201))).extract().asString())
                .toList();
        try (var pool = Executors.newFixedThreadPool(12)) {
            for (var answer : pool.invokeAll(rush)) {
                answer.get();
            }
        }
        assertEquals(3, TestDatabase.number(
                "select count(*) from psp_refund where merchant_payment_id = ? and state = 'SUCCESS'", id));
        assertEquals(6, TestDatabase.number("select count(*) from psp_refund where merchant_payment_id = ?", id));
        status(id).then().body("refundedFen", is(9_000));
    }

    @Test
    void aClosedPaymentCanNeitherBePaidNorRefunded() {
        String id = newId("pay");
        String provider = opened(id, 10_000, notifyUrl("nobody"));
        merchant().post("/psp-sandbox/v1/payments/" + id + "/close").then().statusCode(200).body("state", is("CLOSED"));
        merchant().post("/psp-sandbox/v1/payments/" + id + "/close").then().statusCode(200).body("state", is("CLOSED"));
        pay(provider).then().statusCode(409).contentType(PROBLEM).body("title", is("Payment closed"));
        given().get("/psp-sandbox/pay/" + provider).then().body(containsString("closed"))
                .body(not(containsString("<button")));
        refund("r-" + id, id, 10_000).then().statusCode(201).body("state", is("REJECTED"));
        merchant().post("/psp-sandbox/v1/payments/" + id + "/notifications").then().statusCode(409);

        String paid = newId("pay");
        pay(opened(paid, 10_000, notifyUrl("nobody"))).then().statusCode(200);
        merchant().post("/psp-sandbox/v1/payments/" + paid + "/close").then().statusCode(409).contentType(PROBLEM);
    }
}
