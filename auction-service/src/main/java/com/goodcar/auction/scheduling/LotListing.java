package com.goodcar.auction.scheduling;

import com.goodcar.auction.lot.LotStatus;
import com.goodcar.kit.paging.Page;
import com.goodcar.kit.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The lots a buyer can still take part in (scheduled or open), the soonest to end first: how people
 * find an auction. Read from the committed rows; a lot's live price is its stream's.
 */
@ApplicationScoped
public class LotListing {

    /** One line of the listing. */
    @Schema(examples = """
            {"id": "L-2026-0001", "editionCode": "AION-UT-SUPER-NGC001", "title": "National Good Car No. 001", "status": "OPEN", "priceFen": 7819339900, "bidCount": 23733, "opensAt": "2026-11-11T00:00:00Z", "endsAt": "2026-11-11T04:00:30Z"}
            """)
    public record LotSummary(String id, String editionCode, String title, LotStatus status, long priceFen,
                             long bidCount, Instant opensAt, Instant endsAt) {
    }

    private static final String CURRENT = "closed_at is null and status in ('SCHEDULED', 'OPEN')";

    private final Pool pool;
    private final Clock clock;

    LotListing(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    Uni<Page<LotSummary>> current(PageRequest paging) {
        int offset = paging.offset();
        return pool.preparedQuery("select count(*) from lot where " + CURRENT).execute()
                .chain(count -> pool.preparedQuery("select id, edition_code, title, price_fen, bid_count, opens_at, ends_at"
                                + " from lot where " + CURRENT + " order by ends_at, id offset $1 limit $2")
                        .execute(Tuple.of(offset, paging.size))
                        .map(rows -> {
                            Instant now = clock.instant();
                            var items = new ArrayList<LotSummary>();
                            for (Row row : rows) {
                                items.add(summary(row, now));
                            }
                            return new Page<>(items, paging.page, paging.size, count.iterator().next().getLong(0));
                        }));
    }

    private static LotSummary summary(Row row, Instant now) {
        Instant opensAt = instant(row, "opens_at");
        return new LotSummary(row.getString("id"), row.getString("edition_code"), row.getString("title"),
                now.isBefore(opensAt) ? LotStatus.SCHEDULED : LotStatus.OPEN, row.getLong("price_fen"),
                row.getLong("bid_count"), opensAt, instant(row, "ends_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at.toInstant();
    }
}
