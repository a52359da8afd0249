import { useState } from 'react';
import { api, newKey } from '../api';
import { me } from '../auth';
import { useI18n } from '../i18n';
import { CITIES } from '../cities';
import { Notice, Refused } from '../parts';

interface SiteView {
  id: string;
  kind: string;
  name: string;
  city: string;
  address: string;
}

interface NearbySite {
  distanceMetres: number;
  site: SiteView;
}

interface SlotView {
  start: string;
  capacity: number;
  booked: number;
  free: boolean;
}

const CAPABILITIES = ['VEHICLE_HANDOVER', 'HOME_CHARGER_INSTALLATION', 'MAINTENANCE', 'BATTERY_SWAP', 'TRADE_IN_APPRAISAL'] as const;

export function OutletsPage() {
  const { t } = useI18n();
  const [city, setCity] = useState(0);
  const [capability, setCapability] = useState<string>('MAINTENANCE');
  const [found, setFound] = useState<NearbySite[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const search = async () => {
    setError(null);
    const { latitude, longitude } = CITIES[city];
    try {
      setFound(await api<NearbySite[]>('stores', `/sites/nearest?latitude=${latitude}&longitude=${longitude}&capability=${capability}&limit=10`));
    } catch (refusal) {
      setError(refusal);
    }
  };
  return (
    <section className="outlets">
      <h1>{t('outlets.title')}</h1>
      <form className="search" onSubmit={(e) => { e.preventDefault(); void search(); }}>
        <label>{t('outlets.city')}
          <select value={city} onChange={(e) => setCity(Number(e.target.value))}>
            {CITIES.map((c, i) => <option key={c.name} value={i}>{c.name}</option>)}
          </select>
        </label>
        <label>{t('outlets.capability')}
          <select value={capability} onChange={(e) => setCapability(e.target.value)}>
            {CAPABILITIES.map((c) => <option key={c} value={c}>{t(`cap.${c}`)}</option>)}
          </select>
        </label>
        <button type="submit" className="primary">{t('outlets.search')}</button>
      </form>
      <Refused error={error} />
      {found?.length === 0 && <Notice>{t('outlets.none')}</Notice>}
      <ul className="sites" data-testid="sites">
        {found?.map((f) => <SiteCard key={f.site.id} found={f} capability={capability} />)}
      </ul>
    </section>
  );
}

function SiteCard({ found, capability }: { found: NearbySite; capability: string }) {
  const { t, lang } = useI18n();
  const [slots, setSlots] = useState<SlotView[] | null>(null);
  const [booked, setBooked] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const buyer = me()?.roles.includes('buyer');
  const showSlots = async () => {
    setError(null);
    const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    try {
      setSlots(await api<SlotView[]>('stores', `/sites/${found.site.id}/slots?capability=${capability}&day=${day}`));
    } catch (refusal) {
      setError(refusal);
    }
  };
  const book = async (slotStart: string) => {
    setError(null);
    try {
      const booking = await api<{ id: string }>('stores', '/bookings', {
        method: 'POST', body: { siteId: found.site.id, capability, slotStart }, idempotencyKey: newKey(),
      });
      setBooked(booking.id);
      void showSlots();
    } catch (refusal) {
      setError(refusal);
    }
  };
  const time = (at: string) => new Date(at).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  return (
    <li className="card site">
      <h3>{found.site.name}</h3>
      <p>{found.site.city} · {found.site.address} · {t('outlets.km', { km: (found.distanceMetres / 1000).toFixed(1) })}</p>
      {buyer && <button type="button" onClick={showSlots} aria-label={`${t('outlets.slots')}: ${found.site.name}`}>{t('outlets.slots')}</button>}
      {slots && (
        <div className="slots">
          {slots.filter((s) => s.free).slice(0, 12).map((s) => (
            <button type="button" key={s.start} onClick={() => book(s.start)} aria-label={t('outlets.book', { time: time(s.start) })}>
              {time(s.start)}
            </button>
          ))}
        </div>
      )}
      {booked && <p role="status">{t('outlets.booked', { id: booked })}</p>}
      <Refused error={error} />
    </li>
  );
}
