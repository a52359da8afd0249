package com.goodcar.deposit.ledger;

import com.goodcar.deposit.deposit.Deposit;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** The ledger for operators: the trial balance, its consistency check, and one buyer's history. */
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

    public record Balance(String account, String kind, long debitFen, long creditFen, long balanceFen) {
    }

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

    public record Line(String account, long debitFen, long creditFen) {
    }

    public record Entry(String id, String movement, String depositId, String lotId, String reason,
                        String causeEventId, Instant occurredAt, List<Line> lines) {
    }

    public record BuyerHistory(String userId, List<Deposit> deposits, List<Entry> entries) {
    }

    /** Every deposit of a buyer and every entry booked for them, oldest first. */
    @GET
    @Path("buyers/{userId}")
    public Uni<BuyerHistory> buyer(@PathParam("userId") String userId) {
        return pool.preparedQuery("select * from deposit where user_id = $1 order by created_at").execute(Tuple.of(userId))
                .chain(deposits -> pool.preparedQuery("""
                                select e.*, l.account, l.debit_fen, l.credit_fen from journal_entry e
                                join journal_line l on l.entry_id = e.id where e.user_id = $1
                                order by e.occurred_at, e.id, l.debit_fen desc""")
                        .execute(Tuple.of(userId))
                        .map(rows -> {
                            var entries = new LinkedHashMap<String, Entry>();
                            for (Row row : rows) {
                                entries.computeIfAbsent(row.getString("id"), id -> new Entry(id, row.getString("movement"),
                                        row.getString("deposit_id"), row.getString("lot_id"), row.getString("reason"),
                                        row.getString("cause_event_id"), row.getOffsetDateTime("occurred_at").toInstant(),
                                        new ArrayList<>()))
                                        .lines().add(new Line(row.getString("account"), row.getLong("debit_fen"),
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
