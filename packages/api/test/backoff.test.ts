import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from '../src/backoff';

// The three forms RFC 9110 section 5.6.7 defines, written here from its grammar.
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
const clock = (d: Date) => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
const rfc850 = (d: Date) =>
  `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${two(d.getUTCFullYear() % 100)} ${clock(d)} GMT`;
const asctime = (d: Date) =>
  `${DAYS[d.getUTCDay()]!.slice(0, 3)} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${clock(d)} ${d.getUTCFullYear()}`;

describe('retryAfterMs', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);

  it('reads seconds, including 0', () => {
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs(' 120 ', now)).toBe(120_000);
  });

  it('reads an HTTP date, and a date in the past as no wait', () => {
    expect(retryAfterMs('Thu, 01 Jan 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('reads the three forms of an HTTP date, IMF-fixdate, RFC 850 and asctime', () => {
    const later = new Date(now + 90_000);
    for (const form of [later.toUTCString(), rfc850(later), asctime(later)])
      expect(retryAfterMs(form, now)).toBe(90_000);
    expect(retryAfterMs('Sun Nov  6 08:49:37 1994', now)).toBe(0);
  });

  it('reads any date within 49 years of now in each form, to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: -49 * 365 * 86_400, max: 49 * 365 * 86_400 }), (seconds) => {
        const date = new Date(now + seconds * 1000);
        for (const form of [date.toUTCString(), rfc850(date), asctime(date)])
          expect(retryAfterMs(form, now)).toBe(Math.max(0, seconds * 1000));
      }),
    );
  });

  it('is undefined for anything HTTP does not define, which a general date parser would take', () => {
    for (const junk of [
      'x 5',
      '5 x',
      '1.5',
      '1e3',
      '0x10',
      '+5',
      '-3',
      '2026-01-01T12:00:30Z',
      'Thu, 01 Jan 2026',
      'Thu, 01 Jan 2026 12:00:30',
      'Thu, 01 Jan 2026 12:00:30 UTC',
      'thu, 01 jan 2026 12:00:30 gmt',
      'Thu, 1 Jan 2026 12:00:30 GMT',
      'Thu, 31 Feb 2026 12:00:30 GMT',
      'Thu, 01 Jan 2026 24:00:00 GMT',
      'Thursday, 01 Jan 2026 12:00:30 GMT',
      'Thu, 01-Jan-26 12:00:30 GMT',
      '12:00:30',
      '',
      '７',
      '٧',
      '7\n',
    ])
      expect(retryAfterMs(junk, now), JSON.stringify(junk)).toBeUndefined();
  });

  it('is undefined when absent or unreadable', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('1.5', now)).toBeUndefined();
    expect(retryAfterMs('-3', now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles from half a second, between half and all of each step, capped at 30 s', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, () => 0))).toEqual([250, 500, 1000, 2000]);
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, () => 0.999999))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(20, () => 0.999999)).toBe(30_000);
  });
});
