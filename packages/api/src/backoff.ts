const BASE_MS = 500;
const CAP_MS = 30_000;

/**
 * How long to wait before retry number `attempt` (0 for the first retry): exponential from
 * half a second, capped at 30 s, with jitter so that many clients that failed together do not
 * retry together. The wait is between half and all of the exponential step.
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const step = Math.min(CAP_MS, BASE_MS * 2 ** attempt);
  return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * Reads `Retry-After`: a number of seconds, or an HTTP date. Returns milliseconds to wait
 * (0 for a date in the past), or undefined when the header is absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date always names a weekday and a month; without letters, V8's Date.parse would
  // read "1.5" as a date too.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
