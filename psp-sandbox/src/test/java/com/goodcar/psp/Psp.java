package com.goodcar.psp;

import static io.restassured.RestAssured.given;

import com.goodcar.kit.payment.CallbackSignature;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** The sandbox as a merchant and a buyer use it, for tests. */
final class Psp {

    static final String PROBLEM = "application/problem+json";

    private Psp() {
    }

    static String merchantKey() {
        return ConfigProvider.getConfig().getOptionalValue("sandbox.merchant-key", String.class)
                .orElse("sandbox-merchant-key");
    }

    static CallbackSignature signature() {
        return new CallbackSignature(ConfigProvider.getConfig().getValue("sandbox.callback-secret", String.class));
    }

    /** A request with the merchant's key, as deposit-service's adapter sends it. */
    static RequestSpecification merchant() {
        return given().header(SandboxGate.MERCHANT_KEY, merchantKey()).contentType(ContentType.JSON);
    }

    /** A notify URL of the test merchant on this test's server. */
    static String notifyUrl(String mailbox) {
        return "http://127.0.0.1:" + RestAssured.port + "/test-merchant/" + mailbox + "/callbacks";
    }

    static String newId(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    static Response open(String merchantPaymentId, long amountFen, String notifyUrl) {
        return merchant().body(Map.of("merchantPaymentId", merchantPaymentId, "amountFen", amountFen,
                "subject", "Deposit for National Good Car No. 001", "notifyUrl", notifyUrl)).post("/psp-sandbox/v1/payments");
    }

    /** Opens a payment and returns its provider id. */
    static String opened(String merchantPaymentId, long amountFen, String notifyUrl) {
        return open(merchantPaymentId, amountFen, notifyUrl).then().statusCode(201).extract().path("providerPaymentId");
    }

    /** The buyer presses Pay. */
    static Response pay(String providerPaymentId) {
        return given().post("/psp-sandbox/pay/" + providerPaymentId);
    }

    static Response refund(String merchantRefundId, String merchantPaymentId, long amountFen) {
        var body = new HashMap<String, Object>(Map.of("merchantRefundId", merchantRefundId,
                "merchantPaymentId", merchantPaymentId, "amountFen", amountFen, "reason", "lost the auction"));
        return merchant().body(body).post("/psp-sandbox/v1/refunds");
    }

    static Response status(String merchantPaymentId) {
        return merchant().get("/psp-sandbox/v1/payments/" + merchantPaymentId);
    }

    static Response notifications(String merchantPaymentId) {
        return merchant().queryParam("merchantPaymentId", merchantPaymentId).get("/psp-sandbox/v1/notifications");
    }
}
