package com.goodcar.deposit.deposit;

import com.goodcar.deposit.ledger.LedgerResource;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One buyer's deposits and every ledger entry booked for them, for operators. Here rather than in
 * the ledger, which knows accounts and movements, not deposits: the dependency runs deposit → ledger.
 */
@Path("/ledger/buyers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
public class BuyerHistoryResource {

    private final Pool pool;

    BuyerHistoryResource(Pool pool) {
        this.pool = pool;
    }

    @Schema(examples = """
            {"userId": "2f6d3a8e-5b1c-4e7a-9d0f-8c4b2a1e6f35", "deposits": [{"id": "dep-5e0c7b2a-91d4-4c3f-8a6e-2b7d9f1c4a08", "lotId": "lot-3b2f9c1e-7a4d-4f0b-9e85-1c6d2a7b8e90", "userId": "2f6d3a8e-5b1c-4e7a-9d0f-8c4b2a1e6f35", "amountFen": 10000, "state": "HELD", "paymentId": "pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "createdAt": "2026-11-11T00:02:13.481Z", "updatedAt": "2026-11-11T00:03:02.117Z"}], "entries": [{"id": "capture:pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "movement": "CAPTURE", "depositId": "dep-5e0c7b2a-91d4-4c3f-8a6e-2b7d9f1c4a08", "lotId": "lot-3b2f9c1e-7a4d-4f0b-9e85-1c6d2a7b8e90", "reason": "deposit paid", "causeEventId": "callback:9b3e7d1f0a6c4e2b8d5f1a3c7e9b0d24", "occurredAt": "2026-11-11T00:03:02.117Z", "lines": [{"account": "psp-clearing", "debitFen": 10000, "creditFen": 0}, {"account": "buyer-deposits-held", "debitFen": 0, "creditFen": 10000}]}]}
            """)
    public record BuyerHistory(String userId, List<Deposit> deposits, List<LedgerResource.Entry> entries) {
    }

    /** Every deposit of a buyer and every entry booked for them, oldest first. */
    @GET
    @Path("{userId}")
    public Uni<BuyerHistory> buyer(@PathParam("userId") String userId) {
        return pool.preparedQuery("select * from deposit where user_id = $1 order by created_at").execute(Tuple.of(userId))
                .chain(deposits -> pool.preparedQuery("""
                                select e.*, l.account, l.debit_fen, l.credit_fen from journal_entry e
                                join journal_line l on l.entry_id = e.id where e.user_id = $1
                                order by e.occurred_at, e.id, l.debit_fen desc""")
                        .execute(Tuple.of(userId))
                        .map(rows -> {
                            var entries = new LinkedHashMap<String, LedgerResource.Entry>();
                            for (Row row : rows) {
                                entries.computeIfAbsent(row.getString("id"), id -> new LedgerResource.Entry(id, row.getString("movement"),
                                        row.getString("deposit_id"), row.getString("lot_id"), row.getString("reason"),
                                        row.getString("cause_event_id"), row.getOffsetDateTime("occurred_at").toInstant(),
                                        new ArrayList<>()))
                                        .lines().add(new LedgerResource.Line(row.getString("account"), row.getLong("debit_fen"),
                                                row.getLong("credit_fen")));
                            }
                            var list = new ArrayList<Deposit>();
                            deposits.forEach(row -> list.add(Deposit.of(row)));
                            if (list.isEmpty() && entries.isEmpty()) {
                                // this service knows a buyer only by a deposit: an unknown id is not a zero balance
                                throw new ProblemException(Problem.of(404, "not-found", "Buyer not found",
                                        "No deposit and no ledger entry for buyer '" + userId + "'."));
                            }
                            return new BuyerHistory(userId, list, new ArrayList<>(entries.values()));
                        }));
    }
}
