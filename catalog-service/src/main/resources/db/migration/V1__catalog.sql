create table vehicle_model (
    code                  text primary key,
    brand                 text        not null,
    name                  text        not null,
    body_type             text        not null,
    range_km              integer     not null check (range_km > 0),
    battery               text        not null,
    battery_swap_seconds  integer check (battery_swap_seconds > 0),
    cockpit               text        not null,
    wheelbase_mm          integer     not null check (wheelbase_mm > 0),
    rear_legroom_mm       integer     not null check (rear_legroom_mm > 0),
    lateral_space_mm      integer     not null check (lateral_space_mm > 0),
    reclining_front_seats boolean     not null,
    price_guide_min_fen   bigint      not null check (price_guide_min_fen > 0),
    price_guide_max_fen   bigint      not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    check (price_guide_max_fen >= price_guide_min_fen)
);
create index vehicle_model_brand on vehicle_model (brand);

create table edition (
    code             text primary key,
    model_code       text        not null references vehicle_model (code),
    name             text        not null,
    description      text        not null,
    list_price_fen   bigint      not null check (list_price_fen > 0),
    limited_quantity integer check (limited_quantity > 0),
    listed_at        timestamptz not null,
    updated_at       timestamptz not null
);
create index edition_model on edition (model_code);
create index edition_price on edition (list_price_fen);

-- every price an edition ever had, with who changed it and why
create table price_change (
    id                 bigint generated always as identity primary key,
    edition_code       text        not null references edition (code),
    previous_price_fen bigint      not null,
    new_price_fen      bigint      not null,
    reason             text        not null,
    changed_by         text        not null,
    changed_at         timestamptz not null
);
create index price_change_edition on price_change (edition_code, changed_at desc);

create table campaign (
    code              text primary key,
    title             text        not null,
    model_code        text        not null references vehicle_model (code),
    opens_at          timestamptz not null,
    closes_at         timestamptz not null,
    participant_count bigint      not null default 0,
    suggestion_count  bigint      not null default 0
);

create table suggestion (
    id              bigint generated always as identity primary key,
    campaign_code   text        not null references campaign (code),
    author_id       text        not null,
    title           text        not null,
    body            text        not null,
    vote_count      bigint      not null default 0,
    created_at      timestamptz not null,
    idempotency_key text
);
-- the ranking is an index scan: top N by votes, ties by the earlier suggestion
create index suggestion_ranking on suggestion (campaign_code, vote_count desc, id);
create index suggestion_author_recent on suggestion (campaign_code, author_id, created_at desc);
create unique index suggestion_idempotency on suggestion (author_id, idempotency_key) where idempotency_key is not null;

create table vote (
    suggestion_id bigint      not null references suggestion (id),
    voter_id      text        not null,
    voted_at      timestamptz not null,
    primary key (suggestion_id, voter_id)
);

create table participant (
    campaign_code text        not null references campaign (code),
    user_id       text        not null,
    joined_at     timestamptz not null,
    primary key (campaign_code, user_id)
);
