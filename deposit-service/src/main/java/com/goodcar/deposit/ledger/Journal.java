package com.goodcar.deposit.ledger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Books journal entries on the caller's transaction, in two batched statements whatever their number. */
@ApplicationScoped
public class Journal {

    public Uni<Void> book(SqlConnection connection, List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        var heads = new ArrayList<Tuple>(entries.size());
        var lines = new ArrayList<Tuple>(entries.size() * 2);
        for (JournalEntry e : entries) {
            heads.add(Tuple.from(java.util.Arrays.asList(e.id(), e.movement().name(), e.depositId(), e.lotId(),
                    e.userId(), e.reason(), e.causeEventId(), e.occurredAt().atOffset(ZoneOffset.UTC))));
            for (JournalEntry.Line line : e.lines()) {
                lines.add(Tuple.of(e.id(), line.account().code, line.debitFen(), line.creditFen()));
            }
        }
        return connection.preparedQuery("""
                        insert into journal_entry (id, movement, deposit_id, lot_id, user_id, reason, cause_event_id, occurred_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)""").executeBatch(heads)
                .chain(() -> connection.preparedQuery(
                        "insert into journal_line (entry_id, account, debit_fen, credit_fen) values ($1, $2, $3, $4)")
                        .executeBatch(lines))
                .replaceWithVoid();
    }

    public Uni<Void> book(SqlConnection connection, JournalEntry entry) {
        return book(connection, List.of(entry));
    }
}
