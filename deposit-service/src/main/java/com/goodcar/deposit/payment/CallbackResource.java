package com.goodcar.deposit.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.goodcar.kit.payment.CallbackCheck;
import com.goodcar.kit.payment.CallbackSignature;
import com.goodcar.kit.payment.PaymentNotification;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
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
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Where the payment provider reports payments. Authenticated by its signature, not by a token: a
 * bad signature, a stale timestamp, a replayed nonce, an altered amount or an unknown payment is
 * refused, logged, and changes nothing. A genuine repeat of a delivery is acknowledged again.
 */
@Path("/payments/callbacks")
public class CallbackResource {

    private static final Logger LOG = Logger.getLogger(CallbackResource.class);

    private final Captures captures;
    private final CallbackCheck check;
    private final ObjectMapper json;

    CallbackResource(Captures captures, ObjectMapper json, Clock clock,
                     @ConfigProperty(name = "psp.callback-secret") String secret,
                     @ConfigProperty(name = "psp.callback-max-age") Duration maxAge) {
        this.captures = captures;
        this.json = json;
        this.check = new CallbackCheck(new CallbackSignature(secret), maxAge, clock);
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The payment provider's signed payment callback (HMAC-SHA256 over timestamp, nonce and body)")
    public Uni<Map<String, String>> receive(@HeaderParam(CallbackSignature.TIMESTAMP) String timestamp,
                                            @HeaderParam(CallbackSignature.NONCE) String nonce,
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
                .map(effect -> Map.of("result", "success", "effect", effect.name()))
                .onFailure(Captures.Refused.class).transform(e -> {
                    var refused = (Captures.Refused) e;
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
