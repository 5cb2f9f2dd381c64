import { baseUrlProblem, maskCredentials } from './base-url';
import type { RequestReport } from './transport';

/** Options of `createHotjarApi`. */
export interface HotjarApiOptions {
  /** The API key's client id. Required. */
  clientId: string;
  /** The API key's client secret. Required; it is sent to the token endpoint only and never logged. */
  clientSecret: string;
  /**
   * Where Hotjar's API lives (a proxy or a test server): https, or http on a loopback host only
   * (localhost, 127.0.0.0/8, [::1]); no credentials, query or fragment. @default 'https://api.hotjar.io'
   */
  baseUrl?: string;
  /** The fetch function to use (wrap it to add a proxy); it must not follow redirects itself. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** How long one HTTP attempt may take, headers and body together, in milliseconds. @default 30000 */
  timeoutMs?: number;
  /** The largest answer body read, in bytes; a larger one fails with `response-too-large`. @default 16777216 (16 MiB) */
  maxResponseBytes?: number;
  /** How many times one call is retried after a 429, a 5xx or a network error, in total. @default 4 */
  retries?: number;
  /** Requests allowed in any 60-second window, token requests included. @default 3000 */
  maxRequestsPerMinute?: number;
  /** Called after every HTTP attempt, with no secret or token in it. @default none */
  onRequest?: (report: RequestReport) => void;
  /** The clock, in milliseconds (tests, simulated time). @default Date.now */
  now?: () => number;
  /** How the client waits (tests, simulated time). @default a setTimeout promise */
  sleep?: (ms: number) => Promise<void>;
  /** Makes the signal that aborts an attempt after `timeoutMs` (tests, simulated time). @default AbortSignal.timeout */
  timeoutSignal?: (ms: number) => AbortSignal;
  /** Random numbers in [0, 1) for the backoff's jitter. @default Math.random */
  random?: () => number;
}

/** Options after validation, with every default filled in. */
export interface ResolvedApiOptions {
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  maxResponseBytes: number;
  retries: number;
  maxRequestsPerMinute: number;
  onRequest: ((report: RequestReport) => void) | undefined;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  timeoutSignal: (ms: number) => AbortSignal;
  random: () => number;
}

export const DEFAULT_BASE_URL = 'https://api.hotjar.io';
const DEFAULT_RETRIES = 4;
const DEFAULT_MAX_REQUESTS_PER_MINUTE = 3000;
const DEFAULT_TIMEOUT_MS = 30_000;
// Hotjar's largest page (100 responses of a long survey) is well under a megabyte.
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
// setTimeout fires at once past this.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A configuration error: names the option, the value and what is expected. */
export function optionError(name: string, value: unknown, expected: string): TypeError {
  return new TypeError(`[hotjar-bridge] ${name} must be ${expected}, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'function') return 'a function';
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function optionalFunction<T>(name: string, value: T | undefined): T | undefined {
  if (value !== undefined && typeof value !== 'function') throw optionError(name, value, 'a function');
  return value;
}

/** Validates the options once, at `createHotjarApi`. */
export function resolveApiOptions(options: HotjarApiOptions): ResolvedApiOptions {
  if (options === null || typeof options !== 'object') throw optionError('options', options, 'an object');
  const { clientId, clientSecret } = options;
  if (typeof clientId !== 'string' || clientId.trim() === '')
    throw optionError('clientId', clientId, "a non-empty string (the API key's client id)");
  if (typeof clientSecret !== 'string' || clientSecret.trim() === '')
    // The secret's value is never echoed, not even when it is wrong.
    throw new TypeError(
      `[hotjar-bridge] clientSecret must be a non-empty string (the API key's client secret), got ${typeof clientSecret === 'string' ? 'an empty string' : typeof clientSecret}`,
    );
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  if (typeof baseUrl !== 'string')
    throw optionError('baseUrl', baseUrl, 'an https URL such as "https://api.hotjar.io"');
  const problem = baseUrlProblem(baseUrl);
  // The value is shown with any credentials masked: a password in it is never printed.
  if (problem !== undefined) throw optionError('baseUrl', maskCredentials(baseUrl), problem);
  const fetchFn = optionalFunction('fetch', options.fetch) ?? globalThis.fetch;
  if (typeof fetchFn !== 'function')
    throw optionError('fetch', fetchFn, 'a fetch function (this runtime has no global fetch)');
  const retries = options.retries ?? DEFAULT_RETRIES;
  if (!Number.isInteger(retries) || retries < 0 || retries > 20)
    throw optionError('retries', retries, 'an integer from 0 to 20');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMER_MS)
    throw optionError('timeoutMs', timeoutMs, `an integer from 1 to ${MAX_TIMER_MS} (milliseconds)`);
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1)
    throw optionError('maxResponseBytes', maxResponseBytes, 'a positive integer (bytes)');
  const max = options.maxRequestsPerMinute ?? DEFAULT_MAX_REQUESTS_PER_MINUTE;
  if (!Number.isInteger(max) || max < 1) throw optionError('maxRequestsPerMinute', max, 'a positive integer');
  return {
    clientId,
    clientSecret,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    // Called through a wrapper so a bound global fetch is not invoked with the options as `this`.
    fetch: (input, init) => fetchFn(input, init),
    timeoutMs,
    maxResponseBytes,
    retries,
    maxRequestsPerMinute: max,
    onRequest: optionalFunction('onRequest', options.onRequest),
    now: optionalFunction('now', options.now) ?? Date.now,
    sleep: optionalFunction('sleep', options.sleep) ?? realSleep,
    timeoutSignal: optionalFunction('timeoutSignal', options.timeoutSignal) ?? ((ms) => AbortSignal.timeout(ms)),
    random: optionalFunction('random', options.random) ?? Math.random,
  };
}
