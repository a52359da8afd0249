package com.goodcar.psp;

import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sandbox provider's payment API for merchants (X-Merchant-Key, see {@link SandboxGate}). */
@Path(SandboxGate.ROOT + "/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MerchantKeyContract.SCHEME)
@Tag(name = "PSP sandbox", description = "A payment provider stand-in, never for real money: the merchant API (X-Merchant-Key)")
public class PaymentApi {

    private final SandboxPayments payments;

    PaymentApi(SandboxPayments payments) {
        this.payments = payments;
    }

    @POST
    @Operation(summary = "Opens a payment (201); the same merchantPaymentId again gets the same answer (200), "
            + "with another amount 409")
    @APIResponse(responseCode = "201", description = "Opened: send the buyer to payUrl.",
            content = @Content(schema = @Schema(implementation = PaymentCreated.class)))
    @APIResponse(responseCode = "200", description = "The same merchantPaymentId again: the payment it opened.",
            content = @Content(schema = @Schema(implementation = PaymentCreated.class)))
    @APIResponse(responseCode = "409", description = "The merchantPaymentId was opened for another amount (`payment-id-reused`).")
    public Uni<Response> open(@NotNull @Valid NewPayment request, @Context UriInfo uri) {
        return payments.open(request).map(opened -> Response.status(opened.created() ? 201 : 200)
                .entity(new PaymentCreated(opened.payment().providerPaymentId(),
                        payUrl(uri, opened.payment().providerPaymentId()).toString()))
                .build());
    }

    @GET
    @Path("/{merchantPaymentId}")
    @Operation(summary = "What the provider knows of a payment: CREATED, PAID or CLOSED")
    public Uni<PaymentView> status(@PathParam("merchantPaymentId") String merchantPaymentId) {
        return payments.byMerchantId(merchantPaymentId).map(found -> found
                .orElseThrow(() -> ProblemException.notFound("Payment", merchantPaymentId))
                .view(payments.now()));
    }

    @POST
    @Path("/{merchantPaymentId}/close")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Closes an unpaid payment so it can no longer be paid (409 once paid)")
    @APIResponse(responseCode = "200", description = "The payment, CLOSED (closing a closed payment changes nothing).",
            content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "409", description = "The payment was paid (`payment-paid`): refund it instead.")
    public Uni<PaymentView> close(@PathParam("merchantPaymentId") String merchantPaymentId) {
        return payments.close(merchantPaymentId).map(closed -> closed.view(payments.now()));
    }

    @POST
    @Path("/{merchantPaymentId}/notifications")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Queues one more, freshly signed delivery of a paid payment's callback (202)")
    @APIResponse(responseCode = "202", description = "Queued: delivered within seconds, retried until the merchant answers 2xx.",
            content = @Content(schema = @Schema(implementation = NotificationQueued.class)))
    @APIResponse(responseCode = "409", description = "The payment is not paid (`payment-not-paid`): only a paid payment has a callback.")
    public Uni<Response> notifyAgain(@PathParam("merchantPaymentId") String merchantPaymentId) {
        return payments.notifyAgain(merchantPaymentId).map(id -> Response.accepted(
                new NotificationQueued(id, merchantPaymentId, "PENDING")).build());
    }

    /** A callback queued for delivery again; follow it at GET /psp-sandbox/v1/notifications?merchantPaymentId=. */
    @Schema(examples = """
            {"notificationId": 4712, "merchantPaymentId": "pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "state": "PENDING"}
            """)
    public record NotificationQueued(long notificationId, String merchantPaymentId, String state) {
    }

    /** Where the buyer pays: on this host as the merchant reached it, like a provider's cashier page. */
    static URI payUrl(UriInfo uri, String providerPaymentId) {
        return uri.getBaseUriBuilder().path(SandboxGate.ROOT).path("pay").path(providerPaymentId).build();
    }
}
