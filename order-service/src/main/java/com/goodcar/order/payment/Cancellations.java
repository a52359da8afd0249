package com.goodcar.order.payment;

import com.goodcar.contracts.order.OrderCancelled;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.order.order.Order;
import com.goodcar.order.order.OrderAccess;
import com.goodcar.order.order.OrderResource;
import com.goodcar.order.order.OrderRows;
import com.goodcar.order.order.OrderState;
import com.goodcar.order.order.Reservations;
import com.goodcar.order.order.SecondChances;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * A buyer cancels their order. Before payment: an auction deposit is lost (deposit-service forfeits
 * it on {@code order.cancelled.v1}). After payment: every payment is refunded in full, and an
 * auction deposit is still lost. A sale's unit goes back to stock either way. All in one transaction with the event.
 */
@ApplicationScoped
public class Cancellations {

    private static final Logger LOG = Logger.getLogger(Cancellations.class);

    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;
    private final Reservations reservations;
    private final SecondChances secondChances;

    Cancellations(Pool pool, Outbox outbox, Clock clock, Reservations reservations, SecondChances secondChances) {
        this.secondChances = secondChances;
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
        this.reservations = reservations;
    }

    public Uni<Order> cancel(String orderId, SecurityIdentity caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> OrderRows.find(connection, orderId, true).chain(found -> {
            Order order = OrderAccess.owned(found.orElse(null), orderId, caller);
            if (order.state() == OrderState.CANCELLED || order.state() == OrderState.DECLINED) {
                return Uni.createFrom().item(order); // ended already: a retry gets the same answer
            }
            if (order.isOpenOffer()) {
                return declined(connection, order, now); // cancelling an offer not yet accepted declines it
            }
            Order cancelled = OrderResource.permitted(() -> order.cancelled(now));
            boolean afterPayment = order.state() == OrderState.PAID;
            return OrderRows.update(connection, cancelled, order.state())
                    .chain(() -> afterPayment ? refundAll(connection, order, now) : Uni.createFrom().voidItem())
                    // a sale's unit goes back to stock whether or not it was paid (the payment is refunded)
                    .chain(() -> reservations.returned(connection, cancelled))
                    .chain(() -> outbox.stage(connection, new OrderCancelled(order.id(), order.lotId(), order.userId(),
                            afterPayment, now), now))
                    .chain(() -> secondChances.winnerLost(connection, cancelled, now))
                    .invoke(() -> LOG.infof("order %s: cancelled by its buyer %s payment", order.id(),
                            afterPayment ? "after" : "before"))
                    .replaceWith(cancelled);
        }));
    }

    /** The runner-up turns their second chance down: their deposit is released, not lost. */
    public Uni<Order> decline(String orderId, SecurityIdentity caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> OrderRows.find(connection, orderId, true).chain(found -> {
            Order order = OrderAccess.owned(found.orElse(null), orderId, caller);
            return order.state() == OrderState.DECLINED ? Uni.createFrom().item(order) : declined(connection, order, now);
        }));
    }

    private Uni<Order> declined(SqlConnection connection, Order offer, Instant now) {
        Order declined = OrderResource.permitted(() -> offer.declined(now));
        return OrderRows.update(connection, declined, offer.state())
                .chain(() -> secondChances.offerEnded(connection, declined, "OFFER_DECLINED", now))
                .invoke(() -> LOG.infof("order %s: the runner-up declined the second chance", offer.id()))
                .replaceWith(declined);
    }

    private Uni<Void> refundAll(SqlConnection connection, Order order, Instant now) {
        return PaymentRows.ofOrder(connection, order.id()).chain(payments -> Multi.createFrom().iterable(payments)
                .filter(payment -> "PAID".equals(payment.state()) && payment.refundState() == null)
                .onItem().transformToUniAndConcatenate(payment -> PaymentRows.queueRefund(connection, payment.id(),
                        order.id(), order.userId(), payment.amountFen(), PaymentRows.CANCELLED_AFTER_PAYMENT, now))
                .collect().last().replaceWithVoid());
    }
}
