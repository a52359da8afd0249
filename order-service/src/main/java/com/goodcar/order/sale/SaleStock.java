package com.goodcar.order.sale;

import com.goodcar.order.order.Order;
import com.goodcar.order.order.Reservations;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** A flash sale's stock. No sale can be scheduled yet, so no sale order exists to return a unit for. */
@ApplicationScoped
public class SaleStock implements Reservations {

    @Override
    public Uni<Void> returned(SqlConnection connection, Order order) {
        return Uni.createFrom().failure(new IllegalStateException("order " + order.id() + " is a sale's order, and "
                + "this build has no flash sale"));
    }
}
