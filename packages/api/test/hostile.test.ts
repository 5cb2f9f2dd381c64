// The client against hostile servers: the local fake told to redirect elsewhere, echo what it
// received in every encoding, send bodies that never end or trickle, go silent, or drop the
// connection after reading a request. Every wait runs on a fake clock: nothing here waits in
// real time for more than a few milliseconds.
import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createHotjarApi, HotjarApiError } from '../src/index';
import { apiFixture } from './api-fixture';
import { DEFAULT_SURVEY, type RecordedRequest, startRecorder } from './fake-hotjar';

const { setup, closeAfterTest } = apiFixture({ clockedTimeouts: true });

async function recorder() {
  const other = await startRecorder();
  closeAfterTest(() => other.close());
  return other;
}

async function rejection(promise: Promise<unknown>): Promise<HotjarApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HotjarApiError);
  return error as HotjarApiError;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const isToken = (r: { path: string }) => r.path === '/v1/oauth/token';
const isLookup = (r: { path: string }) => r.path.endsWith('/user-lookup');
const isData = (r: { path: string }) => !isToken(r);
/** Everything of an error that can be printed or logged. */
const printed = (e: HotjarApiError) =>
  JSON.stringify({ message: e.message, body: e.body, path: e.path, stack: e.stack, cause: String(e.cause) });

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    'a %i to another origin on the token request sends nothing there, and names it without query or credentials',
    async (status) => {
      const other = await recorder();
      const { api, fake } = await setup();
      const target = other.url.replace('http://', 'http://user:hunter2pass@');
      fake.inject({ match: isToken, status, headers: { location: `${target}/steal?client_secret=x&k=1#frag` } });
      const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
      expect(error).toMatchObject({ code: 'redirect', status, method: 'POST', path: '/v1/oauth/token' });
      expect(error.message).toContain(`(a redirect to ${other.url}/steal)`);
      expect(printed(error)).not.toMatch(/hunter2pass|client_secret=x|k=1|frag/);
      expect(other.requests).toEqual([]);
      expect(fake.requests).toHaveLength(1);
    },
  );

  it('a redirect of the deletion request sends the email nowhere else and not again', async () => {
    const other = await recorder();
    const { api, fake } = await setup();
    fake.inject({
      match: isLookup,
      status: 308,
      headers: { location: `${other.url}/v1/organizations/42/user-lookup` },
    });
    const error = await rejection(api.lookupUser(fake.organizationId, { email: 'peter@example.com', delete: true }));
    expect(error).toMatchObject({ code: 'redirect', status: 308, method: 'POST' });
    expect(other.requests).toEqual([]);
    expect(fake.requests.filter(isLookup)).toHaveLength(1);
  });

  it('a redirect of a data call is not taken as data, and a relative Location is named on the base URL', async () => {
    const { api, fake } = await setup();
    fake.inject({ match: isData, status: 302, headers: { location: '/elsewhere/page?token=abc' } });
    const error = await rejection(collect(api.surveys(fake.siteId)));
    expect(error.code).toBe('redirect');
    expect(error.message).toContain(`(a redirect to ${fake.url}/elsewhere/page)`);
    expect(error.message).not.toContain('token=abc');
  });

  it('a Location that echoes the token names it redacted', async () => {
    const { api, fake } = await setup();
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    fake.inject({
      match: isData,
      status: 307,
      headers: { location: 'https://evil.example/' },
    });
    fake.inject({
      match: isData,
      status: 307,
      headers: {},
    });
    const first = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(first.message).toContain('(a redirect to https://evil.example/)');
    const second = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(second.message).toContain('a redirect without a Location');
    const token = fake.issuedTokens[0]!;
    fake.inject({ match: isData, status: 307, headers: { location: `https://evil.example/${token}/x` } });
    const third = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(third.message).toContain('(a redirect to https://evil.example/[redacted]/x)');
    expect(printed(third)).not.toContain(token);
  });

  it('an answer a fetch wrapper got by following a redirect is refused, not taken as data', async () => {
    const other = await recorder();
    const { api, fake } = await setup(
      {},
      { fetch: (input, init) => globalThis.fetch(input, { ...init, redirect: 'follow' }) },
    );
    fake.inject({ match: isData, status: 307, headers: { location: `${other.url}/forged` } });
    const error = await rejection(collect(api.surveys(fake.siteId)));
    expect(error.code).toBe('redirect');
    expect(error.message).toContain(`(a redirect the fetch in use followed, to ${other.url}/forged)`);
    // The wrapper did send it there: what the README says the client cannot prevent.
    expect(other.requests).toHaveLength(1);
  });
});

describe('baseUrl', () => {
  const make = (baseUrl: string) => () => createHotjarApi({ clientId: 'id', clientSecret: 'secret-value', baseUrl });

  it.each([
    'http://api.hotjar.io',
    'http://10.0.0.1:8080',
    'http://[::2]',
    'http://localhost.evil.example',
    'http://127.0.0.1.nip.io',
    'http://0.0.0.0',
  ])('refuses plain http to %s', (baseUrl) => {
    expect(make(baseUrl)).toThrow(/^\[hotjar-bridge\] baseUrl must be an https URL \(http only for localhost/);
  });

  it.each([
    'https://api.hotjar.io',
    'https://proxy.example.com/hotjar/',
    'http://localhost:8080',
    'http://127.0.0.1',
    'http://127.1',
    'http://127.255.10.9:3000',
    'http://[::1]:3000',
  ])('accepts %s', (baseUrl) => {
    expect(make(baseUrl)).not.toThrow();
  });

  it.each([
    'https://user:hunter2pass@api.hotjar.io',
    'https://:hunter2pass@api.hotjar.io',
    'http://user:hunter2pass@127.0.0.1:8080',
    'https://user:hunter2/pass@api.hotjar.io',
    'https://user:hunter2 pass@api.hotjar.io',
    'user:hunter2pass@api.hotjar.io',
  ])('refuses %s without printing the password', (baseUrl) => {
    const error = (() => {
      try {
        make(baseUrl)();
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.message).toMatch(/^\[hotjar-bridge\] baseUrl must be/);
    expect(error?.message).not.toMatch(/hunter2/);
  });

  it('refuses a query or a fragment, which paths would be appended to', () => {
    expect(make('https://api.hotjar.io/?x=1')).toThrow(/without a query or a fragment/);
    expect(make('https://api.hotjar.io/#x')).toThrow(/without a query or a fragment/);
  });
});

// Every way an echo may carry a string, as servers and proxies write it.
const ECHOES: Record<string, (text: string) => string> = {
  'as written': (t) => t,
  'JSON-escaped': (t) => JSON.stringify(t),
  'percent-encoded, upper case': (t) => encodeURIComponent(t),
  'percent-encoded, lower case': (t) => encodeURIComponent(t).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  'form-encoded': (t) => new URLSearchParams({ echo: t }).toString(),
  base64: (t) => Buffer.from(t).toString('base64'),
  'base64 after one byte': (t) => Buffer.from(`x${t}`).toString('base64'),
  'base64 after two bytes': (t) => Buffer.from(`xy${t}`).toString('base64'),
  base64url: (t) => Buffer.from(t).toString('base64url'),
};

/** Every printable form of the secret and of each token, which no output may hold. */
function leaks(text: string, secrets: string[]): string[] {
  const found: string[] = [];
  for (const secret of secrets)
    for (const [name, encode] of Object.entries(ECHOES)) {
      const form = name.startsWith('base64') ? encode(secret).slice(4, -4) : encode(secret).replace(/^"|"$/g, '');
      if (text.includes(form)) found.push(`${name} of ${secret}`);
    }
  return found;
}

describe('echoes of the secret and the token', () => {
  const secret = 'sec+ret/with=symbols&more 9f8e7d6c';

  it.each(Object.keys(ECHOES))('the token request body echoed %s is redacted in the error', async (name) => {
    const { api, fake, reports } = await setup({ clientSecret: secret });
    fake.inject({ match: isToken, status: 400, body: (r) => `{"got":"${ECHOES[name]!(r.body)}"}` });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error.body).toContain('[redacted]');
    expect(leaks(printed(error) + JSON.stringify(reports), [secret])).toEqual([]);
  });

  it.each(Object.keys(ECHOES))(
    'the Authorization header echoed %s is redacted in errors and by api.redact',
    async (name) => {
      const { api, fake } = await setup();
      const echo = (r: RecordedRequest) => ECHOES[name]!(String(r.headers.authorization));
      fake.inject({ match: isData, status: 502, body: (r) => `{"got":"${echo(r)}"}` });
      fake.inject({ match: isData, status: 502, body: (r) => `{"got":"${echo(r)}"}` });
      fake.inject({ match: isData, status: 502, body: (r) => `{"got":"${echo(r)}"}` });
      fake.inject({ match: isData, status: 502, body: (r) => `{"got":"${echo(r)}"}` });
      fake.inject({ match: isData, status: 502, body: (r) => `{"got":"${echo(r)}"}` });
      const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
      expect(error.code).toBe('server');
      expect(leaks(printed(error), fake.issuedTokens)).toEqual([]);
      // A data answer that echoes it: what the CLI prints goes through api.redact.
      fake.inject({ match: isData, status: 200, body: (r) => JSON.stringify({ id: 1, note: echo(r) }) });
      const survey = await api.survey(fake.siteId, DEFAULT_SURVEY.id);
      expect(leaks(JSON.stringify(survey), fake.issuedTokens)).not.toEqual([]);
      expect(leaks(api.redact(JSON.stringify(survey)), fake.issuedTokens)).toEqual([]);
    },
  );

  it('a next_cursor that echoes the token is redacted in onRequest paths and errors', async () => {
    const { api, fake, reports } = await setup();
    const page = (r: RecordedRequest) =>
      JSON.stringify({ results: [{ id: 1 }], next_cursor: String(r.headers.authorization).slice(7) });
    fake.inject({ match: (r) => isData(r) && !r.path.includes('cursor'), status: 200, body: page });
    fake.inject({ match: (r) => r.path.includes('cursor'), status: 500, body: 'no' });
    const error = await rejection(collect(api.responses(fake.siteId, DEFAULT_SURVEY.id)));
    expect(error.path).toContain('cursor=[redacted]');
    expect(leaks(printed(error) + JSON.stringify(reports), fake.issuedTokens)).toEqual([]);
  });

  it('a secret given with a line break around it is redacted as the server trims it', async () => {
    const { api, fake } = await setup({}, { clientSecret: 'spaced-secret-value\r\n' });
    fake.inject({ match: isToken, status: 400, body: '{"got":"spaced-secret-value"}' });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error.body).toBe('{"got":"[redacted]"}');
  });
});

describe('bodies that never end', () => {
  it('a 2xx past maxResponseBytes fails as response-too-large, not retried, the connection closed', async () => {
    const { api, fake } = await setup({}, { maxResponseBytes: 256 * 1024 });
    fake.inject({ match: isData, endless: true });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error).toMatchObject({ code: 'response-too-large', status: 200 });
    expect(error.message).toMatch(/over 262144 bytes.*maxResponseBytes/);
    expect(fake.requests.filter(isData)).toHaveLength(1);
    await vi.waitFor(() => expect(fake.requests.at(-1)?.abandoned).toBe(true));
  });

  it('the default cap, 16 MiB, ends a body that never ends too', async () => {
    const { api, fake } = await setup();
    fake.inject({ match: isData, endless: true });
    const error = await rejection(collect(api.responses(fake.siteId, DEFAULT_SURVEY.id)));
    expect(error.code).toBe('response-too-large');
    expect(error.message).toContain('over 16777216 bytes');
  });

  it('a Content-Length over the cap fails before the body is read', async () => {
    const { api, fake } = await setup({}, { maxResponseBytes: 1000 });
    fake.inject({ match: isData, status: 200, headers: { 'content-length': '5000' }, body: 'x'.repeat(5000) });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error.code).toBe('response-too-large');
  });

  it('an error status with a body that never ends keeps 1 KB of it and closes the connection', async () => {
    const { api, fake } = await setup();
    fake.inject({ match: isData, status: 422, endless: true });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error).toMatchObject({ code: 'unexpected-response', status: 422 });
    expect(error.body?.startsWith('{"results":[{"id":1}')).toBe(true);
    expect(error.body!.length).toBeLessThanOrEqual(1024 + 3);
    await vi.waitFor(() => expect(fake.requests.at(-1)?.abandoned).toBe(true));
  });

  it('a 2xx to the deletion request is a success whatever its body: empty, not JSON, endless', async () => {
    const { api, fake } = await setup({}, { maxResponseBytes: 64 * 1024 });
    const person = { email: 'peter@example.com', delete: true } as const;
    fake.inject({ match: isLookup, status: 202, body: '' });
    expect(await api.lookupUser(fake.organizationId, person)).toEqual({});
    fake.inject({ match: isLookup, status: 202, body: 'Accepted' });
    expect(await api.lookupUser(fake.organizationId, person)).toEqual({ answer: 'Accepted' });
    fake.inject({ match: isLookup, status: 200, endless: true });
    expect(await api.lookupUser(fake.organizationId, person)).toEqual({});
    expect(fake.requests.filter(isLookup)).toHaveLength(3);
  });
});

describe('time', () => {
  it('a body that trickles a byte every 2 s fails as a timeout after timeoutMs of the clock', async () => {
    const { api, clock, fake } = await setup({}, { retries: 0 });
    fake.inject({ match: isData, trickle: { onByte: () => clock.advance(2_000) } });
    const started = clock.now();
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error).toMatchObject({ code: 'timeout', status: 200 });
    expect(String(error.cause)).toContain('no complete answer within 30000 ms');
    expect(clock.now() - started).toBeGreaterThanOrEqual(30_000);
    expect(clock.now() - started).toBeLessThan(40_000);
    await vi.waitFor(() => expect(fake.requests.at(-1)?.abandoned).toBe(true));
  });

  it('a GET that timed out is retried, and succeeds when the server answers', async () => {
    const { api, clock, fake, reports } = await setup({}, { timeoutMs: 5_000 });
    fake.inject({ match: isData, trickle: { onByte: () => clock.advance(1_000) } });
    const survey = await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    expect(survey.id).toBe(DEFAULT_SURVEY.id);
    expect(reports.filter((r) => r.outcome === 'retry')).toHaveLength(1);
  });

  it.each([
    ['no headers', { silent: true }],
    ['headers, then no body', { stall: true }],
  ] as const)('a server that sends %s fails as a timeout when the timer fires', async (_, fault) => {
    const { api, clock, fake } = await setup({}, { retries: 0, timeoutMs: 10_000 });
    fake.inject({ match: isData, ...fault });
    const call = rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    await vi.waitFor(() => expect(fake.requests.filter(isData)).toHaveLength(1));
    clock.advance(9_999);
    clock.advance(1);
    const error = await call;
    expect(error.code).toBe('timeout');
    await vi.waitFor(() => expect(fake.requests.at(-1)?.abandoned).toBe(true));
  });

  it('Retry-After that HTTP does not define falls back to the backoff instead of retrying at once', async () => {
    for (const junk of ['x 5', '1.5', '-1', '5 x', '1e3', 'Sun, 06 Nov 1994']) {
      const { api, clock, fake } = await setup();
      fake.inject({ match: isData, status: 429, headers: { 'retry-after': junk } });
      await api.survey(fake.siteId, DEFAULT_SURVEY.id);
      // The backoff's first wait, with the jitter at its middle.
      expect(clock.sleeps, junk).toEqual([375]);
    }
  });

  it('the total wait of one call across its retries is bounded by 15 minutes', async () => {
    const { api, clock, fake } = await setup({}, { retries: 10 });
    for (let i = 0; i < 4; i += 1) fake.inject({ match: isData, status: 429, headers: { 'retry-after': '300' } });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error.code).toBe('rate-limited');
    expect(clock.sleeps).toEqual([300_000, 300_000, 300_000]);
  });

  it('a run of empty pages, each with a new cursor, ends as an unexpected response after 20', async () => {
    const { api, fake } = await setup();
    for (let i = 0; i < 30; i += 1)
      fake.inject({ match: isData, status: 200, body: JSON.stringify({ results: [], next_cursor: `c${i}` }) });
    const pages: unknown[] = [];
    const error = await rejection(
      (async () => {
        for await (const page of api.responses(fake.siteId, DEFAULT_SURVEY.id).pages()) pages.push(page);
      })(),
    );
    expect(error.code).toBe('unexpected-response');
    expect(error.message).toContain('20 empty pages in a row');
    expect(pages).toHaveLength(19);
    expect(fake.requests.filter(isData)).toHaveLength(20);
  });

  it('an empty page between full ones does not count towards the bound', async () => {
    const { api, fake } = await setup();
    const page = (count: number, next: string | null) =>
      JSON.stringify({ results: Array.from({ length: count }, (_, i) => ({ id: i })), next_cursor: next });
    for (let i = 0; i < 40; i += 1)
      fake.inject({ match: isData, status: 200, body: page(i % 10 === 9 ? 1 : 0, `c${i}`) });
    fake.inject({ match: isData, status: 200, body: page(1, null) });
    expect(await collect(api.responses(fake.siteId, DEFAULT_SURVEY.id))).toHaveLength(5);
  });
});

describe('a deletion request is sent at most once', () => {
  const person = { email: 'peter@example.com', delete: true } as const;

  it('a connection dropped after the server read it is outcome-unknown, not sent again, with how to check', async () => {
    const { api, fake } = await setup();
    fake.inject({ match: isLookup, drop: true });
    const error = await rejection(api.lookupUser(fake.organizationId, person));
    expect(error).toMatchObject({ code: 'outcome-unknown', status: 0, method: 'POST' });
    expect(error.message).toMatch(/may have reached Hotjar.*not sent again.*delete: false/);
    expect(fake.requests.filter(isLookup)).toHaveLength(1);
  });

  it('no answer within timeoutMs after it was sent is outcome-unknown, not sent again', async () => {
    const { api, clock, fake } = await setup();
    fake.inject({ match: isLookup, silent: true });
    const call = rejection(api.lookupUser(fake.organizationId, person));
    await vi.waitFor(() => expect(fake.requests.filter(isLookup)).toHaveLength(1));
    clock.advance(30_000);
    const error = await call;
    expect(error.code).toBe('outcome-unknown');
    expect(String(error.cause)).toContain('no complete answer within 30000 ms');
    expect(fake.requests.filter(isLookup)).toHaveLength(1);
  });

  it('a 503 is not retried (a proxy may answer it while Hotjar acts), a 429 is', async () => {
    const { api, fake } = await setup();
    fake.inject({ match: isLookup, status: 503, headers: { 'retry-after': '1' } });
    expect((await rejection(api.lookupUser(fake.organizationId, person))).code).toBe('server');
    expect(fake.requests.filter(isLookup)).toHaveLength(1);
    fake.inject({ match: isLookup, status: 429, headers: { 'retry-after': '1' } });
    await api.lookupUser(fake.organizationId, person);
    expect(fake.requests.filter(isLookup)).toHaveLength(3);
  });

  it('a 401 is unauthorized and not sent again with a new token (whatever answered may have passed it on)', async () => {
    const { api, fake } = await setup();
    fake.inject({ match: isLookup, status: 401, body: '{"error":"token expired"}' });
    const error = await rejection(api.lookupUser(fake.organizationId, person));
    expect(error).toMatchObject({
      code: 'unauthorized',
      status: 401,
      method: 'POST',
      body: '{"error":"token expired"}',
    });
    expect(error.message).toMatch(/not sent again.*may have acted.*delete: false/);
    expect(fake.requests.filter(isLookup)).toHaveLength(1);
    expect(fake.requests.filter(isToken)).toHaveLength(1);
    // The refused token is dropped: the next call asks for a new one.
    await api.lookupUser(fake.organizationId, person);
    expect(fake.requests.filter(isToken)).toHaveLength(2);
    expect(fake.requests.filter(isLookup)).toHaveLength(2);
  });

  it('a 2xx whose body then trickles is a success: Hotjar accepted it', async () => {
    const { api, clock, fake } = await setup();
    fake.inject({ match: isLookup, trickle: { onByte: () => clock.advance(2_000) } });
    expect(await api.lookupUser(fake.organizationId, person)).toEqual({});
    expect(fake.requests.filter(isLookup)).toHaveLength(1);
  });

  it('a connection that was never made is retried, then fails as network, not outcome-unknown', async () => {
    // Without keep-alive, the call after the server is gone needs a new connection, which is refused.
    const { api, fake } = await setup({ keepAlive: false }, { retries: 2 });
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    await fake.close();
    const error = await rejection(api.lookupUser(fake.organizationId, person));
    expect(error.code).toBe('network');
    expect(String(error.cause)).toMatch(/ECONNREFUSED/);
  });
});

// What attacking the hardened client found, each kept as a family of cases.
describe('attacks on the limits themselves', () => {
  it('a token answer kilobytes long, or not a header value, is refused quickly and kept out of the error', async () => {
    for (const token of ['t'.repeat(100_000), 'tok_with\nnewline', 'tok with spaces']) {
      const { api, fake } = await setup();
      fake.inject({ match: isToken, status: 200, body: JSON.stringify({ access_token: token, expires_in: 3600 }) });
      const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
      expect(error.code).toBe('unexpected-response');
      expect(error.message).toContain('an access_token that is not 1 to 4096 visible ASCII characters');
      expect(printed(error)).not.toContain(JSON.stringify(token).slice(1, 40));
      expect(fake.requests.filter(isData)).toHaveLength(0);
    }
  });

  it('a compressed body that inflates past the cap fails as response-too-large', async () => {
    const { api, fake } = await setup({}, { maxResponseBytes: 1024 * 1024 });
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    fake.inject({ match: isData, status: 200, headers: { 'content-encoding': 'gzip' }, rawBody: bomb });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error.code).toBe('response-too-large');
  });

  it('an error body cut at 64 KiB in the middle of an echo of the secret shows no part of it', async () => {
    // A long secret echoed in its longest form: what is left after redaction is short, so the
    // cut, and the half of a secret before it, would come within the 1 KB an error shows.
    const secret = '+/'.repeat(150);
    const { api, fake } = await setup({ clientSecret: secret });
    const longest = [...secret].map((c) => `&amp;amp;amp;amp;#${c.codePointAt(0)};`).join('');
    const body = longest.repeat(Math.ceil((70 * 1024) / longest.length));
    fake.inject({ match: isToken, status: 400, body });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    // What is left once the possibly cut end is dropped: nothing of the secret, not even a part.
    expect(error.body).toBeDefined();
    expect(error.body).not.toMatch(/#4[37];/);
  });

  it('a Retry-After of hundreds of digits fails at once, without a wait', async () => {
    const { api, clock, fake } = await setup();
    fake.inject({ match: isData, status: 429, headers: { 'retry-after': '9'.repeat(400) } });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error.code).toBe('rate-limited');
    expect(clock.sleeps).toEqual([]);
  });

  it('a redirect to a long or non-http address is named briefly', async () => {
    const { api, fake } = await setup();
    fake.inject({ match: isData, status: 302, headers: { location: `https://evil.example/${'a'.repeat(5000)}` } });
    const long = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(long.message.length).toBeLessThan(700);
    fake.inject({ match: isData, status: 302, headers: { location: 'javascript:alert(1)' } });
    const script = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(script.message).toContain('(a redirect to a javascript: URL)');
  });

  it('a base URL whose host is hidden behind credentials is refused', () => {
    for (const baseUrl of ['https://api.hotjar.io@evil.example', 'http://localhost@evil.example']) {
      expect(() => createHotjarApi({ clientId: 'id', clientSecret: 'secret-value', baseUrl })).toThrow(
        /baseUrl must be a URL without credentials/,
      );
    }
  });

  it('headers too large to read are a failed attempt: retried for a GET, outcome-unknown for the deletion', async () => {
    const { api, fake } = await setup({}, { retries: 1 });
    const huge = { 'x-junk': 'a'.repeat(100_000) };
    fake.inject({ match: isData, status: 200, headers: huge, body: '{}' });
    expect((await api.survey(fake.siteId, DEFAULT_SURVEY.id)).id).toBe(DEFAULT_SURVEY.id);
    fake.inject({ match: isLookup, status: 200, headers: huge, body: '{}' });
    const error = await rejection(api.lookupUser(fake.organizationId, { email: 'peter@example.com', delete: true }));
    expect(error.code).toBe('outcome-unknown');
    expect(fake.requests.filter(isLookup)).toHaveLength(1);
  });
});

describe('a fetch whose body is a Node stream (node-fetch 2)', () => {
  // The real fetch's answer, with its body turned into a Node stream as node-fetch 2 gives it.
  const nodeStyle: typeof fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    const body = response.body === null ? null : Readable.fromWeb(response.body as NodeWebStream<Uint8Array>);
    return new Proxy(response, {
      get: (target, key) => {
        if (key === 'body') return body;
        if (key === 'text')
          return async () => {
            const chunks: Buffer[] = [];
            for await (const chunk of body ?? []) chunks.push(chunk as Buffer);
            return Buffer.concat(chunks).toString();
          };
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };

  it('reads answers whole, and still applies the size limit and refuses redirects', async () => {
    const { api, fake } = await setup({}, { fetch: nodeStyle, maxResponseBytes: 64 * 1024 });
    expect(await collect(api.responses(fake.siteId, DEFAULT_SURVEY.id, { limit: 10 }))).toHaveLength(257);
    fake.inject({ match: isData, status: 200, body: `{"results":[${'1,'.repeat(40_000)}1]}` });
    expect((await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id))).code).toBe('response-too-large');
    fake.inject({ match: isData, status: 302, headers: { location: '/elsewhere' } });
    expect((await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id))).code).toBe('redirect');
  });
});

describe('properties over hostile inputs', () => {
  it('a redirect to any URL names its origin and path, never its query, fragment or credentials', async () => {
    const { api, fake } = await setup();
    const location = fc.webUrl({
      authoritySettings: { withUserInfo: true, withPort: true },
      withQueryParameters: true,
      withFragments: true,
    });
    await fc.assert(
      fc.asyncProperty(location, async (target) => {
        const url = new URL(target);
        fake.inject({ match: isData, status: 307, headers: { location: target } });
        const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
        const shown = /\(a redirect to (.*)\): /.exec(error.message)?.[1];
        expect(shown?.startsWith(url.origin)).toBe(true);
        expect(shown).not.toMatch(/[?#]/);
        if (url.password.length >= 3) expect(error.message).not.toContain(url.password);
        // No user info before the host (a username may also be part of the host name: `a@a.aa`).
        if (url.username !== '') expect(shown?.slice(0, url.origin.length)).not.toContain('@');
      }),
      { numRuns: 25 },
    );
    // Each case is a request to the local server: seconds in all on a busy machine.
  }, 60_000);

  it('a base URL with credentials is refused, and no password, however written, is printed', () => {
    const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });
    fc.assert(
      fc.property(
        printable,
        fc.constantFrom('https://', 'http://', ''),
        fc.constantFrom('api.hotjar.io', '127.0.0.1:8080'),
        (rest, scheme, host) => {
          const password = `PW${rest}`;
          const baseUrl = `${scheme}user:${password}@${host}`;
          let message = '';
          try {
            createHotjarApi({ clientId: 'id', clientSecret: 'secret-value', baseUrl });
          } catch (error) {
            message = (error as Error).message;
          }
          expect(message).toMatch(/^\[hotjar-bridge\] baseUrl must be/);
          expect(message).not.toContain(password);
          expect(message).not.toContain('PW');
        },
      ),
    );
  });
});
