-- A search returns each site with its services: read from the site row itself rather than by one
-- more index lookup per result (about a third of a search's database time). site_service stays the
-- truth slots are booked against; this column is rewritten with it ("CAPABILITY:minutes:per_slot,...").
alter table site add column services text not null default '';
update site s set services = coalesce((select string_agg(ss.capability || ':' || ss.slot_minutes || ':' || ss.per_slot,
                                                         ',' order by ss.capability)
                                        from site_service ss where ss.site_id = s.id), '');
