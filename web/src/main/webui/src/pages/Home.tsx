import { useState } from 'react';
import { useI18n } from '../i18n';
import { go } from '../route';

export function HomePage() {
  const { t } = useI18n();
  const [lot, setLot] = useState('');
  const [sale, setSale] = useState('');
  return (
    <section className="home">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <div className="cards">
        <form className="card" onSubmit={(e) => { e.preventDefault(); if (lot.trim()) go('auctions', lot.trim()); }}>
          <h2>{t('home.lot')}</h2>
          <label>{t('home.lotId')}<input value={lot} onChange={(e) => setLot(e.target.value)} /></label>
          <button type="submit">{t('home.open')}</button>
        </form>
        <form className="card" onSubmit={(e) => { e.preventDefault(); if (sale.trim()) go('sales', sale.trim()); }}>
          <h2>{t('home.sale')}</h2>
          <label>{t('home.saleId')}<input value={sale} onChange={(e) => setSale(e.target.value)} /></label>
          <button type="submit">{t('home.open')}</button>
        </form>
      </div>
    </section>
  );
}
