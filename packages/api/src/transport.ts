import { backoffDelay, retryAfterMs } from './backoff';
import { codeForStatus, HotjarApiError, type HotjarApiErrorCode } from './errors';
import { createRateLimiter } from './limiter';
import type { ResolvedApiOptions } from './options';
import { cutBody, redactPath, redactSecrets } from './redact';

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
  /** Retry 5xx answers and errors reading the body; only for calls that change nothing. */
  idempotent: boolean;
  /** An empty 2xx body reads as `{}` instead of an unexpected response. */
  allowEmpty?: boolean;
}

/** A successful answer: the parsed JSON, and what is needed to describe it in an error. */
export interface ApiAnswer {
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
  allowEmpty: boolean;
  auth: boolean;
  isTokenRequest: boolean;
}

const TOKEN_PATH = '/v1/oauth/token';
// Refresh a minute before Hotjar's expiry, so a token never expires between check and use.
const TOKEN_MARGIN_MS = 60_000;
// The longest Retry-After the client waits for.
const MAX_WAIT_MS = 15 * 60_000;

export interface Transport {
  request(call: ApiCall): Promise<ApiAnswer>;
  /** An `unexpected-response` error for an answer whose JSON does not have the documented shape. */
  unexpected(method: 'GET' | 'POST', answer: ApiAnswer, what: string): HotjarApiError;
  /** A text with the client secret and every token held so far replaced by `[redacted]`. */
  redact(text: string): string;
}

/** Tokens, the rate limiter, retries and errors: everything between a client method and fetch. */
export function createTransport(options: ResolvedApiOptions): Transport {
  const { now, sleep, random, retries } = options;
  const limiter = createRateLimiter(options.maxRequestsPerMinute, now, sleep);
  let token: { value: string; expiresAt: number } | undefined;
  let pendingToken: Promise<string> | undefined;

  // Every token this client has held: a call still in flight with a replaced token may get it
  // echoed back. One short string per token (one an hour at Hotjar's default lifetime).
  const heldTokens = new Set<string>();
  const secrets = (): Array<string | undefined> => [options.clientSecret, ...heldTokens];
  const clean = (text: string): string => redactSecrets(text, secrets());

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
      allowEmpty: false,
      auth: false,
      isTokenRequest: true,
    });
    const data = answer.data as { access_token?: unknown; expires_in?: unknown } | null;
    const value = data?.access_token;
    if (typeof value !== 'string' || value === '') throw unexpected('POST', answer, 'no access_token in the answer');
    const expiresIn = data?.expires_in;
    // Without a usable expires_in, the token is kept until Hotjar refuses it (a 401 refreshes it).
    // A token that lives under two minutes is kept for half its life rather than not at all.
    const expiresAt =
      typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0
        ? now() + Math.max(expiresIn * 1000 - TOKEN_MARGIN_MS, expiresIn * 500)
        : Number.POSITIVE_INFINITY;
    token = { value, expiresAt };
    heldTokens.add(value);
    return value;
  }

  function unexpected(method: 'GET' | 'POST', answer: ApiAnswer, what: string): HotjarApiError {
    return new HotjarApiError(
      {
        code: 'unexpected-response',
        status: answer.status,
        method,
        path: answer.path,
        body: cutBody(clean(answer.text)),
      },
      what,
    );
  }

  function networkCause(error: unknown): Error {
    const parts: string[] = [];
    let current: unknown = error;
    for (let depth = 0; depth < 3 && current instanceof Error; depth += 1) {
      const code = (current as { code?: unknown }).code;
      parts.push(typeof code === 'string' ? `${current.message} (${code})` : current.message);
      current = current.cause;
    }
    return new Error(clean(parts.join(': ') || thrownText(error)));
  }

  async function send(attempt: Attempt): Promise<ApiAnswer> {
    const path = redactPath(fullPath(attempt.path, attempt.query));
    const url = `${options.baseUrl}${fullPath(attempt.path, attempt.query)}`;
    let retried = 0;
    let refreshed = false;
    for (let number = 1; ; number += 1) {
      const headers: Record<string, string> = { accept: 'application/json', ...attempt.headers };
      let usedToken: string | undefined;
      if (attempt.auth) {
        usedToken = await currentToken();
        headers.authorization = `Bearer ${usedToken}`;
      }
      await limiter.take();
      const started = now();
      const base = { method: attempt.method, path, attempt: number };
      const fail = (code: HotjarApiErrorCode, status: number, text: string | undefined, cause?: unknown) => {
        report({ ...base, status, durationMs: now() - started, outcome: 'error', code });
        return new HotjarApiError({
          code,
          status,
          method: attempt.method,
          path,
          body: text === undefined ? undefined : cutBody(clean(text)),
          cause,
        });
      };
      const retryAfter = async (status: number, waitMs: number): Promise<void> => {
        report({ ...base, status, durationMs: now() - started, outcome: 'retry', waitMs });
        retried += 1;
        await sleep(waitMs);
      };

      let response: Response;
      try {
        response = await options.fetch(url, { method: attempt.method, headers, body: attempt.body });
      } catch (error) {
        // No answer at all: Hotjar did not act on it, so even the POST may be sent again.
        if (retried < retries) {
          await retryAfter(0, backoffDelay(retried, random));
          continue;
        }
        throw fail('network', 0, undefined, networkCause(error));
      }

      const status = response.status;
      if (status === 401 && attempt.auth && !refreshed) {
        await response.body?.cancel().catch(() => undefined);
        refreshed = true;
        if (token?.value === usedToken) token = undefined;
        report({ ...base, status, durationMs: now() - started, outcome: 'refresh-token' });
        continue;
      }
      const retryable = status === 429 || (status >= 500 && attempt.idempotent);
      const wait =
        status === 429
          ? (retryAfterMs(response.headers.get('retry-after'), now()) ?? backoffDelay(retried, random))
          : backoffDelay(retried, random);
      // A longer Retry-After fails the call as rate-limited rather than hanging it: past about
      // 24.8 days a timer would even fire at once.
      if (retryable && retried < retries && wait <= MAX_WAIT_MS) {
        await response.body?.cancel().catch(() => undefined);
        await retryAfter(status, wait);
        continue;
      }

      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (attempt.idempotent && retried < retries) {
          await retryAfter(status, backoffDelay(retried, random));
          continue;
        }
        throw fail('network', status, undefined, networkCause(error));
      }
      if (!response.ok) {
        const refused = attempt.isTokenRequest && (status === 400 || status === 401);
        throw fail(refused ? 'unauthorized' : codeForStatus(status), status, text);
      }
      if (text.trim() === '' && attempt.allowEmpty) {
        report({ ...base, status, durationMs: now() - started, outcome: 'ok' });
        return { data: {}, status, path, text };
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw fail('unexpected-response', status, text);
      }
      report({ ...base, status, durationMs: now() - started, outcome: 'ok' });
      return { data, status, path, text };
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
        allowEmpty: call.allowEmpty ?? false,
        auth: true,
        isTokenRequest: false,
      });
    },
    unexpected,
    redact: clean,
  };
}

/** A thrown value that is not an Error, as text; an object without a prototype has no String(). */
function thrownText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
