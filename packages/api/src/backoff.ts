import { parseHttpDate } from './http-date';

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
 * Reads `Retry-After` as HTTP defines it: delta-seconds (digits only) or an HTTP date. Returns
 * milliseconds to wait (0 for a date in the past), or undefined when the header is absent or
 * anything else, so that the caller falls back to its backoff.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  // Only spaces and tabs are optional whitespace around a field value.
  const value = header.replace(/^[ \t]+|[ \t]+$/g, '');
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = parseHttpDate(value, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}
