package com.goodcar.catalog.campaign;

import com.goodcar.catalog.campaign.CampaignViews.VoteReceipt;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * "National Good Car, Defined by You": buyers suggest, vote once per suggestion, and read the
 * ranking. Counters (votes, participants) move in the transaction that inserts the row they count,
 * so a retried or concurrent request can never count twice.
 */
@ApplicationScoped
public class CoCreation {

    private final Clock clock;
    private final SuggestionQuota quota;

    CoCreation(Clock clock, @ConfigProperty(name = "catalog.campaign.suggestions-per-hour") int perHour) {
        this.clock = clock;
        this.quota = new SuggestionQuota(perHour);
    }

    /** Submits a suggestion; with an idempotency key, a retry answers the suggestion already made. */
    Uni<Submission> submit(String campaignCode, String author, SuggestionDraft draft, String idempotencyKey) {
        Instant now = clock.instant();
        SuggestionDraft clean = draft.normalised();
        return openCampaign(campaignCode, now)
                .chain(() -> Panache.getSession())
                // one submission at a time per person and campaign, so the quota check cannot race
                .call(session -> session.createNativeQuery("select pg_advisory_xact_lock(hashtext(:k))::text")
                        .setParameter("k", campaignCode + "/" + author).getSingleResult())
                .chain(session -> replay(author, idempotencyKey, clean).onItem().ifNull().switchTo(() ->
                        earlierSubmissions(campaignCode, author, now).chain(earlier -> {
                            quota.waitBefore(earlier, now).ifPresent(wait -> {
                                throw tooMany(wait.toSeconds() + 1);
                            });
                            var suggestion = new Suggestion();
                            suggestion.campaignCode = campaignCode;
                            suggestion.authorId = author;
                            suggestion.title = clean.title();
                            suggestion.body = clean.body();
                            suggestion.createdAt = now;
                            suggestion.idempotencyKey = idempotencyKey;
                            return suggestion.<Suggestion>persist()
                                    .call(() -> session.createNativeQuery(
                                                    "update campaign set suggestion_count = suggestion_count + 1 where code = :c")
                                            .setParameter("c", campaignCode).executeUpdate())
                                    .call(() -> join(session, campaignCode, author, now))
                                    .map(s -> new Submission(s, true));
                        })));
    }

    Uni<VoteReceipt> vote(String campaignCode, long suggestionId, String voter) {
        Instant now = clock.instant();
        return openCampaign(campaignCode, now)
                .chain(() -> Suggestion.<Suggestion>find("id = ?1 and campaignCode = ?2", suggestionId, campaignCode)
                        .firstResult())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Suggestion", Long.toString(suggestionId)))
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery("""
                                insert into vote (suggestion_id, voter_id, voted_at) values (:s, :v, :t)
                                on conflict do nothing""")
                        .setParameter("s", suggestionId).setParameter("v", voter).setParameter("t", now)
                        .executeUpdate()
                        .chain(inserted -> inserted == 0
                                ? currentVotes(session, suggestionId).map(votes -> new VoteReceipt(suggestionId, votes, false))
                                : session.createNativeQuery(
                                                "update suggestion set vote_count = vote_count + 1 where id = :s returning vote_count",
                                                Long.class)
                                        .setParameter("s", suggestionId).getSingleResult()
                                        .call(() -> join(session, campaignCode, voter, now))
                                        .map(votes -> new VoteReceipt(suggestionId, votes, true))));
    }

    private Uni<Campaign> openCampaign(String code, Instant now) {
        return Campaign.<Campaign>findById(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Campaign", code))
                .invoke(campaign -> {
                    if (!campaign.isOpenAt(now)) {
                        throw ProblemException.conflict("campaign-closed", "Campaign not open",
                                "Campaign '" + code + "' takes part from " + campaign.opensAt + " until "
                                        + campaign.closesAt + ".");
                    }
                });
    }

    private static Uni<Submission> replay(String author, String key, SuggestionDraft draft) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return Suggestion.<Suggestion>find("authorId = ?1 and idempotencyKey = ?2", author, key).firstResult()
                .map(earlier -> {
                    if (earlier == null) {
                        return null;
                    }
                    if (!Objects.equals(earlier.title, draft.title()) || !Objects.equals(earlier.body, draft.body())) {
                        throw ProblemException.invalid("idempotency-key-reused", "Idempotency key reused",
                                "Idempotency-Key '" + key + "' was already used for a different suggestion.");
                    }
                    return new Submission(earlier, false);
                });
    }

    private static Uni<List<Instant>> earlierSubmissions(String campaign, String author, Instant now) {
        return Suggestion.<Suggestion>find("campaignCode = ?1 and authorId = ?2 and createdAt > ?3",
                        campaign, author, now.minus(SuggestionQuota.WINDOW))
                .list().map(list -> list.stream().map(s -> s.createdAt).toList());
    }

    private static Uni<Long> currentVotes(Mutiny.Session session, long suggestionId) {
        return session.createNativeQuery("select vote_count from suggestion where id = :s", Long.class)
                .setParameter("s", suggestionId).getSingleResult();
    }

    private static Uni<Void> join(Mutiny.Session session, String campaignCode, String user, Instant now) {
        return session.createNativeQuery("""
                        with joined as (
                            insert into participant (campaign_code, user_id, joined_at) values (:c, :u, :t)
                            on conflict do nothing returning 1)
                        update campaign set participant_count = participant_count + (select count(*) from joined)
                        where code = :c and exists (select 1 from joined)""")
                .setParameter("c", campaignCode).setParameter("u", user).setParameter("t", now)
                .executeUpdate().replaceWithVoid();
    }

    private static ProblemException tooMany(long retryAfterSeconds) {
        return new ProblemException(Problem.of(429, "suggestion-quota", "Too many suggestions",
                        "You can submit a few suggestions per hour; try again in " + retryAfterSeconds + " s.")
                .with("retryAfterSeconds", retryAfterSeconds));
    }

    /** @param created false when an idempotent retry returned the earlier suggestion */
    record Submission(Suggestion suggestion, boolean created) {
    }
}
