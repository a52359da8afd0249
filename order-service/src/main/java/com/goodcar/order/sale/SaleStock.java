package com.goodcar.order.sale;

import com.goodcar.order.order.Order;
import com.goodcar.order.order.OrderKind;
import com.goodcar.order.order.Reservations;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A sale order that ends unpaid gives its unit back, in the transaction that ends it (the lapse
 * scan's, or a cancel's): once, since only a reservation not yet returned gives one back; the
 * buyer holds one fewer; and every replica hears of it after the commit (NOTIFY), so one that
 * remembered the sale as sold out sells it again.
 */
@ApplicationScoped
public class SaleStock implements Reservations {

    private static final Logger LOG = Logger.getLogger(SaleStock.class);

    @Override
    public Uni<Void> returned(SqlConnection connection, Order order) {
        if (order.kind() != OrderKind.SALE) {
            return Uni.createFrom().voidItem();
        }
        return SaleRows.returnUnit(connection, order.id(), order.updatedAt()).invoke(back -> {
            if (back) {
                LOG.debugf("sale %s: the unit of order %s is back in stock", order.saleId(), order.id());
            }
        }).replaceWithVoid();
    }
}
