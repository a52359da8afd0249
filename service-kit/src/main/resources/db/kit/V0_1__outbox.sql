-- Shipped by service-kit; every service's Flyway runs it (locations include db/kit).
create table outbox_message (
    position     bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    type         text        not null,
    topic        text        not null,
    message_key  text        not null,
    payload      text        not null,
    created_at   timestamptz not null,
    published_at timestamptz
);

-- the relay only ever scans what is still to publish
create index outbox_message_pending on outbox_message (position) where published_at is null;
