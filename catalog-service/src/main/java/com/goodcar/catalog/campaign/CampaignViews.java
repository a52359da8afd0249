package com.goodcar.catalog.campaign;

import java.time.Instant;

/** What the campaign endpoints answer. Authors stay anonymous in public listings. */
final class CampaignViews {

    private CampaignViews() {
    }

    record CampaignView(String code, String title, String modelCode, Instant opensAt, Instant closesAt,
                        long participants) {
        static CampaignView of(Campaign c) {
            return new CampaignView(c.code, c.title, c.modelCode, c.opensAt, c.closesAt, c.participantCount);
        }
    }

    record RankedSuggestion(long rank, long id, String title, String body, long votes, Instant submittedAt) {
        static RankedSuggestion of(long rank, Suggestion s) {
            return new RankedSuggestion(rank, s.id, s.title, s.body, s.voteCount, s.createdAt);
        }
    }

    record SubmittedSuggestion(long id, String campaignCode, String title, String body, long votes,
                               Instant submittedAt) {
        static SubmittedSuggestion of(Suggestion s) {
            return new SubmittedSuggestion(s.id, s.campaignCode, s.title, s.body, s.voteCount, s.createdAt);
        }
    }

    /** @param counted false when this person's vote had already been counted before */
    record VoteReceipt(long suggestionId, long votes, boolean counted) {
    }
}
