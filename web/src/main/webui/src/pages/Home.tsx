import { api, type Page } from '../api';
import { me } from '../auth';
import { countdown, useServerNow } from '../clock';
import { useI18n } from '../i18n';
import { Money, Refused, useLoad } from '../parts';
import type { SaleView } from './Sale';

interface LotSummary {
  id: string;
  title: string;
  status: 'SCHEDULED' | 'OPEN';
  priceFen: number;
  bidCount: number;
  opensAt: string;
  endsAt: string;
}


export function HomePage() {
  const { t } = useI18n();
  const buyer = me()?.roles.includes('buyer') || me()?.roles.includes('operator');
  return (
    <section className="home">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <h2>{t('home.lots')}</h2>
      <Lots />
      {buyer && (
        <>
          <h2>{t('home.sales')}</h2>
          <Sales />
        </>
      )}
    </section>
  );
}

function Lots() {
  const { t } = useI18n();
  const now = useServerNow(1000);
  const lots = useLoad(() => api<Page<LotSummary>>('auction', '/auctions?size=20'), []);
  if (lots.error) return <Refused error={lots.error} />;
  if (lots.data?.items.length === 0) return <p data-testid="lots-empty">{t('home.noLots')}</p>;
  return (
    <ul className="cards" data-testid="lots">
      {lots.data?.items.map((lot) => (
        <li key={lot.id} className="card">
          <a href={`#/auctions/${encodeURIComponent(lot.id)}`}><h3>{lot.title}</h3></a>
          <p className="price small"><Money fen={lot.priceFen} /></p>
          <p>
            {t(`auction.status.${lot.status}`)} ·{' '}
            {lot.status === 'SCHEDULED'
              ? `${t('sale.opensIn')} ${countdown(Date.parse(lot.opensAt) - now)}`
              : `${t('auction.remaining')} ${countdown(Date.parse(lot.endsAt) - now)} · ${t('auction.bids')} ${lot.bidCount}`}
          </p>
        </li>
      ))}
    </ul>
  );
}

function Sales() {
  const { t } = useI18n();
  const now = useServerNow(1000);
  const sales = useLoad(() => api<SaleView[]>('orders', '/sales'), []);
  if (sales.error) return <Refused error={sales.error} />;
  if (sales.data?.length === 0) return <p data-testid="sales-empty">{t('home.noSales')}</p>;
  return (
    <ul className="cards" data-testid="sales">
      {sales.data?.map((sale) => (
        <li key={sale.id} className="card">
          <a href={`#/sales/${encodeURIComponent(sale.id)}`}><h3>{t('sale.title')} · {sale.editionCode}</h3></a>
          <p className="price small"><Money fen={sale.priceFen} /></p>
          <p>
            {sale.unitsLeft === 0 ? t('sale.soldOut')
              : Date.parse(sale.startsAt) > now ? `${t('sale.opensIn')} ${countdown(Date.parse(sale.startsAt) - now)}`
              : `${t('sale.left')} ${sale.unitsLeft} / ${sale.units}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
