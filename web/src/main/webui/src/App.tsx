import { login, logout, me } from './auth';
import { useI18n, type Lang } from './i18n';
import { AuctionPage } from './pages/Auction';
import { CatalogPage } from './pages/Catalog';
import { DealerPage } from './pages/Dealer';
import { HomePage } from './pages/Home';
import { MinePage } from './pages/Mine';
import { OperatorPage } from './pages/Operator';
import { OutletsPage } from './pages/Outlets';
import { SalePage } from './pages/Sale';
import { useRoute } from './route';

export function App() {
  const { t, lang, setLang } = useI18n();
  const route = useRoute();
  const who = me();
  const roles = who?.roles ?? [];
  const [page, id] = route;
  return (
    <>
      <header className="top">
        <a className="brand" href="#/">{t('app.name')}</a>
        <nav aria-label="main">
          <a href="#/catalog">{t('nav.catalog')}</a>
          <a href="#/outlets">{t('nav.outlets')}</a>
          {roles.includes('buyer') && <a href="#/mine">{t('nav.mine')}</a>}
          {roles.includes('dealer') && <a href="#/dealer">{t('nav.dealer')}</a>}
          {roles.includes('operator') && <a href="#/operator">{t('nav.operator')}</a>}
        </nav>
        <div className="account">
          <label>
            <span className="sr-only">{t('nav.language')}</span>
            <select aria-label={t('nav.language')} value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
              <option value="zh">中文</option>
              <option value="en">English</option>
            </select>
          </label>
          {who ? (
            <>
              <span className="who" data-testid="who">{who.name}</span>
              <button type="button" onClick={logout}>{t('nav.logout')}</button>
            </>
          ) : (
            <button type="button" onClick={login}>{t('nav.login')}</button>
          )}
        </div>
      </header>
      <main>
        {page === 'auctions' && id ? <AuctionPage lotId={id} key={id} />
          : page === 'sales' && id ? <SalePage saleId={id} key={id} />
          : page === 'catalog' ? <CatalogPage />
          : page === 'outlets' ? <OutletsPage />
          : page === 'mine' ? <MinePage />
          : page === 'dealer' ? <DealerPage />
          : page === 'operator' ? <OperatorPage />
          : <HomePage />}
      </main>
    </>
  );
}
