import { useState } from 'react';
import { api } from '../api';
import { me } from '../auth';
import { useI18n } from '../i18n';
import { NeedsRole, Notice, Refused, useLoad, When } from '../parts';

interface BookingView {
  id: string;
  capability: string;
  orderId?: string;
  userId: string;
  slotStart: string;
  state: string;
}

interface SiteView {
  id: string;
  name: string;
  services: { capability: string; slotMinutes: number; perSlot: number }[];
}

export function DealerPage() {
  return (
    <NeedsRole role="dealer">
      <Console />
    </NeedsRole>
  );
}

function Console() {
  const { t } = useI18n();
  const outlet = me()?.outletId;
  if (!outlet) return <Notice>{t('dealer.noOutlet')}</Notice>;
  return <OutletConsole outlet={outlet} />;
}

function OutletConsole({ outlet }: { outlet: string }) {
  const { t } = useI18n();
  const base = `/outlets/${encodeURIComponent(outlet)}`;
  const site = useLoad(() => api<SiteView>('stores', base), [outlet]);
  const bookings = useLoad(() => api<BookingView[]>('stores', `${base}/bookings?days=31`), [outlet]);
  const [error, setError] = useState<unknown>(null);
  const act = async (booking: string, step: 'confirm' | 'done') => {
    setError(null);
    try {
      await api('stores', `${base}/bookings/${booking}/${step}`, { method: 'POST' });
      bookings.reload();
    } catch (refusal) {
      setError(refusal);
    }
  };
  return (
    <section className="dealer">
      <h1>{t('dealer.title')}</h1>
      <p>{t('dealer.outlet', { id: outlet })} {site.data && `· ${site.data.name}`}</p>
      <h2>{t('dealer.capacity')}</h2>
      <Refused error={site.error} />
      {site.data?.services.map((s) => (
        <CapacityForm key={s.capability} base={base} service={s} saved={site.reload} />
      ))}
      <h2>{t('dealer.bookings')} <button type="button" onClick={bookings.reload} aria-label={t('common.refresh')}>↻</button></h2>
      <Refused error={bookings.error ?? error} />
      <table className="bookings" data-testid="dealer-bookings">
        <thead>
          <tr>
            <th scope="col">{t('dealer.when')}</th>
            <th scope="col">{t('dealer.service')}</th>
            <th scope="col">{t('dealer.order')}</th>
            <th scope="col">{t('dealer.state')}</th>
            <th scope="col">{t('dealer.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {bookings.data?.map((b) => (
            <tr key={b.id} data-testid={`booking-${b.id}`} data-order={b.orderId ?? ''} data-state={b.state}>
              <td><When at={b.slotStart} /></td>
              <td>{t(`cap.${b.capability}` as never)}</td>
              <td>{b.orderId ?? ''}</td>
              <td>{t(`booking.state.${b.state}` as never)}</td>
              <td>
                {b.state === 'BOOKED' && <button type="button" onClick={() => act(b.id, 'confirm')} aria-label={`${t('dealer.confirm')} ${b.id}`}>{t('dealer.confirm')}</button>}
                {(b.state === 'BOOKED' || b.state === 'CONFIRMED') && (
                  <button type="button" className="primary" onClick={() => act(b.id, 'done')} aria-label={`${t('dealer.done')} ${b.id}`}>{t('dealer.done')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One service's places per slot: what the outlet can take, changed by its own dealer. */
function CapacityForm({ base, service, saved }: { base: string; service: SiteView['services'][number]; saved: () => void }) {
  const { t } = useI18n();
  const [perSlot, setPerSlot] = useState(String(service.perSlot));
  const [state, setState] = useState<{ done?: boolean; error?: unknown }>({});
  const capability = t(`cap.${service.capability}` as never);
  return (
    <form className="capacity-form" onSubmit={async (e) => {
      e.preventDefault();
      try {
        await api('stores', `${base}/capacity/${service.capability}`, {
          method: 'PUT', body: { slotMinutes: service.slotMinutes, perSlot: Number(perSlot) },
        });
        setState({ done: true });
        saved();
      } catch (error) {
        setState({ error });
      }
    }}>
      <label>
        {t('dealer.perSlot', { capability })} ({service.slotMinutes} min)
        <input type="number" min="0" max="1000" value={perSlot} onChange={(e) => { setPerSlot(e.target.value); setState({}); }} />
      </label>
      <button type="submit" aria-label={`${t('dealer.save')}: ${capability}`}>{t('dealer.save')}</button>
      {state.done && <span role="status">{t('dealer.saved')}</span>}
      <Refused error={state.error} />
    </form>
  );
}
