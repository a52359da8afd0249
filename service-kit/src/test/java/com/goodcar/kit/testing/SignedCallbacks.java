package com.goodcar.kit.testing;

import static io.restassured.RestAssured.given;

import com.goodcar.kit.payment.CallbackSignature;
import io.restassured.response.Response;
import java.time.Instant;

/** Payment callbacks as a provider would send them to the service under test, signed with its secret (or not). */
public final class SignedCallbacks {

    private final String secret;

    public SignedCallbacks(String secret) {
        this.secret = secret;
    }

    /** @param signature null to sign it genuinely, else the signature to send */
    public Response deliver(long timestamp, String nonce, String body, String signature) {
        String signed = signature != null ? signature : new CallbackSignature(secret).sign(timestamp, nonce, body);
        return given().contentType("application/json").header(CallbackSignature.TIMESTAMP, Long.toString(timestamp))
                .header(CallbackSignature.NONCE, nonce).header(CallbackSignature.SIGNATURE, signed).body(body)
                .post("/payments/callbacks");
    }

    /** A PAID notification of the payment, for the amount. */
    public static String paid(String payment, long amountFen) {
        return "{\"merchantPaymentId\":\"" + payment + "\",\"providerPaymentId\":\"psp-" + payment + "\",\"amountFen\":"
                + amountFen + ",\"state\":\"PAID\",\"paidAt\":\"" + Instant.now() + "\"}";
    }
}
