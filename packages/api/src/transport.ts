import { backoffDelay, retryAfterMs } from './backoff';
import { attemptTimer, BodyLimitError, discard, readBody, TimeoutError } from './body';
import { codeForStatus, HotjarApiError, type HotjarApiErrorCode } from './errors';
import { createRateLimiter } from './limiter';
import type { ResolvedApiOptions } from './options';
import { bodyExcerpt, createRedactor, redactPath } from './redact';

/** What `onRequest` receives after every HTTP attempt. It never holds the client secret or a token. */
export interface RequestReport {
  method: 'GET' | 'POST';
  /** Path and query, secrets removed, e.g. `/v1/sites/1/surveys?limit=100`. */
  path: string;
  /** 1 for the first attempt of a call, 2 for its first retry, and so on. */
  attempt: number;
  /** HTTP status, or 0 when no answer was received. */
  status: number;
  durationMs: number;
  /** `ok`; `retry` (after a wait of `waitMs`); `refresh-token` (a 401, retried once with a new token); `error` (the call fails). */
  outcome: 'ok' | 'retry' | 'refresh-token' | 'error';
  /** How long the client waits before the next attempt, for `retry`. */
  waitMs?: number;
  /** The error code, for `error`. */
  code?: HotjarApiErrorCode;
}

/** One API call, as the client methods describe it. */
export interface ApiCall {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** A JSON body. */
  json?: unknown;
  /** Retry 5xx answers, timeouts and lost connections; only for calls that change nothing. */
  idempotent: boolean;
  /**
   * Any 2xx is a success whatever its body (empty, not JSON, cut off, too large): `data` is then
   * undefined. For calls that change data, where a 2xx says Hotjar accepted them.
   */
  anyBody?: boolean;
}

/** A successful answer: the parsed JSON, and what is needed to describe it in an error. */
export interface ApiAnswer {
  /** The parsed JSON; undefined for an `anyBody` call whose body is not JSON. */
  data: unknown;
  status: number;
  path: string;
  text: string;
}

interface Attempt {
  method: 'GET' | 'POST';
  path: string;
  query?: ApiCall['query'];
  headers: Record<string, string>;
  body?: string;
  idempotent: boolean;
  anyBody: boolean;
  auth: boolean;
  isTokenRequest: boolean;
}

const TOKEN_PATH = '/v1/oauth/token';
const MAX_TOKEN_LENGTH = 4096;
const TOKEN_SHAPE = new RegExp(`^[\\x21-\\x7e]{1,${MAX_TOKEN_LENGTH}}$`);
// Refresh a minute before Hotjar's expiry, so a token never expires between check and use.
const TOKEN_MARGIN_MS = 60_000;
// The longest one call waits across all its retries (Retry-After and backoff together): a
// longer Retry-After fails the call as rate-limited rather than hanging a job for hours (and
// past about 24.8 days a timer would even fire at once).
export const MAX_TOTAL_WAIT_MS = 15 * 60_000;
// What an error keeps of a failed answer's body (it shows 1 KB of it).
const ERROR_BODY_BYTES = 64 * 1024;
// Connection errors that come before any byte of the request is sent: a call that changes data
// may be sent again after these, and after nothing else.
// How many of the last tokens held are still redacted once no call in flight uses them: an
// answer echoes the token of its own call, and is printed soon after that call returns.
const RECENT_TOKENS = 4;
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
// Why a call that changes data fails at once on a 401 rather than being sent again with a new token.
const UNAUTHORIZED_CHANGE =
  'not sent again: whatever answered 401 may have passed the request on, so Hotjar may have acted on it; check before sending it again, a lookup with delete: false (the CLI: without --delete) has Hotjar email a report of what it still holds';

export interface Transport {
  request(call: ApiCall): Promise<ApiAnswer>;
  /** An `unexpected-response` error for an answer whose JSON does not have the documented shape. */
  unexpected(method: 'GET' | 'POST', answer: ApiAnswer, what: string): HotjarApiError;
  /** The text with the client secret and the tokens an answer can still echo removed, in any encoding. */
  redact(text: string): string;
}

/** Tokens, the rate limiter, retries, limits and errors: everything between a client method and fetch. */
export function createTransport(options: ResolvedApiOptions): Transport {
  const { now, sleep, random, retries } = options;
  const limiter = createRateLimiter(options.maxRequestsPerMinute, now, sleep);
  let token: { value: string; expiresAt: number } | undefined;
  let pendingToken: Promise<string> | undefined;

  // The secret always; of the tokens, only those an answer can still echo: the last few held
  // (an answer the caller prints after its call returned) and any sent by a call still in flight.
  const redactor = createRedactor([options.clientSecret]);
  const recentTokens: string[] = [];
  const inFlight = new Map<string, number>();
  const updateTokens = () => redactor.setTokens([...recentTokens, ...inFlight.keys()]);
  const holdToken = (value: string, change: 1 | -1) => {
    const count = (inFlight.get(value) ?? 0) + change;
    if (count > 0) inFlight.set(value, count);
    else inFlight.delete(value);
    updateTokens();
  };
  const clean = (text: string): string => redactor.redact(text);

  function report(entry: RequestReport): void {
    if (options.onRequest === undefined) return;
    try {
      const result: unknown = options.onRequest(entry);
      // An async logger that rejects must not become an unhandled rejection either.
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      // A failing logger must not fail the call it reports on.
    }
  }

  function fullPath(path: string, query: ApiCall['query']): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, String(value));
    const search = params.toString();
    return search === '' ? path : `${path}?${search}`;
  }

  function currentToken(): Promise<string> {
    if (token !== undefined && now() < token.expiresAt) return Promise.resolve(token.value);
    // Concurrent calls share one token request.
    pendingToken ??= requestToken().finally(() => {
      pendingToken = undefined;
    });
    return pendingToken;
  }

  async function requestToken(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    });
    const answer = await send({
      method: 'POST',
      path: TOKEN_PATH,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      // Asking for a token changes nothing at Hotjar, so it is retried like a GET.
      idempotent: true,
      anyBody: false,
      auth: false,
      isTokenRequest: true,
    });
    const data = answer.data as { access_token?: unknown; expires_in?: unknown } | null;
    const value = data?.access_token;
    if (typeof value !== 'string' || value === '') throw unexpected('POST', answer, 'no access_token in the answer');
    // A header value must be visible ASCII, and a token kilobytes long would only make every
    // redaction slow: neither is a token Hotjar issues. The refused value is kept out of the error.
    if (!TOKEN_SHAPE.test(value)) {
      let text = answer.text;
      for (const form of [value, JSON.stringify(value).slice(1, -1)]) text = text.split(form).join('[redacted]');
      throw unexpected(
        'POST',
        { ...answer, text },
        `an access_token that is not 1 to ${MAX_TOKEN_LENGTH} visible ASCII characters`,
      );
    }
    // Known before anything else can echo it.
    recentTokens.push(value);
    if (recentTokens.length > RECENT_TOKENS) recentTokens.shift();
    updateTokens();
    const expiresIn = data?.expires_in;
    // Without a usable expires_in, the token is kept until Hotjar refuses it (a 401 refreshes it).
    // A token that lives under two minutes is kept for half its life rather than not at all.
    const expiresAt =
      typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0
        ? now() + Math.max(expiresIn * 1000 - TOKEN_MARGIN_MS, expiresIn * 500)
        : Number.POSITIVE_INFINITY;
    token = { value, expiresAt };
    return value;
  }

  function unexpected(method: 'GET' | 'POST', answer: ApiAnswer, what: string): HotjarApiError {
    return new HotjarApiError(
      {
        code: 'unexpected-response',
        status: answer.status,
        method,
        path: clean(answer.path),
        body: bodyExcerpt(answer.text, redactor),
      },
      clean(what),
    );
  }

  function networkCause(error: unknown): Error {
    if (error instanceof TimeoutError) return new Error(error.message);
    const parts: string[] = [];
    let current: unknown = error;
    for (let depth = 0; depth < 3 && current instanceof Error; depth += 1) {
      const code = (current as { code?: unknown }).code;
      parts.push(typeof code === 'string' ? `${current.message} (${code})` : current.message);
      current = current.cause;
    }
    return new Error(clean(parts.join(': ') || thrownText(error)));
  }

  /** Where a redirect pointed, without query, fragment or credentials. */
  function redirectTarget(response: Response, url: string): string {
    if (response.type === 'opaqueredirect') return 'a redirect (the fetch in use hides where to)';
    if (response.redirected) return `a redirect the fetch in use followed, to ${shownUrl(response.url, url)}`;
    const location = response.headers.get('location');
    if (location === null) return 'a redirect without a Location';
    return `a redirect to ${shownUrl(location, url)}`;
  }

  function shownUrl(target: string, base: string): string {
    if (!URL.canParse(target, base)) return 'an address that is not a URL';
    const parsed = new URL(target, base);
    const where = /^https?:$/.test(parsed.protocol) ? `${parsed.origin}${parsed.pathname}` : `a ${parsed.protocol} URL`;
    const shown = clean(where);
    return shown.length > 200 ? `${shown.slice(0, 200)}...` : shown;
  }

  async function send(attempt: Attempt): Promise<ApiAnswer> {
    const held: string[] = [];
    try {
      return await sendHolding(attempt, held);
    } finally {
      for (const value of held) holdToken(value, -1);
    }
  }

  /** `send`, noting in `held` each token it sent, which stays redacted until the call ends. */
  async function sendHolding(attempt: Attempt, held: string[]): Promise<ApiAnswer> {
    const rawPath = fullPath(attempt.path, attempt.query);
    const url = `${options.baseUrl}${rawPath}`;
    let retried = 0;
    let waited = 0;
    let refreshed = false;
    for (let number = 1; ; number += 1) {
      const headers: Record<string, string> = { accept: 'application/json', ...attempt.headers };
      let usedToken: string | undefined;
      if (attempt.auth) {
        usedToken = await currentToken();
        if (!held.includes(usedToken)) {
          held.push(usedToken);
          holdToken(usedToken, 1);
        }
        headers.authorization = `Bearer ${usedToken}`;
      }
      await limiter.take();
      const started = now();
      // Redacted again for each attempt: a cursor may echo a token the client got since.
      const path = clean(redactPath(rawPath));
      const base = { method: attempt.method, path, attempt: number };
      const fail = (
        code: HotjarApiErrorCode,
        status: number,
        body?: { text: string; cut: boolean },
        cause?: unknown,
        what?: string,
      ) => {
        report({ ...base, status, durationMs: now() - started, outcome: 'error', code });
        return new HotjarApiError(
          {
            code,
            status,
            method: attempt.method,
            path,
            body: body === undefined ? undefined : bodyExcerpt(body.text, redactor, body.cut),
            cause,
          },
          what,
        );
      };
      const succeed = (status: number, data: unknown, text: string): ApiAnswer => {
        report({ ...base, status, durationMs: now() - started, outcome: 'ok' });
        return { data, status, path, text };
      };
      // Whether one more retry after `ms` stays within `retries` and the total wait.
      const mayWait = (ms: number): boolean => retried < retries && waited + ms <= MAX_TOTAL_WAIT_MS;
      const wait = async (status: number, ms: number): Promise<void> => {
        report({ ...base, status, durationMs: now() - started, outcome: 'retry', waitMs: ms });
        retried += 1;
        waited += ms;
        await sleep(ms);
      };

      const timer = attemptTimer(options.timeoutMs, options.timeoutSignal(options.timeoutMs), now);
      let response: Response;
      try {
        response = await timer.race(
          options.fetch(url, {
            method: attempt.method,
            headers,
            body: attempt.body,
            // A redirect would take the secret, the token or a person's email to another host.
            redirect: 'manual',
            signal: timer.signal,
          }),
        );
        timer.check();
      } catch (caught) {
        const error =
          timer.signal.aborted && !(caught instanceof TimeoutError) ? new TimeoutError(options.timeoutMs) : caught;
        // A call that changes data is sent again only when it cannot have left this machine.
        if (!attempt.idempotent && !notSent(error)) throw fail('outcome-unknown', 0, undefined, networkCause(error));
        const ms = backoffDelay(retried, random);
        if (mayWait(ms)) {
          await wait(0, ms);
          continue;
        }
        throw fail(error instanceof TimeoutError ? 'timeout' : 'network', 0, undefined, networkCause(error));
      }

      const status = response.status;
      if (response.type === 'opaqueredirect' || response.redirected || (status >= 300 && status < 400)) {
        discard(response);
        throw fail('redirect', status, undefined, undefined, redirectTarget(response, url));
      }
      // A 401 to a call that changes data is not sent again with a new token: a proxy or gateway
      // may answer 401 after forwarding it, so Hotjar may have acted on it. The token is dropped
      // all the same, so that the next call asks for a new one.
      if (status === 401 && attempt.auth && !attempt.idempotent) {
        if (token?.value === usedToken) token = undefined;
        const body = await readBody(response, Math.min(ERROR_BODY_BYTES, options.maxResponseBytes), 'cut', timer).catch(
          () => undefined,
        );
        throw fail('unauthorized', status, body, undefined, UNAUTHORIZED_CHANGE);
      }
      if (status === 401 && attempt.auth && !refreshed) {
        discard(response);
        refreshed = true;
        if (token?.value === usedToken) token = undefined;
        report({ ...base, status, durationMs: now() - started, outcome: 'refresh-token' });
        continue;
      }
      // A 429 is a refusal before any work: even a call that changes data is sent again. A 5xx may
      // come after Hotjar acted (a proxy that timed out while Hotjar went on), so only calls that
      // change nothing are retried after one.
      if (status === 429 || (status >= 500 && attempt.idempotent)) {
        const fromHeader =
          status === 429 || status === 503 ? retryAfterMs(response.headers.get('retry-after'), now()) : undefined;
        const ms = fromHeader ?? backoffDelay(retried, random);
        if (mayWait(ms)) {
          discard(response);
          await wait(status, ms);
          continue;
        }
      }

      if (!response.ok) {
        const body = await readBody(response, Math.min(ERROR_BODY_BYTES, options.maxResponseBytes), 'cut', timer).catch(
          () => undefined,
        );
        const refused = attempt.isTokenRequest && (status === 400 || status === 401);
        throw fail(refused ? 'unauthorized' : codeForStatus(status), status, body);
      }

      let text: string;
      try {
        ({ text } = await readBody(response, options.maxResponseBytes, 'fail', timer));
      } catch (error) {
        // A 2xx says Hotjar accepted a call that changes data, whatever follows it.
        if (attempt.anyBody) return succeed(status, undefined, '');
        if (error instanceof BodyLimitError)
          throw fail('response-too-large', status, undefined, undefined, `over ${options.maxResponseBytes} bytes`);
        const ms = backoffDelay(retried, random);
        if (attempt.idempotent && mayWait(ms)) {
          await wait(status, ms);
          continue;
        }
        throw fail(error instanceof TimeoutError ? 'timeout' : 'network', status, undefined, networkCause(error));
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        if (attempt.anyBody) return succeed(status, undefined, text);
        throw fail('unexpected-response', status, { text, cut: false });
      }
      return succeed(status, data, text);
    }
  }

  return {
    request(call) {
      return send({
        method: call.method,
        path: call.path,
        query: call.query,
        headers: call.json === undefined ? {} : { 'content-type': 'application/json' },
        body: call.json === undefined ? undefined : JSON.stringify(call.json),
        idempotent: call.idempotent,
        anyBody: call.anyBody ?? false,
        auth: true,
        isTokenRequest: false,
      });
    },
    unexpected,
    redact: (text) => (typeof text === 'string' ? clean(text) : text),
  };
}

/** Whether a fetch error shows the request never left this machine (no connection was made). */
function notSent(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT.has(code)) return true;
    current = current.cause;
  }
  return false;
}

/** A thrown value that is not an Error, as text; an object without a prototype has no String(). */
function thrownText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
