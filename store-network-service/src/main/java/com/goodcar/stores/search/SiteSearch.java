package com.goodcar.stores.search;

import com.goodcar.stores.site.OpeningHours;
import com.goodcar.stores.site.SiteRows;
import com.goodcar.stores.site.Site;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Nearest sites, done by PostGIS: the capability's own partial GiST index on {@code site.location}
 * is walked in distance order ({@code <->}, KNN) and the other filters drop candidates as they come,
 * so a query reads about as many rows as it returns, not the 43,000 of the network.
 */
public final class SiteSearch {

    private SiteSearch() {
    }

    /** The SQL and its parameters for a query; the same text for the same filters, so it is prepared once. */
    static Tuple parameters(NearbyQuery query, ZoneId zone, Clock clock, List<String> filters) {
        var values = new ArrayList<Object>(List.of(query.longitude(), query.latitude(), query.limit()));
        if (query.openAt() != null) {
            LocalDateTime local = LocalDateTime.ofInstant(query.openAt(), zone);
            values.add(OpeningHours.bit(local.getDayOfWeek()));
            values.add(local.getHour() * 60 + local.getMinute());
            int day = values.size() - 1, minute = values.size();
            filters.add("(s.open_days & $" + day + ") <> 0 and s.opens_minute <= $" + minute + " and s.closes_minute > $"
                    + minute);
        }
        if (query.freeOn() != null) {
            ZonedDateTime dayStart = query.freeOn().atStartOfDay(zone);
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
            // on today, the slots already begun count as gone
            int fromMinute = query.freeOn().equals(now.toLocalDate()) ? now.getHour() * 60 + now.getMinute() + 1 : 0;
            ZonedDateTime countFrom = fromMinute == 0 ? dayStart : now;
            values.add(OpeningHours.bit(query.freeOn().getDayOfWeek()));
            values.add(SiteRows.utc(countFrom.toInstant()));
            values.add(SiteRows.utc(dayStart.plusDays(1).toInstant()));
            values.add(fromMinute);
            int bit = values.size() - 3, from = values.size() - 2, to = values.size() - 1, minute = values.size();
            // a scalar subquery, not EXISTS: the planner would turn EXISTS into a join and sort the whole network
            filters.add("""
                    (s.open_days & $%1$d) <> 0 and (
                      select ss.per_slot > 0
                             and (select count(*) from slot_load l
                                   where l.site_id = s.id and l.capability = '%5$s' and l.slot_start >= $%2$d
                                     and l.slot_start < $%3$d and l.booked >= ss.per_slot)
                                 < (s.closes_minute - s.opens_minute) / ss.slot_minutes
                                   - greatest(0, ceil(($%4$d - s.opens_minute)::numeric / ss.slot_minutes))::int
                        from site_service ss where ss.site_id = s.id and ss.capability = '%5$s')"""
                    .formatted(bit, from, to, minute, query.capability().name()));
        }
        if (query.withinKm() != null) {
            values.add(query.withinKm() * 1000.0);
            filters.add("ST_DWithin(s.location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $" + values.size() + ")");
        }
        return Tuple.from(values);
    }

    /**
     * The API's answer, encoded by the database from each site's stored view ({@code site.view}):
     * one text value, nearest first, that the service passes on as it is.
     */
    public static Uni<String> nearestJson(SqlClient client, NearbyQuery query, ZoneId zone, Clock clock) {
        var filters = new ArrayList<String>();
        Tuple parameters = parameters(query, zone, clock, filters);
        return client.preparedQuery("""
                        select coalesce(json_agg(json_build_object('distanceMetres', round(n.metres)::bigint, 'site', n.view)
                                                 order by n.knn), '[]')::text
                          from (%s) n""".formatted(sql(query, filters, "s.view, " + DISTANCE + " as metres, "
                        + KNN + " as knn")))
                .execute(parameters)
                .map(rows -> rows.iterator().next().getString(0));
    }

    private static final String POINT = "ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography";
    private static final String DISTANCE = "ST_Distance(s.location, " + POINT + ")";
    private static final String KNN = "s.location <-> " + POINT;

    static String sql(NearbyQuery query, List<String> filters) {
        return sql(query, filters, SiteRows.COLUMNS + ", " + DISTANCE + " as metres");
    }

    /** The capability is a literal (an enum's name, never a caller's text): the planner matches it to its index. */
    static String sql(NearbyQuery query, List<String> filters, String columns) {
        var where = new StringBuilder("s.closed_at is null and '" + query.capability().name() + "' = any(s.capabilities)");
        filters.forEach(f -> where.append("\n   and ").append(f));
        return """
                select %s
                  from site s
                 where %s
                 order by %s
                 limit $3""".formatted(columns, where, KNN);
    }

    /** A site found, as the domain needs it (placing a handover), with its distance in metres. */
    public record Found(Site site, long metres) {
    }

    public static Uni<List<Found>> nearest(SqlClient client, NearbyQuery query, ZoneId zone, Clock clock) {
        var filters = new ArrayList<String>();
        Tuple parameters = parameters(query, zone, clock, filters);
        return client.preparedQuery(sql(query, filters)).execute(parameters).map(rows -> {
            var found = new ArrayList<Found>(rows.size());
            rows.forEach(row -> found.add(new Found(SiteRows.site(row), Math.round(row.getDouble("metres")))));
            return found;
        });
    }

    /** The plan PostgreSQL runs for a query, with its timings (EXPLAIN ANALYZE): for the benchmark and its test. */
    public static Uni<String> plan(SqlClient client, NearbyQuery query, ZoneId zone, Clock clock) {
        var filters = new ArrayList<String>();
        Tuple parameters = parameters(query, zone, clock, filters);
        return client.preparedQuery("explain (analyze, buffers, costs off) " + sql(query, filters)).execute(parameters)
                .map(rows -> {
                    var lines = new StringBuilder();
                    rows.forEach(row -> lines.append(row.getString(0)).append('\n'));
                    return lines.toString();
                });
    }
}
