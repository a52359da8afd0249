create table lot (
    id                 text primary key,
    edition_code       text        not null,
    title              text        not null,
    start_price_fen    bigint      not null check (start_price_fen > 0),
    reserve_price_fen  bigint      not null default 0 check (reserve_price_fen >= 0),
    deposit_fen        bigint      not null check (deposit_fen >= 0),
    ladder             text        not null,               -- "fromFen:incrementFen,..."
    soft_close_seconds integer     not null check (soft_close_seconds >= 0),
    opens_at           timestamptz not null,
    ends_at            timestamptz not null,               -- the true end, moved by soft close
    scheduled_ends_at  timestamptz not null,               -- the end before any soft close
    status             text        not null,
    price_fen          bigint      not null,
    leader_id          text,
    leader_max_fen     bigint,
    bid_count          bigint      not null default 0,
    last_seq           bigint      not null default 0,
    last_hash          text        not null,
    salt               text        not null,               -- published with the maxima at the close
    owner_instance     text,
    owner_epoch        bigint      not null default 0,     -- fencing token of the lot's single writer
    lease_until        timestamptz,
    created_at         timestamptz not null,
    closed_at          timestamptz,
    create_key         text unique                         -- Idempotency-Key of the creating request
);
create index lot_to_close on lot (ends_at) where status in ('SCHEDULED', 'OPEN');

-- the bid log: accepted bids only, hash-chained per lot
create table bid (
    lot_id          text        not null references lot (id),
    seq             bigint      not null,
    at              timestamptz not null,
    bidder_id       text        not null,
    bidder_code     text        not null,
    max_fen         bigint      not null,
    price_fen       bigint      not null,
    leader_code     text        not null,
    ends_at         timestamptz not null,
    max_digest      text        not null,
    prev_hash       text        not null,
    hash            text        not null,
    idempotency_key text,
    primary key (lot_id, seq)
);
create unique index bid_idempotency on bid (lot_id, bidder_id, idempotency_key) where idempotency_key is not null;

-- who may bid: the local view of deposit holds, fed by deposit events
create table deposit_hold (
    lot_id     text        not null,
    user_id    text        not null,
    hold_id    text        not null,
    active     boolean     not null,
    updated_at timestamptz not null,
    primary key (lot_id, user_id)
);
