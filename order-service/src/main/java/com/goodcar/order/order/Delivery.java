package com.goodcar.order.order;

import com.goodcar.contracts.order.OrderDelivered;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * A paid order on its way to the buyer: handed to delivery, then delivered ({@code order.delivered.v1}).
 * Saying either again changes nothing and gives the same answer.
 */
@ApplicationScoped
public class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class);

    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;
    private final SecondChances secondChances;

    Delivery(Pool pool, Outbox outbox, Clock clock, SecondChances secondChances) {
        this.secondChances = secondChances;
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Order> handedOver(String orderId) {
        return move(orderId, OrderState.HANDED_OVER, Order::handedOver);
    }

    public Uni<Order> delivered(String orderId) {
        return move(orderId, OrderState.DELIVERED, Order::delivered);
    }

    private Uni<Order> move(String orderId, OrderState to, BiFunction<Order, Instant, Order> step) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> OrderRows.find(connection, orderId, true).chain(found -> {
            Order order = found.orElseThrow(() -> ProblemException.notFound("Order", orderId));
            if (order.state() == to) {
                return Uni.createFrom().item(order);
            }
            Order next = OrderResource.permitted(() -> step.apply(order, now));
            // once the car is on its way the winner can no longer cancel: a kept runner-up is released
            Uni<Void> event = to == OrderState.DELIVERED
                    ? outbox.stage(connection, new OrderDelivered(order.id(), order.lotId(), order.userId(), now), now)
                    : secondChances.winnerHandedOver(connection, next, now);
            return OrderRows.update(connection, next, order.state()).chain(() -> event)
                    .invoke(() -> LOG.infof("order %s: %s", order.id(), to))
                    .replaceWith(next);
        }));
    }
}
