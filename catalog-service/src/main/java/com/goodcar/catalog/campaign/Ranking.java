package com.goodcar.catalog.campaign;

import com.goodcar.catalog.campaign.CampaignViews.RankedSuggestion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ranking, the campaign's hottest query, with the reactive SQL client: a backward walk of
 * {@code suggestion_ranking} that costs the same on page 1 and at rank 20,000 (with a cursor).
 *
 * <p>Never call it inside a Hibernate session: the session holds a pooled connection while this
 * asks the same pool for another, and under load every connection ends up waiting for a second.
 */
@ApplicationScoped
public class Ranking {

    static final String COLUMNS = "select id, title, body, vote_count, created_at from suggestion where campaign_code = $1";
    static final String ORDER = " order by vote_count desc, (-id) desc";
    static final String BY_OFFSET = COLUMNS + ORDER + " offset $2 limit $3";
    static final String AFTER_CURSOR = COLUMNS + " and (vote_count, -id) < ($2, $3)" + ORDER + " limit $4";

    private final Pool pool;

    Ranking(Pool pool) {
        this.pool = pool;
    }

    /** The campaign's suggestion count, or null if there is no such campaign. */
    Uni<Long> total(String campaign) {
        return pool.preparedQuery("select suggestion_count from campaign where code = $1").execute(Tuple.of(campaign))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    Uni<List<RankedSuggestion>> page(String campaign, int offset, int size) {
        return read(BY_OFFSET, Tuple.of(campaign, offset, size), offset + 1L);
    }

    Uni<List<RankedSuggestion>> after(String campaign, RankingCursor cursor, int size) {
        return read(AFTER_CURSOR, Tuple.of(campaign, cursor.votes(), -cursor.id(), size), cursor.rank() + 1);
    }

    private Uni<List<RankedSuggestion>> read(String sql, Tuple args, long firstRank) {
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            var ranked = new ArrayList<RankedSuggestion>(rows.size());
            long rank = firstRank;
            for (Row row : rows) {
                ranked.add(new RankedSuggestion(rank++, row.getLong("id"), row.getString("title"),
                        row.getString("body"), row.getLong("vote_count"),
                        row.getOffsetDateTime("created_at").toInstant()));
            }
            return ranked;
        });
    }
}
