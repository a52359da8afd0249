-- Shipped by service-kit: the prunes of published outbox rows and old processed-event ids scan these.
create index outbox_message_published on outbox_message (published_at) where published_at is not null;
create index processed_event_processed_at on processed_event (processed_at);
