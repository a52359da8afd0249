import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { me } from './auth';
import { refusalText, useI18n } from './i18n';
import { yuan } from './money';

export function Money({ fen, testId }: { fen: number; testId?: string }) {
  const { lang } = useI18n();
  return <span className="money" data-testid={testId}>{yuan(fen, lang)}</span>;
}

export function formatWhen(at: string, lang: string): string {
  return new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function When({ at }: { at: string | undefined | null }) {
  const { lang } = useI18n();
  if (!at) return null;
  return <time dateTime={at}>{formatWhen(at, lang)}</time>;
}

/** The refusal of the last action, in the reader's language; announced to screen readers. */
export function Refused({ error, params }: { error: unknown; params?: Record<string, string | number> }) {
  const { t } = useI18n();
  if (!error) return null;
  return <p className="refused" role="alert">{refusalText(t, error, params)}</p>;
}

export function Notice({ children }: { children: ReactNode }) {
  return <p className="notice" role="status">{children}</p>;
}

/** Loads on mount and whenever `deps` change; `reload` loads again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data?: T; error?: unknown; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown }>({});
  const [round, setRound] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    run().then(
      (data) => current && setState({ data }),
      (error) => current && setState((previous) => ({ ...previous, error })),
    );
    return () => {
      current = false;
    };
  }, [run, round]);
  return { ...state, reload: () => setRound((n) => n + 1) };
}

/** A page that needs one of these roles; otherwise it says why it shows nothing. */
export function NeedsRole({ role, children }: { role: string; children: ReactNode }) {
  const { t } = useI18n();
  const who = me();
  if (!who) return <Notice>{t('common.loginNeeded')}</Notice>;
  if (!who.roles.includes(role)) return <Notice>{t('common.forbidden')}</Notice>;
  return <>{children}</>;
}
