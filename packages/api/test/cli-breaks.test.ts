// The CLI against answers shaped to break it rather than to attack the terminal: secrets echoed
// where no field redacts them, JSON that throws when written, cursors holding a secret, a survey
// that changes under a resumed export, outputs that cannot be written or must not be replaced.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, lstatSync, openSync, readFileSync, type Stats, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, cliEnv, cliFixture, printed, runCliProcess } from './cli-process';
import { DEFAULT_SURVEY, type FakeHotjar, type FakeSurvey } from './fake-hotjar';

const { start, secretsSeen, dir: scratch } = cliFixture('hotjar-api-breaks-');
let dir: string;
beforeAll(() => {
  dir = scratch();
});

const bearer = (r: { headers: Record<string, unknown> }) => String(r.headers.authorization).replace(/^Bearer /, '');
const isSurvey = (r: { path: string }) => /\/surveys\/555$/.test(r.path);
const responseRequests = (f: FakeHotjar) => f.requests.filter((r) => r.path.includes('/responses'));
const DEEP = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;

function survey(questions: FakeSurvey['questions']): FakeSurvey {
  return { ...DEFAULT_SURVEY, questions };
}

describe('a question text echoing the token or the secret', () => {
  it('is written redacted in the CSV header, on stdout and in --out', async () => {
    const f = await start();
    const echo = (r: { headers: Record<string, unknown> }) =>
      JSON.stringify({
        id: 555,
        questions: [
          { id: 1, text: `Token ${bearer(r)}?` },
          { id: 2, text: `Secret ${f.clientSecret}?` },
        ],
      });
    f.inject({ match: isSurvey, status: 200, body: echo });
    const toStdout = await runCliProcess(['responses', String(f.siteId), '555', '--format', 'csv'], f);
    f.inject({ match: isSurvey, status: 200, body: echo });
    const out = join(dir, 'header.csv');
    const toFile = await runCliProcess(['responses', String(f.siteId), '555', '--format', 'csv', '--out', out], f);
    expect([toStdout.code, toFile.code]).toEqual([0, 0]);
    for (const csv of [toStdout.stdout, readFileSync(out, 'utf8')]) {
      const [header] = parse(csv) as string[][];
      expect(header?.slice(11)).toEqual(['Token [redacted]?', 'Secret [redacted]?']);
      for (const secret of [f.clientSecret, ...f.issuedTokens]) expect(csv).not.toContain(secret);
    }
  });
});

describe('a next_cursor holding the token or the secret', () => {
  it.each(['token', 'secret'] as const)(
    '(%s) is never printed: the export says it cannot be resumed, and why',
    async (which) => {
      const f = await start();
      f.inject({
        match: (r) => r.path.includes('/responses'),
        status: 200,
        body: (r) =>
          JSON.stringify({ results: [{ id: 1 }], next_cursor: `c.${which === 'token' ? bearer(r) : f.clientSecret}` }),
      });
      f.inject({ match: (r) => r.path.includes('/responses'), status: 503, body: 'busy' });
      const run = await runCliProcess(['responses', String(f.siteId), '555', '--retries', '0'], f);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('{"id":1}\n');
      expect(run.stderr).toContain('1 response was written.');
      expect(run.stderr).toContain('cannot be resumed');
      expect(run.stderr).toMatch(/holds the client secret or an access token/);
      expect(run.stderr).not.toMatch(/Resume (cursor|with):/);
      for (const secret of [f.clientSecret, ...f.issuedTokens]) expect(run.stderr).not.toContain(secret);
    },
  );
});

describe('valid JSON shaped to throw inside the CLI', () => {
  it.each([
    ['ndjson', `{"results":[{"id":2,"answers":${DEEP}}],"next_cursor":null}`],
    ['csv', '{"results":[{"id":2,"answers":[{"question_id":{"toString":1},"answer":"x"}]}],"next_cursor":null}'],
  ])('fails a %s export with exit 1 and the resume command, not as bad usage', async (format, page) => {
    const f = await start();
    let seen = 0;
    f.inject({ match: (r) => r.path.includes('/responses') && ++seen === 2, status: 200, body: page });
    const out = join(dir, `hostile.${format}`);
    const run = await runCliProcess(
      ['responses', String(f.siteId), '555', '--format', format, '--out', out, '--limit', '10'],
      f,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^\[hotjar-bridge\] unexpected failure: (RangeError|TypeError): /m);
    expect(run.stderr).toContain(`10 responses were written to ${out}.partial, which is kept.`);
    expect(run.stderr).toMatch(/^Resume with: /m);
    expect(run.stderr).not.toContain('--help');
  });

  it('after a deletion Hotjar accepted, exits 1 (not 2, which means not confirmed)', async () => {
    const f = await start({ lookupAnswer: `{"status":${DEEP}}` });
    const run = await runCliProcess(
      ['lookup-user', String(f.organizationId), '--email', 'p@example.com', '--delete', '--yes'],
      f,
    );
    expect(f.requests.filter((r) => r.path.endsWith('/user-lookup'))).toHaveLength(1);
    expect(run.stderr).toContain('Hotjar accepted the request to delete');
    expect(run.stderr).toMatch(/^\[hotjar-bridge\] unexpected failure: RangeError: /m);
    expect(run.code).toBe(1);
  });

  it('a bad id is still bad usage, before any request', async () => {
    const f = await start();
    const run = await runCliProcess(['responses', 'x1', '555'], f);
    expect(run.code).toBe(2);
    expect(f.requests).toHaveLength(0);
  });
});

describe('--out naming something that is not a regular file', () => {
  it('is refused with exit 2 before any request, and left as it was: a FIFO, a socket, a link to a device', async () => {
    const f = await start();
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const socketPath = join(dir, 'socket');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    const link = join(dir, 'null-link');
    symlinkSync('/dev/null', link);
    try {
      for (const [path, kind] of [
        [fifo, (s: Stats) => s.isFIFO()],
        [socketPath, (s: Stats) => s.isSocket()],
        [link, (s: Stats) => s.isSymbolicLink()],
      ] as const) {
        const run = await runCliProcess(['responses', String(f.siteId), '555', '--out', path], f);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(`--out ${path} is not a regular file`);
        expect(kind(lstatSync(path))).toBe(true);
        expect(existsSync(`${path}.partial`)).toBe(false);
      }
      expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
      expect(f.requests).toHaveLength(0);
    } finally {
      server.close();
    }
  });
});

describe('stdout on a full disk', () => {
  it('fails the export with exit 1 and says so, without a stack trace', async () => {
    const f = await start();
    const full = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [bin, 'responses', String(f.siteId), '555', '--limit', '100'], {
      env: cliEnv(f),
      stdio: ['ignore', full, 'pipe'],
    });
    closeSync(full);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    printed.push(stderr);
    expect(code).toBe(1);
    expect(stderr).toContain('[hotjar-bridge] cannot write to stdout: ENOSPC');
    expect(stderr).toContain('0 responses were written. Nothing to resume from');
    expect(stderr).not.toMatch(/\n\s+at /);
    // It stopped at the first page it could not write.
    expect(responseRequests(f)).toHaveLength(1);
  });
});

describe('surveys', () => {
  const many = Array.from({ length: 150 }, (_, i) => ({ ...DEFAULT_SURVEY, id: i + 1, name: `Survey ${i + 1}` }));

  it.each([
    ['a table', [] as string[]],
    ['JSON', ['--json']],
  ])('prints each page as it arrives (%s): a list that never ends does not collect in memory', async (_, flags) => {
    const f = await start({ surveys: many });
    // The second page never comes: what the first page held is on stdout by then.
    f.inject({ match: (r) => r.path.includes('/surveys?') && r.path.includes('cursor='), silent: true });
    const run = await runCliProcess(['surveys', String(f.siteId), ...flags, '--retries', '0', '--timeout', '0.5'], f);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('timeout');
    for (const n of [1, 100]) expect(run.stdout).toContain(`Survey ${n}`);
    expect(run.stdout).not.toContain('Survey 101');
  });

  it('across pages, prints one table with one header, or one JSON array', async () => {
    const f = await start({ surveys: many });
    const table = await runCliProcess(['surveys', String(f.siteId)], f);
    const json = await runCliProcess(['surveys', String(f.siteId), '--json'], f);
    expect([table.code, json.code]).toEqual([0, 0]);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(151);
    expect(lines.filter((line) => line.startsWith('ID '))).toHaveLength(1);
    expect(lines.slice(1).map((line) => /^(\d+) /.exec(line)?.[1])).toEqual(many.map((s) => String(s.id)));
    const parsed = JSON.parse(json.stdout) as Array<{ id: number; name: string }>;
    expect(parsed.map((s) => s.name)).toEqual(many.map((s) => s.name));
  });
});

describe('a CSV export resumed after the survey changed', () => {
  it('is refused before any response is fetched, naming both headers; the partial file is left as it was', async () => {
    const before = survey([
      { id: 10, text: 'Age', type: 'short-text' },
      { id: 11, text: 'Email opt-in', type: 'short-text' },
    ]);
    const f = await start({ surveys: [before] });
    let seen = 0;
    f.inject({ match: (r) => r.path.includes('/responses') && ++seen === 2, status: 503, body: 'down' });
    const out = join(dir, 'changed.csv');
    const failed = await runCliProcess(
      ['responses', String(f.siteId), '555', '--format', 'csv', '--out', out, '--limit', '50', '--retries', '0'],
      f,
    );
    expect(failed.code).toBe(1);
    const cursor = /^Resume cursor: (\S+)$/m.exec(failed.stderr)?.[1];
    expect(cursor).toBeDefined();
    const partial = readFileSync(`${out}.partial`);

    // A question added in Hotjar since: its column would come first, and every answer would move.
    f.surveys[0]!.questions.unshift({ id: 12, text: 'New question', type: 'short-text' });
    const asked = responseRequests(f).length;
    const resumed = await runCliProcess(
      ['responses', String(f.siteId), '555', '--format=csv', `--out=${out}`, `--cursor=${cursor}`],
      f,
    );
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toContain(`cannot resume into ${out}.partial`);
    expect(resumed.stderr).toContain('Age,Email opt-in)');
    expect(resumed.stderr).toContain('New question,Age,Email opt-in)');
    expect(resumed.stderr).toContain('start again without --cursor');
    expect(responseRequests(f)).toHaveLength(asked);
    expect(readFileSync(`${out}.partial`).equals(partial)).toBe(true);
    expect(existsSync(out)).toBe(false);

    // The same questions again: the resume goes on.
    f.surveys[0]!.questions.shift();
    const again = await runCliProcess(
      ['responses', String(f.siteId), '555', '--format=csv', `--out=${out}`, `--cursor=${cursor}`],
      f,
    );
    expect(again.code).toBe(0);
    const [header, ...rows] = parse(readFileSync(out, 'utf8')) as string[][];
    expect(header?.slice(11)).toEqual(['Age', 'Email opt-in']);
    expect(rows).toHaveLength(DEFAULT_SURVEY.responseCount);
  });
});

describe('CLI output across these runs', () => {
  it('never holds the client secret or a token', () => {
    expect(secretsSeen.length).toBeGreaterThan(0);
    for (const text of printed) for (const secret of secretsSeen) expect(text).not.toContain(secret);
  });
});
