-- every amount of a lot is bounded (no sum can overflow), and a lot may cap a single raise
alter table lot add column max_price_fen bigint not null default 100000000000
    check (max_price_fen > 0 and max_price_fen <= 1000000000000000);
alter table lot add column max_raise_fen bigint not null default 0 check (max_raise_fen >= 0);
