import { Buffer } from 'node:buffer';
import { unescape as percentDecode } from 'node:querystring';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, redactSecrets } from '../src/redact';

// Every way a server or a proxy may echo a text holding a secret, written with Node's own
// encoders (none of them shares code with the redaction).
const ENCODERS: Record<string, (text: string) => string> = {
  'as written': (text) => text,
  'JSON-escaped': (text) => JSON.stringify(text),
  'JSON-escaped twice': (text) => JSON.stringify(JSON.stringify(text)),
  // As Go's encoder writes <, > and &, and Python's every non-ASCII character: all but letters and digits.
  'JSON with every other character as \\u': (text) =>
    text
      .split('')
      .map((unit) => (/[a-z0-9]/i.test(unit) ? unit : `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`))
      .join(''),
  'percent-encoded, upper case': (text) => encodeURIComponent(text),
  'percent-encoded, lower case': (text) => encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  'percent-encoded, every byte but letters and digits': (text) =>
    [...Buffer.from(text)]
      .map((b) =>
        /[a-z0-9]/i.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
      )
      .join(''),
  'percent-encoded twice': (text) => encodeURIComponent(encodeURIComponent(text)),
  'form-encoded': (text) => new URLSearchParams({ echo: text }).toString(),
  base64: (text) => Buffer.from(text).toString('base64'),
  base64url: (text) => Buffer.from(text).toString('base64url'),
  'base64 of a form body': (text) =>
    Buffer.from(new URLSearchParams({ client_secret: text }).toString()).toString('base64'),
  'base64 of a JSON body': (text) => Buffer.from(JSON.stringify({ echo: text })).toString('base64'),
  'base64, percent-encoded': (text) => encodeURIComponent(Buffer.from(text).toString('base64')),
  'HTML character references for all but letters and digits': (text) =>
    [...text].map((c) => (/[a-z0-9]/i.test(c) ? c : `&#${c.codePointAt(0)};`)).join(''),
  'upper case': (text) => text.toUpperCase(),
};

// The checker: decode the output, and every window of it as base64, in every way, and look for
// the secret in the result.
const JSON_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const jsonUnescape = (s: string) =>
  s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) =>
    e.length === 5 ? String.fromCharCode(Number.parseInt(e.slice(1), 16)) : (JSON_ESCAPES[e] ?? e),
  );

const DECODINGS = [
  (s: string) => s,
  (s: string) => percentDecode(s),
  (s: string) => percentDecode(percentDecode(s)),
  (s: string) => percentDecode(s.replace(/\+/g, ' ')),
  (s: string) => jsonUnescape(s),
  (s: string) => jsonUnescape(jsonUnescape(s)),
  (s: string) => s.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))),
];

function stillHolds(output: string, secret: string): boolean {
  const texts = [output];
  // Base64 text: each run of base64 characters, decoded from each of its four alignments.
  for (const source of [output, percentDecode(output)])
    for (const run of source.match(/[A-Za-z0-9+/_-]+/g) ?? [])
      for (let start = 0; start < 4; start += 1)
        for (const encoding of ['base64', 'base64url'] as const)
          texts.push(Buffer.from(run.slice(start), encoding).toString());
  return texts.some((text) => DECODINGS.some((decode) => decode(text).toLowerCase().includes(secret.toLowerCase())));
}

const secretChar = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=-_.~!*()%&?# "\\:é✓😀'.match(/./gu)!,
);
const secret = fc.string({ unit: secretChar, minLength: 8, maxLength: 40 });
const filler = fc.string({ unit: fc.constantFrom(...'ab{"}=&:, 01\n'.split('')), maxLength: 12 });

describe('redactSecrets', () => {
  it.each(Object.keys(ENCODERS))(
    'finds a secret echoed %s, at any offset, in any surroundings',
    (name) => {
      const encode = ENCODERS[name]!;
      fc.assert(
        fc.property(secret, filler, filler, (value, before, after) => {
          const echo = `${before}${encode(`${before}${value}${after}`)}${after}`;
          // The encoder's own output does hold it: the checker can fail.
          expect(stillHolds(echo, value)).toBe(true);
          const output = redactSecrets(echo, [value]);
          expect(output).toContain('[redacted]');
          expect(stillHolds(output, value)).toBe(false);
        }),
        { numRuns: 30 },
      );
    },
    60_000,
  );

  it('leaves text without the secret as it is, and ignores secrets under 4 characters', () => {
    const page = JSON.stringify({
      results: [{ id: 1, answer: 'Cheaper, please %2B \\u0041 &#43;' }],
      next_cursor: 'eyJvIjoxMDB9',
    });
    expect(redactSecrets(page, ['fake-secret-3f9a1c7e5b2d4a68', 'tok_0123456789abcdef'])).toBe(page);
    expect(redactSecrets('abc abc', ['abc'])).toBe('abc abc');
  });

  it('finds every secret of a redactor, the ones added later included', () => {
    const redactor = createRedactor(['first-secret-value']);
    redactor.add('tok_second_token_value');
    const echo = `${Buffer.from('Bearer tok_second_token_value').toString('base64')} first-secret-value`;
    expect(redactor.redact(echo)).not.toMatch(/first-secret|dG9rX3NlY29uZF90b2tlbl92YWx1ZQ/);
    expect(stillHolds(redactor.redact(echo), 'tok_second_token_value')).toBe(false);
  });

  it('also finds a secret that was given with spaces or a line break around it, echoed trimmed', () => {
    expect(redactSecrets('got padded-secret-123', [' padded-secret-123\r\n'])).toBe('got [redacted]');
  });
});

describe('redaction of hostile secrets and texts', () => {
  // A step counter, not a clock: a regular expression that backtracks over a run of backslashes
  // would not return at all within the test's timeout.
  it('returns for a secret with a run of backslashes and a text with a long run of them', () => {
    const secret = `tok${'\\'.repeat(8)}end`;
    for (const run of [60, 4000]) {
      const text = `{"answer":"tok${'\\'.repeat(run)}!"}`;
      expect(redactSecrets(text, [secret])).toBe(text);
    }
    // And still finds it, JSON-escaped twice.
    expect(redactSecrets(JSON.stringify(JSON.stringify(secret)), [secret])).toBe('"\\"[redacted]\\""');
  });

  it('finds a secret written with named HTML references, also escaped again, and CSV quotes', () => {
    const secret = `Kq7"Zp&x9<Lm2>Tw'`;
    const named = (text: string) =>
      text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
    for (const echo of [named(secret), named(named(secret)), `"${secret.replace(/"/g, '""')}"`]) {
      const output = redactSecrets(`<p>${echo}</p>`, [secret]);
      expect(output).toContain('[redacted]');
      expect(output).not.toMatch(/Zp|Lm2|Tw/);
    }
  });

  it('finds numeric references with any number of leading zeros', () => {
    const secret = 'Zq8wLp3vNx6tRb2-Hk';
    for (const zeros of [0, 5, 70_000]) {
      const output = redactSecrets(`x ${secret.replace('-', `&#${'0'.repeat(zeros)}45;`)} y`, [secret]);
      expect(output).toBe('x [redacted] y');
    }
  });

  it('a text cut short shows no part of a secret whose form runs past the cut, however long its escapes', () => {
    const secret = 'Zq8wLp3vNx6tRb2-Hk';
    const redactor = createRedactor([secret]);
    const form = `Zq8wLp3vNx6tRb2&#${'0'.repeat(10_000)}45;Hk`;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: form.length - 1 }), filler, (cutAt, before) => {
        // The first form whole, the second cut anywhere.
        const text = `${before}${form}${form}`.slice(0, before.length + form.length + cutAt);
        const output = redactor.redact(text, true);
        expect(output.endsWith('...')).toBe(true);
        // The checker: no piece of the secret is left, neither of the whole form nor of the cut one.
        expect(output).not.toMatch(/Zq8w|Rb2|Hk|&#0/);
      }),
      { numRuns: 100 },
    );
  });
});
