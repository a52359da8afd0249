package com.goodcar.deposit.ledger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ledger for operators: the trial balance and its consistency check (one buyer's history: BuyerHistoryResource). */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
public class LedgerResource {

    private final Pool pool;
    private final LedgerCheck check;

    LedgerResource(Pool pool, LedgerCheck check) {
        this.pool = pool;
        this.check = check;
    }

    @Schema(examples = """
            {"account": "psp-clearing", "kind": "ASSET", "debitFen": 30000, "creditFen": 10000, "balanceFen": 20000}
            """)
    public record Balance(String account, String kind, long debitFen, long creditFen, long balanceFen) {
    }

    /** Every account's debits and credits; balanceFen is debit-normal for an ASSET, credit-normal otherwise. */
    @Schema(examples = """
            {"accounts": [{"account": "buyer-deposits-held", "kind": "LIABILITY", "debitFen": 20000, "creditFen": 30000, "balanceFen": 10000}, {"account": "forfeit-income", "kind": "INCOME", "debitFen": 0, "creditFen": 0, "balanceFen": 0}, {"account": "order-clearing", "kind": "LIABILITY", "debitFen": 0, "creditFen": 10000, "balanceFen": 10000}, {"account": "psp-clearing", "kind": "ASSET", "debitFen": 30000, "creditFen": 10000, "balanceFen": 20000}, {"account": "refunds-payable", "kind": "LIABILITY", "debitFen": 10000, "creditFen": 10000, "balanceFen": 0}], "totalDebitFen": 60000, "totalCreditFen": 60000, "balanced": true}
            """)
    public record TrialBalance(List<Balance> accounts, long totalDebitFen, long totalCreditFen, boolean balanced) {
    }

    @GET
    @Path("trial-balance")
    public Uni<TrialBalance> trialBalance() {
        return pool.query("""
                        select a.code, a.kind, coalesce(sum(l.debit_fen), 0) as debit, coalesce(sum(l.credit_fen), 0) as credit
                        from account a left join journal_line l on l.account = a.code group by a.code, a.kind order by a.code""")
                .execute().map(rows -> {
                    var accounts = new ArrayList<Balance>();
                    long debit = 0;
                    long credit = 0;
                    for (Row row : rows) {
                        long d = row.getLong("debit");
                        long c = row.getLong("credit");
                        boolean debitNormal = row.getString("kind").equals("ASSET");
                        accounts.add(new Balance(row.getString("code"), row.getString("kind"), d, c,
                                debitNormal ? d - c : c - d));
                        debit += d;
                        credit += c;
                    }
                    return new TrialBalance(accounts, debit, credit, debit == credit);
                });
    }

    @GET
    @Path("check")
    public Uni<LedgerCheck.Result> check() {
        return check.run();
    }

    @Schema(examples = """
            {"account": "psp-clearing", "debitFen": 10000, "creditFen": 0}
            """)
    public record Line(String account, long debitFen, long creditFen) {
    }

    /** One booked movement: its id is movement:reference, so an effect cannot be booked twice. */
    @Schema(examples = """
            {"id": "capture:pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "movement": "CAPTURE", "depositId": "dep-5e0c7b2a-91d4-4c3f-8a6e-2b7d9f1c4a08", "lotId": "lot-3b2f9c1e-7a4d-4f0b-9e85-1c6d2a7b8e90", "reason": "deposit paid", "causeEventId": "callback:9b3e7d1f0a6c4e2b8d5f1a3c7e9b0d24", "occurredAt": "2026-11-11T00:03:02.117Z", "lines": [{"account": "psp-clearing", "debitFen": 10000, "creditFen": 0}, {"account": "buyer-deposits-held", "debitFen": 0, "creditFen": 10000}]}
            """)
    public record Entry(String id, String movement, String depositId, String lotId, String reason,
                        String causeEventId, Instant occurredAt, List<Line> lines) {
    }
}
