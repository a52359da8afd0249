package com.goodcar.order.payment;

import com.goodcar.contracts.order.OrderPaid;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.kit.payment.CallbackCapture;
import com.goodcar.kit.payment.CallbackNonces;
import com.goodcar.kit.payment.PaymentNotification;
import com.goodcar.order.handover.DeliveryRows;
import com.goodcar.order.order.Order;
import com.goodcar.order.order.OrderRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * A genuine "paid" callback, applied once. A payment made within its order's window pays the order
 * ({@code order.paid.v1}); a payment for an order that no longer awaits one — expired, cancelled, or
 * paid after its deadline — is owed straight back and queued for refund: never money without an
 * order, never an order paid twice.
 */
@ApplicationScoped
public class Captures implements CallbackCapture {

    private static final Logger LOG = Logger.getLogger(Captures.class);

    /** What the callback did: PAID (the order), REFUNDED (refund queued) or ALREADY_PAID (a repeated delivery). */
    public enum Effect { PAID, REFUNDED, ALREADY_PAID }

    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;

    Captures(Pool pool, Outbox outbox, Clock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Uni<String> capture(PaymentNotification paid, String nonce) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> CallbackNonces.firstDelivery(connection, paid, nonce, now)
                // the order first, then its payment: the order every other writer (cancel, lapse) locks first
                .chain(() -> connection.preparedQuery("""
                                select * from orders where id = (select order_id from order_payment where id = $1)
                                for update""")
                        .execute(Tuple.of(paid.merchantPaymentId())))
                .chain(orders -> {
                    if (orders.size() == 0) {
                        throw new Refused(Refusal.UNKNOWN_PAYMENT, "no payment " + paid.merchantPaymentId());
                    }
                    Order order = OrderRows.order(orders.iterator().next());
                    return connection.preparedQuery("select state, amount_fen from order_payment where id = $1 for update")
                            .execute(Tuple.of(paid.merchantPaymentId()))
                            .map(rows -> new Locked(order, rows.iterator().next()));
                })
                .chain(locked -> {
                    Row row = locked.payment();
                    CallbackCapture.requireAmount(row.getLong("amount_fen"), paid);
                    if ("PAID".equals(row.getString("state"))) {
                        return Uni.createFrom().item(Effect.ALREADY_PAID);
                    }
                    return book(connection, locked.order(), paid, now);
                })).map(Effect::name);
    }

    private record Locked(Order order, Row payment) {
    }

    private Uni<Effect> book(SqlConnection connection, Order order, PaymentNotification paid, Instant now) {
        Instant paidAt = paid.paidAt() == null ? now : paid.paidAt().truncatedTo(ChronoUnit.MICROS);
        Uni<Void> markPaid = connection.preparedQuery("""
                        update order_payment set state = 'PAID', provider_payment_id = $2, paid_at = $3 where id = $1""")
                .execute(Tuple.of(paid.merchantPaymentId(), paid.providerPaymentId(), PaymentRows.utc(paidAt)))
                .replaceWithVoid();
        Order paidOrder;
        try {
            paidOrder = order.paid(paidAt, now);
        } catch (Order.Refused refused) {
            LOG.warnf("payment %s of %d fen for order %s, which is %s (paid at %s, window until %s): refunded",
                    paid.merchantPaymentId(), paid.amountFen(), order.id(), order.state(), paidAt, order.payBy());
            return markPaid.chain(() -> PaymentRows.queueRefund(connection, paid.merchantPaymentId(), order.id(),
                    order.userId(), paid.amountFen(), PaymentRows.LATE_PAYMENT, now)).replaceWith(Effect.REFUNDED);
        }
        return markPaid
                .chain(() -> OrderRows.update(connection, paidOrder, order.state()))
                .chain(() -> DeliveryRows.address(connection, order.id()))
                .chain(to -> outbox.stage(connection, new OrderPaid(order.id(), order.lotId(), order.userId(),
                        paid.amountFen(), paidAt, to.orElse(null)), now))
                .invoke(() -> LOG.infof("order %s: paid %d fen (payment %s)", order.id(), paid.amountFen(),
                        paid.merchantPaymentId()))
                .replaceWith(Effect.PAID);
    }
}
