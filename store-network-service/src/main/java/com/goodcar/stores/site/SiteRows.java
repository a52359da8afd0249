package com.goodcar.stores.site;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The site and site_service tables, on the caller's connection (and so in the caller's transaction). */
public final class SiteRows {

    /** The columns every read of a site selects, in {@link #site}'s order (table alias {@code s}). */
    public static final String COLUMNS = """
            s.id, s.kind, s.name, s.city, s.address, ST_Y(s.location::geometry) as latitude,
            ST_X(s.location::geometry) as longitude, s.opens_minute, s.closes_minute, s.open_days, s.closed_at,
            s.services""";
    /** site.services as site_service says, rewritten by every writer of site_service in its transaction. */
    private static final String PACKED_SERVICES = """
            coalesce((select string_agg(ss.capability || ':' || ss.slot_minutes || ':' || ss.per_slot, ',' order by ss.capability)
                        from site_service ss where ss.site_id = site.id), '')""";

    private SiteRows() {
    }

    /**
     * Writes sites as given, each with exactly its services (an import: the same rows again change
     * nothing but {@code updated_at}). A closed site stays closed; a site named again is not reopened.
     */
    public static Uni<Void> upsert(SqlClient connection, List<Site> sites, Instant now) {
        if (sites.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = sites.size();
        String[] ids = new String[n], kinds = new String[n], names = new String[n], cities = new String[n],
                addresses = new String[n], capabilities = new String[n];
        Double[] latitudes = new Double[n], longitudes = new Double[n];
        Integer[] opens = new Integer[n], closes = new Integer[n], days = new Integer[n];
        var serviceSite = new ArrayList<String>();
        var serviceCapability = new ArrayList<String>();
        var serviceMinutes = new ArrayList<Integer>();
        var servicePerSlot = new ArrayList<Integer>();
        for (int i = 0; i < n; i++) {
            Site site = sites.get(i);
            ids[i] = site.id();
            kinds[i] = site.kind().name();
            names[i] = site.name();
            cities[i] = site.city();
            addresses[i] = site.address();
            latitudes[i] = site.latitude();
            longitudes[i] = site.longitude();
            opens[i] = site.hours().opensMinute();
            closes[i] = site.hours().closesMinute();
            days[i] = site.hours().dayBits();
            capabilities[i] = String.join(",", site.services().stream().map(s -> s.capability().name()).sorted().toList());
            for (ServiceCapacity service : site.services()) {
                serviceSite.add(site.id());
                serviceCapability.add(service.capability().name());
                serviceMinutes.add(service.slotMinutes());
                servicePerSlot.add(service.perSlot());
            }
        }
        Tuple siteRows = Tuple.tuple().addArrayOfString(ids).addArrayOfString(kinds).addArrayOfString(names)
                .addArrayOfString(cities).addArrayOfString(addresses).addArrayOfDouble(latitudes)
                .addArrayOfDouble(longitudes).addArrayOfInteger(opens).addArrayOfInteger(closes)
                .addArrayOfInteger(days).addArrayOfString(capabilities).addOffsetDateTime(utc(now));
        return connection.preparedQuery("""
                        insert into site (id, kind, name, city, address, location, opens_minute, closes_minute, open_days,
                                          capabilities, updated_at)
                        select id, kind, name, city, address, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography,
                               opens, closes, days, case when caps = '' then '{}'::text[] else string_to_array(caps, ',') end, $12
                          from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[],
                                      $7::float8[], $8::int[], $9::int[], $10::int[], $11::text[])
                               as u(id, kind, name, city, address, lat, lon, opens, closes, days, caps)
                        on conflict (id) do update set kind = excluded.kind, name = excluded.name, city = excluded.city,
                            address = excluded.address, location = excluded.location,
                            opens_minute = excluded.opens_minute, closes_minute = excluded.closes_minute,
                            open_days = excluded.open_days, capabilities = excluded.capabilities,
                            updated_at = excluded.updated_at""")
                .execute(siteRows)
                .chain(() -> connection.preparedQuery("""
                                delete from site_service ss
                                 where ss.site_id = any($1)
                                   and not exists (select 1 from unnest($2::text[], $3::text[]) as u(site_id, capability)
                                                    where u.site_id = ss.site_id and u.capability = ss.capability)""")
                        .execute(Tuple.of(ids, serviceSite.toArray(String[]::new), serviceCapability.toArray(String[]::new))))
                .chain(() -> connection.preparedQuery("""
                                insert into site_service (site_id, capability, slot_minutes, per_slot)
                                select * from unnest($1::text[], $2::text[], $3::int[], $4::int[])
                                on conflict (site_id, capability) do update
                                    set slot_minutes = excluded.slot_minutes, per_slot = excluded.per_slot""")
                        .execute(Tuple.of(serviceSite.toArray(String[]::new), serviceCapability.toArray(String[]::new),
                                serviceMinutes.toArray(Integer[]::new), servicePerSlot.toArray(Integer[]::new))))
                .chain(() -> connection.preparedQuery("update site set services = " + PACKED_SERVICES + " where id = any($1)")
                        .execute(Tuple.of((Object) ids)))
                .replaceWithVoid();
    }

    public static Uni<Optional<Site>> find(SqlClient connection, String id, boolean forUpdate) {
        return connection.preparedQuery("select " + COLUMNS + " from site s where s.id = $1" + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(site(rows.iterator().next())));
    }

    /** Closes a site: no longer found, booked or assigned; its bookings stay as they are. True if it was open. */
    public static Uni<Boolean> close(SqlClient connection, String id, Instant now) {
        return connection.preparedQuery("update site set closed_at = $2, updated_at = $2 where id = $1 and closed_at is null")
                .execute(Tuple.of(id, utc(now))).map(rows -> rows.rowCount() == 1);
    }

    public static Uni<Long> count(SqlClient connection) {
        return connection.query("select count(*) from site where closed_at is null").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public static Site site(Row row) {
        var services = new ArrayList<ServiceCapacity>();
        String packed = row.getString("services");
        if (!packed.isEmpty()) {
            for (String part : packed.split(",")) {
                String[] fields = part.split(":");
                services.add(new ServiceCapacity(Capability.valueOf(fields[0]), Integer.parseInt(fields[1]),
                        Integer.parseInt(fields[2])));
            }
        }
        services.sort(java.util.Comparator.comparing(ServiceCapacity::capability));
        OffsetDateTime closed = row.getOffsetDateTime("closed_at");
        return new Site(row.getString("id"), SiteKind.valueOf(row.getString("kind")), row.getString("name"),
                row.getString("city"), row.getString("address"), row.getDouble("latitude"), row.getDouble("longitude"),
                new OpeningHours(row.getInteger("opens_minute"), row.getInteger("closes_minute"),
                        OpeningHours.days(row.getInteger("open_days"))),
                services, closed == null ? null : closed.toInstant());
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A site's new hours (a dealer's or an operator's): bookings already made keep their slots. */
    public static Uni<Void> updateHours(SqlClient connection, String id, OpeningHours hours, Instant now) {
        return connection.preparedQuery("""
                        update site set opens_minute = $2, closes_minute = $3, open_days = $4, updated_at = $5 where id = $1""")
                .execute(Tuple.of(id, hours.opensMinute(), hours.closesMinute(), hours.dayBits(), utc(now)))
                .replaceWithVoid();
    }

    /** Sets one capability's slots and capacity, adding the capability if the site lacked it. */
    public static Uni<Void> putService(SqlClient connection, String id, ServiceCapacity service, Instant now) {
        return connection.preparedQuery("""
                        insert into site_service (site_id, capability, slot_minutes, per_slot) values ($1, $2, $3, $4)
                        on conflict (site_id, capability) do update
                            set slot_minutes = excluded.slot_minutes, per_slot = excluded.per_slot""")
                .execute(Tuple.of(id, service.capability().name(), service.slotMinutes(), service.perSlot()))
                .chain(() -> connection.preparedQuery("""
                                update site set updated_at = $2, capabilities = array(
                                    select capability from site_service where site_id = $1 order by capability),
                                    services = %s
                                 where id = $1""".formatted(PACKED_SERVICES)).execute(Tuple.of(id, utc(now))))
                .replaceWithVoid();
    }
}
