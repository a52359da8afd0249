package com.goodcar.order.order;

import com.goodcar.contracts.order.OrderPaymentExpired;
import com.goodcar.kit.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Expires the orders whose buyer let a deadline pass (confirm, then pay), each once, with its
 * {@code order.payment-expired.v1}: deposit-service forfeits an auction win's deposit on it; a
 * sale's unit goes back to stock in the same transaction.
 */
@ApplicationScoped
public class Lapses {

    private static final Logger LOG = Logger.getLogger(Lapses.class);
    private static final int BATCH = 200;

    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;
    private final Reservations reservations;

    private final Duration callbackGrace;

    private final SecondChances secondChances;

    Lapses(Pool pool, Outbox outbox, Clock clock, Reservations reservations, SecondChances secondChances,
           @ConfigProperty(name = "order.payment.callback-grace") Duration callbackGrace) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
        this.reservations = reservations;
        this.secondChances = secondChances;
        this.callbackGrace = callbackGrace;
    }

    /**
     * What an expiry means: a lapsed second-chance offer releases the runner-up's deposit; anything
     * else the buyer failed to pay says order.payment-expired.v1 (an auction deposit is forfeited, a
     * sale's unit returns to stock), and a lapsed winner's order offers the car to a waiting runner-up.
     */
    private Uni<Void> consequences(SqlConnection connection, Order order, Order expired, Instant now) {
        if (order.isOpenOffer()) {
            return secondChances.offerEnded(connection, expired, "OFFER_EXPIRED", now);
        }
        return reservations.returned(connection, expired)
                .chain(() -> outbox.stage(connection, new OrderPaymentExpired(order.id(), order.lotId(), order.userId(),
                        order.dueAt()), now))
                .chain(() -> secondChances.winnerLost(connection, expired, now));
    }

    @Scheduled(identity = "order-lapses", every = "${order.lapse-scan}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scan() {
        return expireDue().replaceWithVoid();
    }

    /** Completes with how many orders it expired. */
    public Uni<Integer> expireDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> OrderRows.lapsed(connection, now, now.minus(callbackGrace), BATCH)
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(order -> {
                    Order expired = order.expired(now);
                    // the row is locked, so the update matches; events are staged only for a change made
                    return OrderRows.update(connection, expired, order.state()).chain(changed -> !changed
                            ? Uni.createFrom().voidItem()
                            : consequences(connection, order, expired, now)
                                    .invoke(() -> LOG.infof("order %s: %s past %s, expired", order.id(),
                                            order.state(), order.dueAt())));
                }).collect().asList().map(java.util.List::size)));
    }
}
