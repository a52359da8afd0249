-- Each site's JSON as the API shows it (SiteView), written with the site: a search answers by
-- (json, kept as written: a search embeds it without the re-encoding jsonb would need)
-- aggregating ten of these in the database, and the service passes the bytes on instead of decoding
-- rows and encoding objects for every request. Rows written before this column get theirs at the
-- next start (SiteViews).
alter table site add column view json;
