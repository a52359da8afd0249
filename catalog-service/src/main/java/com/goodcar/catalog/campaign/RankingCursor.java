package com.goodcar.catalog.campaign;

import com.goodcar.catalog.campaign.CampaignViews.RankedSuggestion;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;

/**
 * Where a ranking page ended: {@code rank.votes.id} of its last suggestion. The next page starts
 * strictly after it in (votes desc, id asc) order, read straight from the ranking index.
 */
public record RankingCursor(long rank, long votes, long id) {

    static RankingCursor after(RankedSuggestion last) {
        return new RankingCursor(last.rank(), last.votes(), last.id());
    }

    /** Parses {@code ?after=}; null when absent. */
    static RankingCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split("\\.");
        try {
            if (parts.length == 3) {
                var cursor = new RankingCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                if (cursor.rank() > 0 && cursor.votes() >= 0 && cursor.id() > 0) {
                    return cursor;
                }
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(Problem.of(400, "bad-cursor", "Bad cursor",
                "'after' must be the 'next' value of a ranking page, like 40.12.5311; got '" + text + "'."));
    }

    @Override
    public String toString() {
        return rank + "." + votes + "." + id;
    }
}
