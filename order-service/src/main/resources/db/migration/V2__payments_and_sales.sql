-- Orders of a flash sale beside the auction wins; the states after payment; what the buyer paid.
alter table orders drop constraint orders_kind_check;
alter table orders add constraint orders_kind_check check (kind in ('AUCTION_WIN', 'SALE'));
alter table orders add column sale_id text;
alter table orders alter column confirm_by drop not null;
alter table orders add constraint orders_kind_names_its_source check (
    (kind = 'AUCTION_WIN' and lot_id is not null and sale_id is null and confirm_by is not null)
    or (kind = 'SALE' and sale_id is not null and lot_id is null));
alter table orders drop constraint orders_state_check;
alter table orders add constraint orders_state_check check (state in ('AWAITING_CONFIRMATION', 'AWAITING_PAYMENT',
    'PAID', 'HANDED_OVER', 'DELIVERED', 'EXPIRED', 'CANCELLED'));
create index orders_by_sale on orders (sale_id, created_at) where sale_id is not null;
create index orders_by_lot on orders (lot_id) where lot_id is not null;

-- A payment the buyer makes at the provider for an order (its id is the provider's merchantPaymentId).
-- An order has at most one open payment: asking to pay again gives the same one.
create table order_payment (
    id                  text primary key,
    order_id            text        not null references orders (id),
    user_id             text        not null,
    amount_fen          bigint      not null check (amount_fen > 0),
    state               text        not null check (state in ('CREATED', 'PAID')),
    provider_payment_id text,
    pay_url             text,
    paid_at             timestamptz,
    created_at          timestamptz not null
);
create unique index order_payment_one_open on order_payment (order_id) where state = 'CREATED';
create index order_payment_by_order on order_payment (order_id);

-- Money owed back: a payment that arrived for an order that no longer wanted it, or an order
-- cancelled after payment. One refund per payment, ever (its id derives from the payment's).
create table order_refund (
    id                 text primary key,
    payment_id         text        not null unique references order_payment (id),
    order_id           text        not null references orders (id),
    user_id            text        not null,
    amount_fen         bigint      not null check (amount_fen > 0),
    reason             text        not null check (reason in ('LATE_PAYMENT', 'CANCELLED_AFTER_PAYMENT')),
    state              text        not null check (state in ('PENDING', 'REQUESTED', 'SUCCEEDED', 'FAILED')),
    attempts           integer     not null default 0,
    next_attempt_at    timestamptz not null,
    last_error         text,
    provider_refund_id text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index order_refund_due on order_refund (next_attempt_at) where state in ('PENDING', 'REQUESTED');

-- the nonces of accepted provider callbacks: a replayed delivery is refused (pruned after 2 × max age)
create table callback_nonce (
    nonce       text primary key,
    received_at timestamptz not null
);
