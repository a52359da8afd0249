import { useState } from 'react';
import { api, newKey } from '../api';
import { me } from '../auth';
import { countdown, useServerNow } from '../clock';
import { useI18n } from '../i18n';
import { formatWhen, Money, Notice, Refused, useLoad, When } from '../parts';
import type { OrderView } from './Mine';

export interface SaleView {
  id: string;
  editionCode: string;
  priceFen: number;
  units: number;
  unitsLeft: number;
  startsAt: string;
  perBuyerLimit: number;
  payWithin: string;
  state: 'SCHEDULED' | 'ON_SALE' | 'SOLD_OUT';
}

export function SalePage({ saleId }: { saleId: string }) {
  const { t, lang } = useI18n();
  const now = useServerNow();
  const sale = useLoad(() => api<SaleView>('orders', `/sales/${encodeURIComponent(saleId)}`), [saleId]);
  const [order, setOrder] = useState<OrderView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const who = me();

  if (sale.error && !sale.data) return <Refused error={sale.error} />;
  if (!sale.data) return <Notice>{t('common.loading')}</Notice>;
  const s = sale.data;
  const opensIn = Date.parse(s.startsAt) - now;
  const open = opensIn <= 0 && s.unitsLeft > 0;

  const buy = async () => {
    setBusy(true);
    setError(null);
    try {
      setOrder(await api<OrderView>('orders', `/sales/${encodeURIComponent(s.id)}/orders`, { method: 'POST', idempotencyKey: newKey() }));
    } catch (refusal) {
      setError(refusal);
    } finally {
      setBusy(false);
      sale.reload();
    }
  };
  return (
    <section className="sale">
      <h1>{t('sale.title')} · {s.editionCode}</h1>
      <div className="board">
        <div className="price-box">
          <div className="label">{t('sale.price')}</div>
          <div className="price"><Money fen={s.priceFen} /></div>
        </div>
        <dl className="facts">
          <dt>{t('sale.left')}</dt>
          <dd data-testid="units-left">{s.unitsLeft} / {s.units}</dd>
          {opensIn > 0 && (<><dt>{t('sale.opensIn')}</dt><dd className="countdown" data-testid="countdown">{countdown(opensIn)}</dd></>)}
          <dt>{t('auction.opensAt')}</dt>
          <dd><When at={s.startsAt} /></dd>
        </dl>
      </div>
      {s.unitsLeft === 0 && !order && <p className="sold-out" role="status" data-testid="sold-out">{t('sale.soldOut')}</p>}
      {order ? (
        <p className="won" role="status" data-testid="sale-ordered">
          {t('sale.ordered')} <a href="#/mine">{t('nav.mine')}</a> · {order.payBy && t('mine.payBy', { time: formatWhen(order.payBy, lang) })}
        </p>
      ) : who?.roles.includes('buyer') ? (
        <button type="button" className="primary big" disabled={!open || busy} onClick={buy} data-testid="buy">
          {s.unitsLeft === 0 ? t('sale.soldOut') : t('sale.buy')}
        </button>
      ) : (
        !who && <Notice>{t('auction.loginToBid')}</Notice>
      )}
      <Refused error={error} />
    </section>
  );
}
