import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHotjarEventName } from '../src/event-name';
import { toHotjarIdentify } from '../src/identify';

// An independent reading of Hotjar's rules, written without the implementation's helpers.
// An address: something, '@', dot-separated labels, a top-level label of letters.
const EMAIL_LIKE = /[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)*\.\p{L}{2,}/u;
const ACCEPTED_NAME = /^[\p{L}\p{M}\p{N} _\-.:|/]+$/u;

function checkIdentify(result: ReturnType<typeof toHotjarIdentify>, userId: unknown): string | null {
  if (
    result.userId !== null &&
    (typeof result.userId !== 'string' || result.userId.trim() !== result.userId || result.userId === '')
  ) {
    return `bad user id ${String(result.userId)}`;
  }
  if (userId === undefined && result.userId !== null) return 'user id invented';
  const entries = Object.entries(result.attributes);
  if (entries.length > 100) return 'more than 100 attributes';
  for (const [key, value] of entries) {
    if (key === '' || key.length > 50) return `bad key ${key}`;
    if (typeof value === 'number' && !(Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER)) {
      return `bad number ${key}`;
    }
    if (!['string', 'number', 'boolean'].includes(typeof value)) return `bad type ${key}`;
    if (typeof value === 'string') {
      if (value.length > 200) return `long string ${key}`;
      if (key !== 'email' && EMAIL_LIKE.test(value)) return `email outside "email": ${key}`;
    }
    if (key === 'email' && result.userId === null) return 'email without a user id';
  }
  for (const key of result.truncated) if (!(key in result.attributes)) return `truncated key ${key} not kept`;
  return null;
}

function checkEventName(name: string | null): string | null {
  if (name === null) return null;
  if (name.length === 0 || name.length > 250) return `bad length ${name.length}`;
  if (!ACCEPTED_NAME.test(name)) return 'character Hotjar does not accept';
  if (/^[\s_]|[\s_]$/.test(name)) return 'untrimmed';
  if (EMAIL_LIKE.test(name)) return 'email in name';
  if (name !== name.normalize('NFC')) return 'not NFC';
  return null;
}

// Values of every kind, nested, plus the odd ones JSON never produces.
const odd = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.constant(() => 1),
  fc.constant(Symbol('s')),
  fc.constant(new Map([[1, 2]])),
  fc.emailAddress(),
  fc.string({ minLength: 150, maxLength: 400 }),
  fc.string({ unit: 'grapheme' }),
);
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.anything(), odd, tie('object'), fc.array(tie('value'), { maxLength: 3 })),
  object: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('email', '', 'a_b', 'a')), tie('value'), { maxKeys: 8 }),
})).value;

describe('toHotjarIdentify: any input', () => {
  it('never throws and always gives output Hotjar accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.constant(undefined)), anyValue, (userId, traits) => {
        const result = toHotjarIdentify(userId, traits);
        expect(checkIdentify(result, userId)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('handles many attributes and cyclic graphs', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string()), { minKeys: 90, maxKeys: 200 }),
        fc.boolean(),
        (traits, cyclic) => {
          const input: Record<string, unknown> = { ...traits };
          if (cyclic) input.self = { back: input };
          const result = toHotjarIdentify('u', input);
          expect(checkIdentify(result, 'u')).toBeNull();
        },
      ),
      { numRuns: 100 },
    );
  });

  it('accounts for every top-level trait: kept, flattened, dropped or truncated', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 10 }),
          fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
        ),
        (traits) => {
          const result = toHotjarIdentify('u', traits);
          const seen = new Set([...Object.keys(result.attributes), ...result.dropped.map((d) => d.key)]);
          for (const key of Object.keys(traits)) expect(seen.has(key)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('toHotjarEventName: any input', () => {
  it('never throws and gives null or a name Hotjar accepts', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.string({ unit: 'binary' }), fc.string({ maxLength: 600 }), fc.emailAddress()),
        (name) => {
          expect(checkEventName(toHotjarEventName(name))).toBeNull();
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('in strict mode gives either the name unchanged or null', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const result = toHotjarEventName(name, { mode: 'strict' });
        expect(result === null || result === name).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: a mapped name maps to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 300 }), (name) => {
        const once = toHotjarEventName(name);
        if (once !== null) expect(toHotjarEventName(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
