package com.goodcar.psp;

import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the sandbox sent merchants, for tests and operators (X-Merchant-Key, see {@link SandboxGate}). */
@Path(SandboxGate.ROOT + "/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MerchantKeyContract.SCHEME)
@Tag(name = "PSP sandbox")
public class NotificationApi {

    private final CallbackQueue callbacks;

    NotificationApi(CallbackQueue callbacks) {
        this.callbacks = callbacks;
    }

    @GET
    @Operation(summary = "A payment's callbacks, each with every delivery attempt: time, headers, body, status")
    @APIResponse(responseCode = "200", description = "The callbacks, oldest first (none: an empty list).",
            content = @Content(schema = @Schema(implementation = NotificationView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "No merchantPaymentId query parameter (`missing-payment-id`), or another "
            + "refused parameter (`invalid-request`, `nul-character`).")
    public Uni<List<NotificationView>> ofPayment(@QueryParam("merchantPaymentId") String merchantPaymentId) {
        if (merchantPaymentId == null || merchantPaymentId.isBlank()) {
            throw new ProblemException(Problem.of(400, "missing-payment-id", "Missing merchantPaymentId",
                    "Say whose callbacks to list: ?merchantPaymentId=..."));
        }
        return callbacks.ofPayment(merchantPaymentId);
    }
}
