import { useEffect, useRef, useState } from 'react';
import { api, newKey, Refusal, type Page } from '../api';
import { me } from '../auth';
import { countdown, observeServerTime, useServerNow } from '../clock';
import { useI18n } from '../i18n';
import { parseYuan, yuan } from '../money';
import { Money, Notice, Refused, When } from '../parts';
import { DepositPanel } from './DepositPanel';
import { PriceChart, type PricePoint } from './PriceChart';

export interface LotView {
  id: string;
  editionCode: string;
  title: string;
  status: 'SCHEDULED' | 'OPEN' | 'SOLD' | 'UNSOLD' | 'CANCELLED';
  priceFen: number;
  minimumNextBidFen: number;
  leaderCode: string | null;
  bidCount: number;
  lastSeq: number;
  opensAt: string;
  endsAt: string;
  startPriceFen: number;
  depositFen: number;
  maximumAllowedFen: number;
  asOf: string;
}

interface PublicBid {
  seq: number;
  at: string;
  bidderCode: string;
  priceFen: number;
  leaderCode: string;
}

interface AcceptedBid {
  seq: number;
  bidderCode: string;
  priceFen: number;
  leading: boolean;
  logHash: string;
}

type StreamState = 'connecting' | 'live' | 'reconnecting';

/**
 * The lot as it changes: the SSE stream. The browser retries a dropped connection by itself; one
 * it gave up on (an error status while the web tier restarts) is opened again here, backing off.
 * Every (re)connect starts with the lot's state now, so nothing missed stays missed.
 */
function useLiveLot(lotId: string) {
  const [lot, setLot] = useState<LotView | null>(null);
  const [stream, setStream] = useState<StreamState>('connecting');
  const [connects, setConnects] = useState(0);
  useEffect(() => {
    let source: EventSource | null = null;
    let retry: number | undefined;
    let backoff = 1000;
    let stopped = false;
    const open = () => {
      source = new EventSource(`/api/auction/auctions/${encodeURIComponent(lotId)}/stream`);
      source.onopen = () => {
        backoff = 1000;
        setStream('live');
        setConnects((n) => n + 1);
      };
      source.onmessage = (message) => {
        const view = JSON.parse(message.data) as LotView;
        observeServerTime(view.asOf);
        setLot(view);
      };
      source.onerror = () => {
        setStream('reconnecting');
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          retry = window.setTimeout(open, backoff);
          backoff = Math.min(backoff * 2, 15000);
        }
      };
    };
    open();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      source?.close();
    };
  }, [lotId]);
  return { lot, stream, connects };
}

export function AuctionPage({ lotId }: { lotId: string }) {
  const { t, lang } = useI18n();
  const { lot, stream, connects } = useLiveLot(lotId);
  const now = useServerNow();
  const [history, setHistory] = useState<PublicBid[]>([]);
  const [points, setPoints] = useState<PricePoint[]>([]);
  const [missing, setMissing] = useState<unknown>(null);
  const firstEnd = useRef<string | null>(null);
  const fetchedSeq = useRef(-1);
  const who = me();

  // the first view (and a 404 for an unknown lot) before the stream's first frame
  useEffect(() => {
    api<LotView>('auction', `/auctions/${encodeURIComponent(lotId)}`).then(
      (view) => { observeServerTime(view.asOf); firstEnd.current ??= view.endsAt; },
      setMissing,
    );
  }, [lotId]);

  // history on each (re)connect and after new bids, at most every 2 s: a rush does not become a flood
  useEffect(() => {
    if (!lot || lot.lastSeq === fetchedSeq.current) return;
    const timer = window.setTimeout(() => {
      fetchedSeq.current = lot.lastSeq;
      api<Page<PublicBid>>('auction', `/auctions/${encodeURIComponent(lotId)}/bids?size=50`).then((page) => {
        setHistory(page.items);
        setPoints((known) => merge(known, page.items.map((b) => ({ at: Date.parse(b.at), fen: b.priceFen }))));
      }, () => { fetchedSeq.current = -1; });
    }, fetchedSeq.current < 0 ? 0 : 2000);
    return () => window.clearTimeout(timer);
  }, [lot, lotId, connects]);
  useEffect(() => { fetchedSeq.current = -1; }, [connects]);

  useEffect(() => {
    if (!lot) return;
    firstEnd.current ??= lot.endsAt;
    if (lot.bidCount > 0) setPoints((known) => merge(known, [{ at: Date.parse(lot.asOf), fen: lot.priceFen }]));
  }, [lot]);

  if (missing && !lot) return <Refused error={missing} />;
  if (!lot) return <Notice>{t('common.loading')}</Notice>;

  const ends = Date.parse(lot.endsAt);
  const opens = Date.parse(lot.opensAt);
  const extended = firstEnd.current !== null && ends > Date.parse(firstEnd.current);
  const myCode = localStorage.getItem(`bidder:${lot.id}`);
  const leadingMe = myCode !== null && myCode === lot.leaderCode;
  return (
    <section className="auction">
      <div className="headline">
        <h1>{lot.title}</h1>
        <span className={`stream ${stream}`} role="status" data-testid="stream-state">{t(`auction.stream.${stream}`)}</span>
      </div>
      <div className="board">
        <div className="price-box">
          <div className="label">{t('auction.price')}</div>
          <div className="price" data-testid="price" aria-live="polite">{yuan(lot.priceFen, lang)}</div>
          <div className="status" data-testid="lot-status">{t(`auction.status.${lot.status}`)}</div>
        </div>
        <dl className="facts">
          <dt>{t('auction.leader')}</dt>
          <dd data-testid="leader">{lot.leaderCode ?? '—'} {leadingMe && t('auction.you')}</dd>
          <dt>{t('auction.bids')}</dt>
          <dd data-testid="bid-count">{lot.bidCount}</dd>
          {lot.status === 'SCHEDULED' ? (
            <>
              <dt>{t('auction.opensAt')}</dt>
              <dd><When at={lot.opensAt} /> · <span data-testid="countdown">{countdown(opens - now)}</span></dd>
            </>
          ) : (
            <>
              <dt>{t('auction.endsAt')}</dt>
              <dd data-testid="ends-at" data-ends-at={lot.endsAt}><When at={lot.endsAt} /></dd>
              <dt>{t('auction.remaining')}</dt>
              <dd className="countdown" data-testid="countdown">{lot.status === 'OPEN' ? countdown(ends - now) : '0:00'}</dd>
            </>
          )}
          <dt>{t('auction.start')}</dt>
          <dd><Money fen={lot.startPriceFen} /></dd>
        </dl>
        {extended && <p className="extended" data-testid="extended" role="status">{t('auction.extended')}</p>}
      </div>
      {lot.status === 'SOLD' && leadingMe && <p className="won" role="status" data-testid="won">{t('auction.won')}</p>}
      {who?.roles.includes('buyer') ? (
        <>
          <DepositPanel lotId={lot.id} depositFen={lot.depositFen} />
          {lot.status === 'OPEN' && <BidForm lot={lot} />}
        </>
      ) : (
        !who && <Notice>{t('auction.loginToBid')}</Notice>
      )}
      <h2>{t('auction.chart')}</h2>
      <PriceChart points={points} label={t('auction.chart')} lang={lang} />
      <h2>{t('auction.history')}</h2>
      <ol className="history" data-testid="history" aria-label={t('auction.history')}>
        {history.map((bid) => (
          <li key={bid.seq}>
            <span className="code">{bid.bidderCode}</span> <Money fen={bid.priceFen} /> <When at={bid.at} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function merge(known: PricePoint[], more: PricePoint[]): PricePoint[] {
  const all = [...known, ...more].filter((p) => !Number.isNaN(p.at)).sort((a, b) => a.at - b.at || a.fen - b.fen);
  return all.filter((p, i) => i === 0 || p.fen !== all[i - 1].fen).slice(-500);
}

function BidForm({ lot }: { lot: LotView }) {
  const { t, lang } = useI18n();
  const [max, setMax] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [placed, setPlaced] = useState<AcceptedBid | null>(null);
  const [busy, setBusy] = useState(false);

  const bid = async (maxFen: number) => {
    setBusy(true);
    setError(null);
    setPlaced(null);
    try {
      const accepted = await api<AcceptedBid>('auction', `/auctions/${encodeURIComponent(lot.id)}/bids`, {
        method: 'POST', body: { maxFen }, idempotencyKey: newKey(),
      });
      localStorage.setItem(`bidder:${lot.id}`, accepted.bidderCode);
      setPlaced(accepted);
    } catch (refusal) {
      setError(refusal);
    } finally {
      setBusy(false);
    }
  };
  const body = error instanceof Refusal ? error.body : {};
  const params = {
    price: yuan(Number(body.priceFen ?? lot.priceFen), lang),
    next: yuan(Number(body.minimumNextBidFen ?? lot.minimumNextBidFen), lang),
  };
  return (
    <div className="bid">
      <button type="button" className="primary" disabled={busy} onClick={() => bid(lot.minimumNextBidFen)} data-testid="bid-next">
        {t('auction.bidNext', { amount: yuan(lot.minimumNextBidFen, lang) })}
      </button>
      <form onSubmit={(e) => {
        e.preventDefault();
        const fen = parseYuan(max);
        if (fen === null) setError(new Refusal(422, 'below-increment', '', '', {}));
        else void bid(fen);
      }}>
        <label>
          {t('auction.maxLabel')}
          <input inputMode="decimal" value={max} onChange={(e) => setMax(e.target.value)} aria-describedby="max-hint" />
        </label>
        <button type="submit" disabled={busy}>{t('auction.maxSubmit')}</button>
        <small id="max-hint">{t('auction.maxHint')}</small>
      </form>
      {placed && (
        <p className={placed.leading ? 'placed' : 'refused'} role="status" data-testid="placed" data-leading={String(placed.leading)}>
          {t(placed.leading ? 'auction.placed' : 'auction.placedBehind',
            { amount: yuan(placed.priceFen, lang), receipt: placed.logHash.slice(0, 12) })}
        </p>
      )}
      <Refused error={error} params={params} />
    </div>
  );
}
