import { useState } from 'react';
import { api, newKey, type Page } from '../api';
import { me } from '../auth';
import { useI18n } from '../i18n';
import { Money, Notice, Refused, useLoad } from '../parts';

interface Specification {
  brand: string;
  name: string;
  bodyType: string;
  rangeKm?: number;
  battery: string;
  batterySwapSeconds?: number;
  cockpit: string;
  wheelbaseMm?: number;
  rearLegroomMm?: number;
  lateralSpaceMm?: number;
  recliningFrontSeats: boolean;
}

interface Edition {
  code: string;
  name: string;
  description: string;
  listPriceFen: number;
  limitedQuantity?: number;
}

interface ModelView {
  code: string;
  specification: Specification;
  editions: Edition[];
}

interface RankedSuggestion {
  rank: number;
  id: number;
  title: string;
  body: string;
  votes: number;
}

const MODEL = 'AION-UT-SUPER';
const CAMPAIGN = 'defined-by-you';

export function CatalogPage() {
  const { t } = useI18n();
  const model = useLoad(() => api<ModelView>('catalog', `/models/${MODEL}`), []);
  if (model.error) return <Refused error={model.error} />;
  if (!model.data) return <Notice>{t('common.loading')}</Notice>;
  const spec = model.data.specification;
  const rows: [string, string | number | undefined][] = [
    ['Body', spec.bodyType], ['Range (km)', spec.rangeKm], ['Battery', spec.battery],
    ['Battery swap (s)', spec.batterySwapSeconds], ['Cockpit', spec.cockpit], ['Wheelbase (mm)', spec.wheelbaseMm],
    ['Rear legroom (mm)', spec.rearLegroomMm], ['Lateral space (mm)', spec.lateralSpaceMm],
  ];
  return (
    <section className="catalog">
      <h1>{spec.brand} {spec.name}</h1>
      <h2>{t('catalog.specs')}</h2>
      <table className="specs">
        <tbody>{rows.filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>)}</tbody>
      </table>
      <h2>{t('catalog.editions')}</h2>
      <ul className="editions">
        {model.data.editions.map((e) => (
          <li key={e.code} className="card">
            <h3>{e.name}</h3>
            <p>{e.description}</p>
            <p><Money fen={e.listPriceFen} /></p>
          </li>
        ))}
      </ul>
      <Campaign />
    </section>
  );
}

function Campaign() {
  const { t } = useI18n();
  const ranking = useLoad(() => api<Page<RankedSuggestion>>('catalog', `/campaigns/${CAMPAIGN}/suggestions?size=10`), []);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const buyer = me()?.roles.includes('buyer');
  const run = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      ranking.reload();
    } catch (refusal) {
      setError(refusal);
    }
  };
  return (
    <>
      <h2>{t('catalog.campaign')}</h2>
      <h3>{t('catalog.ranking')}</h3>
      <ol className="ranking" data-testid="ranking">
        {ranking.data?.items.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong> — {s.body} · {t('catalog.votes', { n: s.votes })}
            {buyer && (
              <button type="button" aria-label={`${t('catalog.vote')}: ${s.title}`}
                onClick={() => run(() => api('catalog', `/campaigns/${CAMPAIGN}/suggestions/${s.id}/vote`, { method: 'PUT' }))}>
                {t('catalog.vote')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {buyer && (
        <form onSubmit={(e) => {
          e.preventDefault();
          void run(() => api('catalog', `/campaigns/${CAMPAIGN}/suggestions`, { method: 'POST', body: { title, body }, idempotencyKey: newKey() }))
            .then(() => { setTitle(''); setBody(''); });
        }}>
          <fieldset>
            <legend>{t('catalog.suggest')}</legend>
            <label>Title<input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={120} /></label>
            <label>{t('catalog.suggest')}<textarea value={body} onChange={(e) => setBody(e.target.value)} required maxLength={2000} /></label>
            <button type="submit">{t('catalog.suggestSubmit')}</button>
          </fieldset>
        </form>
      )}
      <Refused error={error} />
    </>
  );
}
