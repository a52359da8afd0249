package com.goodcar.deposit.settlement;

import com.goodcar.contracts.IntegrationEvent;
import com.goodcar.contracts.deposit.DepositApplied;
import com.goodcar.contracts.deposit.DepositForfeited;
import com.goodcar.deposit.deposit.DepositState;
import com.goodcar.deposit.deposit.Lifecycle;
import com.goodcar.deposit.ledger.Journal;
import com.goodcar.deposit.ledger.JournalEntry;
import com.goodcar.deposit.ledger.Movement;
import com.goodcar.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What the winner's order does to their deposit: paid → applied to the order; deadline passed or
 * cancelled → forfeited (the deposit, and only the deposit). Works whether or not the lot's close
 * has been seen yet, since the two arrive on different topics.
 */
@ApplicationScoped
public class OrderSettlement {

    private static final Logger LOG = Logger.getLogger(OrderSettlement.class);

    private final Journal journal;
    private final Outbox outbox;

    OrderSettlement(Journal journal, Outbox outbox) {
        this.journal = journal;
        this.outbox = outbox;
    }

    public Uni<Void> paid(SqlConnection connection, String orderId, String lotId, String userId, String eventId,
                          Instant now) {
        return settle(connection, orderId, lotId, userId, eventId, now, Lifecycle::orderPaid, null);
    }

    /** @param reason PAYMENT_DEADLINE_PASSED, CANCELLED_AFTER_PAYMENT or CANCELLED_BEFORE_PAYMENT */
    public Uni<Void> lapsed(SqlConnection connection, String orderId, String lotId, String userId, String reason,
                            String eventId, Instant now) {
        return settle(connection, orderId, lotId, userId, eventId, now, Lifecycle::orderLapsed, reason);
    }

    private Uni<Void> settle(SqlConnection connection, String orderId, String lotId, String userId, String eventId,
                             Instant now, java.util.function.Function<DepositState, Optional<Lifecycle.Step>> rule,
                             String reason) {
        return connection.preparedQuery("""
                        select * from deposit where lot_id = $1 and user_id = $2 and state in ('HELD', 'WON', 'APPLIED')
                        order by created_at desc limit 1 for update""")
                .execute(Tuple.of(lotId, userId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        LOG.warnf("order %s for lot %s: no deposit of its buyer to settle", orderId, lotId);
                        return Uni.createFrom().voidItem();
                    }
                    Row deposit = rows.iterator().next();
                    var step = rule.apply(DepositState.valueOf(deposit.getString("state")));
                    if (step.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    String depositId = deposit.getString("id");
                    long amount = deposit.getLong("amount_fen");
                    Movement movement = step.get().movement().orElseThrow();
                    var entry = JournalEntry.of(movement, depositId, depositId, lotId, userId, amount,
                            reason == null ? "applied to order " + orderId : reason, eventId, now);
                    IntegrationEvent event = reason == null
                            ? new DepositApplied(depositId, lotId, userId, orderId, amount, now)
                            : new DepositForfeited(depositId, lotId, userId, orderId, reason, amount, now);
                    LOG.infof("deposit %s of lot %s: %s (order %s)", depositId, lotId, step.get().next(), orderId);
                    return connection.preparedQuery("""
                                    update deposit set state = $2, order_id = $3, updated_at = $4 where id = $1""")
                            .execute(Tuple.of(depositId, step.get().next().name(), orderId, now.atOffset(ZoneOffset.UTC)))
                            .chain(() -> journal.book(connection, entry))
                            .chain(() -> outbox.stage(connection, List.of(event), now));
                });
    }
}
