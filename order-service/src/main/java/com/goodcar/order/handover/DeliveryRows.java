package com.goodcar.order.handover;

import com.goodcar.contracts.order.DeliveryAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

/** The order_delivery table: the buyer's address and the store network's handover of the car. */
public final class DeliveryRows {

    private DeliveryRows() {
    }

    /** The address a payment announces (order.paid.v1), if the buyer gave one. */
    public static Uni<Optional<DeliveryAddress>> address(SqlClient connection, String orderId) {
        return connection.preparedQuery("select city, address, latitude, longitude from order_delivery"
                        + " where order_id = $1 and latitude is not null")
                .execute(Tuple.of(orderId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(address(rows.iterator().next())));
    }

    static Uni<Void> putAddress(SqlClient connection, String orderId, DeliveryAddress to, Instant now) {
        return connection.preparedQuery("""
                        insert into order_delivery (order_id, city, address, latitude, longitude, updated_at)
                        values ($1, $2, $3, $4, $5, $6)
                        on conflict (order_id) do update set city = excluded.city, address = excluded.address,
                            latitude = excluded.latitude, longitude = excluded.longitude, updated_at = excluded.updated_at""")
                .execute(Tuple.from(Arrays.asList(orderId, to.city(), to.address(), to.latitude(), to.longitude(), utc(now))))
                .replaceWithVoid();
    }

    static Uni<Void> handover(SqlClient connection, String orderId, String state, String reason, String bookingId,
                              String siteId, String siteName, Instant slotStart, Instant now) {
        return connection.preparedQuery("""
                        insert into order_delivery (order_id, handover_state, reason, booking_id, site_id, site_name,
                                                    slot_start, updated_at)
                        select $1, $2, $3, $4, $5, $6, $7, $8 where exists (select 1 from orders where id = $1)
                        on conflict (order_id) do update set handover_state = excluded.handover_state,
                            reason = excluded.reason, booking_id = excluded.booking_id, site_id = excluded.site_id,
                            site_name = excluded.site_name, slot_start = excluded.slot_start,
                            updated_at = excluded.updated_at""")
                .execute(Tuple.from(Arrays.asList(orderId, state, reason, bookingId, siteId, siteName, utc(slotStart),
                        utc(now))))
                .replaceWithVoid();
    }

    static Uni<Optional<DeliveryView>> find(SqlClient connection, String orderId) {
        return connection.preparedQuery("select * from order_delivery where order_id = $1").execute(Tuple.of(orderId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    private static DeliveryView view(Row row) {
        DeliveryAddress to = row.getDouble("latitude") == null ? null : address(row);
        String state = row.getString("handover_state");
        OffsetDateTime slot = row.getOffsetDateTime("slot_start");
        return new DeliveryView(to, state == null ? null : new DeliveryView.Handover(state, row.getString("reason"),
                row.getString("booking_id"), row.getString("site_id"), row.getString("site_name"),
                slot == null ? null : slot.toInstant()));
    }

    private static DeliveryAddress address(Row row) {
        return new DeliveryAddress(row.getString("city"), row.getString("address"), row.getDouble("latitude"),
                row.getDouble("longitude"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
