package com.goodcar.order.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * What an auction order's fate means for its lot's runner-up, if the lot kept one (the second-chance
 * rule). Called on the transaction that changes the order; implemented where lots are won.
 */
public interface SecondChances {

    /** The winner's order expired or was cancelled: the runner-up, if one waits, is offered the car. */
    Uni<Void> winnerLost(SqlConnection connection, Order winnerOrder, Instant now);

    /** The winner's car went to delivery: a waiting runner-up is released. */
    Uni<Void> winnerHandedOver(SqlConnection connection, Order winnerOrder, Instant now);

    /** The runner-up declined the offer or let it lapse: released, never forfeited. */
    Uni<Void> offerEnded(SqlConnection connection, Order offer, String reason, Instant now);
}
