-- what deposit-service knows of a lot: from auction.scheduled.v1 and auction.closed.v1
create table lot (
    id          text primary key,
    deposit_fen bigint      not null check (deposit_fen > 0),
    title       text,
    ends_at     timestamptz,
    result      text,                                  -- null while it runs; SOLD, UNSOLD, CANCELLED
    winner_id   text,
    closed_at   timestamptz,
    updated_at  timestamptz not null
);

-- one buyer's deposit for one lot: the hold the auction lets them bid with
create table deposit (
    id         text primary key,                       -- the hold id in deposit.* events
    lot_id     text        not null references lot (id),
    user_id    text        not null,
    amount_fen bigint      not null check (amount_fen > 0),
    state      text        not null,
    payment_id text,                                   -- the payment that made it a hold (others are refunded)
    order_id   text,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create unique index deposit_one_live on deposit (lot_id, user_id) where state in ('AWAITING_PAYMENT', 'HELD', 'WON');
create index deposit_by_user on deposit (user_id, created_at desc);
create index deposit_by_lot on deposit (lot_id, state);

-- a payment the buyer makes at the provider for a deposit (a second one paid is refunded)
create table payment (
    id                  text primary key,              -- merchantPaymentId at the provider
    deposit_id          text        not null references deposit (id),
    user_id             text        not null,
    amount_fen          bigint      not null check (amount_fen > 0),
    state               text        not null,          -- CREATED, PAID
    provider_payment_id text,
    pay_url             text,
    create_key          text        not null,          -- the buyer's Idempotency-Key
    paid_at             timestamptz,
    created_at          timestamptz not null,
    unique (user_id, create_key)
);
create index payment_by_deposit on payment (deposit_id);

-- money going back: at most one refund per payment, ever
create table refund (
    id                 text primary key,               -- merchantRefundId: the provider's idempotency key
    deposit_id         text        not null references deposit (id),
    payment_id         text        not null unique references payment (id),
    user_id            text        not null,
    lot_id             text        not null,
    amount_fen         bigint      not null check (amount_fen > 0),
    reason             text        not null,           -- RELEASED, DUPLICATE_PAYMENT
    state              text        not null,           -- PENDING, REQUESTED, SUCCEEDED, FAILED
    attempts           integer     not null default 0,
    next_attempt_at    timestamptz not null,
    last_error         text,
    provider_refund_id text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index refund_due on refund (next_attempt_at) where state in ('PENDING', 'REQUESTED');
create index refund_by_state on refund (state, created_at);

-- nonces of accepted provider callbacks: a replayed delivery finds its nonce here
create table callback_nonce (
    nonce       text primary key,
    received_at timestamptz not null
);

-- the double-entry ledger: append-only, every entry balanced
create table account (
    code text primary key,
    kind text not null check (kind in ('ASSET', 'LIABILITY', 'INCOME')),
    name text not null
);
insert into account (code, kind, name) values
    ('psp-clearing', 'ASSET', 'Money at the payment provider'),
    ('buyer-deposits-held', 'LIABILITY', 'Buyer deposits held for running auctions'),
    ('refunds-payable', 'LIABILITY', 'Refunds owed to buyers, not yet confirmed by the provider'),
    ('order-clearing', 'LIABILITY', 'Deposits applied to orders'),
    ('forfeit-income', 'INCOME', 'Forfeited deposits');

create table journal_entry (
    id             text primary key,                   -- movement:reference, so an effect cannot be booked twice
    movement       text        not null,
    deposit_id     text        not null references deposit (id),
    lot_id         text        not null,
    user_id        text        not null,
    reason         text        not null,
    cause_event_id text,                               -- the event or callback that caused it
    occurred_at    timestamptz not null
);
create index journal_by_user on journal_entry (user_id, occurred_at);
create index journal_by_deposit on journal_entry (deposit_id);

create table journal_line (
    entry_id   text   not null references journal_entry (id),
    account    text   not null references account (code),
    debit_fen  bigint not null default 0 check (debit_fen >= 0),
    credit_fen bigint not null default 0 check (credit_fen >= 0),
    check ((debit_fen = 0) <> (credit_fen = 0))
);
create index journal_line_by_entry on journal_line (entry_id);

create function ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % refused', tg_op, tg_table_name;
end $$;
create trigger journal_entry_append_only before update or delete on journal_entry
    for each row execute function ledger_is_append_only();
create trigger journal_line_append_only before update or delete on journal_line
    for each row execute function ledger_is_append_only();

-- checked at commit, so an entry's lines may be inserted one by one within its transaction
create function journal_entry_balances() returns trigger language plpgsql as $$
declare
    lines integer;
    imbalance bigint;
begin
    select count(*), coalesce(sum(debit_fen) - sum(credit_fen), 0) into lines, imbalance
    from journal_line where entry_id = new.id;
    if lines < 2 or imbalance <> 0 then
        raise exception 'journal entry % does not balance (% lines, debit - credit = %)', new.id, lines, imbalance;
    end if;
    return null;
end $$;
create constraint trigger journal_entry_balanced after insert on journal_entry
    deferrable initially deferred for each row execute function journal_entry_balances();
