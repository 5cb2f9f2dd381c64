// The CLI's rules for what it sends, when it asks, and what an export leaves on disk, each run
// as users run it (the built bin in its own process) against the local fake over HTTP.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import { bin, cliFixture, printed, resumeCommand, runCliProcess, runProcess } from './cli-process';
import { DEFAULT_SURVEY, type FakeHotjar, fakeResponse } from './fake-hotjar';

const { start, secretsSeen, dir: scratch } = cliFixture('hotjar-api-rules-');
let dir: string;
beforeAll(() => {
  dir = scratch();
});

const lookups = (f: FakeHotjar) => f.requests.filter((r) => r.path.endsWith('/user-lookup'));
const allIds = Array.from({ length: 257 }, (_, i) => (fakeResponse(DEFAULT_SURVEY, i) as { id: number }).id);
const idsOf = (ndjson: string) =>
  ndjson
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { id: number }).id);

/** Fails the nth request for a page of responses with a body that is not JSON. */
function failPage(f: FakeHotjar, nth: number): void {
  let seen = 0;
  f.inject({ match: (r) => r.path.includes('/responses') && ++seen === nth, status: 200, body: '{"results": [' });
}

// util-linux `script` runs a command on a pseudo-terminal and feeds it its own stdin.
const hasScript = spawnSync('script', ['--version']).status === 0;

describe('lookup-user --delete, confirmation', () => {
  const args = (f: FakeHotjar) => ['lookup-user', String(f.organizationId), '--email', 'peter@example.com', '--delete'];

  it.skipIf(!hasScript)(
    'asks on a terminal and deletes after "yes", sends nothing after anything else (skipped where util-linux script, which gives the CLI a real terminal, is missing)',
    async () => {
      const f = await start();
      const onTerminal = (answer: string) =>
        runProcess('script', ['-qec', [process.execPath, bin, ...args(f)].join(' '), '/dev/null'], f, {
          stdin: `${answer}\n`,
        });
      const declined = await onTerminal('no');
      expect(declined.code).toBe(2);
      expect(declined.stdout).toMatch(/Delete ALL data Hotjar holds on peter@example\.com/);
      expect(declined.stdout).toMatch(/Not confirmed; nothing was sent/);
      expect(lookups(f)).toHaveLength(0);
      const confirmed = await onTerminal('yes');
      expect(confirmed.code).toBe(0);
      expect(confirmed.stdout).toMatch(/accepted the request to delete/);
      expect(lookups(f).map((r) => JSON.parse(r.body).delete_all_hits)).toEqual([true]);
    },
  );

  it('does not read stdin when it is not a terminal', async () => {
    const f = await start();
    const stdin = new PassThrough();
    stdin.write('yes\n');
    const stderr = new PassThrough();
    let text = '';
    stderr.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
    });
    const code = await runCli(args(f), {
      env: { HOTJAR_CLIENT_ID: f.clientId, HOTJAR_CLIENT_SECRET: f.clientSecret, HOTJAR_API_URL: f.url },
      stdin,
      stdout: new PassThrough(),
      stderr,
    });
    expect(code).toBe(2);
    expect(text).toMatch(/pass --yes/);
    // The "yes" is still there, unread.
    expect(stdin.read()?.toString()).toBe('yes\n');
    expect(lookups(f)).toHaveLength(0);
  });

  it('refuses two user ids for one site, naming both, and sends nothing', async () => {
    const f = await start();
    const run = await runCliProcess(
      ['lookup-user', String(f.organizationId), '--user', '1:A', '--user', '2:C', '--user', '1:B', '--delete', '--yes'],
      f,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--user names site 1 twice \("A" and "B"\); Hotjar takes one user id per site/);
    expect(lookups(f)).toHaveLength(0);
    const two = await runCliProcess(
      ['lookup-user', String(f.organizationId), '--user', '1:A', '--user', '2:B', '--delete', '--yes'],
      f,
    );
    expect(two.code).toBe(0);
    expect(JSON.parse(lookups(f)[0]!.body).data_subject_site_id_to_user_id_map).toEqual({ 1: 'A', 2: 'B' });
  });
});

describe('lookup-user --delete, an outcome that is not known', () => {
  const args = (f: FakeHotjar, extra: string[] = []) => [
    'lookup-user',
    String(f.organizationId),
    '--email',
    'peter@example.com',
    '--user',
    `${f.siteId}:user 42`,
    '--delete',
    '--yes',
    ...extra,
  ];

  it('after a dropped connection, says the outcome is unknown and how to check, never "try again"', async () => {
    const f = await start();
    f.inject({ match: (r) => r.path.endsWith('/user-lookup'), drop: true });
    // --retries 0: this branch's client still resends a POST after no answer; the CLI's words are what is tested.
    const run = await runCliProcess(args(f, ['--retries', '0']), f);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/may have reached Hotjar: its outcome is unknown, and it was not sent again/);
    const check = /To check, ask for a report without --delete \((.*)\): Hotjar emails what it still holds/.exec(
      run.stderr,
    )?.[1];
    expect(check).toBe(
      `node ${bin} lookup-user ${f.organizationId} --email=peter@example.com '--user=${f.siteId}:user 42'`,
    );
    expect(run.stderr).not.toMatch(/try again/i);
    expect(lookups(f)).toHaveLength(1);
    // The check, pasted into a shell, asks for the report of the same person.
    const report = await runProcess('sh', ['-c', check!], f);
    expect(report.code).toBe(0);
    expect(JSON.parse(lookups(f)[1]!.body)).toEqual({
      data_subject_email: 'peter@example.com',
      data_subject_site_id_to_user_id_map: { [f.siteId]: 'user 42' },
      delete_all_hits: false,
    });
  });

  it('after a 5xx, the same, with the status and what came back', async () => {
    const f = await start();
    f.inject({ match: (r) => r.path.endsWith('/user-lookup'), status: 502, body: '<html>Bad gateway</html>' });
    const run = await runCliProcess(args(f), f);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Hotjar answered HTTP 502 with: <html>Bad gateway</html>');
    expect(run.stderr).toMatch(/its outcome is unknown/);
    expect(run.stderr.replace(/^\[hotjar-bridge\].*$/m, '')).not.toMatch(/try again/i);
    expect(lookups(f)).toHaveLength(1);
  });

  it('is sent once, with the default retries, when the connection drops after the request', async () => {
    const f = await start();
    f.inject({ match: (r) => r.path.endsWith('/user-lookup'), drop: true });
    const run = await runCliProcess(args(f), f);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/its outcome is unknown, and it was not sent again/);
    expect(lookups(f)).toHaveLength(1);
  });

  it('a 4xx is a refusal: no talk of an unknown outcome', async () => {
    const f = await start();
    f.inject({ match: (r) => r.path.endsWith('/user-lookup'), status: 422, body: '{"error":"invalid email"}' });
    const run = await runCliProcess(args(f), f);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Hotjar answered HTTP 422 with: {"error":"invalid email"}');
    expect(run.stderr).not.toMatch(/outcome is unknown/);
  });
});

describe('credentials and ids from the command line', () => {
  it('trims spaces and a CR around the client id and secret', async () => {
    const f = await start();
    const run = await runCliProcess(['surveys', String(f.siteId)], f, {
      env: { HOTJAR_CLIENT_ID: ` ${f.clientId}\r`, HOTJAR_CLIENT_SECRET: `\t${f.clientSecret}\r\n` },
    });
    expect(run.code).toBe(0);
    const form = new URLSearchParams(f.requests[0]!.body);
    expect([form.get('client_id'), form.get('client_secret')]).toEqual([f.clientId, f.clientSecret]);
  });

  it('names only what is missing', async () => {
    const f = await start();
    const [secret, id, both] = await Promise.all([
      runCliProcess(['surveys', '1'], f, { env: { HOTJAR_CLIENT_SECRET: ' \r\n' } }),
      runCliProcess(['surveys', '1'], f, { env: { HOTJAR_CLIENT_ID: undefined } }),
      runCliProcess(['surveys', '1'], f, { env: { HOTJAR_CLIENT_ID: '', HOTJAR_CLIENT_SECRET: undefined } }),
    ]);
    expect(secret.stderr).toMatch(/set HOTJAR_CLIENT_SECRET to your Hotjar API key's client secret \(/);
    expect(secret.stderr).not.toMatch(/HOTJAR_CLIENT_ID|client id/);
    expect(id.stderr).toMatch(/set HOTJAR_CLIENT_ID to your Hotjar API key's client id \(/);
    expect(id.stderr).not.toMatch(/HOTJAR_CLIENT_SECRET|secret/);
    expect(both.stderr).toMatch(
      /set HOTJAR_CLIENT_ID and HOTJAR_CLIENT_SECRET to your Hotjar API key's client id and client secret/,
    );
    expect([secret.code, id.code, both.code]).toEqual([2, 2, 2]);
    expect(f.requests).toHaveLength(0);
  });

  it('refuses ids past Number.MAX_SAFE_INTEGER before any request, and takes the largest safe one', async () => {
    const f = await start();
    const [site, survey, org, user] = await Promise.all([
      runCliProcess(['surveys', '12345678901234567890'], f),
      runCliProcess(['responses', String(f.siteId), '9007199254740992'], f),
      runCliProcess(['lookup-user', '99999999999999999999', '--email', 'p@example.com'], f),
      runCliProcess(['lookup-user', '42', '--user', '9007199254740993:u', '--delete', '--yes'], f),
    ]);
    expect([site.code, survey.code, org.code, user.code]).toEqual([2, 2, 2, 2]);
    expect(site.stderr).toMatch(/siteId must be a positive integer up to 9007199254740991/);
    expect(survey.stderr).toMatch(/surveyId must be a positive integer up to 9007199254740991/);
    expect(org.stderr).toMatch(/organizationId must be a positive integer up to/);
    expect(user.stderr).toMatch(/--user site id must be a positive integer up to/);
    expect(f.requests).toHaveLength(0);
    const largest = await runCliProcess(['surveys', '9007199254740991'], f);
    expect(largest.code).toBe(1);
    expect(f.requests.at(-1)?.path).toMatch(/^\/v1\/sites\/9007199254740991\/surveys/);
  });

  it('--timeout takes seconds from a millisecond to an hour', async () => {
    const f = await start();
    const bad = await Promise.all(
      ['abc', '0', '0.0004', '-1', '3601', '1e3', ''].map((value) =>
        runCliProcess(['surveys', String(f.siteId), `--timeout=${value}`], f),
      ),
    );
    for (const run of bad) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--timeout must be a number of seconds from 0.001 to 3600, got/);
    }
    expect(f.requests).toHaveLength(0);
    const good = await runCliProcess(['surveys', String(f.siteId), '--timeout', '2.5'], f);
    expect(good.code).toBe(0);
  });

  it('--timeout bounds a request to a server that never answers', async () => {
    const f = await start();
    f.inject({ match: (r) => r.path.includes('/surveys'), wait: () => new Promise<void>(() => undefined) });
    const run = await runCliProcess(['surveys', String(f.siteId), '--timeout', '0.5', '--retries', '0'], f);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/timeout/);
  });
});

describe('responses, what an export leaves on disk', () => {
  it('--out naming a directory is refused before anything is fetched', async () => {
    const f = await start();
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const runs = await Promise.all([
      runCliProcess(['responses', String(f.siteId), '555', '--out', folder], f),
      runCliProcess(['responses', String(f.siteId), '555', '--format', 'csv', '--out', folder], f),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--out ${folder} is a directory`);
    }
    expect(f.requests).toHaveLength(0);
  });

  it('--cursor without its partial file stops before fetching, and leaves the complete file as it is', async () => {
    const f = await start();
    const out = join(dir, 'done.ndjson');
    const args = ['responses', String(f.siteId), '555', '--out', out, '--limit', '100'];
    failPage(f, 2);
    const failed = await runCliProcess(args, f);
    expect(failed.code).toBe(1);
    const command = resumeCommand(failed)!;
    const resumed = await runProcess('sh', ['-c', command], f);
    expect(resumed.code).toBe(0);
    const complete = readFileSync(out, 'utf8');
    expect(idsOf(complete)).toEqual(allIds);
    const before = f.requests.length;

    // The same resume command again, from shell history.
    const again = await runProcess('sh', ['-c', command], f);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`--cursor continues ${out}.partial, which does not exist`);
    expect(f.requests).toHaveLength(before);
    expect(readFileSync(out, 'utf8')).toBe(complete);
  });

  it('--cursor with an empty partial file, or an empty --out, stops before fetching and leaves the complete file as it is', async () => {
    const f = await start();
    const out = join(dir, 'kept.ndjson');
    writeFileSync(out, 'complete\n');
    writeFileSync(`${out}.partial`, '');
    const resumed = await runCliProcess(['responses', String(f.siteId), '555', '--out', out, '--cursor', 'c1'], f);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain(`--cursor continues ${out}.partial, which is empty`);
    const empty = await runCliProcess(['responses', String(f.siteId), '555', '--out='], f);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--out needs the name of the file to write');
    expect(f.requests).toHaveLength(0);
    expect(readFileSync(out, 'utf8')).toBe('complete\n');
  });

  it('a write that fails part-way leaves whole pages and a resume cursor after the last one; the resume completes the file', async () => {
    const f = await start();
    const out = join(dir, 'limited.ndjson');
    // A file-size limit of 100 KiB (200 blocks of 512 bytes): the first page of 100 responses
    // fits, the second is cut part-way through.
    const limited = await runProcess(
      'sh',
      [
        '-c',
        `ulimit -f 200; exec "$0" "$@"`,
        process.execPath,
        bin,
        'responses',
        String(f.siteId),
        '555',
        '--out',
        out,
      ],
      f,
    );
    expect(limited.code).toBe(1);
    expect(limited.stderr).toMatch(/cannot write .*limited\.ndjson\.partial: .*EFBIG/);
    expect(limited.stderr).toContain('100 responses were written to');
    const partial = readFileSync(`${out}.partial`, 'utf8');
    expect(partial.endsWith('\n')).toBe(true);
    expect(idsOf(partial)).toEqual(allIds.slice(0, 100));

    const resumed = await runProcess('sh', ['-c', resumeCommand(limited)!], f);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('157 more responses in 2 pages written');
    expect(idsOf(readFileSync(out, 'utf8'))).toEqual(allIds);
  });

  it('a CSV export cut by a write error resumes to a file that parses, with every response once', async () => {
    const f = await start();
    const out = join(dir, 'limited.csv');
    const limited = await runProcess(
      'sh',
      [
        '-c',
        `ulimit -f 40; exec "$0" "$@"`,
        process.execPath,
        bin,
        'responses',
        String(f.siteId),
        '555',
        '--format',
        'csv',
        '--out',
        out,
        '--limit',
        '20',
      ],
      f,
    );
    expect(limited.code).toBe(1);
    const size = statSync(`${out}.partial`).size;
    expect(size).toBeLessThan(40 * 512);
    const resumed = await runProcess('sh', ['-c', resumeCommand(limited)!], f);
    expect(resumed.code).toBe(0);
    const { parse } = await import('csv-parse/sync');
    const [header, ...rows] = parse(readFileSync(out, 'utf8')) as string[][];
    expect(header?.[0]).toBe('id');
    expect(rows.map((row) => Number(row[0]))).toEqual(allIds);
  });

  it('a result that is not an object is an unexpected response (exit 1) with the resume command', async () => {
    for (const [format, bad] of [
      ['csv', null],
      ['ndjson', null],
      ['csv', 7],
      ['csv', 'text'],
      ['ndjson', ['a']],
    ] as const) {
      let served = false;
      const f = await start({
        responseAt: (index, generated) => {
          if (index !== 150 || served) return generated;
          served = true;
          return bad;
        },
      });
      const out = join(dir, `bad-item-${format}-${String(bad)}.${format}`);
      const run = await runCliProcess(['responses', String(f.siteId), '555', '--format', format, '--out', out], f);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /unexpected-response: the page at cursor \S+ holds (null|a number|a string|an array) where a response should be/,
      );
      expect(run.stderr).toContain('100 responses were written to');
      const resumed = await runProcess('sh', ['-c', resumeCommand(run)!], f);
      expect(resumed.code).toBe(0);
    }
  });

  it('counts in words that agree with the number', async () => {
    const one = { ...DEFAULT_SURVEY, id: 556, responseCount: 1 };
    const f = await start({ surveys: [one] });
    const run = await runCliProcess(['responses', String(f.siteId), '556'], f);
    expect(run.stderr).toBe('1 response in 1 page written.\n');
    const out = join(dir, 'one.csv');
    failPage(f, 1);
    const failed = await runCliProcess(['responses', String(f.siteId), '556', '--out', out], f);
    expect(failed.stderr).toContain('0 responses were written to');
  });
});

describe('the resume command starts the CLI as the user did', () => {
  async function failedExport(f: FakeHotjar, how: { env?: Record<string, string | undefined>; viaPath?: string }) {
    failPage(f, 2);
    const args = ['responses', String(f.siteId), '555'];
    if (how.viaPath !== undefined)
      return runProcess('sh', ['-c', `hotjar-api ${args.join(' ')}`], f, {
        env: { PATH: `${how.viaPath}:${process.env.PATH}` },
      });
    return runCliProcess(args, f, { env: how.env });
  }

  it('node and the script, never npx, when this clone is run through npm exec or a package script', async () => {
    // npx would look the package name up in the registry and run what it finds there.
    const f = await start();
    for (const env of [{ npm_command: 'exec' }, { npm_lifecycle_event: 'export-surveys' }]) {
      const run = await failedExport(f, { env });
      expect(resumeCommand(run)).toMatch(new RegExp(`^node ${bin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} responses `));
    }
  });

  it('hotjar-api when that name on PATH is this CLI, and the printed line runs there', async () => {
    const f = await start();
    const binDir = join(dir, 'bin');
    mkdirSync(binDir, { recursive: true });
    symlinkSync(bin, join(binDir, 'hotjar-api'));
    const run = await failedExport(f, { viaPath: binDir });
    const command = resumeCommand(run)!;
    expect(command).toMatch(/^hotjar-api responses \d+ 555 --format=ndjson --cursor=\S+$/);
    const resumed = await runProcess('sh', ['-c', command], f, { env: { PATH: `${binDir}:${process.env.PATH}` } });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toBe('157 more responses in 2 pages written.\n');
  });

  it('node and the script when run from its path', async () => {
    const f = await start();
    const run = await failedExport(f, {});
    expect(resumeCommand(run)).toMatch(new RegExp(`^node ${bin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} responses `));
  });
});

describe('CLI output across these runs', () => {
  it('never holds the client secret or a token', () => {
    expect(printed.length).toBeGreaterThan(20);
    const all = printed.join('\n');
    for (const secret of secretsSeen) expect(all).not.toContain(secret);
  });
});
