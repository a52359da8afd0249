package com.goodcar.deposit.settlement;

import com.goodcar.contracts.EventTypes;
import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.contracts.auction.AuctionScheduled;
import com.goodcar.contracts.order.OrderCancelled;
import com.goodcar.contracts.order.OrderPaid;
import com.goodcar.contracts.order.OrderPaymentExpired;
import com.goodcar.contracts.order.RunnerUpReleased;
import com.goodcar.kit.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The events that settle deposits, each applied once (the inbox keeps their ids with the effect). */
@ApplicationScoped
public class SettlementEvents {

    private static final Set<String> LOT_TYPES = Set.of(EventTypes.AUCTION_SCHEDULED.type(),
            EventTypes.AUCTION_CLOSED.type());
    private static final Set<String> ORDER_TYPES = Set.of(EventTypes.ORDER_PAID.type(),
            EventTypes.ORDER_PAYMENT_EXPIRED.type(), EventTypes.ORDER_CANCELLED.type(),
            EventTypes.RUNNER_UP_RELEASED.type());

    private final Inbox inbox;
    private final LotSettlement lots;
    private final OrderSettlement orders;
    private final Clock clock;

    SettlementEvents(Inbox inbox, LotSettlement lots, OrderSettlement orders, Clock clock) {
        this.inbox = inbox;
        this.lots = lots;
        this.orders = orders;
        this.clock = clock;
    }

    @Incoming("auction-lots")
    public Uni<Void> onLotEvent(String message) {
        return inbox.consume("deposit-lots", message, LOT_TYPES, (connection, event) -> switch (event.data()) {
            case AuctionScheduled scheduled -> lots.scheduled(connection, scheduled, clock.instant());
            case AuctionClosed closed -> lots.closed(connection, closed, event.id(), clock.instant());
            default -> Uni.createFrom().voidItem();
        }).replaceWithVoid();
    }

    @Incoming("order-orders")
    public Uni<Void> onOrderEvent(String message) {
        return inbox.consume("deposit-orders", message, ORDER_TYPES, (connection, event) -> switch (event.data()) {
            case OrderPaid paid when paid.lotId() != null ->
                    orders.paid(connection, paid.orderId(), paid.lotId(), paid.userId(), event.id(), clock.instant());
            case OrderPaymentExpired expired when expired.lotId() != null ->
                    orders.lapsed(connection, expired.orderId(), expired.lotId(), expired.userId(),
                            "PAYMENT_DEADLINE_PASSED", event.id(), clock.instant());
            case OrderCancelled cancelled when cancelled.lotId() != null ->
                    orders.lapsed(connection, cancelled.orderId(), cancelled.lotId(), cancelled.userId(),
                            cancelled.afterPayment() ? "CANCELLED_AFTER_PAYMENT" : "CANCELLED_BEFORE_PAYMENT",
                            event.id(), clock.instant());
            case RunnerUpReleased released -> lots.runnerUpReleased(connection, released.lotId(), released.userId(),
                    "RUNNER_UP_" + released.reason(), event.id(), clock.instant());
            default -> Uni.createFrom().voidItem();
        }).replaceWithVoid();
    }
}
