package com.goodcar.psp;

import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sandbox provider's refund API for merchants (X-Merchant-Key, see {@link SandboxGate}). */
@Path(SandboxGate.ROOT + "/v1/refunds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MerchantKeyContract.SCHEME)
@Tag(name = "PSP sandbox")
public class RefundApi {

    private final SandboxRefunds refunds;

    RefundApi(SandboxRefunds refunds) {
        this.refunds = refunds;
    }

    @POST
    @Operation(summary = "Refunds (part of) a paid payment: SUCCESS, or REJECTED with a reason (201); the same "
            + "merchantRefundId again gets the same refund (200), never a second one")
    @APIResponse(responseCode = "201", description = "Decided: SUCCESS, or REJECTED with the reason (more than is left to refund, "
            + "an unpaid or unknown payment).", content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "200", description = "The same merchantRefundId again: the refund it decided.",
            content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "409", description = "The merchantRefundId was used for another payment or amount (`refund-id-reused`).")
    public Uni<Response> refund(@NotNull @Valid NewRefund request) {
        return refunds.refund(request).map(answered -> Response.status(answered.created() ? 201 : 200)
                .entity(answered.refund()).build());
    }

    @GET
    @Operation(summary = "The refunds of a payment, rejected ones included, oldest first")
    @APIResponse(responseCode = "200", description = "The refunds (none: an empty list).",
            content = @Content(schema = @Schema(implementation = RefundView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "No merchantPaymentId query parameter (`missing-payment-id`), or another "
            + "refused parameter (`invalid-request`, `nul-character`).")
    public Uni<List<RefundView>> ofPayment(@QueryParam("merchantPaymentId") String merchantPaymentId) {
        if (merchantPaymentId == null || merchantPaymentId.isBlank()) {
            throw new ProblemException(Problem.of(400, "missing-payment-id", "Missing merchantPaymentId",
                    "Say whose refunds to list: ?merchantPaymentId=..."));
        }
        return refunds.ofPayment(merchantPaymentId);
    }
}
