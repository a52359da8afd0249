package com.goodcar.order.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Where a flash sale's unit goes back when its order ends without the car (expired, or cancelled
 * before or after payment): called on the transaction that ends any order, so the unit returns
 * exactly once; an order that reserved no unit (an auction's) returns nothing. Implemented by the
 * sale; the order package knows only this port.
 */
public interface Reservations {

    Uni<Void> returned(SqlConnection connection, Order order);
}
