package com.goodcar.deposit;

/**
 * Seeds many paid holds on one lot as captures leave them — deposit, payment, journal entry — in
 * one statement, and the provider's own record of each payment in another, for tests at scale.
 * Each statement's one parameter is the lot id; each answers the number of holds.
 */
public final class PaidHolds {

    private PaidHolds() {
    }

    public static String sql(int holds) {
        return """
                with lot as (insert into lot (id, deposit_fen, title, updated_at) values (?, 10000, 'scale', now()) returning id),
                d as (insert into deposit (id, lot_id, user_id, amount_fen, state, payment_id, created_at, updated_at)
                      select 'dep-' || l.id || '-' || g, l.id, 'buyer-' || g, 10000, 'HELD', 'pay-' || l.id || '-' || g, now(), now()
                      from lot l, generate_series(1, %d) g returning id, lot_id, user_id, payment_id),
                p as (insert into payment (id, deposit_id, user_id, amount_fen, state, create_key, paid_at, created_at)
                      select payment_id, id, user_id, 10000, 'PAID', 'seed-' || id, now(), now() from d returning id),
                e as (insert into journal_entry (id, movement, deposit_id, lot_id, user_id, reason, occurred_at)
                      select 'capture:' || payment_id, 'CAPTURE', id, lot_id, user_id, 'seed', now() from d returning id),
                l as (insert into journal_line (entry_id, account, debit_fen, credit_fen)
                      select id, 'psp-clearing', 10000, 0 from e union all select id, 'buyer-deposits-held', 0, 10000 from e
                      returning 1)
                select (select count(*) from d) + 0 * (select count(*) from p) + 0 * (select count(*) from l)"""
                .formatted(holds);
    }

    /** The same payments as the PSP sandbox records them paid, for its database (PspSandbox.number). */
    public static String providerSql(int holds) {
        return """
                with psp as (insert into psp_payment (provider_payment_id, merchant_payment_id, amount_fen, subject,
                                                      notify_url, state, created_at, expires_at, paid_at)
                      select 'psp-pay-' || l.id || '-' || g, 'pay-' || l.id || '-' || g, 10000, 'seed',
                             'http://127.0.0.1:1/unused', 'PAID', now(), now() + interval '1 day', now()
                      from (select cast(? as text) as id) l, generate_series(1, %d) g returning 1)
                select count(*) from psp""".formatted(holds);
    }
}
