-- The fixed-price flash sale (issue 12): editions heard from catalog-service, sales, their units,
-- who holds how many, and which Idempotency-Key made which order.

-- Editions catalog-service has listed (catalog.editions): a sale is scheduled only for one of them.
create table edition (
    code           text primary key,
    model_code     text,
    name           text,
    list_price_fen bigint      not null check (list_price_fen > 0),
    updated_at     timestamptz not null
);
-- catalog-service lists its two seed editions in a migration (its V2), without an event: known here too
insert into edition (code, model_code, name, list_price_fen, updated_at)
values ('AION-UT-SUPER-NGC001', 'AION-UT-SUPER', 'National Good Car No. 001', 11990000, '2026-10-01T00:00:00Z'),
       ('AION-UT-SUPER-STD', 'AION-UT-SUPER', 'Standard', 11990000, '2026-10-01T00:00:00Z');

create table sale (
    id              text primary key,
    edition_code    text        not null references edition (code),
    price_fen       bigint      not null check (price_fen > 0),
    units           integer     not null check (units > 0),
    starts_at       timestamptz not null,
    per_buyer_limit integer     not null check (per_buyer_limit > 0 and per_buyer_limit <= units),
    pay_within_ms   bigint      not null check (pay_within_ms > 0),
    created_by      text        not null,
    idempotency_key text        not null,
    created_at      timestamptz not null,
    unique (created_by, idempotency_key)
);
alter table orders add constraint orders_sale_fk foreign key (sale_id) references sale (id);

-- One row per unit, made with the sale. A buyer claims a free one with `for update skip locked`, so
-- a rush spreads over as many rows as there are units instead of queueing on one stock counter;
-- order_id is unique, so a unit is never in two orders, and units sold + reserved <= units by count.
create table sale_unit (
    sale_id  text    not null references sale (id),
    unit_no  integer not null,
    -- claimed before its order row is written, in the same transaction: checked at commit
    order_id text unique references orders (id) deferrable initially deferred,
    primary key (sale_id, unit_no)
);
create index sale_unit_free on sale_unit (sale_id, unit_no) where order_id is null;

-- How many units a buyer holds of a sale (reserved or bought): the per-buyer limit. One row per
-- buyer, so two orders of the same buyer under different keys queue on it, and nobody else does.
create table sale_buyer (
    sale_id  text    not null references sale (id),
    buyer_id text    not null,
    held     integer not null check (held >= 0),
    primary key (sale_id, buyer_id)
);

-- Which order a buyer's Idempotency-Key made (the same key again is the same order, also after it
-- ended), and the unit it holds until returned_at.
create table sale_reservation (
    order_id        text primary key references orders (id),
    sale_id         text        not null references sale (id),
    buyer_id        text        not null,
    idempotency_key text        not null,
    unit_no         integer     not null,
    reserved_at     timestamptz not null,
    returned_at     timestamptz,
    unique (sale_id, buyer_id, idempotency_key)
);

-- Only for ./platform bench sale (ORDER_SALE_BENCH_ENDPOINTS): the single stock counter of the
-- naive design the unit rows replace, one row per sale the bench rushes that way.
create table sale_naive_stock (
    sale_id text    primary key references sale (id),
    stock   integer not null check (stock >= 0)
);
