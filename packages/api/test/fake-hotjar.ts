// A local stand-in for Hotjar's REST API, as its reference documents it: client-credentials
// tokens that expire, a bearer check on every call, cursor pages of surveys and responses,
// and the user-lookup call. It records every request, and answers with an injected fault
// (a 429 with Retry-After, a 500, a malformed body, a dropped connection) when told to, or
// behaves as a hostile server would (a redirect elsewhere, an echo of what it received, a body
// that never ends or trickles, no answer at all). It listens on 127.0.0.1 on a free port, and
// nowhere else.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The fake's clock when the request arrived. */
  at: number;
  /** Set once the connection closed before the fake finished its answer (the client gave up on it). */
  abandoned?: boolean;
}

export interface FakeFault {
  /** Which requests it applies to. @default every request */
  match?: (request: RecordedRequest) => boolean;
  status?: number;
  headers?: Record<string, string>;
  /** The body to send, or a function of the request (to echo what was sent). */
  body?: string | ((request: RecordedRequest) => string);
  /** Bytes to send as the body, as they are (a compressed body with its content-encoding header). */
  rawBody?: Buffer;
  /** Close the connection without answering. */
  drop?: boolean;
  /** Wait for this before answering; without status, body or drop, the answer is then the normal one. */
  wait?: () => Promise<void>;
  /** Answer nothing at all, holding the connection open. */
  silent?: boolean;
  /** Send the status and headers, then nothing more, holding the connection open. */
  stall?: boolean;
  /** Send the status and headers, then a body that never ends, as fast as the client takes it. */
  endless?: boolean;
  /**
   * Send the status and headers, then one byte at a time, forever: `onByte` runs before each
   * (to move the client's fake clock), with a few real milliseconds between bytes.
   */
  trickle?: { onByte: () => void };
}

export interface FakeSurvey {
  id: number;
  name: string;
  questions: Array<{ id: number; text: string; type: string }>;
  responseCount: number;
}

export interface FakeHotjarOptions {
  clientId?: string;
  clientSecret?: string;
  /** expires_in of each token, in seconds. @default 3600 */
  tokenLifetimeSeconds?: number;
  /** The clock tokens expire by; share the client's injected clock. @default Date.now */
  now?: () => number;
  siteId?: number;
  organizationId?: number;
  surveys?: FakeSurvey[];
  /** Whether GET of one survey includes its questions. @default true */
  surveyIncludesQuestions?: boolean;
  /** What the user-lookup call answers (the body is not documented by Hotjar). @default {} */
  lookupAnswer?: string;
  /** 403 for these features, as for a plan without API access to them. */
  forbidden?: Array<'responses' | 'user-lookup'>;
  /** false closes each connection after its answer, so that every request makes a new one. @default true */
  keepAlive?: boolean;
  /** How page cursors are written and read back (a hostile server's cursors). @default base64url JSON */
  cursors?: { encode(offset: number): string; decode(cursor: string): number | undefined };
  /** Replaces the response at a position as the pages give it (null, a number, hostile text). */
  responseAt?: (index: number, generated: Record<string, unknown>) => unknown;
}

export interface FakeHotjar {
  url: string;
  clientId: string;
  clientSecret: string;
  siteId: number;
  organizationId: number;
  surveys: FakeSurvey[];
  requests: RecordedRequest[];
  /** Every access token issued so far. */
  issuedTokens: string[];
  /** Queues a fault for the next request it matches. */
  inject(fault: FakeFault): void;
  /** Revokes every issued token, as when they expire on Hotjar's side. */
  revokeTokens(): void;
  /** The response at a position (0 is the newest), as the fake generates it. */
  response(survey: FakeSurvey, index: number): Record<string, unknown>;
  close(): Promise<void>;
}

export const DEFAULT_SURVEY: FakeSurvey = {
  id: 555,
  name: 'Pricing page NPS',
  questions: [
    { id: 1, text: 'How likely are you to recommend us?', type: 'nps' },
    { id: 2, text: 'What could we do better?', type: 'long-text' },
    { id: 3, text: 'What could we do better?', type: 'short-text' },
  ],
  responseCount: 257,
};

const TRICKY_ANSWERS = [
  'Cheaper, please',
  'He said "wow", then left',
  'line one\nline two',
  '=HYPERLINK("http://evil.example")',
  'ünïcödé ✓',
];

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeCursor(cursor: string): number | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { o?: unknown };
    return typeof value.o === 'number' && Number.isInteger(value.o) && value.o >= 0 ? value.o : undefined;
  } catch {
    return undefined;
  }
}

export function fakeResponse(survey: FakeSurvey, index: number): Record<string, unknown> {
  const created = new Date(Date.UTC(2026, 0, 1) - index * 60_000).toISOString();
  return {
    id: survey.id * 1_000_000 + (survey.responseCount - index),
    created_time: created,
    is_complete: index % 7 !== 0,
    browser: 'Chrome',
    country: 'DE',
    device: index % 2 === 0 ? 'desktop' : 'mobile',
    os: 'Linux',
    hotjar_user_id: `hj-${index}`,
    recording_url: index % 3 === 0 ? null : `https://insights.hotjar.com/r?response=${index}`,
    response_origin_url: 'https://example.com/pricing',
    user_attributes: [{ name: 'plan', value: index % 2 === 0 ? 'pro' : 'free' }],
    answers: [
      { question_id: 1, answer: String(index % 11), comment: null, tags: [], sentiment: null },
      {
        question_id: 2,
        answer: TRICKY_ANSWERS[index % TRICKY_ANSWERS.length],
        comment: null,
        tags: [{ name: 'pricing' }],
        sentiment: 'negative',
      },
      { question_id: 3, answer: `short ${index}` },
    ],
    // A field this client does not know, which must be kept.
    nps_segment: index % 11 >= 9 ? 'promoter' : 'other',
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString()));
    request.on('error', reject);
  });
}

async function endless(response: ServerResponse): Promise<void> {
  const chunk = Buffer.from(`{"results":[${'{"id":1},'.repeat(7000)}`);
  while (!response.destroyed) {
    if (!response.write(chunk))
      await new Promise<void>((resolve) => {
        response.once('drain', resolve);
        response.once('close', resolve);
      });
  }
}

async function trickle(response: ServerResponse, onByte: () => void): Promise<void> {
  let first = true;
  while (!response.destroyed) {
    onByte();
    response.write(first ? '{' : ' ');
    first = false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A second server, as another origin a redirect may point to: it records whatever reaches it. */
export async function startRecorder(): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    readBody(request).then((body) => {
      requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body, at: 0 });
      // What a hostile host would answer: a token of its own and a page of data.
      json(response, 200, { access_token: 'tok_from_elsewhere', expires_in: 3600, results: [{ id: 'forged' }] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeHotjar(options: FakeHotjarOptions = {}): Promise<FakeHotjar> {
  const clientId = options.clientId ?? 'fake-client-id';
  const clientSecret = options.clientSecret ?? 'fake-secret-3f9a1c7e5b2d4a68';
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const now = options.now ?? Date.now;
  const siteId = options.siteId ?? 1234567;
  const organizationId = options.organizationId ?? 42;
  const surveys = options.surveys ?? [DEFAULT_SURVEY];
  const includeQuestions = options.surveyIncludesQuestions ?? true;
  const forbidden = new Set(options.forbidden ?? []);
  const cursorOf = options.cursors?.encode ?? encodeCursor;
  const offsetOf = options.cursors?.decode ?? decodeCursor;
  const tokens = new Map<string, number>();
  const issuedTokens: string[] = [];
  const requests: RecordedRequest[] = [];
  const faults: FakeFault[] = [];

  function surveyView(survey: FakeSurvey, withQuestions: boolean): Record<string, unknown> {
    return {
      id: survey.id,
      name: survey.name,
      type: 'popover',
      url: 'https://example.com/pricing',
      is_enabled: true,
      created_time: '2025-06-01T10:00:00.000Z',
      ...(withQuestions ? { questions: survey.questions } : {}),
    };
  }

  function page(response: ServerResponse, url: URL, total: number, item: (index: number) => unknown): void {
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? 100 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      json(response, 400, { error: 'invalid limit' });
      return;
    }
    const cursor = url.searchParams.get('cursor');
    const offset = cursor === null ? 0 : offsetOf(cursor);
    if (offset === undefined) {
      json(response, 400, { error: 'invalid cursor' });
      return;
    }
    const results = [];
    for (let index = offset; index < Math.min(total, offset + limit); index += 1) results.push(item(index));
    const next = offset + limit < total ? cursorOf(offset + limit) : null;
    json(response, 200, { results, next_cursor: next });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      body,
      at: now(),
    };
    requests.push(recorded);

    const faultIndex = faults.findIndex((fault) => fault.match === undefined || fault.match(recorded));
    if (faultIndex >= 0) {
      const [fault] = faults.splice(faultIndex, 1);
      if (fault!.wait !== undefined) await fault!.wait();
      if (fault!.silent === true || fault!.stall === true || fault!.endless === true || fault!.trickle !== undefined) {
        response.on('close', () => {
          if (!response.writableFinished) recorded.abandoned = true;
        });
        if (fault!.silent === true) return;
        response.writeHead(fault!.status ?? 200, { 'content-type': 'application/json', ...fault!.headers });
        response.flushHeaders();
        if (fault!.endless === true) return endless(response);
        if (fault!.trickle !== undefined) return trickle(response, fault!.trickle.onByte);
        return;
      }
      const replaces =
        fault!.drop === true ||
        fault!.status !== undefined ||
        fault!.body !== undefined ||
        fault!.rawBody !== undefined;
      if (!replaces) return answer(request, response, recorded, body);
      if (fault!.drop === true) {
        request.socket.destroy();
        return;
      }
      const text = typeof fault!.body === 'function' ? fault!.body(recorded) : (fault!.body ?? '');
      response.writeHead(fault!.status ?? 500, { 'content-type': 'application/json', ...fault!.headers });
      response.end(fault!.rawBody ?? text);
      return;
    }
    return answer(request, response, recorded, body);
  }

  async function answer(
    request: IncomingMessage,
    response: ServerResponse,
    recorded: RecordedRequest,
    body: string,
  ): Promise<void> {
    const url = new URL(recorded.path, 'http://127.0.0.1');
    if (recorded.method === 'POST' && url.pathname === '/v1/oauth/token') {
      if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
        return json(response, 400, { error: 'invalid_request' });
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== 'client_credentials')
        return json(response, 400, { error: 'unsupported_grant_type' });
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret)
        return json(response, 401, { error: 'invalid_client' });
      const token = `tok_${randomBytes(12).toString('hex')}`;
      tokens.set(token, now() + lifetime * 1000);
      issuedTokens.push(token);
      return json(response, 200, { access_token: token, token_type: 'Bearer', expires_in: lifetime });
    }

    const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    const expiry = bearer === undefined ? undefined : tokens.get(bearer);
    if (expiry === undefined || now() >= expiry) return json(response, 401, { error: 'invalid_token' });

    const route = url.pathname.split('/').slice(1);
    if (recorded.method === 'GET' && route[0] === 'v1' && route[1] === 'sites' && route[3] === 'surveys') {
      if (route[2] !== String(siteId)) return json(response, 404, { error: 'site not found' });
      if (route.length === 4) {
        const withQuestions = url.searchParams.get('with_questions') === 'true';
        return page(response, url, surveys.length, (index) => surveyView(surveys[index]!, withQuestions));
      }
      const survey = surveys.find((s) => String(s.id) === route[4]);
      if (survey === undefined) return json(response, 404, { error: 'survey not found' });
      if (route.length === 5) return json(response, 200, surveyView(survey, includeQuestions));
      if (route.length === 6 && route[5] === 'responses') {
        if (forbidden.has('responses')) return json(response, 403, { error: 'plan does not include this feature' });
        return page(response, url, survey.responseCount, (index) =>
          options.responseAt === undefined
            ? fakeResponse(survey, index)
            : options.responseAt(index, fakeResponse(survey, index)),
        );
      }
    }
    if (recorded.method === 'POST' && url.pathname === `/v1/organizations/${organizationId}/user-lookup`) {
      if (forbidden.has('user-lookup')) return json(response, 403, { error: 'plan does not include this feature' });
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return json(response, 400, { error: 'invalid JSON' });
      }
      const hasEmail = typeof parsed.data_subject_email === 'string';
      const hasIds = typeof parsed.data_subject_site_id_to_user_id_map === 'object';
      if ((!hasEmail && !hasIds) || typeof parsed.delete_all_hits !== 'boolean')
        return json(response, 400, { error: 'invalid request' });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(options.lookupAnswer ?? '{}');
      return;
    }
    json(response, 404, { error: 'not found' });
  }

  const server = createServer((request, response) => {
    if (options.keepAlive === false) response.shouldKeepAlive = false;
    handle(request, response).catch(() => {
      response.statusCode = 500;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    siteId,
    organizationId,
    surveys,
    requests,
    issuedTokens,
    inject: (fault) => faults.push(fault),
    revokeTokens: () => tokens.clear(),
    response: fakeResponse,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
