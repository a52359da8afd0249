-- One row per order. An auction win is keyed by its lot: a redelivered or repeated close of the
-- same lot finds the row and makes no second order.
create table orders (
    id               text primary key,
    kind             text        not null check (kind in ('AUCTION_WIN')),
    lot_id           text,
    user_id          text        not null,
    price_fen        bigint      not null check (price_fen > 0),
    deposit_fen      bigint      not null check (deposit_fen >= 0 and deposit_fen <= price_fen),
    amount_due_fen   bigint      not null check (amount_due_fen = price_fen - deposit_fen),
    state            text        not null check (state in ('AWAITING_CONFIRMATION', 'AWAITING_PAYMENT', 'PAID',
                                                           'EXPIRED', 'CANCELLED')),
    confirm_by       timestamptz not null,
    pay_by           timestamptz,
    due_at           timestamptz,                            -- the deadline the buyer meets next; null once none
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    unique (kind, lot_id)
);
create index orders_by_user on orders (user_id, created_at);
-- the lapse scan only ever looks at orders still waiting for their buyer
create index orders_due on orders (due_at) where due_at is not null;
