package com.goodcar.order.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Where a flash sale's unit goes back when its order ends unpaid (expired or cancelled before
 * payment): called on the transaction that ends the order, so the unit returns exactly once.
 * Implemented by the sale; the order package knows only this port.
 */
public interface Reservations {

    Uni<Void> returned(SqlConnection connection, Order order);
}
