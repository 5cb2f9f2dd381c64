import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bin,
  cliFixture,
  type ProcessOptions,
  printed,
  type Run,
  resumeCommand,
  runCliProcess,
  runProcess,
} from './cli-process';
import { DEFAULT_SURVEY, type FakeHotjar, fakeResponse, startFakeHotjar } from './fake-hotjar';

// The CLI as users run it: the built bin, in its own process, against the fake over HTTP.
const { start, secretsSeen, dir: scratch, current } = cliFixture('hotjar-api-cli-');
let dir: string;
beforeAll(() => {
  dir = scratch();
});

function cli(args: string[], options: ProcessOptions = {}): Promise<Run> {
  return runCliProcess(args, current(), options);
}

const responseRequests = (f: FakeHotjar) => f.requests.filter((r) => r.path.includes('/responses'));

describe('hotjar-api usage', () => {
  it('--help lists every command and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['surveys <siteId>', 'responses <siteId> <surveyId>', 'lookup-user <organizationId>'])
      expect(run.stdout).toContain(command);
  });

  it('exits 2 for bad usage, before any request', async () => {
    const f = await start();
    const runs = await Promise.all([
      cli([]),
      cli(['exports', '1']),
      cli(['responses', String(f.siteId), '555', '--format', 'xml']),
      cli(['responses', String(f.siteId), '555', '--limit', '500']),
      cli(['responses', 'abc', '555']),
      cli(['surveys', String(f.siteId), '--delete']),
      cli(['surveys', String(f.siteId)], { env: { HOTJAR_CLIENT_SECRET: undefined } }),
      cli(['surveys', String(f.siteId)], { env: { HOTJAR_API_URL: 'api.hotjar.io' } }),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    expect(runs[1]?.stderr).toMatch(/unknown command "exports"/);
    expect(runs[2]?.stderr).toMatch(/--format must be ndjson or csv, got "xml"/);
    expect(runs[3]?.stderr).toMatch(/--limit must be a whole number from 1 to 100/);
    expect(runs[4]?.stderr).toMatch(/siteId must be a positive integer/);
    expect(runs[5]?.stderr).toMatch(/--delete is not an option of surveys/);
    expect(runs[6]?.stderr).toMatch(/set HOTJAR_CLIENT_SECRET/);
    expect(runs[7]?.stderr).toMatch(/HOTJAR_API_URL must be an http(\(s\)|s) URL .*, got "api\.hotjar\.io"/);
    expect(f.requests).toHaveLength(0);
  });
});

describe('hotjar-api surveys', () => {
  it('prints a table, or JSON with --json', async () => {
    const f = await start({ surveys: [DEFAULT_SURVEY, { ...DEFAULT_SURVEY, id: 777, name: 'Exit intent' }] });
    const table = await cli(['surveys', String(f.siteId)]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+TYPE\s+ENABLED\s+CREATED$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[1])).toEqual(['Pricing page NPS', 'Exit intent']);
    const json = await cli(['surveys', String(f.siteId), '--json']);
    expect(JSON.parse(json.stdout).map((s: { id: number }) => s.id)).toEqual([555, 777]);
  });

  it('exits 1 naming the fix for a wrong secret, and for a plan without API access', async () => {
    const f = await start({ forbidden: ['responses'] });
    const wrong = await cli(['surveys', String(f.siteId)], { env: { HOTJAR_CLIENT_SECRET: 'wrong-secret-000' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/unauthorized: check the client id and secret/);
    const plan = await cli(['responses', String(f.siteId), '555']);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(/forbidden-plan: .*Ask Scale plan/);
  });
});

describe('hotjar-api network errors', () => {
  it('exit 1 with what the connection answered, for each command', async () => {
    const gone = await startFakeHotjar();
    await gone.close();
    const env = { HOTJAR_CLIENT_ID: 'id', HOTJAR_CLIENT_SECRET: 'secret-for-nothing', HOTJAR_API_URL: gone.url };
    const runs = await Promise.all([
      cli(['surveys', '1', '--retries', '0'], { env }),
      cli(['responses', '1', '2', '--retries', '0'], { env }),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/no answer, network: .*HOTJAR_API_URL/);
      expect(run.stderr).toMatch(/ECONNREFUSED/);
    }
  });
});

describe('hotjar-api responses', () => {
  it('streams NDJSON to stdout, one response per line, retrying a 429 with Retry-After: 0', async () => {
    const f = await start();
    f.inject({ match: (r) => r.path.includes('/responses'), status: 429, headers: { 'retry-after': '0' } });
    const run = await cli(['responses', String(f.siteId), '555']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(257);
    expect(lines.map((line) => JSON.parse(line))).toEqual(
      Array.from({ length: 257 }, (_, i) => fakeResponse(DEFAULT_SURVEY, i)),
    );
    expect(run.stderr).toContain('257 responses in 3 pages written.');
    expect(responseRequests(f)).toHaveLength(4);
  });

  it('writes CSV with the fixed fields and one column per question, which parses back', async () => {
    const f = await start();
    const out = join(dir, 'responses.csv');
    const run = await cli(['responses', String(f.siteId), '555', '--format', 'csv', '--out', out]);
    expect(run.code).toBe(0);
    expect(existsSync(`${out}.partial`)).toBe(false);
    const [header, ...rows] = parse(readFileSync(out, 'utf8')) as string[][];
    expect(header).toEqual([
      'id',
      'created_time',
      'is_complete',
      'country',
      'device',
      'browser',
      'os',
      'hotjar_user_id',
      'recording_url',
      'response_origin_url',
      'user_attributes',
      'How likely are you to recommend us?',
      'What could we do better?',
      'What could we do better? (2)',
    ]);
    expect(rows).toHaveLength(257);
    rows.forEach((row, i) => {
      const expected = fakeResponse(DEFAULT_SURVEY, i) as {
        id: number;
        is_complete: boolean;
        recording_url: string | null;
        answers: Array<{ answer: string }>;
      };
      expect(row[0]).toBe(String(expected.id));
      expect(row[2]).toBe(String(expected.is_complete));
      expect(row[8]).toBe(expected.recording_url ?? '');
      expect(JSON.parse(row[10]!)).toEqual({ plan: i % 2 === 0 ? 'pro' : 'free' });
      expect(row[11]).toBe(expected.answers[0]!.answer);
      const text = expected.answers[1]!.answer;
      // A formula typed into a survey must not run in a spreadsheet.
      expect(row[12]).toBe(text.startsWith('=') ? `'${text}` : text);
      expect(row[13]).toBe(`short ${i}`);
    });
    expect(rows.some((row) => row[12]?.includes('\n'))).toBe(true);
    expect(rows.some((row) => row[12]?.includes('"wow"'))).toBe(true);
  });

  it('keeps the partial file and prints the cursor on failure; --cursor resumes to the complete file', async () => {
    const f = await start();
    const out = join(dir, 'resumed.csv');
    let seen = 0;
    f.inject({
      match: (r) => r.path.includes('/responses') && ++seen === 2,
      status: 200,
      body: '{"results": [ truncated',
    });
    const failed = await cli(['responses', String(f.siteId), '555', '--format', 'csv', '--out', out, '--limit', '60']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/unexpected-response/);
    expect(existsSync(out)).toBe(false);
    const partial = parse(readFileSync(`${out}.partial`, 'utf8')) as string[][];
    expect(partial).toHaveLength(61);
    const cursor = /Resume cursor: (\S+)/.exec(failed.stderr)?.[1];
    expect(cursor).toBeDefined();
    const command = resumeCommand(failed);
    expect(command).toBe(
      `node ${bin} responses ${f.siteId} 555 --format=csv --out=${out} --limit=60 --cursor=${cursor}`,
    );

    // The printed command, pasted into a shell as it is.
    const resumed = await runProcess('sh', ['-c', command!], f);
    expect(resumed.code).toBe(0);
    // The counts are this run's: the file also holds the 60 responses of the failed run.
    expect(resumed.stderr).toContain(`197 more responses in 4 pages written to ${out}.`);
    expect(printed.at(-1)).toBe(resumed.stderr);
    expect(existsSync(`${out}.partial`)).toBe(false);
    const [header, ...rows] = parse(readFileSync(out, 'utf8')) as string[][];
    expect(header?.[0]).toBe('id');
    expect(rows.map((row) => row[0])).toEqual(
      Array.from({ length: 257 }, (_, i) => String((fakeResponse(DEFAULT_SURVEY, i) as { id: number }).id)),
    );
  });
});

describe('hotjar-api responses, output', () => {
  it('exits 1 naming the file when it cannot be written', async () => {
    const f = await start();
    const out = join(dir, 'no-such-dir', 'responses.ndjson');
    const run = await cli(['responses', String(f.siteId), '555', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`[hotjar-bridge] cannot write ${out}.partial`);
    expect(run.stderr).toContain('ENOENT');
    expect(responseRequests(f)).toHaveLength(0);
  });
});

describe('hotjar-api responses, interrupted', () => {
  it('stops after the page in flight on Ctrl-C, keeps a partial file that ends on a whole page, and resumes', async () => {
    const f = await start();
    const out = join(dir, 'interrupted.ndjson');
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let secondPageAsked!: () => void;
    const asked = new Promise<void>((resolve) => {
      secondPageAsked = resolve;
    });
    let seen = 0;
    // The second page is held until the CLI has taken the Ctrl-C, so the stop is not a race.
    f.inject({
      match: (r) => r.path.includes('/responses') && ++seen === 2,
      wait: () => {
        secondPageAsked();
        return held;
      },
    });
    let child: ChildProcess | undefined;
    const run = cli(['responses', String(f.siteId), '555', '--out', out, '--limit', '50'], {
      onSpawn: (spawned) => {
        child = spawned;
      },
      onStderr: (chunk) => {
        if (chunk.includes('Stopping after the current page')) release();
      },
    });
    await asked;
    child?.kill('SIGINT');
    const stopped = await run;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain('Interrupted. 100 responses were written to');
    const lines = readFileSync(`${out}.partial`, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(100);
    expect(existsSync(out)).toBe(false);

    const cursor = /Resume cursor: (\S+)/.exec(stopped.stderr)?.[1];
    expect(cursor).toBeDefined();
    const resumed = await cli([
      'responses',
      String(f.siteId),
      '555',
      '--out',
      out,
      '--limit',
      '50',
      '--cursor',
      cursor!,
    ]);
    expect(resumed.code).toBe(0);
    const ids = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).id);
    expect(ids).toEqual(Array.from({ length: 257 }, (_, i) => (fakeResponse(DEFAULT_SURVEY, i) as { id: number }).id));
  });
});

describe('hotjar-api lookup-user', () => {
  const lookups = (f: FakeHotjar) => f.requests.filter((r) => r.path.endsWith('/user-lookup'));

  it('refuses a deletion without --yes when stdin is not a terminal, whatever it holds, and sends nothing', async () => {
    const f = await start();
    const args = ['lookup-user', String(f.organizationId), '--email', 'peter@example.com', '--delete'];
    const piped = await Promise.all([cli(args, { stdin: 'yes\n' }), cli(args, { stdin: 'YES\n' }), cli(args)]);
    for (const run of piped) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/stdin is not (a terminal|one): pass --yes/);
      expect(run.stderr).toMatch(/nothing was sent to Hotjar/);
      expect(run.stderr).not.toMatch(/Type "yes"/);
    }
    expect(lookups(f)).toHaveLength(0);
  });

  it('sends the deletion with --yes, and prints what Hotjar answered', async () => {
    const f = await start({ lookupAnswer: '{"request_id":"r-1"}' });
    const run = await cli([
      'lookup-user',
      String(f.organizationId),
      '--email',
      'peter@example.com',
      '--user',
      `${f.siteId}:user_42`,
      '--delete',
      '--yes',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ request_id: 'r-1' });
    expect(lookups(f).map((r) => JSON.parse(r.body))).toEqual([
      {
        data_subject_email: 'peter@example.com',
        data_subject_site_id_to_user_id_map: { [f.siteId]: 'user_42' },
        delete_all_hits: true,
      },
    ]);
  });

  it('--yes skips the question; a report request needs no confirmation', async () => {
    const f = await start();
    const deleted = await cli(['lookup-user', String(f.organizationId), '--user', '1:a', '--delete', '--yes']);
    expect(deleted.code).toBe(0);
    expect(deleted.stderr).not.toMatch(/Type "yes"/);
    const report = await cli(['lookup-user', String(f.organizationId), '--email', 'p@example.com']);
    expect(report.code).toBe(0);
    expect(report.stderr).toMatch(/emails a link to a report/);
    expect(lookups(f).map((r) => JSON.parse(r.body).delete_all_hits)).toEqual([true, false]);
  });

  it('exits 2 without an email or a user id, or with a malformed --user', async () => {
    const f = await start();
    const none = await cli(['lookup-user', String(f.organizationId), '--delete', '--yes']);
    const bad = await cli(['lookup-user', String(f.organizationId), '--user', 'nocolon']);
    expect([none.code, bad.code]).toEqual([2, 2]);
    expect(none.stderr).toMatch(/needs --email or --user/);
    expect(bad.stderr).toMatch(/--user must be SITE_ID:USER_ID/);
    expect(f.requests).toHaveLength(0);
  });
});

describe('hotjar-api secrets', () => {
  it('never prints the client secret or a token, in any run above', () => {
    expect(printed.length).toBeGreaterThan(20);
    expect(secretsSeen.length).toBeGreaterThan(5);
    const all = printed.join('\n');
    for (const secret of secretsSeen) expect(all).not.toContain(secret);
  });
});
