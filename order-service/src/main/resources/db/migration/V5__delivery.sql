-- Where the buyer wants the car (given before payment, sent with order.paid.v1) and what the store
-- network made of it: a handover slot at a site, or none (UNASSIGNED, with the reason) until an
-- operator assigns one there.
create table order_delivery (
    order_id       text primary key references orders (id),
    city           text,
    address        text,
    latitude       double precision,
    longitude      double precision,
    handover_state text check (handover_state in ('SCHEDULED', 'UNASSIGNED')),
    reason         text,
    booking_id     text,
    site_id        text,
    site_name      text,
    slot_start     timestamptz,
    updated_at     timestamptz not null
);
create index order_delivery_unassigned on order_delivery (order_id) where handover_state = 'UNASSIGNED';
