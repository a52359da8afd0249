-- The PSP sandbox: what a real provider keeps on its side, in its own database. Merchants
-- (deposit-service, order-service) talk to it over HTTP only, as they would to Alipay.

-- a payment the merchant opened; merchant_payment_id is the merchant's idempotency key
create table psp_payment (
    provider_payment_id text primary key,
    merchant_payment_id text        not null unique,
    amount_fen          bigint      not null check (amount_fen > 0),
    subject             text        not null,
    notify_url          text        not null,
    state               text        not null,                -- CREATED, PAID, CLOSED (an expired CREATED reads as CLOSED)
    refunded_fen        bigint      not null default 0 check (refunded_fen >= 0 and refunded_fen <= amount_fen),
    created_at          timestamptz not null,
    expires_at          timestamptz not null,                -- unpaid after this, the payment is closed
    paid_at             timestamptz,
    closed_at           timestamptz
);

-- every refund request answered, rejected ones included: a repeat of the key gets the same answer
create table psp_refund (
    provider_refund_id  text primary key,
    merchant_refund_id  text        not null unique,
    merchant_payment_id text        not null,                -- no foreign key: an unknown payment is a rejected refund
    amount_fen          bigint      not null check (amount_fen > 0),
    request_reason      text,
    state               text        not null,                -- SUCCESS, REJECTED
    rejection           text,
    created_at          timestamptz not null
);
create index psp_refund_by_payment on psp_refund (merchant_payment_id, created_at);

-- a callback to deliver; kept here so that a restart loses none
create table psp_notification (
    id                  bigint generated always as identity primary key,
    provider_payment_id text        not null references psp_payment (provider_payment_id),
    merchant_payment_id text        not null,
    notify_url          text        not null,
    body                text        not null,                -- signed byte for byte as stored
    state               text        not null,                -- PENDING, DELIVERED, GAVE_UP
    attempts            integer     not null default 0,
    next_attempt_at     timestamptz not null,                -- also the lease of an attempt in flight
    created_at          timestamptz not null,
    finished_at         timestamptz
);
create index psp_notification_due on psp_notification (next_attempt_at) where state = 'PENDING';
create index psp_notification_by_payment on psp_notification (merchant_payment_id, id);

-- one delivery attempt of a notification, as sent and as answered
create table psp_delivery (
    notification_id bigint      not null references psp_notification (id),
    attempt         integer     not null,
    sent_at         timestamptz not null,
    url             text        not null,
    headers         jsonb       not null,
    status          integer,                                 -- null: no answer (refused, timed out)
    error           text,
    answer          text,                                    -- the start of what the merchant answered
    took_ms         integer     not null,
    primary key (notification_id, attempt)
);
