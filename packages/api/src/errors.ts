/**
 * Why a call failed. Open: more codes may be added, so a `switch` over it must keep a default.
 * - `unauthorized`: a wrong client id or secret, a revoked or expired API key (401, or a
 *   token request refused). A 401 to the user lookup is not retried with a new token: Hotjar
 *   may have acted on it, and the message says so.
 * - `forbidden-plan`: the key lacks the scope, or the organization's plan has no API access
 *   to this feature (403).
 * - `not-found`: a site, survey or organization id that does not exist for this key (404).
 * - `rate-limited`: still 429 after every retry.
 * - `server`: Hotjar answered 5xx after every retry allowed.
 * - `network`: no answer was received (DNS, connection, TLS), after every retry allowed.
 * - `timeout`: no complete answer within `timeoutMs`, after every retry allowed.
 * - `outcome-unknown`: a call that changes data (the user lookup) lost its connection or timed
 *   out after it may have reached Hotjar; it is not sent again, since Hotjar may have acted.
 * - `redirect`: the answer was a redirect (3xx), which the client does not follow.
 * - `response-too-large`: the answer's body was larger than `maxResponseBytes`.
 * - `unexpected-response`: an answer this client cannot read: not JSON, a page without
 *   `results`, a `next_cursor` already followed, a token without `access_token`, or another
 *   status (400, 422...).
 */
export type HotjarApiErrorCode =
  | 'unauthorized'
  | 'forbidden-plan'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'outcome-unknown'
  | 'redirect'
  | 'response-too-large'
  | 'unexpected-response';

/** What a `HotjarApiError` is built from. */
export interface HotjarApiErrorDetails {
  code: HotjarApiErrorCode;
  /** HTTP status, or 0 when no answer was received. */
  status: number;
  method: string;
  /** The request path with its query, secrets removed. */
  path: string;
  /** The answer's body, at most 1 KB, secrets removed. */
  body?: string;
  cause?: unknown;
}

const FIXES: Record<HotjarApiErrorCode, string> = {
  unauthorized:
    'check the client id and secret (HOTJAR_CLIENT_ID, HOTJAR_CLIENT_SECRET); an API key expires one year after it was made, and an organization admin makes a new one in the Hotjar app',
  'forbidden-plan':
    "the key has no scope for this call, or the organization's plan has no API access to it: survey-response export needs an Ask Scale plan, user lookup and deletion an Observe or Ask Scale plan",
  'not-found': 'check the site, survey or organization id; the key only sees its own organization',
  'rate-limited': 'Hotjar kept answering 429; wait a minute, lower maxRequestsPerMinute or raise retries',
  server: 'Hotjar answered with a server error; try again later',
  network: 'no answer from Hotjar; check the network, a proxy, or the base URL (HOTJAR_API_URL)',
  timeout:
    'no complete answer within timeoutMs (the CLI: --timeout); check the network, a proxy or the base URL (HOTJAR_API_URL), or allow more time',
  'outcome-unknown':
    'the request may have reached Hotjar before the connection failed, so it was not sent again: Hotjar may or may not have acted on it. Check before sending it again: a lookup with delete: false (the CLI: without --delete) has Hotjar email a report of what it still holds',
  redirect:
    'the client follows no redirect, so that the secret, the token and personal data go to the base URL only; if the address it points to is where Hotjar answers, set baseUrl (HOTJAR_API_URL) to it',
  'response-too-large':
    'the answer was larger than maxResponseBytes, far more than a page of 100 results; check the base URL (HOTJAR_API_URL), or raise maxResponseBytes',
  'unexpected-response': 'Hotjar answered something this client cannot read; the body is attached',
};

/** The one error every call of the client rejects with. It never holds the client secret or a token. */
export class HotjarApiError extends Error {
  readonly code: HotjarApiErrorCode;
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly body: string | undefined;

  constructor(details: HotjarApiErrorDetails, what?: string) {
    const status = details.status === 0 ? 'no answer' : `HTTP ${details.status}`;
    super(
      `[hotjar-bridge] ${details.method} ${details.path}: ${status}, ${details.code}${what === undefined ? '' : ` (${what})`}: ${FIXES[details.code]}`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = 'HotjarApiError';
    this.code = details.code;
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.body = details.body;
  }
}

/** The error code for an HTTP status that is not a success. */
export function codeForStatus(status: number): HotjarApiErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden-plan';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'unexpected-response';
}
