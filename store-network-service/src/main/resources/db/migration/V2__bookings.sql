create table booking (
    id              text primary key,
    capability      text        not null,
    site_id         text        not null references site (id),
    user_id         text        not null,
    order_id        text,
    slot_start      timestamptz not null,
    state           text        not null check (state in ('BOOKED', 'CONFIRMED', 'DONE', 'CANCELLED')),
    idempotency_key text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (user_id, idempotency_key)
);
create index booking_by_site on booking (site_id, slot_start);
create index booking_by_user on booking (user_id, created_at);
-- one live handover booking per paid order
create unique index booking_handover_of_order on booking (order_id)
    where capability = 'VEHICLE_HANDOVER' and state <> 'CANCELLED';

-- a paid car's way to its buyer: SCHEDULED (a handover booking), UNASSIGNED (no site could take it:
-- an operator assigns one), DELIVERED, WITHDRAWN (the order was cancelled)
create table handover (
    order_id   text primary key,
    user_id    text        not null,
    city       text,
    address    text,
    location   geography(Point, 4326),
    state      text        not null check (state in ('SCHEDULED', 'UNASSIGNED', 'DELIVERED', 'WITHDRAWN')),
    reason     text,
    booking_id text,
    paid_at    timestamptz not null,
    updated_at timestamptz not null
);
create index handover_unassigned on handover (paid_at) where state = 'UNASSIGNED';
