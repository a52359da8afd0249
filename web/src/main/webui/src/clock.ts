import { useEffect, useState } from 'react';

/**
 * The server's clock as seen from here. Every lot view carries the server's `asOf`; a countdown
 * runs on that time, never on the browser's own clock (which may be minutes off).
 */
let offsetMs = 0;
let known = false;

export function observeServerTime(asOf: string | undefined, receivedAt: number = Date.now()): void {
  if (!asOf) return;
  const server = Date.parse(asOf);
  if (Number.isNaN(server)) return;
  const offset = server - receivedAt;
  // the smallest offset is the one least delayed by the network; drift is followed slowly
  offsetMs = known ? Math.min(offset, offsetMs + 50) : offset;
  known = true;
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}

export function offset(): number {
  return offsetMs;
}

/** Re-renders every `everyMs` with the server's time now. */
export function useServerNow(everyMs = 250): number {
  const [now, setNow] = useState(serverNow());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(serverNow()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** 3725000 ms → "1:02:05"; 0 and below → "0:00". */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? h + ':' : ''}${mm}:${String(s).padStart(2, '0')}`;
}
