import { describe, expect, it } from 'vitest';
import { parseYuan, yuan } from './money';
import { countdown, observeServerTime, serverNow } from './clock';

describe('money is integer fen', () => {
  it('prints the No. 001 price', () => {
    expect(yuan(7_819_339_900, 'en')).toBe('¥78,193,399.00');
    expect(yuan(10_000, 'zh')).toBe('¥100.00');
    expect(yuan(1, 'en')).toBe('¥0.01');
  });

  it('reads yuan with at most two decimals, never through a float', () => {
    expect(parseYuan('78,193,399')).toBe(7_819_339_900);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('19.99')).toBe(1999);
    expect(parseYuan('1.005')).toBeNull();
    expect(parseYuan('-5')).toBeNull();
    expect(parseYuan('0')).toBeNull();
    expect(parseYuan('1e3')).toBeNull();
    expect(parseYuan('')).toBeNull();
  });
});

describe('the countdown runs on the server clock', () => {
  it('formats what is left', () => {
    expect(countdown(3_725_000)).toBe('1:02:05');
    expect(countdown(59_001)).toBe('1:00');
    expect(countdown(-5)).toBe('0:00');
  });

  it('follows a server ten minutes ahead of the browser', () => {
    const received = Date.now();
    observeServerTime(new Date(received + 600_000).toISOString(), received);
    expect(Math.abs(serverNow() - (Date.now() + 600_000))).toBeLessThan(1_000);
  });
});
