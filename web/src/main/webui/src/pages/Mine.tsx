import { useState } from 'react';
import { api, newKey, type Page } from '../api';
import { CITIES } from '../cities';
import { useI18n } from '../i18n';
import { formatWhen, Money, NeedsRole, Refused, useLoad, When } from '../parts';

export interface OrderView {
  id: string;
  kind: string;
  lotId?: string;
  saleId?: string;
  state: string;
  priceFen: number;
  depositFen: number;
  amountDueFen: number;
  confirmBy?: string;
  payBy?: string;
}

interface DeliveryView {
  deliverTo?: { city: string; address: string };
  handover?: { state: string; siteName?: string; slotStart?: string };
}

interface BookingView {
  id: string;
  capability: string;
  siteId: string;
  slotStart: string;
  state: string;
}

export function MinePage() {
  const { t } = useI18n();
  return (
    <NeedsRole role="buyer">
      <section className="mine">
        <h1>{t('mine.title')}</h1>
        <Orders />
        <Bookings />
      </section>
    </NeedsRole>
  );
}

function Orders() {
  const { t } = useI18n();
  const orders = useLoad(() => api<Page<OrderView>>('orders', '/orders?size=20'), []);
  return (
    <>
      <h2>{t('mine.orders')} <button type="button" onClick={orders.reload} aria-label={t('common.refresh') + ' ' + t('mine.orders')}>↻</button></h2>
      <Refused error={orders.error} />
      {orders.data?.items.length === 0 && <p>{t('mine.none')}</p>}
      <ul className="orders">
        {orders.data?.items.map((order) => <OrderCard key={order.id} order={order} changed={orders.reload} />)}
      </ul>
    </>
  );
}

function OrderCard({ order, changed }: { order: OrderView; changed: () => void }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [city, setCity] = useState(0);
  const [address, setAddress] = useState('');
  const delivery = useLoad(() => api<DeliveryView>('orders', `/orders/${order.id}/delivery`), [order.id, order.state]);
  const act = async (path: string, body?: unknown, method: 'POST' | 'PUT' = 'POST') => {
    setError(null);
    try {
      const answer = await api<{ payUrl?: string }>('orders', `/orders/${order.id}${path}`, { method, body, idempotencyKey: newKey() });
      if (answer?.payUrl) window.open(answer.payUrl, '_blank', 'noopener');
      changed();
      delivery.reload();
    } catch (refusal) {
      setError(refusal);
    }
  };
  const handover = delivery.data?.handover;
  return (
    <li className="card order" data-testid={`order-${order.id}`} data-state={order.state}>
      <h3>
        {t(`order.kind.${order.kind}` as never)} · <span data-testid="order-state">{t(`order.state.${order.state}` as never)}</span>
      </h3>
      <p className="muted">
        {order.id} · <a href={order.saleId ? `#/sales/${encodeURIComponent(order.saleId)}` : `#/auctions/${encodeURIComponent(order.lotId ?? '')}`}
          data-lot={order.lotId ?? ''}>{t('mine.see')}</a>
      </p>
      <p><Money fen={order.priceFen} /> {order.depositFen > 0 && <>− <Money fen={order.depositFen} /> = <strong><Money fen={order.amountDueFen} /></strong></>}</p>
      {order.state === 'AWAITING_CONFIRMATION' && (
        <>
          {order.confirmBy && <p>{t('mine.confirmBy')} <When at={order.confirmBy} /></p>}
          <button type="button" className="primary" onClick={() => act('/confirm')}>{t('mine.confirm')}</button>
          <button type="button" onClick={() => act('/decline')}>{t('mine.decline')}</button>
        </>
      )}
      {order.state === 'AWAITING_PAYMENT' && (
        <>
          {order.payBy && <p>{t('mine.payBy', { time: '' })}<When at={order.payBy} /></p>}
          {!delivery.data?.deliverTo && (
            <form className="address" onSubmit={(e) => {
              e.preventDefault();
              const { name, latitude, longitude } = CITIES[city];
              void act('/delivery/address', { city: name, address, latitude, longitude }, 'PUT');
            }}>
              <fieldset>
                <legend>{t('mine.address')}</legend>
                <label>{t('outlets.city')}
                  <select value={city} onChange={(e) => setCity(Number(e.target.value))}>
                    {CITIES.map((c, i) => <option key={c.name} value={i}>{c.name}</option>)}
                  </select>
                </label>
                <label>{t('mine.street')}<input value={address} onChange={(e) => setAddress(e.target.value)} required /></label>
                <button type="submit">{t('mine.addressSave')}</button>
              </fieldset>
            </form>
          )}
          <button type="button" className="primary" onClick={() => act('/pay')} data-testid="pay-order">
            {t('mine.pay', { amount: '' })}<Money fen={order.amountDueFen} />
          </button>
          <button type="button" onClick={() => act('/cancel')}>{t('mine.cancel')}</button>
        </>
      )}
      {delivery.data?.deliverTo && <p>{t('mine.address')}: {delivery.data.deliverTo.city} {delivery.data.deliverTo.address}</p>}
      {handover && (
        <p data-testid="handover" data-state={handover.state}>
          {t(`handover.state.${order.state === 'DELIVERED' ? 'DELIVERED' : handover.state}` as never, {
            site: handover.siteName ?? '',
            time: handover.slotStart ? formatWhen(handover.slotStart, lang) : '',
          })}
        </p>
      )}
      <Refused error={error} />
    </li>
  );
}

function Bookings() {
  const { t } = useI18n();
  const bookings = useLoad(() => api<BookingView[]>('stores', '/bookings'), []);
  return (
    <>
      <h2>{t('mine.bookings')}</h2>
      <Refused error={bookings.error} />
      {bookings.data?.length === 0 && <p>{t('mine.none')}</p>}
      <ul className="bookings">
        {bookings.data?.map((b) => (
          <li key={b.id} className="card">
            {t(`cap.${b.capability}` as never)} · {b.siteId} · <When at={b.slotStart} /> · {t(`booking.state.${b.state}` as never)}
          </li>
        ))}
      </ul>
    </>
  );
}
