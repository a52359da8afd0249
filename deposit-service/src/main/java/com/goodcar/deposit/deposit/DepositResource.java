package com.goodcar.deposit.deposit;

import com.goodcar.kit.paging.Page;
import com.goodcar.kit.paging.PageRequest;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Buyers open deposits and see their own; operators see anyone's, by lot or by buyer. The hold
 * becomes active only when the provider's signed callback confirms the payment.
 */
@Path("/deposits")
@Produces(MediaType.APPLICATION_JSON)
public class DepositResource {

    private final Deposits deposits;
    private final Pool pool;
    private final SecurityIdentity caller;

    DepositResource(Deposits deposits, Pool pool, SecurityIdentity caller) {
        this.deposits = deposits;
        this.pool = pool;
        this.caller = caller;
    }

    @Schema(examples = """
            {"lotId": "lot-3b2f9c1e-7a4d-4f0b-9e85-1c6d2a7b8e90"}
            """)
    public record NewDeposit(@NotBlank @Size(max = 64) String lotId) {
    }

    /** The payment that makes the deposit a hold: {@code id} is the merchant payment id at the provider. */
    @Schema(examples = """
            {"id": "pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "payUrl": "http://127.0.0.1:8086/psp-sandbox/pay/sbxpay_4f9a1c7e2b8d3f6a0e5c9b1d7a3f2e84"}
            """)
    public record PaymentLink(String id, String payUrl) {
    }

    @Schema(examples = """
            {"deposit": {"id": "dep-5e0c7b2a-91d4-4c3f-8a6e-2b7d9f1c4a08", "lotId": "lot-3b2f9c1e-7a4d-4f0b-9e85-1c6d2a7b8e90", "userId": "2f6d3a8e-5b1c-4e7a-9d0f-8c4b2a1e6f35", "amountFen": 10000, "state": "AWAITING_PAYMENT", "createdAt": "2026-11-11T00:02:13.481Z", "updatedAt": "2026-11-11T00:02:13.481Z"}, "payment": {"id": "pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "payUrl": "http://127.0.0.1:8086/psp-sandbox/pay/sbxpay_4f9a1c7e2b8d3f6a0e5c9b1d7a3f2e84"}}
            """)
    public record OpenedDeposit(Deposit deposit, PaymentLink payment) {
    }

    /**
     * 201 with the deposit (AWAITING_PAYMENT) and where to pay it; 409 if you already hold one for
     * this lot or the lot is unknown; 410 if it closed. A retry with the same Idempotency-Key gets the
     * same deposit and payment, with 200.
     */
    @POST
    @RolesAllowed("buyer")
    @APIResponse(responseCode = "201", description = "Opened: the deposit (AWAITING_PAYMENT) and the payUrl to send the buyer to.",
            content = @Content(schema = @Schema(implementation = OpenedDeposit.class)))
    @APIResponse(responseCode = "200", description = "The same Idempotency-Key again (also after a 503): the deposit and payment it opened.",
            content = @Content(schema = @Schema(implementation = OpenedDeposit.class)))
    @APIResponse(responseCode = "409", description = "You already hold a deposit for this lot (`already-held`, with depositId), "
            + "or the lot is not (yet) scheduled for auction (`lot-unknown`).")
    @APIResponse(responseCode = "410", description = "The lot's auction has ended (`lot-closed`).")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another lot (`key-reused`).")
    @APIResponse(responseCode = "503", description = "The payment provider did not answer (`provider-unavailable`); "
            + "retry with the same Idempotency-Key after retryAfterSeconds.")
    public Uni<Response> open(@HeaderParam("Idempotency-Key") @NotNull
                              @Pattern(regexp = "^[A-Za-z0-9_.:-]{8,64}$", message = "must be 8-64 characters of A-Z a-z 0-9 _ . : -")
                              String key,
                              @NotNull @Valid NewDeposit request) {
        return deposits.open(caller.getPrincipal().getName(), request.lotId(), key)
                .map(opened -> Response.status(opened.created() ? 201 : 200).entity(new OpenedDeposit(opened.deposit(),
                        new PaymentLink(opened.paymentId(), opened.payUrl()))).build());
    }

    /** A buyer's own deposits; an operator may ask for a lot's or a buyer's. Newest first. */
    @GET
    @RolesAllowed({"buyer", "operator"})
    public Uni<Page<Deposit>> list(@QueryParam("lotId") String lotId, @QueryParam("userId") String userId,
                                   @Valid @BeanParam PageRequest paging) {
        int offset = paging.offset(); // a page too deep is refused before any read
        boolean operator = caller.hasRole("operator");
        String buyer = operator ? userId : caller.getPrincipal().getName();
        if (!operator && userId != null && !userId.equals(buyer)) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden", "Buyers see only their own deposits."));
        }
        String where = "($1::text is null or user_id = $1) and ($2::text is null or lot_id = $2)";
        return pool.preparedQuery("select count(*) from deposit where " + where).execute(Tuple.of(buyer, lotId))
                .chain(count -> pool.preparedQuery("select * from deposit where " + where
                                + " order by created_at desc, id offset $3 limit $4")
                        .execute(Tuple.of(buyer, lotId, offset, paging.size))
                        .map(rows -> {
                            var items = new ArrayList<Deposit>();
                            for (Row row : rows) {
                                items.add(Deposit.of(row));
                            }
                            return new Page<>(items, paging.page, paging.size, count.iterator().next().getLong(0));
                        }));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"buyer", "operator"})
    public Uni<Deposit> get(@PathParam("id") String id) {
        return pool.preparedQuery("select * from deposit where id = $1").execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Deposit", id);
            }
            Deposit deposit = Deposit.of(rows.iterator().next());
            if (!caller.hasRole("operator") && !deposit.userId().equals(caller.getPrincipal().getName())) {
                throw ProblemException.notFound("Deposit", id); // not yours: as if it did not exist
            }
            return deposit;
        });
    }
}
