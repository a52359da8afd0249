package com.goodcar.deposit.ledger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Asserts what must always hold, from the database alone: debits equal credits, and every
 * deposit's money sits in the account its state says (a HELD deposit in buyer-deposits-held, a
 * RELEASED one in refunds-payable, a REFUNDED one nowhere…). Runs periodically and on demand;
 * a failure is logged as an error and shown on the metric goodcar.ledger.mismatches.
 */
@ApplicationScoped
public class LedgerCheck {

    private static final Logger LOG = Logger.getLogger(LedgerCheck.class);

    /**
     * Per deposit: the balance its state expects in each account, against the balance its entries
     * give. Duplicate payments are owed back through refunds-payable until their refund succeeds.
     */
    private static final String MISMATCHED = """
            with expected as (
                select d.id, a.code as account,
                       case when a.code = case d.state when 'HELD' then 'buyer-deposits-held'
                                                         when 'WON' then 'buyer-deposits-held'
                                                         when 'RELEASED' then 'refunds-payable'
                                                         when 'APPLIED' then 'order-clearing'
                                                         when 'FORFEITED' then 'forfeit-income' end
                            then d.amount_fen else 0 end
                     + case when a.code = 'refunds-payable' then coalesce((select sum(r.amount_fen) from refund r
                            where r.deposit_id = d.id and r.reason = 'DUPLICATE_PAYMENT' and r.state <> 'SUCCEEDED'), 0)
                            else 0 end as fen
                from deposit d cross join account a where a.code <> 'psp-clearing'),
            booked as (
                select e.deposit_id as id, l.account,
                       sum(case when a.kind = 'ASSET' then l.debit_fen - l.credit_fen else l.credit_fen - l.debit_fen end) as fen
                from journal_entry e join journal_line l on l.entry_id = e.id join account a on a.code = l.account
                group by e.deposit_id, l.account)
            select x.id, x.account, x.fen as expected, coalesce(b.fen, 0) as booked
            from expected x left join booked b on b.id = x.id and b.account = x.account
            where x.fen <> coalesce(b.fen, 0)
            limit 20""";

    @Schema(examples = """
            {"depositId": "dep-5e0c7b2a-91d4-4c3f-8a6e-2b7d9f1c4a08", "account": "buyer-deposits-held", "expectedFen": 10000, "bookedFen": 0}
            """)
    public record Mismatch(String depositId, String account, long expectedFen, long bookedFen) {
    }

    /** At most 20 mismatches are listed. */
    @Schema(name = "LedgerCheckResult", examples = """
            {"balanced": true, "totalDebitFen": 60000, "totalCreditFen": 60000, "mismatches": []}
            """)
    public record Result(boolean balanced, long totalDebitFen, long totalCreditFen, List<Mismatch> mismatches) {
        public boolean ok() {
            return balanced && mismatches.isEmpty();
        }
    }

    private final Pool pool;
    private final AtomicLong mismatches = new AtomicLong();

    LedgerCheck(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        registry.gauge("goodcar.ledger.mismatches", mismatches);
    }

    public Uni<Result> run() {
        return pool.query("select coalesce(sum(debit_fen), 0), coalesce(sum(credit_fen), 0) from journal_line").execute()
                .chain(totals -> pool.query(MISMATCHED).execute().map(rows -> {
                    Row sums = totals.iterator().next();
                    var found = new ArrayList<Mismatch>();
                    rows.forEach(row -> found.add(new Mismatch(row.getString("id"), row.getString("account"),
                            row.getLong("expected"), row.getLong("booked"))));
                    long debit = sums.getLong(0);
                    long credit = sums.getLong(1);
                    return new Result(debit == credit, debit, credit, found);
                }));
    }

    @Scheduled(identity = "ledger-check", every = "${deposit.ledger.check-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        Result result = run().await().atMost(Duration.ofMinutes(1));
        mismatches.set(result.mismatches().size() + (result.balanced() ? 0 : 1));
        if (!result.ok()) {
            LOG.errorf("LEDGER CHECK FAILED: debits %d, credits %d, mismatched deposits %s", result.totalDebitFen(),
                    result.totalCreditFen(), result.mismatches());
        } else {
            LOG.debugf("ledger check: balanced at %d fen, every deposit matches its entries", result.totalDebitFen());
        }
    }
}
