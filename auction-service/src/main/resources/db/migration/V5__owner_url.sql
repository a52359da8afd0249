-- where the lot's writer listens: another instance forwards a bid there instead of refusing it
alter table lot add column owner_url text;
