-- A second-chance lot's runner-up: kept at the close, offered the car at their own maximum if the
-- winner defaults or cancels (an order of kind SECOND_CHANCE), released otherwise.
alter table orders drop constraint orders_kind_check;
alter table orders add constraint orders_kind_check check (kind in ('AUCTION_WIN', 'SALE', 'SECOND_CHANCE'));
alter table orders drop constraint orders_kind_names_its_source;
alter table orders add constraint orders_kind_names_its_source check (
    (kind in ('AUCTION_WIN', 'SECOND_CHANCE') and lot_id is not null and sale_id is null and confirm_by is not null)
    or (kind = 'SALE' and sale_id is not null and lot_id is null));
alter table orders drop constraint orders_state_check;
alter table orders add constraint orders_state_check check (state in ('AWAITING_CONFIRMATION', 'AWAITING_PAYMENT',
    'PAID', 'HANDED_OVER', 'DELIVERED', 'EXPIRED', 'CANCELLED', 'DECLINED'));

create table runner_up (
    lot_id         text primary key,
    user_id        text        not null,
    max_fen        bigint      not null check (max_fen > 0),
    deposit_fen    bigint      not null check (deposit_fen >= 0),
    state          text        not null check (state in ('WAITING', 'OFFERED', 'RELEASED')),
    offer_order_id text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
