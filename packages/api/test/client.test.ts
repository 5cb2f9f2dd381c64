import { describe, expect, it, vi } from 'vitest';
import { createHotjarApi, HotjarApiError } from '../src/index';
import { apiFixture } from './api-fixture';
import { fakeClock } from './clock';
import { DEFAULT_SURVEY, type FakeHotjar, startFakeHotjar } from './fake-hotjar';

const { setup } = apiFixture();

const isToken = (r: { path: string }) => r.path === '/v1/oauth/token';
const responsesPath = (f: FakeHotjar) => `/v1/sites/${f.siteId}/surveys/${DEFAULT_SURVEY.id}/responses`;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<HotjarApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HotjarApiError);
  return error as HotjarApiError;
}

describe('createHotjarApi options', () => {
  it('throws at the factory, naming the option, the value and what is expected', () => {
    expect(() => createHotjarApi({ clientId: '', clientSecret: 's' })).toThrow(
      /^\[hotjar-bridge\] clientId must be a non-empty string.*got ""/,
    );
    expect(() => createHotjarApi({ clientId: 'a', clientSecret: 's', retries: -1 })).toThrow(
      '[hotjar-bridge] retries must be an integer from 0 to 20, got -1',
    );
    expect(() => createHotjarApi({ clientId: 'a', clientSecret: 's', baseUrl: 'ftp://x' })).toThrow(
      '[hotjar-bridge] baseUrl must be an https URL such as "https://api.hotjar.io", got "ftp://x"',
    );
    expect(() => createHotjarApi({ clientId: 'a', clientSecret: 's', timeoutMs: 0 })).toThrow(
      /timeoutMs must be an integer from 1 to 2147483647 \(milliseconds\), got 0/,
    );
    expect(() => createHotjarApi({ clientId: 'a', clientSecret: 's', maxResponseBytes: 1.5 })).toThrow(
      /maxResponseBytes must be a positive integer \(bytes\), got 1.5/,
    );
    expect(() => createHotjarApi({ clientId: 'a', clientSecret: 's', maxRequestsPerMinute: 0 })).toThrow(
      /maxRequestsPerMinute must be a positive integer, got 0/,
    );
  });

  it('never echoes a bad client secret', () => {
    const secret = { toString: () => 'leaked-secret-value' } as unknown as string;
    expect(() => createHotjarApi({ clientId: 'a', clientSecret: secret })).toThrow(/clientSecret must be.*got object/);
  });
});

describe('token', () => {
  it('asks with form-encoded client credentials and sends the bearer on data calls', async () => {
    const { api, fake } = await setup();
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    const [tokenRequest, call] = fake.requests;
    expect(tokenRequest?.method).toBe('POST');
    expect(tokenRequest?.path).toBe('/v1/oauth/token');
    expect(tokenRequest?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenRequest?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
    });
    expect(call?.headers.authorization).toBe(`Bearer ${fake.issuedTokens[0]}`);
  });

  it('is kept until 60 s before expires_in, then asked again', async () => {
    const { api, clock, fake } = await setup({ tokenLifetimeSeconds: 3600 });
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    clock.advance(3539_000);
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    expect(fake.requests.filter(isToken)).toHaveLength(1);
    clock.advance(2_000);
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    expect(fake.requests.filter(isToken)).toHaveLength(2);
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${fake.issuedTokens[1]}`);
  });

  it('is refused by the fake once expired by its clock, and the client recovers with a new one', async () => {
    const hotjarClock = fakeClock();
    const { api, fake } = await setup({ now: hotjarClock.now, tokenLifetimeSeconds: 3600 });
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    // Hotjar's clock runs ahead of the client's: the token has expired there, not here.
    hotjarClock.advance(3600_000);
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    expect(fake.requests.map((r) => r.path === '/v1/oauth/token')).toEqual([true, false, false, true, false]);
  });

  it('is kept for half its life when it lives under two minutes', async () => {
    const { api, clock, fake } = await setup({ tokenLifetimeSeconds: 90 });
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    clock.advance(44_000);
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    expect(fake.requests.filter(isToken)).toHaveLength(1);
    clock.advance(1_000);
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    expect(fake.requests.filter(isToken)).toHaveLength(2);
  });

  it('is asked once for concurrent calls', async () => {
    const { api, fake } = await setup();
    await Promise.all(Array.from({ length: 5 }, () => api.survey(fake.siteId, DEFAULT_SURVEY.id)));
    expect(fake.requests.filter(isToken)).toHaveLength(1);
    expect(fake.requests).toHaveLength(6);
  });

  it('is refreshed once after a 401 on a data call, and the call retried once', async () => {
    const { api, fake, reports } = await setup();
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    fake.revokeTokens();
    const survey = await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    expect(survey.id).toBe(DEFAULT_SURVEY.id);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/oauth/token',
      `GET /v1/sites/${fake.siteId}/surveys/${DEFAULT_SURVEY.id}`,
      `GET /v1/sites/${fake.siteId}/surveys/${DEFAULT_SURVEY.id}`,
      'POST /v1/oauth/token',
      `GET /v1/sites/${fake.siteId}/surveys/${DEFAULT_SURVEY.id}`,
    ]);
    expect(reports.map((r) => r.outcome)).toEqual(['ok', 'ok', 'refresh-token', 'ok', 'ok']);
  });

  it('stays redacted while a call that sent it is in flight and for 4 tokens after, and no longer', async () => {
    const { api, clock, fake } = await setup();
    const surveyPath = `/v1/sites/${fake.siteId}/surveys/${DEFAULT_SURVEY.id}`;
    let answer: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    fake.inject({ match: (r) => r.path === surveyPath, wait: () => held });
    const slow = api.survey(fake.siteId, DEFAULT_SURVEY.id);
    await vi.waitFor(() => expect(fake.requests.filter((r) => r.path === surveyPath)).toHaveLength(1));
    // Ten more tokens, one an hour, while the first call waits for its answer.
    for (let hour = 0; hour < 10; hour += 1) {
      clock.advance(3_600_000);
      await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    }
    const tokens = fake.issuedTokens;
    expect(tokens).toHaveLength(11);
    const redacted = (token: string) => api.redact(`echo ${token}`) === 'echo [redacted]';
    expect(tokens.map(redacted)).toEqual([true, false, false, false, false, false, false, true, true, true, true]);
    answer();
    await slow;
    expect(redacted(tokens[0]!)).toBe(false);
    expect(redacted(fake.clientSecret)).toBe(true);
  });

  it('gives up with unauthorized when the new token is refused too', async () => {
    const { api, fake } = await setup();
    const path = `/v1/sites/${fake.siteId}/surveys/${DEFAULT_SURVEY.id}`;
    fake.inject({ match: (r) => r.path === path, status: 401, body: '{"error":"invalid_token"}' });
    fake.inject({ match: (r) => r.path === path, status: 401, body: '{"error":"invalid_token"}' });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error.code).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(fake.requests.filter(isToken)).toHaveLength(2);
    expect(fake.requests.filter((r) => r.path === path)).toHaveLength(2);
  });

  it('reports wrong credentials as unauthorized, with the fix in the message', async () => {
    const { api, fake } = await setup({}, { clientSecret: 'not-the-right-secret' });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error.code).toBe('unauthorized');
    expect(error.path).toBe('/v1/oauth/token');
    expect(error.message).toMatch(/check the client id and secret/);
    expect(fake.requests).toHaveLength(1);
  });

  it('is an unexpected response when the token answer has no access_token', async () => {
    const { api, fake } = await setup();
    fake.inject({ match: isToken, status: 200, body: '{"token_type":"Bearer"}' });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error.code).toBe('unexpected-response');
    expect(error.message).toMatch(/no access_token/);
  });
});

describe('responses', () => {
  it('walks every page by next_cursor, 257 responses in Hotjar order, unknown fields kept', async () => {
    const { api, fake } = await setup();
    const responses = await collect(api.responses(fake.siteId, DEFAULT_SURVEY.id));
    expect(responses).toHaveLength(257);
    expect(responses).toEqual(Array.from({ length: 257 }, (_, i) => fake.response(DEFAULT_SURVEY, i)));
    expect(responses[0]?.nps_segment).toBeDefined();
    const pages = fake.requests.filter((r) => r.path.startsWith(responsesPath(fake)));
    expect(pages.map((r) => new URL(r.path, 'http://x').searchParams.get('limit'))).toEqual(['100', '100', '100']);
    expect(new URL(pages[0]!.path, 'http://x').searchParams.has('cursor')).toBe(false);
  });

  it('pages() gives each page with its cursor, and resuming from a nextCursor gives exactly the rest', async () => {
    const { api, fake } = await setup();
    const pages = await collect(api.responses(fake.siteId, DEFAULT_SURVEY.id, { limit: 50 }).pages());
    expect(pages.map((p) => p.results.length)).toEqual([50, 50, 50, 50, 50, 7]);
    expect(pages[0]?.cursor).toBeUndefined();
    for (let i = 1; i < pages.length; i += 1) expect(pages[i]?.cursor).toBe(pages[i - 1]?.nextCursor);
    expect(pages.at(-1)?.nextCursor).toBeNull();

    const resumed = await collect(api.responses(fake.siteId, DEFAULT_SURVEY.id, { cursor: pages[1]!.nextCursor! }));
    expect(resumed).toEqual(pages.slice(2).flatMap((p) => p.results));
  });

  it('checks limit (1 to 100) before any request', async () => {
    const { api, fake } = await setup();
    for (const limit of [0, 101, 1.5, Number.NaN]) {
      expect(() => api.responses(fake.siteId, DEFAULT_SURVEY.id, { limit })).toThrow(
        /^\[hotjar-bridge\] limit must be an integer from 1 to 100/,
      );
    }
    expect(() => api.responses('abc', DEFAULT_SURVEY.id)).toThrow(/siteId must be a positive integer.*"abc"/);
    expect(fake.requests).toHaveLength(0);
    expect(await collect(api.responses(fake.siteId, DEFAULT_SURVEY.id, { limit: 100 }))).toHaveLength(257);
  });

  it('is an unexpected response, not a crash, for a body that is not JSON, with the body cut to 1 KB', async () => {
    const { api, fake } = await setup();
    fake.inject({
      match: (r) => r.path.startsWith(responsesPath(fake)),
      status: 200,
      body: `<html>${'x'.repeat(5000)}`,
    });
    const error = await rejection(collect(api.responses(fake.siteId, DEFAULT_SURVEY.id)));
    expect(error.code).toBe('unexpected-response');
    expect(error.status).toBe(200);
    expect(error.method).toBe('GET');
    expect(error.path).toBe(`${responsesPath(fake)}?limit=100`);
    expect(error.body?.startsWith('<html>xxx')).toBe(true);
    expect(new TextEncoder().encode(error.body).length).toBeLessThanOrEqual(1024 + 3);
  });

  it('is an unexpected response for a page without results', async () => {
    const { api, fake } = await setup();
    fake.inject({ match: (r) => r.path.startsWith(responsesPath(fake)), status: 200, body: '{"items":[]}' });
    const error = await rejection(collect(api.responses(fake.siteId, DEFAULT_SURVEY.id)));
    expect(error.code).toBe('unexpected-response');
    expect(error.message).toMatch(/a page without a results list/);
  });

  it('is an unexpected response, not an endless walk, when a next_cursor comes back', async () => {
    const { api, fake } = await setup();
    const page = (id: number, next: string) => JSON.stringify({ results: [{ id }], next_cursor: next });
    const at = (cursor: string | null) => (r: { path: string }) =>
      r.path.startsWith(responsesPath(fake)) && new URL(r.path, fake.url).searchParams.get('cursor') === cursor;
    // A -> B -> A: each page's cursor differs from its own, but the walk would go round forever.
    fake.inject({ match: at(null), status: 200, body: page(1, 'A') });
    fake.inject({ match: at('A'), status: 200, body: page(2, 'B') });
    fake.inject({ match: at('B'), status: 200, body: page(3, 'A') });
    const seen: unknown[] = [];
    const walk = (async () => {
      for await (const response of api.responses(fake.siteId, DEFAULT_SURVEY.id)) {
        seen.push(response.id);
        if (seen.length > 10) return;
      }
    })();
    const error = await rejection(walk);
    expect(error.code).toBe('unexpected-response');
    expect(error.message).toMatch(/a next_cursor already followed/);
    // The page that points back is refused whole, as one pointing at itself is.
    expect(seen).toEqual([1, 2]);

    fake.inject({ match: at('C'), status: 200, body: page(4, 'C') });
    const same = await rejection(collect(api.responses(fake.siteId, DEFAULT_SURVEY.id, { cursor: 'C' })));
    expect(same.message).toMatch(/a next_cursor equal to the cursor of the same page/);
  });

  it('ends a loop of any length, pages after the start, while keeping a bounded number of cursors', async () => {
    // Pages 0..lead-1 lead into a loop of `length` pages: the cursor after the last loop page
    // points back to the loop's first page. Each page holds one response.
    for (const [lead, length] of [
      [0, 2],
      [5, 17],
      [30, 100],
      [3, 65],
    ] as const) {
      const wrap = (offset: number) => (offset < lead + length ? offset : lead + ((offset - lead) % length));
      const { api, fake } = await setup({
        surveys: [{ ...DEFAULT_SURVEY, responseCount: 100_000 }],
        cursors: { encode: (offset) => `p${wrap(offset)}`, decode: (cursor) => Number(cursor.slice(1)) },
      });
      const ids: unknown[] = [];
      const walk = (async () => {
        for await (const response of api.responses(fake.siteId, DEFAULT_SURVEY.id, { limit: 1 })) ids.push(response.id);
      })();
      const error = await rejection(walk);
      expect(error.code).toBe('unexpected-response');
      expect(error.message).toMatch(/a next_cursor (already followed|equal to the cursor of the same page)/);
      // Every page of the lead and of the loop was walked once before the loop was recognised,
      // and the walk stopped within a few rounds of the loop.
      expect(new Set(ids).size).toBe(lead + length);
      expect(ids.length).toBeLessThanOrEqual(2 * (lead + length) + length);
      await fake.close();
    }
  });

  it('follows a long walk of distinct cursors to its end, however long they are', async () => {
    const { api, fake } = await setup({
      surveys: [{ ...DEFAULT_SURVEY, responseCount: 600 }],
      cursors: {
        encode: (offset) => `${String(offset).padStart(6, '0')}${'x'.repeat(4000)}`,
        decode: (cursor) => Number(cursor.slice(0, 6)),
      },
    });
    const ids = await collect(api.responses(fake.siteId, DEFAULT_SURVEY.id, { limit: 1 }));
    expect(ids).toHaveLength(600);
  });

  it('is forbidden-plan on a 403, naming the plan that includes the export', async () => {
    const { api, fake } = await setup({ forbidden: ['responses'] });
    const error = await rejection(collect(api.responses(fake.siteId, DEFAULT_SURVEY.id)));
    expect(error.code).toBe('forbidden-plan');
    expect(error.message).toMatch(/Ask Scale/);
  });
});

describe('surveys', () => {
  it('follows next_cursor and asks for questions with with_questions', async () => {
    const surveys = Array.from({ length: 5 }, (_, i) => ({ ...DEFAULT_SURVEY, id: 600 + i, name: `s${i}` }));
    const { api, fake } = await setup({ surveys });
    const listed = await collect(api.surveys(fake.siteId, { withQuestions: true, limit: 2 }));
    expect(listed.map((s) => s.id)).toEqual([600, 601, 602, 603, 604]);
    expect(listed[0]?.questions).toEqual(DEFAULT_SURVEY.questions);
    const calls = fake.requests.filter((r) => !isToken(r));
    expect(calls).toHaveLength(3);
    expect(calls.every((r) => new URL(r.path, 'http://x').searchParams.get('with_questions') === 'true')).toBe(true);
    const plain = await collect(api.surveys(fake.siteId));
    expect(plain[0]?.questions).toBeUndefined();
  });

  it('survey() is not-found for an unknown id', async () => {
    const { api, fake } = await setup();
    const error = await rejection(api.survey(fake.siteId, 999));
    expect(error).toMatchObject({ code: 'not-found', status: 404, method: 'GET' });
    expect(error.path).toBe(`/v1/sites/${fake.siteId}/surveys/999`);
  });
});

describe('limits and retries', () => {
  it('waits for Retry-After in seconds on a 429, then retries a 500 once on a GET', async () => {
    const { api, clock, fake, reports } = await setup();
    const match = (r: { path: string }) => r.path.startsWith(responsesPath(fake));
    fake.inject({ match, status: 429, headers: { 'retry-after': '7' } });
    fake.inject({ match, status: 500, body: 'oops' });
    expect(await collect(api.responses(fake.siteId, DEFAULT_SURVEY.id))).toHaveLength(257);
    expect(clock.sleeps).toEqual([7000, 750]);
    expect(reports.filter((r) => r.outcome === 'retry').map((r) => [r.status, r.waitMs])).toEqual([
      [429, 7000],
      [500, 750],
    ]);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const { api, clock, fake } = await setup();
    const when = new Date(clock.now() + 12_000).toUTCString();
    fake.inject({ match: (r) => !isToken(r), status: 429, headers: { 'retry-after': when } });
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(11_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(12_000);
  });

  it('backs off exponentially with jitter without Retry-After, and retries bounds it all', async () => {
    const { api, clock, fake } = await setup({}, { retries: 3, random: () => 1 });
    for (let i = 0; i < 4; i += 1) fake.inject({ match: (r) => !isToken(r), status: 503 });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error.code).toBe('server');
    expect(error.status).toBe(503);
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
    expect(fake.requests.filter((r) => !isToken(r))).toHaveLength(4);
  });

  it('is rate-limited when 429 outlasts the retries', async () => {
    const { api, fake } = await setup({}, { retries: 1 });
    fake.inject({ match: (r) => !isToken(r), status: 429, headers: { 'retry-after': '1' } });
    fake.inject({ match: (r) => !isToken(r), status: 429, headers: { 'retry-after': '1' } });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error.code).toBe('rate-limited');
  });

  it.each(['901', '86400', '4000000000'])(
    'fails as rate-limited, without waiting, for a Retry-After of %s s',
    async (seconds) => {
      const { api, clock, fake } = await setup();
      fake.inject({ match: (r) => !isToken(r), status: 429, headers: { 'retry-after': seconds } });
      const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
      expect(error).toMatchObject({ code: 'rate-limited', status: 429 });
      expect(clock.sleeps).toEqual([]);
      expect(fake.requests.filter((r) => !isToken(r))).toHaveLength(1);
    },
  );

  it('waits for a Retry-After of 15 minutes', async () => {
    const { api, clock, fake } = await setup();
    fake.inject({ match: (r) => !isToken(r), status: 429, headers: { 'retry-after': '900' } });
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    expect(clock.sleeps).toEqual([900_000]);
  });

  it('does not retry the user-lookup POST after a 500, but does after a 429', async () => {
    const { api, fake } = await setup();
    const isLookup = (r: { path: string }) => r.path.endsWith('/user-lookup');
    fake.inject({ match: isLookup, status: 500, body: '{"error":"boom"}' });
    const error = await rejection(api.lookupUser(fake.organizationId, { email: 'a@example.com', delete: true }));
    expect(error).toMatchObject({ code: 'server', status: 500, method: 'POST', body: '{"error":"boom"}' });
    expect(fake.requests.filter(isLookup)).toHaveLength(1);

    fake.inject({ match: isLookup, status: 429, headers: { 'retry-after': '0' } });
    await api.lookupUser(fake.organizationId, { email: 'a@example.com', delete: false });
    expect(fake.requests.filter(isLookup)).toHaveLength(3);
  });

  it('is a network error when fetch rejects with something that is not an Error', async () => {
    for (const thrown of [undefined, 'offline', { reason: 1 }, Object.create(null)]) {
      const api = createHotjarApi({
        clientId: 'id',
        clientSecret: 'secret-xyz',
        retries: 0,
        fetch: () => Promise.reject(thrown),
      });
      const error = await rejection(api.survey(1, 2));
      expect(error).toMatchObject({ code: 'network', status: 0 });
    }
  });

  it('is a network error with status 0 when nothing answers, after the retries', async () => {
    const clock = fakeClock();
    const server = await startFakeHotjar();
    await server.close();
    const offline = createHotjarApi({
      clientId: 'id',
      clientSecret: 'secret-xyz',
      baseUrl: server.url,
      retries: 2,
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0,
    });
    const error = await rejection(offline.survey(1, 2));
    expect(error).toMatchObject({ code: 'network', status: 0, method: 'POST', path: '/v1/oauth/token' });
    expect(clock.sleeps).toEqual([250, 500]);
    expect(String(error.cause)).toMatch(/ECONNREFUSED/);
  });

  it('keeps every 60-second window within maxRequestsPerMinute, token requests included', async () => {
    const { api, clock, fake } = await setup({}, { maxRequestsPerMinute: 3 });
    const pages = await collect(api.responses(fake.siteId, DEFAULT_SURVEY.id, { limit: 20 }).pages());
    expect(pages).toHaveLength(13);
    expect(fake.requests).toHaveLength(14);
    const times = fake.requests.map((r) => r.at);
    for (let i = 3; i < times.length; i += 1) expect(times[i]! - times[i - 3]!).toBeGreaterThanOrEqual(60_000);
    expect(clock.sleeps.length).toBeGreaterThan(0);
  });
});

describe('lookupUser', () => {
  it('posts the email, the site-to-user-id map and delete_all_hits', async () => {
    const { api, fake } = await setup({ lookupAnswer: '{"status":"queued"}' });
    const answer = await api.lookupUser(fake.organizationId, {
      email: 'peter@example.com',
      userIds: { [fake.siteId]: 'user_123', 7654321: 'u-9' },
      delete: true,
    });
    expect(answer).toEqual({ status: 'queued' });
    const request = fake.requests.find((r) => r.path === `/v1/organizations/${fake.organizationId}/user-lookup`);
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request!.body)).toEqual({
      data_subject_email: 'peter@example.com',
      data_subject_site_id_to_user_id_map: { [fake.siteId]: 'user_123', 7654321: 'u-9' },
      delete_all_hits: true,
    });
  });

  it('sends only what is given, and reads an empty answer as {}', async () => {
    const { api, fake } = await setup({ lookupAnswer: '' });
    expect(await api.lookupUser(fake.organizationId, { userIds: { 1: 'u' }, delete: false })).toEqual({});
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({
      data_subject_site_id_to_user_id_map: { 1: 'u' },
      delete_all_hits: false,
    });
  });

  it('refuses a call with neither an email nor a user id before any request', async () => {
    const { api, fake } = await setup();
    await expect(api.lookupUser(fake.organizationId, { delete: true })).rejects.toThrow(
      /needs an email or at least one user id/,
    );
    await expect(api.lookupUser(fake.organizationId, { userIds: {}, delete: true })).rejects.toThrow(
      /needs an email or at least one user id/,
    );
    await expect(
      api.lookupUser(fake.organizationId, { email: 'a@b.c', delete: 'yes' as unknown as boolean }),
    ).rejects.toThrow(/delete must be true/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('onRequest', () => {
  it('does not fail the call, nor leave an unhandled rejection, when it throws or rejects', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      for (const onRequest of [
        () => {
          throw new Error('logger down');
        },
        async () => {
          throw new Error('logger down');
        },
      ]) {
        const { api, fake } = await setup({}, { onRequest });
        const survey = await api.survey(fake.siteId, DEFAULT_SURVEY.id);
        expect(survey.id).toBe(DEFAULT_SURVEY.id);
        await fake.close();
      }
      // Unhandled rejections are reported once the microtask queue has run.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});

describe('secrets', () => {
  it('redacts a token echoed by a call that was in flight when the client replaced it', async () => {
    // The call stays in flight for an hour of the fake clock: a timeout long enough for it.
    const { api, clock, fake } = await setup({ tokenLifetimeSeconds: 3600 }, { timeoutMs: 4_000_000 });
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const echo = (r: { headers: Record<string, unknown> }) => JSON.stringify({ got: r.headers.authorization });
    fake.inject({ match: (r) => !isToken(r), wait: () => held, status: 502, body: echo });
    // A POST is not retried after a 5xx, so the echo comes back in the error.
    const slow = api.lookupUser(fake.organizationId, { email: 'peter@example.com', delete: false });
    await vi.waitFor(() => expect(fake.requests.at(-1)?.path).toMatch(/user-lookup/));
    // Meanwhile the first token nears its expiry and another call gets the next one.
    clock.advance(3541_000);
    await api.survey(fake.siteId, DEFAULT_SURVEY.id);
    expect(fake.issuedTokens).toHaveLength(2);
    release();
    const error = await rejection(slow);
    expect(error.body).toContain('Bearer [redacted]');
    for (const token of fake.issuedTokens) expect(JSON.stringify([error.message, error.body])).not.toContain(token);
  });

  it('redacts the client secret echoed form-encoded, as the token request sent it', async () => {
    const { api, fake } = await setup({ clientSecret: 'base64+like/secret==' });
    fake.inject({
      match: isToken,
      status: 400,
      body: (r) => JSON.stringify({ error: 'invalid_request', got: r.body }),
    });
    const error = await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id));
    expect(error.body).toContain('client_secret=[redacted]');
    const seen = JSON.stringify({ message: error.message, body: error.body });
    for (const form of [fake.clientSecret, encodeURIComponent(fake.clientSecret), 'base64%2Blike'])
      expect(seen).not.toContain(form);
  });

  it('never puts the client secret or a token in an error, onRequest or a log', async () => {
    const logged: string[] = [];
    const { api, fake, reports } = await setup();
    const echo = (r: { headers: Record<string, unknown>; body: string }) =>
      JSON.stringify({ error: 'denied', got: r.headers.authorization, body: r.body });
    const errors: HotjarApiError[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    try {
      await api.survey(fake.siteId, DEFAULT_SURVEY.id);
      fake.inject({ match: (r) => !isToken(r), status: 400, body: echo });
      errors.push(await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id)));
      fake.inject({ match: isToken, status: 400, body: echo });
      fake.revokeTokens();
      errors.push(await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id)));
      fake.inject({ match: (r) => !isToken(r), status: 200, body: (r) => `not json ${echo(r)}` });
      errors.push(await rejection(api.survey(fake.siteId, DEFAULT_SURVEY.id)));
    } finally {
      console.error = original;
    }
    expect(fake.issuedTokens.length).toBeGreaterThan(1);
    const seen = JSON.stringify([
      reports,
      logged,
      errors.map((e) => ({ message: e.message, stack: e.stack, body: e.body, path: e.path, cause: String(e.cause) })),
    ]);
    // The echoes did reach the client: the redaction marks where they were.
    expect(seen).toContain('[redacted]');
    for (const secret of [fake.clientSecret, ...fake.issuedTokens]) expect(seen).not.toContain(secret);
  });
});
