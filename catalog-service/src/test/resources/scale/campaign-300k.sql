-- A campaign at the seed's size: 300,000 participants, 50,000 of whom wrote a suggestion, with
-- about 1.2 million votes in a long tail (a few suggestions draw most). Ranking reads only use the
-- vote counts, so the counts are drawn directly instead of inserting a row per vote. Idempotent:
-- it replaces the 'scale-300k' campaign. Used by RankingAtScaleTest and ./platform bench catalog.
delete from vote where suggestion_id in (select id from suggestion where campaign_code = 'scale-300k');
delete from suggestion where campaign_code = 'scale-300k';
delete from participant where campaign_code = 'scale-300k';
delete from campaign where code = 'scale-300k';

insert into campaign (code, title, model_code, opens_at, closes_at, participant_count, suggestion_count)
values ('scale-300k', 'Defined by You at the seed''s scale', 'AION-UT-SUPER',
        '2026-09-01T00:00:00Z', '2027-09-01T00:00:00Z', 300000, 50000);

insert into participant (campaign_code, user_id, joined_at)
select 'scale-300k', 'user-' || n, timestamptz '2026-09-01' + n * interval '1 second'
from generate_series(1, 300000) n;

insert into suggestion (campaign_code, author_id, title, body, vote_count, created_at)
select 'scale-300k', 'user-' || n, 'Suggestion ' || n,
       'Generated suggestion number ' || n || ' for the scale test.',
       floor(power(random(), 6) * 168)::bigint,
       timestamptz '2026-09-01' + n * interval '1 second'
from generate_series(1, 50000) n;

analyze suggestion;
analyze participant;
