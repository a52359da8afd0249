package com.goodcar.order.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The orders table, on the caller's connection (and so in the caller's transaction). */
public final class OrderRows {

    private OrderRows() {
    }

    /**
     * Inserts an auction win (or a second-chance offer) unless the lot already has one of its kind;
     * true if this call made it.
     */
    public static Uni<Boolean> insertWin(SqlClient connection, Order order) {
        return connection.preparedQuery("""
                        insert into orders (id, kind, lot_id, user_id, price_fen, deposit_fen, amount_due_fen, state,
                                            confirm_by, pay_by, due_at, created_at, updated_at)
                        values ($1, $13, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                        on conflict (kind, lot_id) do nothing""")
                .execute(Tuple.from(Arrays.asList(order.id(), order.lotId(), order.userId(), order.priceFen(),
                        order.depositFen(), order.amountDueFen(), order.state().name(), utc(order.confirmBy()),
                        utc(order.payBy()), utc(order.dueAt()), utc(order.createdAt()), utc(order.updatedAt()),
                        order.kind().name())))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Inserts a flash sale's order (its reservation); the caller has made sure it is the only one. */
    public static Uni<Void> insertSale(SqlClient connection, Order order) {
        return connection.preparedQuery("""
                        insert into orders (id, kind, sale_id, user_id, price_fen, deposit_fen, amount_due_fen, state,
                                            pay_by, due_at, created_at, updated_at)
                        values ($1, 'SALE', $2, $3, $4, 0, $4, $5, $6, $7, $8, $9)""")
                .execute(Tuple.from(Arrays.asList(order.id(), order.saleId(), order.userId(), order.priceFen(),
                        order.state().name(), utc(order.payBy()), utc(order.dueAt()), utc(order.createdAt()),
                        utc(order.updatedAt()))))
                .replaceWithVoid();
    }

    /** Writes the order's new state if it is still in {@code from}; true if it was. */
    public static Uni<Boolean> update(SqlClient connection, Order order, OrderState from) {
        return connection.preparedQuery("""
                        update orders set state = $3, pay_by = $4, due_at = $5, updated_at = $6
                        where id = $1 and state = $2""")
                .execute(Tuple.from(Arrays.asList(order.id(), from.name(), order.state().name(), utc(order.payBy()),
                        utc(order.dueAt()), utc(order.updatedAt()))))
                .map(rows -> rows.rowCount() == 1);
    }

    public static Uni<Optional<Order>> find(SqlClient connection, String id, boolean forUpdate) {
        return connection.preparedQuery("select * from orders where id = $1" + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(order(rows.iterator().next())));
    }

    /**
     * Orders whose buyer's deadline has passed, locked; others scanning at once skip them. An order
     * with a payment open at the provider waits until {@code callbacksBy}: a payment made in the
     * window may still be reported, and it pays the order.
     */
    public static Uni<List<Order>> lapsed(SqlClient connection, Instant now, Instant callbacksBy, int limit) {
        return connection.preparedQuery("""
                        select * from orders o where due_at <= $1
                        and not (state = 'AWAITING_PAYMENT' and due_at > $2
                                 and exists (select 1 from order_payment p where p.order_id = o.id and p.state = 'CREATED'))
                        order by due_at limit $3 for update skip locked""")
                .execute(Tuple.of(utc(now), utc(callbacksBy), limit)).map(OrderRows::orders);
    }

    public static Uni<List<Order>> ofBuyer(SqlClient client, String userId, int offset, int limit) {
        return client.preparedQuery("select * from orders where user_id = $1 order by created_at desc, id offset $2 limit $3")
                .execute(Tuple.of(userId, offset, limit)).map(OrderRows::orders);
    }

    public static Uni<Long> countOfBuyer(SqlClient client, String userId) {
        return client.preparedQuery("select count(*) from orders where user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static List<Order> orders(RowSet<Row> rows) {
        var orders = new ArrayList<Order>(rows.size());
        rows.forEach(row -> orders.add(order(row)));
        return orders;
    }

    public static Order order(Row row) {
        return new Order(row.getString("id"), OrderKind.valueOf(row.getString("kind")), row.getString("lot_id"),
                row.getString("sale_id"), row.getString("user_id"), row.getLong("price_fen"), row.getLong("deposit_fen"), OrderState.valueOf(row.getString("state")),
                instant(row, "confirm_by"), instant(row, "pay_by"), instant(row, "due_at"), instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
