package com.goodcar.deposit.refund;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Queues refunds on the caller's transaction; {@link Refunds} sends them to the provider afterwards. */
public final class RefundRows {

    public static final String RELEASED = "RELEASED";
    public static final String DUPLICATE_PAYMENT = "DUPLICATE_PAYMENT";

    private RefundRows() {
    }

    /** A payment to give back. Its refund id derives from the payment: one refund per payment, ever. */
    public record Due(String paymentId, String depositId, String lotId, String userId, long amountFen, String reason) {
        public String refundId() {
            return "rf-" + paymentId;
        }
    }

    public static Uni<Void> queue(SqlConnection connection, List<Due> refunds, Instant now) {
        if (refunds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        var at = now.atOffset(ZoneOffset.UTC);
        var rows = new ArrayList<Tuple>(refunds.size());
        for (Due due : refunds) {
            rows.add(Tuple.from(List.of(due.refundId(), due.depositId(), due.paymentId(), due.userId(), due.lotId(),
                    due.amountFen(), due.reason(), at)));
        }
        return connection.preparedQuery("""
                        insert into refund (id, deposit_id, payment_id, user_id, lot_id, amount_fen, reason, state,
                                            next_attempt_at, created_at, updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7, 'PENDING', $8, $8, $8) on conflict do nothing""")
                .executeBatch(rows).replaceWithVoid();
    }
}
