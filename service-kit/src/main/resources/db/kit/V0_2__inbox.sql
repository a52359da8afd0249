-- Shipped by service-kit: ids of the events each consumer has processed (see Inbox).
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    type         text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
