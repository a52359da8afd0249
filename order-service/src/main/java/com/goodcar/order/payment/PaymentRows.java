package com.goodcar.order.payment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The order_payment and order_refund tables, on the caller's connection. */
final class PaymentRows {

    static final String LATE_PAYMENT = "LATE_PAYMENT";
    static final String CANCELLED_AFTER_PAYMENT = "CANCELLED_AFTER_PAYMENT";

    private PaymentRows() {
    }

    /** A payment of an order, with its refund if it has one. */
    record Payment(String id, String orderId, long amountFen, String state, String payUrl, Instant paidAt,
                   Instant createdAt, String refundState, String refundReason) {
    }

    static Uni<Optional<Payment>> open(SqlClient connection, String orderId) {
        return connection.preparedQuery("select p.*, null as refund_state, null as refund_reason from order_payment p "
                        + "where order_id = $1 and state = 'CREATED'")
                .execute(Tuple.of(orderId)).map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(payment(rows.iterator().next())));
    }

    static Uni<Void> insert(SqlClient connection, String id, String orderId, String userId, long amountFen, Instant now) {
        return connection.preparedQuery("""
                        insert into order_payment (id, order_id, user_id, amount_fen, state, created_at)
                        values ($1, $2, $3, $4, 'CREATED', $5)""")
                .execute(Tuple.of(id, orderId, userId, amountFen, utc(now))).replaceWithVoid();
    }

    static Uni<Void> opened(SqlClient client, String id, String providerPaymentId, String payUrl) {
        return client.preparedQuery("update order_payment set provider_payment_id = $2, pay_url = $3 where id = $1")
                .execute(Tuple.of(id, providerPaymentId, payUrl)).replaceWithVoid();
    }

    static Uni<List<Payment>> ofOrder(SqlClient client, String orderId) {
        return client.preparedQuery("""
                        select p.*, r.state as refund_state, r.reason as refund_reason from order_payment p
                        left join order_refund r on r.payment_id = p.id where p.order_id = $1 order by p.created_at""")
                .execute(Tuple.of(orderId)).map(rows -> {
                    var payments = new ArrayList<Payment>(rows.size());
                    rows.forEach(row -> payments.add(payment(row)));
                    return payments;
                });
    }

    /** Queues a payment's refund unless it has one: one refund per payment, ever. */
    static Uni<Void> queueRefund(SqlClient connection, String paymentId, String orderId, String userId, long amountFen,
                                 String reason, Instant now) {
        return connection.preparedQuery("""
                        insert into order_refund (id, payment_id, order_id, user_id, amount_fen, reason, state,
                                                  next_attempt_at, created_at, updated_at)
                        values ($1, $2, $3, $4, $5, $6, 'PENDING', $7, $7, $7) on conflict do nothing""")
                .execute(Tuple.tuple(List.of("rf-" + paymentId, paymentId, orderId, userId, amountFen, reason, utc(now))))
                .replaceWithVoid();
    }

    private static Payment payment(Row row) {
        return new Payment(row.getString("id"), row.getString("order_id"), row.getLong("amount_fen"),
                row.getString("state"), row.getString("pay_url"), instant(row.getOffsetDateTime("paid_at")),
                instant(row.getOffsetDateTime("created_at")), row.getString("refund_state"),
                row.getString("refund_reason"));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
