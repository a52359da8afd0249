package com.goodcar.order.sale;

import com.goodcar.order.order.Order;
import com.goodcar.order.order.OrderRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The sale tables, on the caller's connection (and so in the caller's transaction). */
final class SaleRows {

    /** The channel a returned unit is announced on, after its commit, to every replica (LISTEN). */
    static final String STOCK_CHANNEL = "sale_stock";

    private SaleRows() {
    }

    static Uni<Boolean> editionKnown(SqlClient client, String code) {
        return client.preparedQuery("select 1 from edition where code = $1").execute(Tuple.of(code))
                .map(rows -> rows.size() > 0);
    }

    /** Inserts the sale and its unit rows unless the operator's key made one; true if this call made it. */
    static Uni<Boolean> insert(SqlClient connection, Sale sale, String operator, String key) {
        return connection.preparedQuery("""
                        insert into sale (id, edition_code, price_fen, units, starts_at, per_buyer_limit, pay_within_ms,
                                          created_by, idempotency_key, created_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                        on conflict (created_by, idempotency_key) do nothing""")
                .execute(Tuple.from(List.of(sale.id(), sale.editionCode(), sale.priceFen(), sale.units(),
                        utc(sale.startsAt()), sale.perBuyerLimit(), sale.payWithin().toMillis(), operator, key,
                        utc(sale.createdAt()))))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false) : connection.preparedQuery(
                                "insert into sale_unit (sale_id, unit_no) select $1, n from generate_series(1, $2) n")
                        .execute(Tuple.of(sale.id(), sale.units())).replaceWith(true));
    }

    static Uni<Optional<Sale>> find(SqlClient client, String id) {
        return client.preparedQuery("select * from sale where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(sale(rows.iterator().next())));
    }

    static Uni<Optional<Sale>> madeWith(SqlClient client, String operator, String key) {
        return client.preparedQuery("select * from sale where created_by = $1 and idempotency_key = $2")
                .execute(Tuple.of(operator, key))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(sale(rows.iterator().next())));
    }

    static Uni<Integer> unitsLeft(SqlClient client, String saleId) {
        return client.preparedQuery("select count(*) from sale_unit where sale_id = $1 and order_id is null")
                .execute(Tuple.of(saleId)).map(rows -> rows.iterator().next().getInteger(0));
    }

    /** The order this buyer's key made of the sale, if any. */
    static Uni<Optional<Order>> orderOfKey(SqlClient connection, String saleId, String buyerId, String key) {
        return connection.preparedQuery("""
                        select o.* from sale_reservation r join orders o on o.id = r.order_id
                        where r.sale_id = $1 and r.buyer_id = $2 and r.idempotency_key = $3""")
                .execute(Tuple.of(saleId, buyerId, key))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(OrderRows.order(rows.iterator().next())));
    }

    /**
     * One more unit held by the buyer, unless they hold the limit already; the row stays locked to the
     * end of the transaction, so the buyer's other orders wait for this one. True if taken.
     */
    static Uni<Boolean> takeBuyerSlot(SqlClient connection, Sale sale, String buyerId) {
        return connection.preparedQuery("""
                        insert into sale_buyer (sale_id, buyer_id, held) values ($1, $2, 1)
                        on conflict (sale_id, buyer_id) do update set held = sale_buyer.held + 1
                        where sale_buyer.held < $3
                        returning held""")
                .execute(Tuple.of(sale.id(), buyerId, sale.perBuyerLimit())).map(rows -> rows.size() == 1);
    }

    /**
     * Claims a free unit for the order: with {@code skipLocked} one no other transaction is claiming
     * right now (a rush spreads over the rows), without it the first free one even if it must wait
     * for another claim to end (the last units, whose claimers may still roll back).
     */
    static Uni<Optional<Integer>> claim(SqlClient connection, String saleId, String orderId, boolean skipLocked) {
        return connection.preparedQuery("""
                        update sale_unit set order_id = $2
                        where (sale_id, unit_no) = (select sale_id, unit_no from sale_unit
                                                    where sale_id = $1 and order_id is null
                                                    order by unit_no limit 1 for update%s)
                        returning unit_no""".formatted(skipLocked ? " skip locked" : ""))
                .execute(Tuple.of(saleId, orderId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getInteger(0)));
    }

    static Uni<Void> insertReservation(SqlClient connection, Order order, String key, int unitNo) {
        return connection.preparedQuery("""
                        insert into sale_reservation (order_id, sale_id, buyer_id, idempotency_key, unit_no, reserved_at)
                        values ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.from(List.of(order.id(), order.saleId(), order.userId(), key, unitNo,
                        utc(order.createdAt()))))
                .replaceWithVoid();
    }

    /**
     * The order's unit back to stock and one fewer held by its buyer, if the order still holds one
     * (so however often this is called, a unit comes back once); announced to every replica on
     * commit. True if a unit came back.
     */
    static Uni<Boolean> returnUnit(SqlClient connection, String orderId, Instant now) {
        return connection.preparedQuery("""
                        with reservation as (
                            update sale_reservation set returned_at = $2
                            where order_id = $1 and returned_at is null
                            returning sale_id, buyer_id, unit_no),
                        unit as (
                            update sale_unit u set order_id = null from reservation r
                            where u.sale_id = r.sale_id and u.unit_no = r.unit_no and u.order_id = $1
                            returning u.sale_id),
                        buyer as (
                            update sale_buyer b set held = b.held - 1 from reservation r
                            where b.sale_id = r.sale_id and b.buyer_id = r.buyer_id
                            returning b.sale_id)
                        select pg_notify('%s', unit.sale_id) from unit""".formatted(STOCK_CHANNEL))
                .execute(Tuple.of(orderId, utc(now))).map(rows -> rows.size() == 1);
    }

    /** {@link SoldOutMarks#key}s of every order the sale has had. */
    static Uni<Set<String>> orderKeys(SqlClient client, String saleId) {
        return client.preparedQuery("select buyer_id, idempotency_key from sale_reservation where sale_id = $1")
                .execute(Tuple.of(saleId)).map(rows -> {
                    var keys = new HashSet<String>(rows.size() * 2);
                    rows.forEach(row -> keys.add(SoldOutMarks.key(row.getString(0), row.getString(1))));
                    return keys;
                });
    }

    static Uni<List<SaleOrder>> orders(SqlClient client, String saleId, int offset, int limit) {
        return client.preparedQuery("""
                        select o.*, r.unit_no, r.returned_at from orders o
                        left join sale_reservation r on r.order_id = o.id
                        where o.sale_id = $1 order by o.created_at, o.id offset $2 limit $3""")
                .execute(Tuple.of(saleId, offset, limit)).map(rows -> {
                    var orders = new ArrayList<SaleOrder>(rows.size());
                    rows.forEach(row -> orders.add(SaleOrder.of(OrderRows.order(row), row.getInteger("unit_no"),
                            instant(row, "returned_at"))));
                    return orders;
                });
    }

    static Uni<Long> orderCount(SqlClient client, String saleId) {
        return client.preparedQuery("select count(*) from orders where sale_id = $1").execute(Tuple.of(saleId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** An edition catalog-service listed, or whose price it changed (the first event of it seen here may be either). */
    static Uni<Void> upsertEdition(SqlClient connection, String code, String modelCode, String name, long listPriceFen,
                                   Instant at) {
        return connection.preparedQuery("""
                        insert into edition (code, model_code, name, list_price_fen, updated_at) values ($1, $2, $3, $4, $5)
                        on conflict (code) do update set model_code = coalesce(excluded.model_code, edition.model_code),
                            name = coalesce(excluded.name, edition.name), list_price_fen = excluded.list_price_fen,
                            updated_at = excluded.updated_at
                        where edition.updated_at <= excluded.updated_at""")
                .execute(Tuple.from(java.util.Arrays.asList(code, modelCode, name, listPriceFen, utc(at))))
                .replaceWithVoid();
    }

    private static Sale sale(Row row) {
        return new Sale(row.getString("id"), row.getString("edition_code"), row.getLong("price_fen"),
                row.getInteger("units"), instant(row, "starts_at"), row.getInteger("per_buyer_limit"),
                Duration.ofMillis(row.getLong("pay_within_ms")), instant(row, "created_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
