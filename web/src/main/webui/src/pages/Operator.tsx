import { useState } from 'react';
import { api, newKey } from '../api';
import { useI18n } from '../i18n';
import { parseYuan } from '../money';
import { Money, NeedsRole, Refused, useLoad } from '../parts';
import type { OrderView } from './Mine';

interface Stuck {
  order: OrderView;
  reason: string;
}

interface LedgerCheck {
  balanced: boolean;
  totalDebitFen: number;
  totalCreditFen: number;
  mismatches: unknown[];
}

export function OperatorPage() {
  const { t } = useI18n();
  return (
    <NeedsRole role="operator">
      <section className="operator">
        <h1>{t('operator.title')}</h1>
        <div className="cards">
          <ScheduleLot />
          <ScheduleSale />
        </div>
        <StuckOrders />
        <LedgerPanel />
      </section>
    </NeedsRole>
  );
}

function inMinutes(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}

function ScheduleLot() {
  const { t } = useI18n();
  const [edition, setEdition] = useState('AION-UT-SUPER-NGC001');
  const [title, setTitle] = useState('National Good Car No. 001');
  const [opensIn, setOpensIn] = useState('0');
  const [minutes, setMinutes] = useState('240');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <form className="card" aria-label={t('operator.lot')} onSubmit={async (e) => {
      e.preventDefault();
      setError(null);
      const opensAt = inMinutes(Number(opensIn));
      try {
        const lot = await api<{ id: string }>('auction', '/auctions', {
          method: 'POST', idempotencyKey: newKey(),
          body: { editionCode: edition, title, opensAt, endsAt: new Date(Date.parse(opensAt) + Number(minutes) * 60_000).toISOString(),
            startPriceFen: 100, depositFen: 10_000 },
        });
        setDone(lot.id);
      } catch (refusal) {
        setError(refusal);
      }
    }}>
      <h2>{t('operator.lot')}</h2>
      <label>{t('operator.edition')}<input value={edition} onChange={(e) => setEdition(e.target.value)} required /></label>
      <label>{t('operator.lotTitle')}<input value={title} onChange={(e) => setTitle(e.target.value)} required /></label>
      <label>{t('operator.opensIn')}<input type="number" min="0" value={opensIn} onChange={(e) => setOpensIn(e.target.value)} /></label>
      <label>{t('operator.minutes')}<input type="number" min="1" value={minutes} onChange={(e) => setMinutes(e.target.value)} /></label>
      <button type="submit" className="primary">{t('operator.schedule')}</button>
      {done && <p role="status">{t('operator.scheduled', { id: '' })}<a href={`#/auctions/${done}`}>{done}</a></p>}
      <Refused error={error} />
    </form>
  );
}

function ScheduleSale() {
  const { t } = useI18n();
  const [edition, setEdition] = useState('AION-UT-SUPER-STD');
  const [price, setPrice] = useState('119900');
  const [units, setUnits] = useState('1000');
  const [opensIn, setOpensIn] = useState('1');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <form className="card" aria-label={t('operator.sale')} onSubmit={async (e) => {
      e.preventDefault();
      setError(null);
      try {
        const sale = await api<{ id: string }>('orders', '/sales', {
          method: 'POST', idempotencyKey: newKey(),
          body: { editionCode: edition, priceFen: parseYuan(price), units: Number(units), startsAt: inMinutes(Number(opensIn)) },
        });
        setDone(sale.id);
      } catch (refusal) {
        setError(refusal);
      }
    }}>
      <h2>{t('operator.sale')}</h2>
      <label>{t('operator.edition')}<input value={edition} onChange={(e) => setEdition(e.target.value)} required /></label>
      <label>{t('operator.priceYuan')}<input inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} required /></label>
      <label>{t('operator.stock')}<input type="number" min="1" value={units} onChange={(e) => setUnits(e.target.value)} /></label>
      <label>{t('operator.opensIn')}<input type="number" min="0" value={opensIn} onChange={(e) => setOpensIn(e.target.value)} /></label>
      <button type="submit" className="primary">{t('operator.schedule')}</button>
      {done && <p role="status">{t('operator.scheduled', { id: '' })}<a href={`#/sales/${done}`}>{done}</a></p>}
      <Refused error={error} />
    </form>
  );
}

function StuckOrders() {
  const { t } = useI18n();
  const stuck = useLoad(() => api<Stuck[]>('orders', '/orders/stuck'), []);
  return (
    <>
      <h2>{t('operator.stuck')} <button type="button" onClick={stuck.reload} aria-label={t('common.refresh') + ' ' + t('operator.stuck')}>↻</button></h2>
      <Refused error={stuck.error} />
      {stuck.data?.length === 0 && <p>{t('mine.none')}</p>}
      <ul data-testid="stuck">
        {stuck.data?.map((s) => <li key={s.order.id}>{s.order.id} · {s.order.state} · {s.reason} · <Money fen={s.order.amountDueFen} /></li>)}
      </ul>
    </>
  );
}

function LedgerPanel() {
  const { t } = useI18n();
  const check = useLoad(() => api<LedgerCheck>('deposit', '/ledger/check'), []);
  return (
    <>
      <h2>{t('operator.ledger')} <button type="button" onClick={check.reload}>{t('operator.check')}</button></h2>
      <Refused error={check.error} />
      {check.data && (
        <p data-testid="ledger" data-balanced={String(check.data.balanced)}>
          {check.data.balanced ? '✔ balanced' : `✘ ${check.data.mismatches.length} mismatches`} · debit <Money fen={check.data.totalDebitFen} /> · credit <Money fen={check.data.totalCreditFen} />
        </p>
      )}
    </>
  );
}
