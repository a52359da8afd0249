package com.goodcar.deposit.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.goodcar.deposit.deposit.DepositState;
import com.goodcar.deposit.deposit.Lifecycle;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever facts reach a deposit, in whatever order and however often: every entry balances, the
 * books as a whole balance, and the deposit's money sits exactly in the account its state names
 * (duplicate payments being owed back until their refund). What the SQL check asserts, on the rules.
 */
class LedgerPropertiesTest {

    enum Fact { PAID, CLOSED_WON, CLOSED_LOST, CLOSED_UNSOLD, REFUND_CONFIRMED, ORDER_PAID, ORDER_LAPSED,
        DUPLICATE_REFUND_CONFIRMED }

    private static final long AMOUNT = 10_000;

    @Provide
    Arbitrary<List<Fact>> facts() {
        return Arbitraries.of(Fact.class).list().ofMaxSize(12);
    }

    @Property(tries = 2_000)
    void moneyIsAlwaysWhereTheStateSays(@ForAll("facts") List<Fact> facts) {
        var balances = new EnumMap<Account, Long>(Account.class);
        DepositState state = DepositState.AWAITING_PAYMENT;
        int duplicatesOwed = 0;
        boolean closed = false;
        int n = 0;
        for (Fact fact : facts) {
            Optional<Lifecycle.Step> step = switch (fact) {
                case PAID -> Optional.of(Lifecycle.paid(state));
                case CLOSED_WON -> closed ? Optional.empty() : Lifecycle.lotClosed(state, true, true);
                case CLOSED_LOST -> closed ? Optional.empty() : Lifecycle.lotClosed(state, true, false);
                case CLOSED_UNSOLD -> closed ? Optional.empty() : Lifecycle.lotClosed(state, false, false);
                case REFUND_CONFIRMED -> Lifecycle.refunded(state);
                case ORDER_PAID -> Lifecycle.orderPaid(state);
                case ORDER_LAPSED -> Lifecycle.orderLapsed(state);
                case DUPLICATE_REFUND_CONFIRMED -> duplicatesOwed > 0
                        ? Optional.of(new Lifecycle.Step(state, Optional.of(Movement.REFUND))) : Optional.empty();
            };
            closed |= fact.name().startsWith("CLOSED");
            if (step.isEmpty()) {
                continue;
            }
            var movement = step.get().movement();
            if (movement.isPresent()) {
                var entry = JournalEntry.of(movement.get(), "ref-" + n++, "dep", "lot", "user", AMOUNT, "test", null,
                        Instant.EPOCH);
                long debit = entry.lines().stream().mapToLong(JournalEntry.Line::debitFen).sum();
                long credit = entry.lines().stream().mapToLong(JournalEntry.Line::creditFen).sum();
                assertEquals(debit, credit, "every entry balances");
                for (JournalEntry.Line line : entry.lines()) {
                    balances.merge(line.account(), line.debitFen() - line.creditFen(), Long::sum);
                }
                if (movement.get() == Movement.DUPLICATE_CAPTURE) {
                    duplicatesOwed++;
                } else if (fact == Fact.DUPLICATE_REFUND_CONFIRMED) {
                    duplicatesOwed--;
                }
            }
            state = step.get().next();
        }
        assertEquals(0L, balances.values().stream().mapToLong(Long::longValue).sum(), "the books balance");
        Map<Account, Long> expected = new EnumMap<>(Account.class);
        state.holdingAccount().ifPresent(account -> expected.merge(account, AMOUNT, Long::sum));
        if (duplicatesOwed > 0) {
            expected.merge(Account.REFUNDS_PAYABLE, duplicatesOwed * AMOUNT, Long::sum);
        }
        for (Account account : Account.values()) {
            if (account == Account.PSP_CLEARING) {
                continue;
            }
            // liabilities and income are credit balances: the negative of debit minus credit
            long held = -balances.getOrDefault(account, 0L);
            assertEquals(expected.getOrDefault(account, 0L), held, account + " in state " + state + " after " + facts);
        }
    }
}
