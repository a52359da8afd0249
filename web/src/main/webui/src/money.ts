/** Money is fen (1 yuan = 100 fen) as an integer; never a float on the way in or out. */

export function yuan(fen: number, lang: string = 'zh'): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}¥${whole}.${cents}`;
}

/** "78,193,399.5" → 7819339950; null for anything that is not a yuan amount with at most 2 decimals. */
export function parseYuan(text: string): number | null {
  const match = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/[,，\s]/g, ''));
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) && fen > 0 ? fen : null;
}
