// What the CLI prints is inert on a terminal and in a shell. The checkers here are independent of
// the code under test: code points compared one by one against Unicode's lists, and a real shell.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardFormula } from '../src/cli/csv';
import { commandPrefix } from '../src/cli/invocation';
import { inert, inertJson, inertLines, shellQuote } from '../src/cli/terminal';

// Bidi controls (Unicode's Bidi_Control property) and the two separators a terminal may take as a line break.
const BIDI_AND_SEPARATORS = [
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029,
];
function acts(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) || BIDI_AND_SEPARATORS.includes(codePoint);
}
function actingCharacters(text: string): number[] {
  return [...text].map((char) => char.codePointAt(0)!).filter(acts);
}
// Strings of any code points, with the acting ones frequent.
const hostileText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          ...BIDI_AND_SEPARATORS.map((c) => String.fromCodePoint(c)),
          '\u001b[2J',
          '\u009b31m',
          '\r',
          '\n',
        ),
        fc.string(),
      ),
    )
    .map((parts) => parts.join('')),
);

describe('inert', () => {
  it('leaves no character a terminal acts on, and changes nothing else', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = inert(text);
        expect(actingCharacters(out)).toEqual([]);
        if (actingCharacters(text).length === 0) expect(out).toBe(text);
      }),
    );
    expect(inert('a\u001b[31mb\u202ec\n')).toBe('a\\x1B[31mb\\u202Ec\\x0A');
  });

  it('inertLines keeps line feeds and tabs, and nothing else that acts', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(actingCharacters(inertLines(text)).filter((c) => c !== 0x0a && c !== 0x09)).toEqual([]);
      }),
    );
  });

  it('inertJson parses back to the same value, with nothing that acts outside JSON escapes', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
        const text = inertJson(value, 2);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        // Line feeds and spaces of the indentation are JSON's own, outside strings.
        expect(actingCharacters(text).filter((c) => c !== 0x0a)).toEqual([]);
      }),
    );
  });
});

function shellEcho(shell: string, args: string[]): string[] {
  // printf prints each argument after the shell has read it: what the shell made of the quoting.
  const script = `printf '%s\\0' ${args.map(shellQuote).join(' ')}`;
  const result = spawnSync(shell, ['-c', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: '/nonexistent' },
  });
  expect(result.stderr).toBe('');
  return result.stdout.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  const hasBash = spawnSync('bash', ['-c', 'true']).status === 0;
  const attacks = [
    '$(touch pwned)',
    '`touch pwned`',
    "'; touch pwned; '",
    '"$(id)"',
    '$HOME',
    '~',
    '*',
    'a b',
    '=ls',
    '-n',
    '',
    "it's",
    '\\',
    '!!',
    'a\nb',
    '{a,b}',
  ];

  it('gives each argument back exactly through a real POSIX shell, attacks included', () => {
    expect(shellEcho('sh', attacks)).toEqual(attacks);
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'binary' }).map((s) => s.replace(/\0/g, '')),
          { minLength: 1, maxLength: 8 },
        ),
        (args) => {
          expect(shellEcho('sh', args)).toEqual(args);
        },
      ),
      { numRuns: 60 },
    );
  });

  it.skipIf(!hasBash)('and through bash (skipped where bash is missing)', () => {
    expect(shellEcho('bash', attacks)).toEqual(attacks);
  });

  it('leaves plain words bare and quotes everything else', () => {
    expect(['eyJvIjoyMDB9', 'out/file.csv', 'a=b', 'x@y.z', '1234:user_1'].map(shellQuote)).toEqual([
      'eyJvIjoyMDB9',
      'out/file.csv',
      'a=b',
      'x@y.z',
      '1234:user_1',
    ]);
    expect(shellQuote('=x')).toBe("'=x'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
});

describe('commandPrefix', () => {
  it('npx @hotjar-bridge/api for the installed package run through npx, npm exec, a package script or a dlx cache', () => {
    const npx = 'npx @hotjar-bridge/api';
    const installed = '/app/node_modules/@hotjar-bridge/api/dist/cli.js';
    expect(commandPrefix({ argv1: installed, env: { npm_command: 'exec' } })).toBe(npx);
    expect(commandPrefix({ argv1: installed, env: { npm_lifecycle_event: 'npx' } })).toBe(npx);
    expect(commandPrefix({ argv1: installed, env: { npm_lifecycle_event: 'export' } })).toBe(npx);
    expect(commandPrefix({ argv1: '/home/u/.npm/_npx/1a2b/node_modules/.bin/hotjar-api', env: {} })).toBe(npx);
    expect(commandPrefix({ argv1: '/home/u/.cache/pnpm/dlx/abc/node_modules/.bin/hotjar-api', env: {} })).toBe(npx);
    expect(commandPrefix({ argv1: undefined, env: {} })).toBe(npx);
  });

  it('never npx for a script outside an installed package: npx would fetch and run what the registry holds', () => {
    expect(commandPrefix({ argv1: '/src/hotjar-bridge/packages/api/dist/cli.js', env: { npm_command: 'exec' } })).toBe(
      'node /src/hotjar-bridge/packages/api/dist/cli.js',
    );
    expect(
      commandPrefix({ argv1: '/src/hotjar-bridge/packages/api/dist/cli.js', env: { npm_lifecycle_event: 'export' } }),
    ).toBe('node /src/hotjar-bridge/packages/api/dist/cli.js');
  });

  it('hotjar-api only when that name on PATH is this script; else node and its path, quoted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotjar-api-prefix-'));
    try {
      const script = join(dir, 'cli with space.js');
      spawnSync('touch', [script]);
      symlinkSync(script, join(dir, 'hotjar-api'));
      expect(commandPrefix({ argv1: join(dir, 'hotjar-api'), env: { PATH: dir } })).toBe('hotjar-api');
      // The same link, but PATH finds another hotjar-api first (or none).
      expect(commandPrefix({ argv1: join(dir, 'hotjar-api'), env: { PATH: '/nonexistent' } })).toBe(
        `node ${join(dir, 'hotjar-api')}`,
      );
      expect(commandPrefix({ argv1: script, env: { PATH: dir } })).toBe(`node '${script}'`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('guardFormula', () => {
  const starts = ['=', '+', '-', '@', '\t', '\r'];

  it('guards text a spreadsheet would run and keeps plain numbers as numbers', () => {
    expect(['-3', '+12.5', '-0.5', '1e3', '-.5', '+7', '42'].map(guardFormula)).toEqual([
      '-3',
      '+12.5',
      '-0.5',
      '1e3',
      '-.5',
      '+7',
      '42',
    ]);
    expect(
      ['+44 20 7946 0958', '=1+1', '@SUM(A1)', '\t=1', '\r=1', '-', '-3+cmd|x', '+Infinity', '-0x10'].map(guardFormula),
    ).toEqual(["'+44 20 7946 0958", "'=1+1", "'@SUM(A1)", "'\t=1", "'\r=1", "'-", "'-3+cmd|x", "'+Infinity", "'-0x10"]);
    expect([3, -3, true, null].map(guardFormula)).toEqual([3, -3, true, null]);
  });

  it('never lets a text starting like a formula through unless it reads as one finite number', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.tuple(fc.constantFrom(...starts), fc.string()).map(([a, b]) => a + b),
          fc.double().map(String),
          fc.integer().map((n) => (n >= 0 ? `+${n}` : String(n))),
        ),
        (text) => {
          const out = guardFormula(text);
          expect(out === text || out === `'${text}`).toBe(true);
          if (out === text && starts.includes(text[0] ?? '')) {
            // What a spreadsheet takes as a number: all of the text, once, as a finite decimal.
            expect(text.trim()).toBe(text);
            expect(Number.isFinite(Number.parseFloat(text)) && String(Number.parseFloat(text)) !== 'NaN').toBe(true);
            expect(Number(text)).toBe(Number.parseFloat(text));
          }
          if (!starts.includes(text[0] ?? '')) expect(out).toBe(text);
        },
      ),
    );
  });
});
