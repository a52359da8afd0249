-- The ranking is (votes desc, id asc). With -id in the index, both orders run the same way, so a
-- keyset "after (votes, id)" becomes a row comparison the index can seek to, instead of a filter
-- on a walk from the top.
drop index suggestion_ranking;
create index suggestion_ranking on suggestion (campaign_code, vote_count, (-id));
