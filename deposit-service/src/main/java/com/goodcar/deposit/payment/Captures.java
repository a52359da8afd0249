package com.goodcar.deposit.payment;

import com.goodcar.contracts.deposit.DepositHeld;
import com.goodcar.deposit.deposit.DepositState;
import com.goodcar.deposit.deposit.Lifecycle;
import com.goodcar.deposit.ledger.Journal;
import com.goodcar.deposit.ledger.JournalEntry;
import com.goodcar.deposit.ledger.Movement;
import com.goodcar.kit.payment.CallbackCapture;
import com.goodcar.kit.payment.CallbackNonces;
import com.goodcar.kit.payment.PaymentNotification;
import com.goodcar.deposit.refund.RefundRows;
import com.goodcar.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A genuine "paid" callback, applied once: the payment is marked paid and its money booked. The
 * first payment of a deposit makes it a hold (deposit.held.v1); any other payment for it — paid
 * twice, or paid after the lot closed — is owed straight back and queued for refund. A rejection
 * rolls everything back, the nonce included: a refused callback changes nothing.
 */
@ApplicationScoped
public class Captures implements CallbackCapture {

    /** What the callback did: HELD, DUPLICATE (refund queued) or ALREADY_PAID (a repeated delivery). */
    public enum Effect { HELD, DUPLICATE, ALREADY_PAID }

    private final Pool pool;
    private final Journal journal;
    private final Outbox outbox;
    private final Clock clock;

    Captures(Pool pool, Journal journal, Outbox outbox, Clock clock) {
        this.pool = pool;
        this.journal = journal;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Uni<String> capture(PaymentNotification paid, String nonce) {
        Instant now = clock.instant();
        return pool.withTransaction(connection -> CallbackNonces.firstDelivery(connection, paid, nonce, now)
                .chain(() -> connection.preparedQuery("""
                                    select p.state as payment_state, p.amount_fen as payment_fen, d.* from payment p
                                    join deposit d on d.id = p.deposit_id where p.id = $1 for update of p, d""")
                            .execute(Tuple.of(paid.merchantPaymentId())))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw new Refused(Refusal.UNKNOWN_PAYMENT, "no payment " + paid.merchantPaymentId());
                    }
                    Row row = rows.iterator().next();
                    CallbackCapture.requireAmount(row.getLong("payment_fen"), paid);
                    if ("PAID".equals(row.getString("payment_state"))) {
                        return Uni.createFrom().item(Effect.ALREADY_PAID);
                    }
                    return book(connection, row, paid, nonce, now);
                })).map(Effect::name);
    }

    private Uni<Effect> book(SqlConnection connection, Row deposit, PaymentNotification paid, String nonce,
                              Instant now) {
        String depositId = deposit.getString("id");
        String lotId = deposit.getString("lot_id");
        String userId = deposit.getString("user_id");
        long amount = paid.amountFen();
        var step = Lifecycle.paid(DepositState.valueOf(deposit.getString("state")));
        Movement movement = step.movement().orElseThrow();
        var entry = JournalEntry.of(movement, paid.merchantPaymentId(), depositId, lotId, userId, amount,
                movement == Movement.CAPTURE ? "deposit paid" : "payment that cannot be a hold: refunded",
                "callback:" + nonce, now);
        Uni<Void> markPaid = connection.preparedQuery("""
                        update payment set state = 'PAID', provider_payment_id = $2, paid_at = $3 where id = $1""")
                .execute(Tuple.of(paid.merchantPaymentId(), paid.providerPaymentId(),
                        (paid.paidAt() == null ? now : paid.paidAt()).atOffset(ZoneOffset.UTC)))
                .chain(() -> journal.book(connection, entry));
        if (movement == Movement.CAPTURE) {
            return markPaid
                    .chain(() -> connection.preparedQuery("""
                                    update deposit set state = 'HELD', payment_id = $2, updated_at = $3 where id = $1""")
                            .execute(Tuple.of(depositId, paid.merchantPaymentId(), now.atOffset(ZoneOffset.UTC))))
                    .chain(() -> outbox.stage(connection, List.of(new DepositHeld(depositId, lotId, userId, amount, now)),
                            now))
                    .replaceWith(Effect.HELD);
        }
        return markPaid
                .chain(() -> RefundRows.queue(connection, List.of(new RefundRows.Due(paid.merchantPaymentId(), depositId,
                        lotId, userId, amount, RefundRows.DUPLICATE_PAYMENT)), now))
                .replaceWith(Effect.DUPLICATE);
    }
}
