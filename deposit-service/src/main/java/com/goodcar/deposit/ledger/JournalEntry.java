package com.goodcar.deposit.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One balanced entry. Its id is the movement and the thing it is about ("release:dep-1",
 * "refund:ref-9"), so booking the same effect twice is refused by the database's key.
 *
 * @param causeEventId the integration event or provider callback that caused it
 */
public record JournalEntry(String id, Movement movement, String depositId, String lotId, String userId,
                           long amountFen, String reason, String causeEventId, Instant occurredAt) {

    public JournalEntry {
        Objects.requireNonNull(movement, "movement");
        if (amountFen <= 0) {
            throw new IllegalArgumentException("a journal entry moves a positive amount, not " + amountFen);
        }
    }

    public static JournalEntry of(Movement movement, String reference, String depositId, String lotId, String userId,
                                  long amountFen, String reason, String causeEventId, Instant at) {
        return new JournalEntry(movement.name().toLowerCase() + ":" + reference, movement, depositId, lotId, userId,
                amountFen, reason, causeEventId, at);
    }

    public record Line(Account account, long debitFen, long creditFen) {
    }

    /** Debit one account, credit the other: balanced by construction. */
    public List<Line> lines() {
        return List.of(new Line(movement.debit, amountFen, 0), new Line(movement.credit, 0, amountFen));
    }
}
