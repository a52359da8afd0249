import { useEffect, useState } from 'react';
import { api, newKey, type Page } from '../api';
import { useI18n } from '../i18n';
import { yuan } from '../money';
import { Refused } from '../parts';

interface Deposit {
  id: string;
  lotId: string;
  amountFen: number;
  state: string;
}

interface OpenedDeposit {
  deposit: Deposit;
  payment: { paymentId: string; payUrl: string };
}

/** The buyer's deposit for this lot, and "pay deposit" through the PSP's page; polled while awaiting payment. */
export function DepositPanel({ lotId, depositFen }: { lotId: string; depositFen: number }) {
  const { t, lang } = useI18n();
  const [deposit, setDeposit] = useState<Deposit | null | undefined>(undefined);
  const [payUrl, setPayUrl] = useState<string | null>(sessionStorage.getItem(`payUrl:${lotId}`));
  const [error, setError] = useState<unknown>(null);

  const load = () =>
    api<Page<Deposit>>('deposit', `/deposits?lotId=${encodeURIComponent(lotId)}`).then(
      (page) => setDeposit(page.items[0] ?? null),
      setError,
    );
  useEffect(() => { void load(); }, [lotId]);
  useEffect(() => {
    if (deposit?.state !== 'AWAITING_PAYMENT') return;
    const timer = window.setInterval(load, 1500);
    return () => window.clearInterval(timer);
  }, [deposit?.state]);

  const pay = async () => {
    setError(null);
    // one key per lot and tab: pressing again after a lost answer reopens the same payment
    const keyName = `depositKey:${lotId}`;
    const key = sessionStorage.getItem(keyName) ?? newKey();
    sessionStorage.setItem(keyName, key);
    try {
      const opened = await api<OpenedDeposit>('deposit', '/deposits', { method: 'POST', body: { lotId }, idempotencyKey: key });
      setDeposit(opened.deposit);
      setPayUrl(opened.payment.payUrl);
      sessionStorage.setItem(`payUrl:${lotId}`, opened.payment.payUrl);
      window.open(opened.payment.payUrl, '_blank', 'noopener');
    } catch (refusal) {
      setError(refusal);
    }
  };

  return (
    <div className="deposit" aria-label={t('auction.deposit')}>
      <h2>{t('auction.deposit')}</h2>
      {deposit === undefined ? null : deposit === null ? (
        <>
          <p>{t('auction.deposit.none', { amount: yuan(depositFen, lang) })}</p>
          <button type="button" className="primary" onClick={pay} data-testid="pay-deposit">{t('auction.deposit.pay')}</button>
        </>
      ) : (
        <p data-testid="deposit-state" data-state={deposit.state}>
          {t(`auction.deposit.${deposit.state}` as never)}
          {deposit.state === 'AWAITING_PAYMENT' && payUrl && (
            <> · <a href={payUrl} target="_blank" rel="noopener">{t('auction.deposit.openPay')}</a></>
          )}
        </p>
      )}
      <Refused error={error} />
    </div>
  );
}
