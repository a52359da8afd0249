package com.goodcar.stores.handover;

import static com.goodcar.stores.site.SiteRows.utc;

import com.goodcar.contracts.order.DeliveryAddress;
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

/** The handover table, joined with its booking and site for reading. */
final class HandoverRows {

    private static final String VIEW = """
            select h.order_id, h.user_id, h.state, h.reason, h.city, h.address, h.booking_id, b.site_id, s.name,
                   b.slot_start, h.paid_at, h.updated_at
              from handover h
              left join booking b on b.id = h.booking_id
              left join site s on s.id = b.site_id""";

    private HandoverRows() {
    }

    /** The paid car's row, UNASSIGNED until placed; false if the order has one already (a redelivery). */
    static Uni<Boolean> insert(SqlClient connection, String orderId, String userId, DeliveryAddress to, Instant paidAt,
                               Instant now) {
        return connection.preparedQuery("""
                        insert into handover (order_id, user_id, city, address, location, state, paid_at, updated_at)
                        values ($1, $2, $3, $4,
                                case when $5::float8 is null then null
                                     else ST_SetSRID(ST_MakePoint($6, $5), 4326)::geography end,
                                'UNASSIGNED', $7, $8)
                        on conflict (order_id) do nothing""")
                .execute(Tuple.from(Arrays.asList(orderId, userId, to == null ? null : to.city(),
                        to == null ? null : to.address(), to == null ? null : to.latitude(),
                        to == null ? null : to.longitude(), utc(paidAt), utc(now))))
                .map(rows -> rows.rowCount() == 1);
    }

    static Uni<Void> move(SqlClient connection, String orderId, HandoverState state, String reason, String bookingId,
                          Instant now) {
        return connection.preparedQuery("""
                        update handover set state = $2, reason = $3, booking_id = coalesce($4, booking_id), updated_at = $5
                         where order_id = $1""")
                .execute(Tuple.from(Arrays.asList(orderId, state.name(), reason, bookingId, utc(now))))
                .replaceWithVoid();
    }

    static Uni<Optional<HandoverState>> state(SqlClient connection, String orderId, boolean forUpdate) {
        return connection.preparedQuery("select state from handover where order_id = $1" + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(orderId))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(HandoverState.valueOf(rows.iterator().next().getString(0))));
    }

    static Uni<Optional<HandoverView>> find(SqlClient connection, String orderId) {
        return many(connection, VIEW + " where h.order_id = $1", Tuple.of(orderId)).map(l -> l.stream().findFirst());
    }

    /** Cars no site could take, longest waiting first (at most 1,000). */
    static Uni<List<HandoverView>> unassigned(SqlClient connection) {
        return many(connection, VIEW + " where h.state = 'UNASSIGNED' order by h.paid_at limit 1000", Tuple.tuple());
    }

    private static Uni<List<HandoverView>> many(SqlClient connection, String sql, Tuple parameters) {
        return connection.preparedQuery(sql).execute(parameters).map(rows -> {
            var found = new ArrayList<HandoverView>();
            rows.forEach(row -> found.add(view(row)));
            return found;
        });
    }

    private static HandoverView view(Row row) {
        OffsetDateTime slot = row.getOffsetDateTime("slot_start");
        return new HandoverView(row.getString("order_id"), row.getString("user_id"),
                HandoverState.valueOf(row.getString("state")), row.getString("reason"), row.getString("city"),
                row.getString("address"), row.getString("booking_id"), row.getString("site_id"), row.getString("name"),
                slot == null ? null : slot.toInstant(), row.getOffsetDateTime("paid_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
