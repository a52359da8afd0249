package com.goodcar.order.order;

import com.goodcar.contracts.order.OrderDelivered;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
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
            return step(connection, order, to, OrderResource.permitted(() -> step.apply(order, now)), now);
        }));
    }

    /**
     * The site handed the car over (store.vehicle-delivered.v1), in the consumer's transaction: a paid
     * order is handed over and delivered at once. An order no longer on its way (cancelled meanwhile)
     * is left as it is, and said so.
     */
    public Uni<Void> deliveredBySite(SqlConnection connection, String orderId, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        return OrderRows.find(connection, orderId, true).chain(found -> {
            if (found.isEmpty() || found.get().state() == OrderState.DELIVERED) {
                return Uni.createFrom().voidItem();
            }
            Order order = found.get();
            if (order.state() != OrderState.PAID && order.state() != OrderState.HANDED_OVER) {
                LOG.warnf("order %s: the site reports the car handed over, but the order is %s; left as it is",
                        orderId, order.state());
                return Uni.createFrom().voidItem();
            }
            Uni<Order> handed = order.state() == OrderState.PAID
                    ? step(connection, order, OrderState.HANDED_OVER, order.handedOver(now), now)
                    : Uni.createFrom().item(order);
            return handed.chain(h -> step(connection, h, OrderState.DELIVERED, h.delivered(now), now)).replaceWithVoid();
        });
    }

    private Uni<Order> step(SqlConnection connection, Order order, OrderState to, Order next, Instant now) {
        // once the car is on its way the winner can no longer cancel: a kept runner-up is released
        Uni<Void> event = to == OrderState.DELIVERED
                ? outbox.stage(connection, new OrderDelivered(order.id(), order.lotId(), order.userId(), now), now)
                : secondChances.winnerHandedOver(connection, next, now);
        return OrderRows.update(connection, next, order.state()).chain(() -> event)
                .invoke(() -> LOG.infof("order %s: %s", order.id(), to))
                .replaceWith(next);
    }
}
