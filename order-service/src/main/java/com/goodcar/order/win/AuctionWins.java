package com.goodcar.order.win;

import com.goodcar.contracts.EventTypes;
import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.contracts.order.OrderCreated;
import com.goodcar.kit.inbox.Inbox;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.order.order.Order;
import com.goodcar.order.order.OrderRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * A sold lot becomes its winner's order, once: the inbox drops a redelivered close, and the lot's
 * one auction-win row refuses a second close of the same lot made by any other path.
 */
@ApplicationScoped
public class AuctionWins {

    private static final Logger LOG = Logger.getLogger(AuctionWins.class);
    private static final Set<String> TYPES = Set.of(EventTypes.AUCTION_CLOSED.type());

    private final Inbox inbox;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration confirmWithin;
    private final RunnerUps runnerUps;

    AuctionWins(Inbox inbox, Outbox outbox, Clock clock, RunnerUps runnerUps,
                @ConfigProperty(name = "order.win.confirm-within") Duration confirmWithin) {
        this.runnerUps = runnerUps;
        this.inbox = inbox;
        this.outbox = outbox;
        this.clock = clock;
        this.confirmWithin = confirmWithin;
    }

    @Incoming("auction-lots")
    public Uni<Void> onLotEvent(String message) {
        return inbox.consume("order-wins", message, TYPES, (connection, event) -> event.data() instanceof AuctionClosed closed
                && "SOLD".equals(closed.result()) ? won(connection, closed) : Uni.createFrom().voidItem()).replaceWithVoid();
    }

    private Uni<Void> won(SqlConnection connection, AuctionClosed closed) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var order = Order.won("ord-" + UUID.randomUUID(), closed.lotId(), closed.winnerUserId(), closed.hammerPriceFen(),
                closed.depositFen(), closed.closedAt().truncatedTo(ChronoUnit.MICROS), confirmWithin, now);
        return OrderRows.insertWin(connection, order).chain(made -> {
            if (!made) {
                LOG.infof("lot %s: closed again, its order exists already", closed.lotId());
                return Uni.createFrom().voidItem();
            }
            LOG.infof("lot %s: order %s for the winner, %d fen due, to confirm by %s", closed.lotId(), order.id(),
                    order.amountDueFen(), order.confirmBy());
            Uni<Void> runnerUp = closed.runnerUpUserId() == null || closed.runnerUpMaxFen() == null
                    ? Uni.createFrom().voidItem()
                    : runnerUps.kept(connection, closed.lotId(), closed.runnerUpUserId(), closed.runnerUpMaxFen(),
                            closed.depositFen(), now);
            return outbox.stage(connection, new OrderCreated(order.id(), order.lotId(), order.userId(), order.priceFen(),
                    order.depositFen(), order.amountDueFen(), order.confirmBy(), now), now).chain(() -> runnerUp);
        });
    }
}
