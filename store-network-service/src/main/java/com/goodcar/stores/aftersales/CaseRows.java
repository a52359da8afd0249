package com.goodcar.stores.aftersales;

import static com.goodcar.stores.site.SiteRows.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The after_sales_case table, on the caller's connection. */
final class CaseRows {

    private CaseRows() {
    }

    static Uni<Void> insert(SqlClient connection, AfterSalesCase c) {
        return connection.preparedQuery("""
                        insert into after_sales_case (id, user_id, order_id, booking_id, kind, responsible, outlet_id,
                                                      description, state, respond_by, opened_at, updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""")
                .execute(Tuple.from(Arrays.asList(c.id(), c.userId(), c.orderId(), c.bookingId(), c.kind().name(),
                        c.responsible().name(), c.outletId(), c.description(), c.state().name(), utc(c.respondBy()),
                        utc(c.openedAt()), utc(c.updatedAt()))))
                .replaceWithVoid();
    }

    static Uni<Void> update(SqlClient connection, AfterSalesCase c) {
        return connection.preparedQuery("""
                        update after_sales_case set state = $2, answer = $3, answered_at = $4, repair_booking_id = $5,
                               resolution = $6, closed_at = $7, updated_at = $8
                         where id = $1""")
                .execute(Tuple.from(Arrays.asList(c.id(), c.state().name(), c.answer(), utc(c.answeredAt()),
                        c.repairBookingId(), c.resolution(), utc(c.closedAt()), utc(c.updatedAt()))))
                .replaceWithVoid();
    }

    static Uni<Optional<AfterSalesCase>> find(SqlClient connection, String id, boolean forUpdate) {
        return many(connection, "select * from after_sales_case where id = $1" + (forUpdate ? " for update" : ""),
                Tuple.of(id)).map(found -> found.stream().findFirst());
    }

    static Uni<List<AfterSalesCase>> ofUser(SqlClient connection, String userId) {
        return many(connection, "select * from after_sales_case where user_id = $1 order by opened_at desc limit 1000",
                Tuple.of(userId));
    }

    static Uni<List<AfterSalesCase>> ofOutlet(SqlClient connection, String outletId) {
        return many(connection, "select * from after_sales_case where outlet_id = $1 order by opened_at desc limit 1000",
                Tuple.of(outletId));
    }

    /** Cases still unanswered past their deadline, longest overdue first (at most 1,000). */
    static Uni<List<AfterSalesCase>> overdue(SqlClient connection, Instant now) {
        return many(connection, "select * from after_sales_case where state = 'OPEN' and respond_by < $1"
                + " order by respond_by limit 1000", Tuple.of(utc(now)));
    }

    static Uni<Long> countOverdue(SqlClient connection, Instant now) {
        return connection.preparedQuery("select count(*) from after_sales_case where state = 'OPEN' and respond_by < $1")
                .execute(Tuple.of(utc(now))).map(rows -> rows.iterator().next().getLong(0));
    }

    private static Uni<List<AfterSalesCase>> many(SqlClient connection, String sql, Tuple parameters) {
        return connection.preparedQuery(sql).execute(parameters).map(rows -> {
            var found = new ArrayList<AfterSalesCase>();
            rows.forEach(row -> found.add(of(row)));
            return found;
        });
    }

    private static AfterSalesCase of(Row row) {
        return new AfterSalesCase(row.getString("id"), row.getString("user_id"), row.getString("order_id"),
                row.getString("booking_id"), CaseKind.valueOf(row.getString("kind")),
                Responsible.valueOf(row.getString("responsible")), row.getString("outlet_id"), row.getString("description"),
                CaseState.valueOf(row.getString("state")), instant(row, "respond_by"), row.getString("answer"),
                instant(row, "answered_at"), row.getString("repair_booking_id"), row.getString("resolution"),
                instant(row, "closed_at"), instant(row, "opened_at"), instant(row, "updated_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
