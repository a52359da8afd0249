package com.goodcar.order.win;

import com.goodcar.contracts.order.OrderCreated;
import com.goodcar.contracts.order.RunnerUpReleased;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.order.order.Order;
import com.goodcar.order.order.OrderKind;
import com.goodcar.order.order.OrderRows;
import com.goodcar.order.order.SecondChances;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A second-chance lot's runner-up, from the close to the end of their chance: WAITING while the
 * winner's order runs, OFFERED (an order of their own, at their own maximum, with the winner's
 * deadlines) if the winner defaults or cancels, RELEASED once not needed — their deposit is then
 * released ({@code order.runner-up-released.v1}), never forfeited.
 */
@ApplicationScoped
public class RunnerUps implements SecondChances {

    private static final Logger LOG = Logger.getLogger(RunnerUps.class);

    private final Outbox outbox;
    private final Duration confirmWithin;

    RunnerUps(Outbox outbox, @ConfigProperty(name = "order.win.confirm-within") Duration confirmWithin) {
        this.outbox = outbox;
        this.confirmWithin = confirmWithin;
    }

    /** The close kept a runner-up: they wait while the winner's order runs. */
    Uni<Void> kept(SqlConnection connection, String lotId, String userId, long maxFen, long depositFen, Instant now) {
        return connection.preparedQuery("""
                        insert into runner_up (lot_id, user_id, max_fen, deposit_fen, state, created_at, updated_at)
                        values ($1, $2, $3, $4, 'WAITING', $5, $5) on conflict (lot_id) do nothing""")
                .execute(Tuple.of(lotId, userId, maxFen, depositFen, now.atOffset(ZoneOffset.UTC)))
                .invoke(() -> LOG.infof("lot %s: runner-up kept for a second chance at %d fen", lotId, maxFen))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> winnerLost(SqlConnection connection, Order winnerOrder, Instant now) {
        if (winnerOrder.kind() != OrderKind.AUCTION_WIN) {
            return Uni.createFrom().voidItem(); // one second chance, not a third
        }
        return waiting(connection, winnerOrder.lotId()).chain(runnerUp -> {
            if (runnerUp == null) {
                return Uni.createFrom().voidItem();
            }
            Order offer = Order.offered("ord-" + UUID.randomUUID(), winnerOrder.lotId(), runnerUp.getString("user_id"),
                    runnerUp.getLong("max_fen"), runnerUp.getLong("deposit_fen"), confirmWithin, now);
            return OrderRows.insertWin(connection, offer).chain(made -> !made ? Uni.createFrom().voidItem()
                    : moveTo(connection, offer.lotId(), "OFFERED", offer.id(), now)
                    .chain(() -> outbox.stage(connection, new OrderCreated(offer.id(), offer.lotId(), offer.userId(),
                            offer.priceFen(), offer.depositFen(), offer.amountDueFen(), offer.confirmBy(), now), now))
                    .invoke(() -> LOG.infof("lot %s: the winner's order %s is %s; the runner-up is offered the car at "
                                    + "%d fen (order %s, to accept by %s)", offer.lotId(), winnerOrder.id(),
                            winnerOrder.state(), offer.priceFen(), offer.id(), offer.confirmBy())));
        });
    }

    @Override
    public Uni<Void> winnerHandedOver(SqlConnection connection, Order winnerOrder, Instant now) {
        if (winnerOrder.kind() != OrderKind.AUCTION_WIN) {
            return Uni.createFrom().voidItem();
        }
        return waiting(connection, winnerOrder.lotId()).chain(runnerUp -> runnerUp == null
                ? Uni.createFrom().voidItem()
                : release(connection, winnerOrder.lotId(), runnerUp.getString("user_id"), "WINNER_HANDED_OVER", now));
    }

    @Override
    public Uni<Void> offerEnded(SqlConnection connection, Order offer, String reason, Instant now) {
        return release(connection, offer.lotId(), offer.userId(), reason, now);
    }

    private static Uni<Row> waiting(SqlConnection connection, String lotId) {
        return connection.preparedQuery("select * from runner_up where lot_id = $1 and state = 'WAITING' for update")
                .execute(Tuple.of(lotId)).map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }

    private Uni<Void> release(SqlConnection connection, String lotId, String userId, String reason, Instant now) {
        return moveTo(connection, lotId, "RELEASED", null, now)
                .chain(() -> outbox.stage(connection, new RunnerUpReleased(lotId, userId, reason, now), now))
                .invoke(() -> LOG.infof("lot %s: the runner-up is released (%s)", lotId, reason));
    }

    private static Uni<Void> moveTo(SqlConnection connection, String lotId, String state, String offerId, Instant now) {
        return connection.preparedQuery("""
                        update runner_up set state = $2, offer_order_id = coalesce($3, offer_order_id), updated_at = $4
                        where lot_id = $1""")
                .execute(Tuple.of(lotId, state, offerId, now.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }
}
