package com.goodcar.stores.booking;

import static com.goodcar.stores.site.SiteRows.utc;

import com.goodcar.stores.site.Capability;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The booking and slot_load tables, on the caller's connection (and so in its transaction). */
public final class BookingRows {

    private static final String COLUMNS = "id, capability, site_id, user_id, order_id, slot_start, state, created_at, updated_at";

    private BookingRows() {
    }

    /**
     * Takes one place in a slot if it has one left: a single conditional upsert, so that of many
     * concurrent requests for the last place exactly one gets it. The capacity is read in the same
     * statement. True if taken.
     */
    public static Uni<Boolean> takePlace(SqlClient connection, String siteId, Capability capability, Instant slotStart) {
        return connection.preparedQuery("""
                        insert into slot_load (site_id, capability, slot_start, booked)
                        select $1, $2, $3, 1 from site_service
                         where site_id = $1 and capability = $2 and per_slot > 0
                        on conflict (site_id, capability, slot_start) do update set booked = slot_load.booked + 1
                         where slot_load.booked < (select per_slot from site_service
                                                    where site_id = $1 and capability = $2)""")
                .execute(Tuple.of(siteId, capability.name(), utc(slotStart)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Gives a place back; called only when a live booking stops holding it, so exactly once per booking. */
    public static Uni<Void> givePlace(SqlClient connection, String siteId, Capability capability, Instant slotStart) {
        return connection.preparedQuery("""
                        update slot_load set booked = booked - 1
                         where site_id = $1 and capability = $2 and slot_start = $3 and booked > 0""")
                .execute(Tuple.of(siteId, capability.name(), utc(slotStart)))
                .replaceWithVoid();
    }

    /** How many places each slot of a range has taken (slots without bookings are absent). */
    public static Uni<java.util.Map<Instant, Integer>> load(SqlClient connection, String siteId, Capability capability,
                                                            Instant from, Instant to) {
        return connection.preparedQuery("""
                        select slot_start, booked from slot_load
                         where site_id = $1 and capability = $2 and slot_start >= $3 and slot_start < $4""")
                .execute(Tuple.of(siteId, capability.name(), utc(from), utc(to)))
                .map(rows -> {
                    var load = new java.util.HashMap<Instant, Integer>();
                    rows.forEach(row -> load.put(row.getOffsetDateTime(0).toInstant(), row.getInteger(1)));
                    return load;
                });
    }

    public static Uni<Void> insert(SqlClient connection, Booking booking, String idempotencyKey) {
        return connection.preparedQuery("""
                        insert into booking (id, capability, site_id, user_id, order_id, slot_start, state, idempotency_key,
                                             created_at, updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .execute(Tuple.from(Arrays.asList(booking.id(), booking.capability().name(), booking.siteId(),
                        booking.userId(), booking.orderId(), utc(booking.slotStart()), booking.state().name(),
                        idempotencyKey, utc(booking.createdAt()), utc(booking.updatedAt()))))
                .replaceWithVoid();
    }

    public static Uni<Void> update(SqlClient connection, Booking booking) {
        return connection.preparedQuery("update booking set slot_start = $2, state = $3, updated_at = $4 where id = $1")
                .execute(Tuple.of(booking.id(), utc(booking.slotStart()), booking.state().name(), utc(booking.updatedAt())))
                .replaceWithVoid();
    }

    public static Uni<Optional<Booking>> find(SqlClient connection, String id, boolean forUpdate) {
        return one(connection, "select " + COLUMNS + " from booking where id = $1" + (forUpdate ? " for update" : ""),
                Tuple.of(id));
    }

    public static Uni<Optional<Booking>> byKey(SqlClient connection, String userId, String idempotencyKey) {
        return one(connection, "select " + COLUMNS + " from booking where user_id = $1 and idempotency_key = $2",
                Tuple.of(userId, idempotencyKey));
    }

    public static Uni<List<Booking>> ofUser(SqlClient connection, String userId, int offset, int size) {
        return many(connection, "select " + COLUMNS + " from booking where user_id = $1 order by created_at desc, id"
                + " limit $2 offset $3", Tuple.of(userId, size, offset));
    }

    /** A site's bookings whose slots start in a range, earliest first (at most 1,000). */
    public static Uni<List<Booking>> ofSite(SqlClient connection, String siteId, Instant from, Instant to) {
        return many(connection, "select " + COLUMNS + " from booking where site_id = $1 and slot_start >= $2"
                + " and slot_start < $3 order by slot_start, id limit 1000", Tuple.of(siteId, utc(from), utc(to)));
    }

    private static Uni<Optional<Booking>> one(SqlClient connection, String sql, Tuple parameters) {
        return many(connection, sql, parameters).map(found -> found.stream().findFirst());
    }

    private static Uni<List<Booking>> many(SqlClient connection, String sql, Tuple parameters) {
        return connection.preparedQuery(sql).execute(parameters).map(rows -> {
            var found = new ArrayList<Booking>(rows.size());
            rows.forEach(row -> found.add(booking(row)));
            return found;
        });
    }

    private static Booking booking(Row row) {
        return new Booking(row.getString("id"), Capability.valueOf(row.getString("capability")), row.getString("site_id"),
                row.getString("user_id"), row.getString("order_id"), row.getOffsetDateTime("slot_start").toInstant(),
                BookingState.valueOf(row.getString("state")), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
