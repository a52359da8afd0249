package com.goodcar.deposit.ledger;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.deposit.PaidHolds;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The database itself refuses an unbalanced entry and any edit of the books, whatever the code does. */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "deposit"))
@WithTestResource(PspSandbox.class)
class LedgerIntegrityTest {

    @Test
    void anUnbalancedEntryIsRefusedAtCommit() {
        String lot = "lot-integrity-" + UUID.randomUUID();
        TestDatabase.number(PaidHolds.sql(1), lot);
        var refused = assertThrows(IllegalStateException.class, () -> TestDatabase.number("""
                with e as (insert into journal_entry (id, movement, deposit_id, lot_id, user_id, reason, occurred_at)
                           select 'skim:' || id, 'RELEASE', id, lot_id, user_id, 'skim', now() from deposit where lot_id = ?
                           returning id),
                     l as (insert into journal_line (entry_id, account, debit_fen, credit_fen)
                           select id, 'buyer-deposits-held', 10000, 0 from e returning 1)
                select count(*) from l""", lot));
        assertTrue(refused.getMessage().contains("does not balance"), refused.getMessage());
    }

    @Test
    void theBooksAreAppendOnly() {
        String lot = "lot-integrity-" + UUID.randomUUID();
        TestDatabase.number(PaidHolds.sql(1), lot);
        var refused = assertThrows(IllegalStateException.class, () -> TestDatabase.number("""
                with u as (update journal_line set credit_fen = 1 where entry_id in
                           (select id from journal_entry where lot_id = ?) and credit_fen > 0 returning 1)
                select count(*) from u""", lot));
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
    }
}
