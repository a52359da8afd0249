package com.goodcar.psp;

import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The buyer's side of the sandbox: the cashier page a payUrl leads to, and its Pay button. No
 * login and no money: pressing Pay (or POSTing, from a test or curl) is the buyer paying.
 */
@Path(SandboxGate.ROOT + "/pay/{providerPaymentId}")
@Tag(name = "PSP sandbox")
public class PayPage {

    private final SandboxPayments payments;

    PayPage(SandboxPayments payments) {
        this.payments = payments;
    }

    /** A shortened page of an unpaid payment, for the document. */
    static final String PAGE_EXAMPLE = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Pay ¥100.00 - PSP sandbox</title></head>
            <body>
            <h1>PSP sandbox</h1>
            <p>Deposit for AION UT Super, 1-yuan auction</p>
            <p class="amount">¥100.00</p>
            <p class="note">Merchant payment pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74 &middot; CREATED</p>
            <form method="post"><button type="submit">Pay ¥100.00</button></form>
            </body>
            </html>
            """;

    @GET
    @PermitAll
    @SecurityRequirements
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The pay page: what is paid, for how much, and a Pay button")
    @APIResponse(responseCode = "200", description = "The page: a Pay button while CREATED, else when it was paid or that it is closed.",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "unpaid", value = PAGE_EXAMPLE)))
    public Uni<String> page(@PathParam("providerPaymentId") String providerPaymentId) {
        return payments.byProviderId(providerPaymentId).map(found -> html(
                found.orElseThrow(() -> ProblemException.notFound("Payment", providerPaymentId)), payments.now()));
    }

    /**
     * The buyer pays: the payment becomes PAID and its callback is queued. Paying again changes
     * nothing. A browser is sent back to the page (303); anyone else gets the payment as JSON.
     */
    @POST
    @PermitAll
    @SecurityRequirements
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "The buyer pays (idempotent): PAID, and the merchant's callback is queued")
    @APIResponse(responseCode = "200", description = "Paid (or paid before: nothing changes), for a caller that is no browser.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "303", description = "Paid, for a browser (Accept: text/html first): back to the pay page.",
            headers = @Header(name = "Location", description = "The pay page", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "The payment is closed and can no longer be paid (`payment-closed`).")
    public Uni<Response> pay(@PathParam("providerPaymentId") String providerPaymentId, @Context HttpHeaders headers,
                             @Context UriInfo uri) {
        return payments.pay(providerPaymentId).map(paid -> fromBrowser(headers)
                ? Response.seeOther(uri.getRequestUri()).build()
                : Response.ok(paid.view(payments.now()), MediaType.APPLICATION_JSON_TYPE).build());
    }

    private static boolean fromBrowser(HttpHeaders headers) {
        var accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && !accepted.getFirst().isWildcardType()
                && accepted.getFirst().isCompatible(MediaType.TEXT_HTML_TYPE);
    }

    static String html(SandboxPayment payment, Instant now) {
        var state = payment.stateAt(now);
        String action = switch (state) {
            case CREATED -> """
                    <form method="post"><button type="submit">Pay %s</button></form>
                    <p class="note">Sandbox: no money moves. Paying sends the merchant a signed callback.</p>"""
                    .formatted(yuan(payment.amountFen()));
            case PAID -> "<p class=\"done\">Paid at " + payment.paidAt() + ". You can close this page.</p>";
            case CLOSED -> "<p class=\"closed\">This payment is closed and can no longer be paid.</p>";
        };
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Pay %s - PSP sandbox</title>
                <style>body{font-family:sans-serif;max-width:28em;margin:3em auto;padding:0 1em}
                .amount{font-size:2em;margin:.3em 0}button{font-size:1.2em;padding:.5em 2em}
                .note{color:#666;font-size:.9em}.done{color:#080}.closed{color:#a00}</style></head>
                <body>
                <h1>PSP sandbox</h1>
                <p>%s</p>
                <p class="amount">%s</p>
                <p class="note">Merchant payment %s &middot; %s</p>
                %s
                </body>
                </html>
                """.formatted(yuan(payment.amountFen()), escape(payment.subject()), yuan(payment.amountFen()),
                escape(payment.merchantPaymentId()), state, action);
    }

    /** Fen as yuan, e.g. 10000 → ¥100.00. */
    static String yuan(long fen) {
        return "¥" + fen / 100 + "." + String.format("%02d", fen % 100);
    }

    /** The subject is the merchant's text: escaped, so it cannot put script on the buyer's page. */
    static String escape(String text) {
        var escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
