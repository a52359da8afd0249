package com.goodcar.kit.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.jboss.logging.Logger;

/**
 * Where the payment provider reports payments. Authenticated by its signature, not by a token: a
 * bad signature, a stale timestamp, a replayed nonce, an altered amount or an unknown payment is
 * refused, logged, and changes nothing. A genuine repeat of a delivery is acknowledged again.
 * What a genuine callback does is the service's {@link CallbackCapture}.
 */
@Path("/payments/callbacks")
@IfBuildProperty(name = "kit.payment.enabled", stringValue = "true")
public class PaymentCallbacks {

    private static final Logger LOG = Logger.getLogger(PaymentCallbacks.class);

    private final CallbackCapture captures;
    private final CallbackCheck check;
    private final ObjectMapper json;

    PaymentCallbacks(CallbackCapture captures, ObjectMapper json, Clock clock,
                     @ConfigProperty(name = "psp.callback-secret") String secret,
                     @ConfigProperty(name = "psp.callback-max-age") Duration maxAge) {
        this.captures = captures;
        this.json = json;
        this.check = new CallbackCheck(new CallbackSignature(secret), maxAge, clock);
    }

    /**
     * The acknowledgement the provider waits for, with what the callback did: the service's word (a
     * deposit's HELD or DUPLICATE, an order's PAID or REFUNDED) or ALREADY_PAID (a genuine repeat).
     */
    @Schema(examples = """
            {"result": "success", "effect": "HELD"}
            """)
    public record Acknowledged(String result, String effect) {
    }

    static final String SIGNED = """
            Called by the payment provider, not by people: authenticated by its signature, not by a token. \
            Each delivery carries `X-Psp-Timestamp` (epoch seconds), `X-Psp-Nonce` (unique per delivery) and \
            `X-Psp-Signature`: the lowercase hex HMAC-SHA256, keyed with the callback secret shared with the \
            provider (the service's <SERVICE>_PSP_CALLBACK_SECRET), of `timestamp + "\\n" + nonce + "\\n" + body`, the body byte for \
            byte as sent. A delivery is accepted only if genuine (signature), fresh (timestamp within \
            <SERVICE>_PSP_CALLBACK_MAX_AGE, 5 minutes, of this service's clock), first (the nonce was not seen before) \
            and exact (the amount of the payment it names); a refused one changes nothing. A genuine repeat \
            of a delivery (a new nonce) is acknowledged again, with effect ALREADY_PAID; the provider retries \
            until it gets a 2xx.

            Example with the local secret `sandbox-callback-secret-change-me`: timestamp `1794355382`, nonce \
            `9b3e7d1f0a6c4e2b8d5f1a3c7e9b0d24` and the body \
            `{"merchantPaymentId":"pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74","providerPaymentId":"sbxpay_4f9a1c7e2b8d3f6a0e5c9b1d7a3f2e84","amountFen":10000,"state":"PAID","paidAt":"2026-11-11T00:03:01.902Z"}` \
            are signed `0744533124a5945d1813cfaed853e494b366e73d2cdb264b7c2639e7db37244d`.""";

    @POST
    @PermitAll
    @SecurityRequirements
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The payment provider's signed payment callback (HMAC-SHA256 over timestamp, nonce and body)",
            description = SIGNED)
    @RequestBody(required = true, description = "The provider's payment notification (JSON), signed as it is sent.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PaymentNotification.class),
                    examples = @ExampleObject(name = "paid", value = """
                            {"merchantPaymentId": "pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "providerPaymentId": "sbxpay_4f9a1c7e2b8d3f6a0e5c9b1d7a3f2e84", "amountFen": 10000, "state": "PAID", "paidAt": "2026-11-11T00:03:01.902Z"}
                            """)))
    @APIResponse(responseCode = "200", description = "Accepted, or a genuine repeat acknowledged again.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Acknowledged.class)))
    @APIResponse(responseCode = "400", description = "The body is not a payment notification (`malformed-callback`); "
            + "or a NUL (%00) in the path or query (`nul-character`).")
    @APIResponse(responseCode = "401", description = "The signature does not match the body, timestamp and nonce, or a "
            + "signature header is missing (`bad-signature`); or the timestamp is outside the accepted window (`stale-callback`).")
    @APIResponse(responseCode = "404", description = "No payment with that merchantPaymentId here (`unknown-payment`).")
    @APIResponse(responseCode = "409", description = "This delivery's nonce was used before (`replayed-callback`).")
    @APIResponse(responseCode = "422", description = "The amount is not the payment's (`amount-mismatch`), or the "
            + "notification reports no payment (`not-paid`: state is not PAID).")
    public Uni<Acknowledged> receive(
            @Parameter(in = ParameterIn.HEADER, required = true, example = "1794355382",
                    description = "When the provider signed this delivery, in epoch seconds")
            @HeaderParam(CallbackSignature.TIMESTAMP) String timestamp,
            @Parameter(in = ParameterIn.HEADER, required = true, example = "9b3e7d1f0a6c4e2b8d5f1a3c7e9b0d24",
                    description = "Unique per delivery: a nonce seen before is refused (409)")
            @HeaderParam(CallbackSignature.NONCE) String nonce,
            @Parameter(in = ParameterIn.HEADER, required = true,
                    example = "0744533124a5945d1813cfaed853e494b366e73d2cdb264b7c2639e7db37244d",
                    description = "Hex HMAC-SHA256 of timestamp, newline, nonce, newline, body, keyed with the callback secret")
            @HeaderParam(CallbackSignature.SIGNATURE) String signature,
            @Context HttpServerRequest request, String body) {
        String from = request.remoteAddress() == null ? "?" : request.remoteAddress().toString();
        switch (check.check(timestamp, nonce, body, signature)) {
            case BAD_SIGNATURE -> throw refuse(401, "bad-signature", "Bad signature",
                    "The signature does not match the body, timestamp and nonce.", from, body);
            case STALE -> throw refuse(401, "stale-callback", "Stale callback",
                    "The timestamp " + timestamp + " is outside the accepted window.", from, body);
            case GENUINE -> { }
        }
        PaymentNotification paid = notification(body);
        if (paid == null || paid.merchantPaymentId() == null) {
            throw refuse(400, "malformed-callback", "Malformed callback", "The body is not a payment notification.",
                    from, body);
        }
        return captures.capture(paid, nonce)
                .invoke(effect -> LOG.infof("callback for payment %s (%d fen): %s", paid.merchantPaymentId(),
                        paid.amountFen(), effect))
                .map(effect -> new Acknowledged("success", effect))
                .onFailure(CallbackCapture.Refused.class).transform(e -> {
                    var refused = (CallbackCapture.Refused) e;
                    return switch (refused.refusal) {
                        case REPLAYED_NONCE -> refuse(409, "replayed-callback", "Replayed callback",
                                "This delivery's nonce was used before.", from, body);
                        case UNKNOWN_PAYMENT -> refuse(404, "unknown-payment", "Unknown payment",
                                refused.getMessage(), from, body);
                        case ALTERED_AMOUNT -> refuse(422, "amount-mismatch", "Amount does not match",
                                refused.getMessage(), from, body);
                        case NOT_PAID -> refuse(422, "not-paid", "Not a payment", refused.getMessage(), from, body);
                    };
                });
    }

    /** The notification in the body; null if it is none (strictly read: no coerced types, no NUL characters) */
    private PaymentNotification notification(String body) {
        try {
            return json.readValue(body, PaymentNotification.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static ProblemException refuse(int status, String slug, String title, String detail, String from,
                                           String body) {
        LOG.warnf("callback refused (%s) from %s: %s; body %s", slug, from, detail,
                body == null ? "" : body.substring(0, Math.min(body.length(), 300)));
        return new ProblemException(Problem.of(status, slug, title, detail));
    }
}
