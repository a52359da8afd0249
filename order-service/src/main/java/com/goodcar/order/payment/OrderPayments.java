package com.goodcar.order.payment;

import com.goodcar.contracts.order.OrderPaid;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.kit.payment.PaymentProvider;
import com.goodcar.kit.payment.PaymentProvider.PaymentOrder;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import com.goodcar.order.handover.DeliveryRows;
import com.goodcar.order.order.Order;
import com.goodcar.order.order.OrderAccess;
import com.goodcar.order.order.OrderKind;
import com.goodcar.order.order.OrderRows;
import com.goodcar.order.order.OrderState;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Opens the payment of an order awaiting one. An order has at most one open payment: asking again
 * gives the same one (the same pay page). The row commits first and the provider is asked after,
 * idempotently on the payment's id, so a crash or a provider outage between the two is mended by
 * the buyer's retry.
 */
@ApplicationScoped
public class OrderPayments {

    private static final Logger LOG = Logger.getLogger(OrderPayments.class);

    private final Pool pool;
    private final PaymentProvider provider;
    private final Outbox outbox;
    private final Clock clock;
    private final String notifyUrl;

    OrderPayments(Pool pool, PaymentProvider provider, Outbox outbox, Clock clock,
                  @ConfigProperty(name = "psp.notify-url") String notifyUrl) {
        this.pool = pool;
        this.provider = provider;
        this.outbox = outbox;
        this.clock = clock;
        this.notifyUrl = notifyUrl;
    }

    /** The payment the buyer makes next, or none when nothing is left to pay (the order is then paid). */
    public record Opened(Order order, String paymentId, long amountFen, String payUrl) {
    }

    public Uni<Opened> open(String orderId, SecurityIdentity caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> OrderRows.find(connection, orderId, true).chain(found -> {
            Order order = OrderAccess.owned(found.orElse(null), orderId, caller);
            if (order.state() != OrderState.AWAITING_PAYMENT) {
                throw notAwaitingPayment(order);
            }
            if (!now.isBefore(order.payBy())) {
                throw new ProblemException(Problem.of(409, "deadline-passed", "Deadline passed",
                        "Order " + order.id() + " had to be paid by " + order.payBy() + ".")
                        .with("payBy", order.payBy().toString()));
            }
            if (order.amountDueFen() == 0) {
                return paidByDeposit(connection, order, now);
            }
            return PaymentRows.open(connection, orderId).chain(open -> {
                if (open.isPresent()) {
                    return Uni.createFrom().item(new Opened(order, open.get().id(), order.amountDueFen(),
                            open.get().payUrl()));
                }
                String paymentId = "opay-" + UUID.randomUUID();
                return PaymentRows.insert(connection, paymentId, order.id(), order.userId(), order.amountDueFen(), now)
                        .replaceWith(new Opened(order, paymentId, order.amountDueFen(), null));
            });
        })).chain(opened -> opened.paymentId() == null || opened.payUrl() != null
                ? Uni.createFrom().item(opened) : askProvider(opened));
    }

    private static ProblemException notAwaitingPayment(Order order) {
        String detail = switch (order.state()) {
            case AWAITING_CONFIRMATION -> "Order " + order.id() + " is to be confirmed first (POST /orders/"
                    + order.id() + "/confirm).";
            case PAID, HANDED_OVER, DELIVERED -> "Order " + order.id() + " is paid.";
            default -> "Order " + order.id() + " is " + order.state() + ".";
        };
        return new ProblemException(Problem.of(409, "not-awaiting-payment", "Not awaiting payment", detail)
                .with("state", order.state().name()));
    }

    /** A hammer price at or below the deposit: the deposit pays it all, nothing goes to the provider. */
    private Uni<Opened> paidByDeposit(SqlConnection connection, Order order, Instant now) {
        Order paid = order.paid(now, now);
        return OrderRows.update(connection, paid, order.state())
                .chain(() -> DeliveryRows.address(connection, paid.id()))
                .chain(to -> outbox.stage(connection, new OrderPaid(paid.id(), paid.lotId(), paid.userId(), 0, now,
                        to.orElse(null)), now))
                .invoke(() -> LOG.infof("order %s: nothing due beyond the deposit, paid", order.id()))
                .replaceWith(new Opened(paid, null, 0, null));
    }

    private Uni<Opened> askProvider(Opened opened) {
        Order order = opened.order();
        String subject = order.kind() == OrderKind.AUCTION_WIN ? "Car won at auction, lot " + order.lotId()
                : "Car ordered in flash sale " + order.saleId();
        return Uni.createFrom().item(() -> provider.create(
                        new PaymentOrder(opened.paymentId(), opened.amountFen(), subject, notifyUrl)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(PaymentProvider.Unavailable.class).transform(e -> {
                    LOG.warnf("payment %s of order %s: the provider is unavailable (%s); the buyer's retry asks again",
                            opened.paymentId(), order.id(), e.getMessage());
                    return new ProblemException(Problem.of(503, "provider-unavailable", "Payment provider unavailable",
                            "The payment provider did not answer; retry.").with("retryAfterSeconds", 2));
                })
                .chain(created -> PaymentRows.opened(pool, opened.paymentId(), created.providerPaymentId(),
                                created.payUrl())
                        .invoke(() -> LOG.infof("order %s: payment %s of %d fen opened", order.id(),
                                opened.paymentId(), opened.amountFen()))
                        .replaceWith(new Opened(order, opened.paymentId(), opened.amountFen(), created.payUrl())));
    }
}
