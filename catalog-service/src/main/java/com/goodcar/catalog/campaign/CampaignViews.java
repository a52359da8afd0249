package com.goodcar.catalog.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;

/** What the campaign endpoints answer. Authors stay anonymous in public listings. */
final class CampaignViews {

    private CampaignViews() {
    }

    @Schema(examples = """
            {"code": "DEFINED-BY-YOU-2026", "title": "National Good Car, Defined by You", "modelCode": "AION-UT-SUPER", "opensAt": "2026-11-01T00:00:00Z", "closesAt": "2026-12-31T16:00:00Z", "participants": 300000}
            """)
    record CampaignView(String code, String title, String modelCode, Instant opensAt, Instant closesAt,
                        long participants) {
        static CampaignView of(Campaign c) {
            return new CampaignView(c.code, c.title, c.modelCode, c.opensAt, c.closesAt, c.participantCount);
        }
    }

    @Schema(examples = """
            {"rank": 1, "id": 4711, "title": "Fold-flat rear seats", "body": "Let the rear seats fold flat for camping.", "votes": 23733, "submittedAt": "2026-11-02T08:30:00Z"}
            """)
    record RankedSuggestion(long rank, long id, String title, String body, long votes, Instant submittedAt) {
        static RankedSuggestion of(long rank, Suggestion s) {
            return new RankedSuggestion(rank, s.id, s.title, s.body, s.voteCount, s.createdAt);
        }
    }

    @Schema(examples = """
            {"id": 4711, "campaignCode": "DEFINED-BY-YOU-2026", "title": "Fold-flat rear seats", "body": "Let the rear seats fold flat for camping.", "votes": 0, "submittedAt": "2026-11-02T08:30:00Z"}
            """)
    record SubmittedSuggestion(long id, String campaignCode, String title, String body, long votes,
                               Instant submittedAt) {
        static SubmittedSuggestion of(Suggestion s) {
            return new SubmittedSuggestion(s.id, s.campaignCode, s.title, s.body, s.voteCount, s.createdAt);
        }
    }

    /** @param counted false when this person's vote had already been counted before */
    @Schema(examples = """
            {"suggestionId": 4711, "votes": 23734, "counted": true}
            """)
    record VoteReceipt(long suggestionId, long votes, boolean counted) {
    }
}
