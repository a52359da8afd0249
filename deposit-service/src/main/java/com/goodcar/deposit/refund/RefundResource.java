package com.goodcar.deposit.refund;

import com.goodcar.kit.paging.Page;
import com.goodcar.kit.paging.PageRequest;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Operators watch refunds and send a failed one again. */
@Path("/refunds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
public class RefundResource {

    private final Pool pool;
    private final Clock clock;

    RefundResource(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * A refund owed to a buyer: reason RELEASED (a released hold) or DUPLICATE_PAYMENT (paid twice, or after the
     * close); state PENDING, REQUESTED (sent, awaiting the provider), SUCCEEDED or FAILED (retry it by hand).
     */
    @Schema(examples = """
            {"id": "rf-pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "depositId": "dep-5e0c7b2a-91d4-4c3f-8a6e-2b7d9f1c4a08", "paymentId": "pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "userId": "2f6d3a8e-5b1c-4e7a-9d0f-8c4b2a1e6f35", "lotId": "lot-3b2f9c1e-7a4d-4f0b-9e85-1c6d2a7b8e90", "amountFen": 10000, "reason": "RELEASED", "state": "SUCCEEDED", "attempts": 1, "nextAttemptAt": "2026-11-11T04:00:31.006Z", "providerRefundId": "sbxrfd_6a2e9f0c4b7d1e3a5c8f2b90", "createdAt": "2026-11-11T04:00:31.006Z"}
            """)
    public record Refund(String id, String depositId, String paymentId, String userId, String lotId, long amountFen,
                         String reason, String state, int attempts, Instant nextAttemptAt, String lastError,
                         String providerRefundId, Instant createdAt) {
        static Refund of(Row row) {
            return new Refund(row.getString("id"), row.getString("deposit_id"), row.getString("payment_id"),
                    row.getString("user_id"), row.getString("lot_id"), row.getLong("amount_fen"),
                    row.getString("reason"), row.getString("state"), row.getInteger("attempts"),
                    row.getOffsetDateTime("next_attempt_at").toInstant(), row.getString("last_error"),
                    row.getString("provider_refund_id"), row.getOffsetDateTime("created_at").toInstant());
        }
    }

    /** Refunds in a state (PENDING, REQUESTED, SUCCEEDED, FAILED), oldest first; all when no state is given. */
    @GET
    public Uni<Page<Refund>> list(@QueryParam("state") @Pattern(regexp = "PENDING|REQUESTED|SUCCEEDED|FAILED",
                                          message = "must be PENDING, REQUESTED, SUCCEEDED or FAILED") String state,
                                  @QueryParam("lotId") String lotId, @Valid @BeanParam PageRequest paging) {
        int offset = paging.offset(); // a page too deep is refused before any read
        String where = "($1::text is null or state = $1) and ($2::text is null or lot_id = $2)";
        return pool.preparedQuery("select count(*) from refund where " + where).execute(Tuple.of(state, lotId))
                .chain(count -> pool.preparedQuery("select * from refund where " + where
                                + " order by created_at, id offset $3 limit $4")
                        .execute(Tuple.of(state, lotId, offset, paging.size))
                        .map(rows -> {
                            var items = new ArrayList<Refund>();
                            rows.forEach(row -> items.add(Refund.of(row)));
                            return new Page<>(items, paging.page, paging.size, count.iterator().next().getLong(0));
                        }));
    }

    /**
     * Sends a FAILED refund again. A new provider key, because a provider answers a repeated key
     * with its earlier rejection; it cannot pay twice, since it never refunds more than was paid.
     */
    @POST
    @Path("{id}/retry")
    @APIResponse(responseCode = "200", description = "The refund, PENDING again: it is sent within seconds.",
            content = @Content(schema = @Schema(implementation = Refund.class)))
    @APIResponse(responseCode = "409", description = "The refund is not FAILED (`refund-not-failed`): only a failed refund is retried by hand.")
    public Uni<Refund> retry(@PathParam("id") String id) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("""
                        update refund set state = 'PENDING', attempts = 0, next_attempt_at = $2, updated_at = $2,
                            provider_key = id || '-retry-' || (extract(epoch from $2::timestamptz) * 1000)::bigint
                        where id = $1 and state = 'FAILED' returning *""")
                .execute(Tuple.of(id, now))
                .chain(rows -> rows.size() > 0 ? Uni.createFrom().item(Refund.of(rows.iterator().next()))
                        : pool.preparedQuery("select state from refund where id = $1").execute(Tuple.of(id))
                        .map(found -> {
                            if (found.size() == 0) {
                                throw ProblemException.notFound("Refund", id);
                            }
                            throw new ProblemException(Problem.of(409, "refund-not-failed", "Refund not failed",
                                    "Refund " + id + " is " + found.iterator().next().getString(0)
                                            + "; only a FAILED refund is retried by hand."));
                        }));
    }
}
