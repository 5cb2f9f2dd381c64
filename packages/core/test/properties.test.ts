import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { recordingRuntime } from '../../../test/shared/recording-runtime';
import { createHotjarBridge } from '../src/bridge';
import type { HotjarDiagnostic } from '../src/diagnostics';
import { toHotjarEventName } from '../src/event-name';
import { toHotjarIdentify } from '../src/identify';
import type { IdentifyOptions } from '../src/identify-types';

// One seed for the whole file, printed with any failure: FC_SEED=<seed> replays the run
// (fast-check's own message adds the path of the failing case).
const seed = process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);
fc.configureGlobal({ seed });
// Hundreds of generated cases per property: on a loaded machine a run takes seconds. A guard
// against a hang, not a speed check.
vi.setConfig({ testTimeout: 60_000 });
beforeEach((context) => {
  context.onTestFailed(() => {
    console.error(`fast-check seed ${seed}: replay with FC_SEED=${seed} pnpm vitest run ${import.meta.filename}`);
  });
});

// An independent reading of Hotjar's rules: nothing here comes from src/ (no pattern, no
// helper), so a miss in the code's detectors shows up as a failure here.

// What counts as an address, written out from the rule in the core README:
// local part @ labels joined by dots, the last a letter then letters or marks (or xn--...).
const isSpace = (c: string) => c.trim() === '';
const isLocalPartChar = (c: string) => !isSpace(c) && c !== '@';
const isLetter = (c: string) => /^\p{Letter}$/u.test(c);
const isMark = (c: string) => /^\p{Mark}$/u.test(c);
const isLabelChar = (c: string) => isLetter(c) || isMark(c) || /^\p{Number}$/u.test(c) || c === '-';

/** True when `text`, as written, holds an address: read code point by code point. */
function holdsAddressAsWritten(text: string): boolean {
  const chars = Array.from(text);
  for (let at = chars.indexOf('@'); at !== -1; at = chars.indexOf('@', at + 1)) {
    if (at === 0 || !isLocalPartChar(chars[at - 1] ?? '')) continue;
    // Labels: runs of label characters, each ended by a dot; the top-level label starts the next run.
    let i = at + 1;
    for (;;) {
      const runStart = i;
      while (i < chars.length && isLabelChar(chars[i] ?? '')) i++;
      if (i === runStart || chars[i] !== '.') break;
      i++;
      const first = chars[i] ?? '';
      const second = chars[i + 1] ?? '';
      if (isLetter(first) && (isLetter(second) || isMark(second))) return true;
    }
  }
  return false;
}

/** `text` with every run of %XX read as UTF-8 bytes, bytes that are not UTF-8 left out. */
function percentDecoded(text: string): string {
  let out = '';
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length > 0)
      out += new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(bytes)).split('\uFFFD').join('');
    bytes = [];
  };
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(Number(`0x${hex}`));
      i += 2;
    } else {
      flush();
      out += text[i];
    }
  }
  flush();
  return out;
}

// What a reader does not see: format characters, and the code points Unicode says to draw as
// nothing when they cannot be shown (variation selectors, U+034F, fillers, unassigned U+2065...).
const isInvisible = (c: string) => /^(?:\p{General_Category=Format}|\p{DI})$/u.test(c);

/**
 * True when `test` holds for `text` in any form a reader would see: as written, and again
 * after each round of removing invisible characters, NFKC, ideographic full stops as dots and
 * percent-decoding, for as long as that changes the text. Eight rounds at most: text still
 * changing after them cannot be read to its end, and counts as holding what is looked for.
 */
function readsAs(text: string, test: (form: string) => boolean): boolean {
  let form = text;
  for (let round = 0; round <= 8; round++) {
    if (test(form)) return true;
    const next = percentDecoded(
      Array.from(form)
        .filter((c) => !isInvisible(c))
        .join('')
        .normalize('NFKC')
        .split('\u3002')
        .join('.'),
    );
    if (next === form) return false;
    form = next;
  }
  return true;
}

/** True when `text` holds an address in any form a reader would see. */
function holdsAddress(text: string): boolean {
  // Only '@', '%' and their compatibility forms can make an '@' in any form.
  if (!/[@%\uFF20\uFE6B\uFF05\uFE6A]/.test(text)) return false;
  return readsAs(text, holdsAddressAsWritten);
}

/** True when `text` holds, in any form a reader would see, the start of an address: a local-part character and '@'. */
const holdsAddressStart = (text: string) =>
  readsAs(text, (form) =>
    Array.from(form).some((c, i, all) => c === '@' && i > 0 && isLocalPartChar(all[i - 1] ?? '')),
  );

// What Hotjar's Identify API reference allows without a user id, written out from it.
const CAMPAIGN = [
  'referrer',
  'referring_domain',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'utm_id',
];
const ANONYMOUS_ALLOWED = new Set(['ab_test', ...CAMPAIGN, ...CAMPAIGN.map((k) => `initial_${k}`)]);

// Hotjar's event-name characters, read from its rule one character at a time: letters (with
// their combining marks) and digits of any script, spaces, and `_ - . : | /`.
const NAME_PUNCTUATION = new Set([' ', '_', '-', '.', ':', '|', '/']);
const LETTER_MARK_OR_NUMBER = /^(?:\p{Letter}|\p{Mark}|\p{Number})$/u;
const isLetterOrDigit = (c: string) => LETTER_MARK_OR_NUMBER.test(c);
const isAcceptedInName = (c: string) => NAME_PUNCTUATION.has(c) || isLetterOrDigit(c);

type Limits = { maxKeyLength: number; maxStringLength: number; maxAttributes: number };
const HOTJAR_LIMITS: Limits = { maxKeyLength: 50, maxStringLength: 200, maxAttributes: 100 };

/** Hotjar's privacy rules, which hold whatever the options. */
function checkPrivacy(
  result: ReturnType<typeof toHotjarIdentify>,
  anonymousAllowed: (key: string) => boolean,
): string | null {
  for (const [key, value] of Object.entries(result.attributes)) {
    if (holdsAddress(key)) return `email in key ${key}`;
    if (!['string', 'number', 'boolean'].includes(typeof value)) return `bad type ${key}`;
    if (typeof value === 'number' && !(Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER)) {
      return `bad number ${key}`;
    }
    if (typeof value === 'string' && key !== 'email' && holdsAddress(value)) return `email outside "email": ${key}`;
    if (result.userId === null && key === 'email') return 'email without a user id';
    if (result.userId === null && !anonymousAllowed(key)) return `personal data without a user id: ${key}`;
  }
  for (const { key } of result.dropped) if (holdsAddress(key)) return `email in a report: ${key}`;
  return null;
}

/** Hotjar's limits and the user id rule, with the defaults (or the limits given). */
function checkIdentify(result: ReturnType<typeof toHotjarIdentify>, userId: unknown, limits = HOTJAR_LIMITS) {
  const privacy = checkPrivacy(result, (key) => ANONYMOUS_ALLOWED.has(key));
  if (privacy !== null) return privacy;
  // The user id is the one given, or none: never another user's.
  const expectedId =
    typeof userId === 'string' && userId.trim() !== ''
      ? userId
      : typeof userId === 'number' && Number.isFinite(userId) && Math.abs(userId) <= Number.MAX_SAFE_INTEGER
        ? String(userId)
        : typeof userId === 'bigint'
          ? userId.toString()
          : null;
  if (result.userId !== expectedId) return `user id ${String(result.userId)} for ${String(userId)}`;
  const entries = Object.entries(result.attributes);
  if (entries.length > limits.maxAttributes) return 'too many attributes';
  for (const [key, value] of entries) {
    if (key === '' || key.length > limits.maxKeyLength) return `bad key ${key}`;
    if (typeof value === 'string' && value.length > limits.maxStringLength) return `long string ${key}`;
  }
  for (const key of result.truncated) if (!(key in result.attributes)) return `truncated key ${key} not kept`;
  return null;
}

function checkEventName(name: string | null): string | null {
  if (name === null) return null;
  if (name.length === 0 || name.length > 250) return `bad length ${name.length}`;
  if (![...name].every(isAcceptedInName)) return 'character Hotjar does not accept';
  if (name.startsWith(' ') || name.endsWith(' ')) return 'untrimmed';
  if (name.includes('  ')) return 'spaces not collapsed';
  if (holdsAddress(name)) return 'email in name';
  if (name !== name.normalize('NFC')) return 'not NFC';
  return null;
}

// Addresses alone and inside other text, for keys and values alike.
const address = fc.emailAddress();
const withAddress = fc
  .tuple(fc.string({ maxLength: 8 }), address, fc.constantFrom('', ' ', '>', ','), fc.string({ maxLength: 8 }))
  .map(([before, a, sep, after]) => `${before} ${a}${sep}${after}`);
const anyKey = fc.oneof(
  fc.string(),
  fc.constantFrom('email', '', 'a_b', 'a', '__proto__', 'name', 'phone', ...ANONYMOUS_ALLOWED),
  address,
  withAddress,
);

/** Stands for a hostile object until `arm` puts one in its place: fast-check cannot generate them. */
class Hostile {
  constructor(readonly kind: number) {}
}

/** Replaces each `Hostile` in `value` with an object that throws from every inspection, a revoked one, or a throwing getter. */
function arm(value: unknown, seen = new Set<object>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const child = record[key];
    if (!(child instanceof Hostile)) {
      arm(child, seen);
      continue;
    }
    if (child.kind === 0) {
      const fail = () => {
        throw new Error('inspected');
      };
      record[key] = new Proxy({}, { ownKeys: fail, getPrototypeOf: fail, get: fail, has: fail });
    } else if (child.kind === 1) {
      const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
      revoke();
      record[key] = proxy;
    } else {
      Object.defineProperty(record, key, {
        enumerable: true,
        get() {
          throw new Error('getter');
        },
      });
    }
  }
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
  address,
  withAddress,
  fc.string({ minLength: 150, maxLength: 400 }),
  fc.string({ unit: 'grapheme' }),
  fc.integer({ min: 0, max: 2 }).map((kind) => new Hostile(kind)),
);
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.anything(), odd, tie('object'), fc.array(tie('value'), { maxLength: 3 })),
  object: fc.dictionary(anyKey, tie('value'), { maxKeys: 8 }),
})).value;

/** A chain `{ k: { k: ... { leaf } } }` of the given depth. */
const deep = fc
  .tuple(fc.integer({ min: 1, max: 3000 }), fc.string({ maxLength: 3 }), anyValue)
  .map(([depth, key, leaf]) => {
    let value: Record<string, unknown> = { leaf };
    for (let i = 0; i < depth; i++) value = { [key]: value };
    return value;
  });

/** Traits with cycles closed at random places. */
const cyclic = fc
  .tuple(fc.dictionary(anyKey, anyValue, { maxKeys: 6 }), fc.array(fc.nat(), { maxLength: 4 }))
  .map(([traits, picks]) => {
    const objects: Record<string, unknown>[] = [traits];
    const collect = (value: unknown, depth: number) => {
      if (depth > 5 || typeof value !== 'object' || value === null || Array.isArray(value)) return;
      try {
        if (Object.getPrototypeOf(value) !== Object.prototype) return;
      } catch {
        return;
      }
      objects.push(value as Record<string, unknown>);
      for (const child of Object.values(value)) collect(child, depth + 1);
    };
    for (const child of Object.values(traits)) collect(child, 1);
    picks.forEach((pick, i) => {
      const from = objects[pick % objects.length];
      const to = objects[(pick * 7 + i) % objects.length];
      if (from && to) from[`back${i}`] = to;
    });
    return traits;
  });

const wide = fc.dictionary(anyKey, fc.oneof(fc.integer(), fc.string(), address, withAddress), {
  minKeys: 90,
  maxKeys: 300,
});
const anyTraits = fc.oneof(anyValue, deep, cyclic, wide);
const anyUserId = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.constantFrom(undefined, null, '', '  ', ' u1 ', Number('12345678901234567890'), Number.MAX_SAFE_INTEGER, 2 ** 53),
  fc.bigInt(),
  fc.double(),
);

const patterns = fc.array(fc.oneof(anyKey, fc.constantFrom(/^a/, /_/g, /.*/, /^$/y)), { maxLength: 5 });
/** Options at and past their limits, and values that make no sense. */
const extremeOptions = fc.record(
  {
    nested: fc.constantFrom('flatten', 'reject', 'sideways'),
    separator: fc.oneof(fc.string(), fc.constantFrom('', '@', '.', 'x'.repeat(1000))),
    maxKeyLength: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(1e9, Number.MAX_SAFE_INTEGER, 0, -1, 0.5)),
    maxStringLength: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constantFrom(1e9, Number.MAX_SAFE_INTEGER, -1)),
    maxAttributes: fc.oneof(fc.integer({ min: 1, max: 150 }), fc.constantFrom(1e9, Number.MAX_SAFE_INTEGER, 0)),
    anonymousAttributes: fc.oneof(patterns, fc.anything()),
  },
  { requiredKeys: [] },
);

/** The allowlist the options stand for, read as Hotjar's rule says: a string is the whole key. */
function allowedBy(options: Record<string, unknown>): (key: string) => boolean {
  const list = options.anonymousAttributes;
  const valid = Array.isArray(list) && list.every((p) => typeof p === 'string' || p instanceof RegExp);
  if (!valid) return (key) => ANONYMOUS_ALLOWED.has(key);
  return (key) =>
    (list as Array<string | RegExp>).some((p) => {
      if (typeof p === 'string') return p === key;
      return new RegExp(p.source, p.flags.replace(/[gy]/g, '')).test(key);
    });
}

describe('independent checker', () => {
  it('recognises every generated address, alone and inside text', () => {
    fc.assert(
      fc.property(fc.oneof(address, withAddress), (text) => {
        expect(holdsAddress(text)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('does not take text without an address for one', () => {
    for (const text of ['no address @ here', 'a@b', '@example.com', 'a@.com', 'a@b.c', 'user_1', 'x@y.1a']) {
      expect(holdsAddress(text)).toBe(false);
    }
  });
});

describe('toHotjarIdentify: any input', () => {
  it('never throws and always gives output Hotjar accepts: keys, values, user id, anonymous rule', () => {
    fc.assert(
      fc.property(anyUserId, anyTraits, (userId, traits) => {
        arm(traits);
        const result = toHotjarIdentify(userId, traits);
        expect(checkIdentify(result, userId)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('without a user id, sends only allowlisted attributes and no address', () => {
    fc.assert(
      fc.property(fc.constantFrom(null, undefined, '', '  '), anyTraits, (userId, traits) => {
        arm(traits);
        const result = toHotjarIdentify(userId, traits);
        expect(result.userId).toBeNull();
        expect(checkIdentify(result, userId)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('never throws with extreme options, and keeps the privacy rules whatever they are', () => {
    fc.assert(
      fc.property(anyUserId, anyTraits, extremeOptions, (userId, traits, options) => {
        arm(traits);
        const result = toHotjarIdentify(userId, traits, options as IdentifyOptions);
        expect(checkPrivacy(result, allowedBy(options))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the limits it is given', () => {
    const limits = fc.record({
      maxKeyLength: fc.integer({ min: 1, max: 60 }),
      maxStringLength: fc.integer({ min: 1, max: 300 }),
      maxAttributes: fc.integer({ min: 1, max: 120 }),
    });
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), anyTraits, limits, (userId, traits, given) => {
        arm(traits);
        expect(checkIdentify(toHotjarIdentify(userId, traits, given), userId, given)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('accounts for every top-level trait: kept, flattened, dropped or truncated', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), address),
          fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant({})),
        ),
        (traits) => {
          const result = toHotjarIdentify('u', traits);
          const seen = new Set([...Object.keys(result.attributes), ...result.dropped.map((d) => d.key)]);
          for (const key of Object.keys(traits)) expect(seen.has(holdsAddress(key) ? '<email>' : key)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('toHotjarIdentify: past maxAttributes', () => {
  it('accounts for every key of flat traits once: kept, dropped, or counted in the one attribute-limit entry', () => {
    fc.assert(
      fc.property(
        fc.dictionary(anyKey, fc.oneof(fc.integer(), fc.string(), fc.constant(null), address), { maxKeys: 300 }),
        fc.integer({ min: 1, max: 150 }),
        (traits, maxAttributes) => {
          const result = toHotjarIdentify('u1', traits, { maxAttributes });
          const kept = Object.keys(result.attributes).length;
          const limits = result.dropped.filter((d) => d.reason === 'attribute-limit');
          expect(limits.length).toBeLessThanOrEqual(1);
          if (limits.length === 1) expect(kept).toBe(maxAttributes);
          const accounted = result.dropped.reduce((sum, d) => sum + 1 + (d.more ?? 0), kept);
          expect(accounted).toBe(Object.keys(traits).length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('toHotjarEventName: any input', () => {
  it('never throws and gives null or a name Hotjar accepts', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.string({ unit: 'binary' }), fc.string({ maxLength: 600 }), address, withAddress),
        (name) => {
          expect(checkEventName(toHotjarEventName(name))).toBeNull();
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps every letter and digit in order, and puts "_" only where something was refused', () => {
    // The name given and the name sent, each without spaces and underscores: what is left of the
    // name given, once the characters Hotjar refuses are gone, is exactly what is sent.
    const core = (text: string, dropRefused: boolean) =>
      [...text].filter((c) => c !== ' ' && c !== '_' && (!dropRefused || isAcceptedInName(c))).join('');
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom(' ', '  ', '\t', '#', '@', '(', ')', '%', '!', '_', '🎉', ' # ', '-', 'é'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const name = pieces.join('').normalize('NFC');
        const result = toHotjarEventName(name);
        if (result === null || name.length > 200) return;
        expect(core(result, false)).toBe(core(name, true));
        // As many underscores as the name had, plus at most one per refused run.
        const underscores = (text: string) => [...text].filter((c) => c === '_').length;
        let refusedRuns = 0;
        let inRun = false;
        for (const c of name) {
          const refused = !isAcceptedInName(c) && !/^\s$/u.test(c);
          if (refused && !inRun) refusedRuns++;
          inRun = refused;
        }
        expect(underscores(result)).toBeGreaterThanOrEqual(underscores(name));
        expect(underscores(result)).toBeLessThanOrEqual(underscores(name) + refusedRuns);
        // A refused run next to a space or at an edge leaves nothing: an underscore there is the name's own.
        const atSpaceOrEdge = [...result].filter(
          (c, i, all) => c === '_' && (i === 0 || i === all.length - 1 || all[i - 1] === ' ' || all[i + 1] === ' '),
        ).length;
        expect(atSpaceOrEdge).toBeLessThanOrEqual(underscores(name));
      }),
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

describe('events.map: any output', () => {
  // A name the map may give: any text, an address in any form, something huge.
  const mappedName = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 40 }),
    address,
    withAddress,
    address.map((a) => encodeURIComponent(encodeURIComponent(a))),
    address.map((a) => a.replace('@', '\uff20').replace(/\./g, '\uff0e')),
    address.map((a) => a.toUpperCase()),
    fc.string({ minLength: 300, maxLength: 2000 }),
  );
  const THROW = Symbol('throw');
  const output = fc.oneof(
    mappedName,
    fc.array(mappedName, { maxLength: 14 }),
    fc.array(fc.oneof(mappedName, anyValue), { maxLength: 4 }),
    anyValue,
    fc.constant(THROW),
  );

  it('never throws, and every event Hotjar gets is a name it accepts, with no address in it or in a report', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 30 }), address, withAddress),
        fc.dictionary(anyKey, anyValue, { maxKeys: 6 }),
        output,
        fc.constantFrom('sanitize' as const, 'strict' as const),
        (name, properties, given, mode) => {
          arm(properties);
          arm(given);
          const runtime = recordingRuntime();
          const diagnostics: HotjarDiagnostic[] = [];
          const bridge = createHotjarBridge({
            siteId: 1,
            runtime,
            eventName: { mode },
            onDiagnostic: (d) => diagnostics.push(d),
            events: {
              map: () => {
                if (given === THROW) throw new Error(name);
                return given as never;
              },
            },
          });
          const outcome = bridge.track(name, properties);
          expect(runtime.calls.length).toBeLessThanOrEqual(10);
          for (const call of runtime.calls) {
            expect(call[0]).toBe('event');
            expect(typeof call[1]).toBe('string');
            expect(checkEventName(call[1] as string)).toBeNull();
          }
          for (const d of diagnostics) {
            for (const text of [d.message, d.subject ?? '']) {
              expect(holdsAddress(text.normalize('NFKC'))).toBe(false);
              // A report quotes at most two names, each cut to 100 characters.
              expect(text.length).toBeLessThanOrEqual(400);
            }
          }
          expect(holdsAddress(outcome.message.normalize('NFKC'))).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });
});

// --- Addresses in every written form, in every place -------------------------------------

/** Each ASCII character of `text` written full-width where `picks` says so, as an IME types it. */
const fullWidth = (text: string, picks: boolean[]) =>
  Array.from(text, (c, i) => {
    const code = c.charCodeAt(0);
    return picks[i % Math.max(1, picks.length)] && code > 0x20 && code < 0x7f ? String.fromCharCode(code + 0xfee0) : c;
  }).join('');

/** `text` percent-encoded `times` times, the way a URL inside a URL carries it. */
const encoded = (text: string, times: number) => {
  let out = text;
  for (let i = 0; i < times; i++) out = encodeURIComponent(out);
  return out;
};

const nestedEncoding = fc
  .tuple(address, fc.integer({ min: 1, max: 12 }), fc.constantFrom('https://mail.example/r?to=', '/invite/', 'ref '))
  .map(([a, times, before]) => `${before}${encoded(a, times)}`);
const compatibilityForm = fc
  .tuple(address, fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), fc.constantFrom('', '\u200b', '\u00ad'))
  .map(([a, picks, invisible]) => fullWidth(a.replace('@', `${invisible}@`), picks));
const upperCase = address.map((a) => a.toUpperCase());
const longDomain = fc
  .tuple(
    fc.stringMatching(/^[a-z]{1,10}$/),
    fc.array(fc.stringMatching(/^[a-z0-9]{1,63}$/), { minLength: 2, maxLength: 6 }),
  )
  .map(([local, labels]) => `${local}@${labels.join('.')}.com`)
  .filter((a) => a.length - a.indexOf('@') > 64);
const idnAddress = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9.+_-]{1,20}$/),
    fc.stringMatching(/^xn--[a-z0-9]{2,20}$/),
    fc.stringMatching(/^(xn--[a-z0-9]{2,8}|[a-z]{2,6})$/),
  )
  .filter(([local]) => !local.startsWith('.') && !local.endsWith('.') && !local.includes('..'))
  .map(([local, label, tld]) => `${local}@${label}.${tld}`);
// Characters drawn as nothing, from each block Unicode lists them in: format characters, variation
// selectors, combining and Mongolian marks, Hangul fillers, unassigned ones, tags.
const INVISIBLE_RANGES: Array<[number, number]> = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff0, 0xfff8],
  [0x1bca0, 0x1bca3],
  [0x1d173, 0x1d17a],
  [0xe0000, 0xe0fff],
];
const invisibleCharacter = fc
  .constantFrom(...INVISIBLE_RANGES)
  .chain(([from, to]) => fc.integer({ min: from, max: to }))
  .map((code) => String.fromCodePoint(code));
/** An address with invisible characters inserted anywhere in it: right after the last dot, around '@', in a label. */
const invisibleInserted = fc
  .tuple(address, fc.array(fc.tuple(fc.nat(), invisibleCharacter), { minLength: 1, maxLength: 4 }))
  .map(([a, inserts]) => {
    const chars = Array.from(a);
    for (const [at, c] of inserts) chars.splice(at % (chars.length + 1), 0, c);
    return chars.join('');
  });
const afterLastDot = fc
  .tuple(address, invisibleCharacter)
  .map(([a, c]) => `${a.slice(0, a.lastIndexOf('.') + 1)}${c}${a.slice(a.lastIndexOf('.') + 1)}`);
const anyForm = fc.oneof(
  nestedEncoding,
  compatibilityForm,
  upperCase,
  longDomain,
  idnAddress,
  withAddress,
  invisibleInserted,
  afterLastDot,
);

describe('the checker reads every written form', () => {
  it('finds the address in each generated form', () => {
    fc.assert(
      fc.property(anyForm, (text) => {
        expect(holdsAddress(text)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('addresses in every written form, in every place', () => {
  const bridgeWithDiagnostics = (options: { debug?: boolean } = {}) => {
    const runtime = recordingRuntime();
    const diagnostics: HotjarDiagnostic[] = [];
    const bridge = createHotjarBridge({ siteId: 1, runtime, onDiagnostic: (d) => diagnostics.push(d), ...options });
    return { bridge, runtime, diagnostics };
  };

  it('never sends an address outside `email`: values and keys of a known user', () => {
    fc.assert(
      fc.property(anyForm, fc.constantFrom('bio', 'referrer', 'utm_term', 'note'), (text, key) => {
        const result = toHotjarIdentify('u1', { [key]: text, [text]: 1, nested: { [text]: 'x' } });
        expect(result.attributes).toEqual({});
        expect(checkIdentify(result, 'u1')).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('never sends an address for an anonymous visitor, in any allowlisted value', () => {
    fc.assert(
      fc.property(anyForm, fc.constantFrom('referrer', 'initial_referrer', 'utm_term', 'utm_campaign'), (text, key) => {
        const result = toHotjarIdentify(null, { [key]: text });
        for (const value of Object.values(result.attributes)) expect(holdsAddress(String(value))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an event name and a page path that hold an address', () => {
    fc.assert(
      fc.property(anyForm, (text) => {
        expect(toHotjarEventName(text)).toBeNull();
        const { bridge, runtime } = bridgeWithDiagnostics();
        // A query string or fragment is cut from a path before it is read: those characters are
        // taken out here, and the path is checked only while what is left still holds an address
        // (`" #@a.aa"` does not once its `#` is gone).
        const path = `/p/${text.replace(/[?#]/g, '')}`;
        bridge.page(path);
        if (holdsAddress(path)) expect(runtime.calls).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every address out of diagnostics and the debug log, whoever reports', () => {
    fc.assert(
      fc.property(anyForm, (text) => {
        const logged: unknown[][] = [];
        const log = vi.spyOn(console, 'log').mockImplementation((...args) => logged.push(args));
        const warn = vi.spyOn(console, 'warn').mockImplementation((...args) => logged.push(args));
        const { bridge, diagnostics } = bridgeWithDiagnostics({ debug: true });
        bridge.identify(text, { email: 'jane@example.com' });
        bridge.identify('u1', { [text]: 1, [`initial_${text}`]: 'x', bio: text });
        bridge.track(text);
        bridge.track(`[Amplitude] ${text}`);
        bridge.page(text);
        bridge.report({ kind: 'skipped', call: 'event', reason: 'excluded', subject: text });
        bridge.report({
          kind: 'skipped',
          call: 'identify',
          reason: 'already-set-once',
          subject: `initial_${text}`,
          message: `identify: "initial_${text}" skipped`,
        });
        expect(diagnostics.length).toBeGreaterThan(0);
        for (const d of diagnostics) {
          expect(holdsAddress(d.message)).toBe(false);
          expect(holdsAddress(d.subject ?? '')).toBe(false);
        }
        log.mockRestore();
        warn.mockRestore();
        expect(logged.length).toBeGreaterThan(0);
        for (const line of logged) expect(holdsAddress(JSON.stringify(line))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  // Only the address brings an '@': every form of it, after text of any length.
  const addressOnly = fc.oneof(
    address,
    nestedEncoding,
    compatibilityForm,
    upperCase,
    longDomain,
    idnAddress,
    invisibleInserted,
    afterLastDot,
  );
  it('shows no part of an address that crosses the length reports and log lines are cut to', () => {
    fc.assert(
      fc.property(
        addressOnly,
        fc.integer({ min: 0, max: 1200 }),
        fc.constantFrom('', ' ', '"', '/'),
        (text, length, separator) => {
          const long = `${'x'.repeat(length)}${separator}${text}`;
          const logged: unknown[][] = [];
          const log = vi.spyOn(console, 'log').mockImplementation((...args) => logged.push(args));
          const warn = vi.spyOn(console, 'warn').mockImplementation((...args) => logged.push(args));
          const { bridge, diagnostics } = bridgeWithDiagnostics({ debug: true });
          bridge.identify(long, { plan: 'pro' });
          bridge.track(`[Amplitude] ${long}`);
          bridge.report({ kind: 'skipped', call: 'identify', reason: 'already-set-once', subject: `initial_${long}` });
          bridge.report({ kind: 'skipped', call: 'event', reason: 'excluded', message: `event: "${long}" skipped` });
          log.mockRestore();
          warn.mockRestore();
          expect(diagnostics.length).toBeGreaterThan(0);
          for (const d of diagnostics) {
            expect(holdsAddressStart(d.message), d.message).toBe(false);
            expect(holdsAddressStart(d.subject ?? ''), d.subject).toBe(false);
          }
          expect(logged.length).toBeGreaterThan(0);
          for (const line of logged) expect(holdsAddressStart(JSON.stringify(line))).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps an internationalised address, in its ASCII form, as `email` of a known user', () => {
    fc.assert(
      fc.property(idnAddress, (email) => {
        expect(toHotjarIdentify('u1', { email }).attributes).toEqual({ email });
      }),
      { numRuns: 200 },
    );
  });
});

// --- URLs of anonymous visitors -------------------------------------------------------------

describe('URL values of anonymous visitors', () => {
  const urls = fc
    .tuple(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.option(fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[a-z0-9]{0,8}$/))),
    )
    .map(([url, credentials]) =>
      credentials === null ? url : url.replace('://', `://${credentials[0]}:${credentials[1]}@`),
    );

  it('sends an allowlisted URL without query string, fragment or credentials, and reports it', () => {
    fc.assert(
      fc.property(urls, fc.constantFrom('referrer', 'initial_referrer', 'utm_content', 'ab_test'), (url, key) => {
        const result = toHotjarIdentify(null, { [key]: url });
        const sent = result.attributes[key];
        if (sent === undefined) {
          expect(result.dropped.map((d) => d.key)).toContain(key);
          return;
        }
        expect(typeof sent).toBe('string');
        const text = String(sent);
        expect(text).not.toMatch(/[?#]/);
        // Nothing between the scheme and the host: no user name or password.
        const authority = text.slice(text.indexOf('//') + 2).split('/')[0] ?? '';
        expect(authority).not.toContain('@');
        const given = new URL(url);
        expect(text.startsWith(`${given.protocol}//${given.host}`)).toBe(true);
        // A `%3F` or `%40` in the path reads as `?` or `@` once decoded: cut too.
        const hadMore = /[?#@]/.test(readEveryForm(url)) || given.username !== '' || given.password !== '';
        expect(result.reduced.includes(key)).toBe(hadMore);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts the query string of a URL written without its scheme too', () => {
    const schemeless = fc
      .tuple(
        fc.webUrl({ withQueryParameters: true }),
        fc.constantFrom('', '//'),
        fc.stringMatching(/^[a-z]{1,6}=[a-z]{1,6}$/),
      )
      .map(([url, start, query]) => `${start}${url.replace(/^[a-z]+:\/\//, '').replace(/\?.*$/, '')}?${query}`);
    fc.assert(
      fc.property(schemeless, (url) => {
        const result = toHotjarIdentify(null, { referrer: url });
        const sent = result.attributes.referrer;
        if (sent === undefined) {
          expect(result.dropped).toEqual([{ key: 'referrer', reason: expect.any(String) }]);
          return;
        }
        expect(String(sent)).not.toMatch(/[?#]/);
        expect(result.reduced).toEqual(['referrer']);
      }),
      { numRuns: 300 },
    );
  });

  it('sends the URL of a known user whole (cut to the length limit only)', () => {
    fc.assert(
      fc.property(urls, (url) => {
        const result = toHotjarIdentify('u1', { referrer: url }, { maxStringLength: 10_000 });
        if (!holdsAddress(url)) expect(result.attributes.referrer).toBe(url);
        expect(result.reduced).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

// --- Every allowlisted value of an anonymous visitor, in any written form ---------------------

/** `text` as a reader finally sees it: percent-decoded, NFKC, backslashes as slashes, until stable. */
function readEveryForm(text: string): string {
  let form = text;
  for (let round = 0; round < 20; round++) {
    const next = percentDecoded(form.normalize('NFKC')).split('\\').join('/');
    if (next === form) break;
    form = next;
  }
  return form;
}

/** Why `value` is not safe to send without a user id: a query, a fragment or credentials left in it. */
function leftInAnonymousValue(value: string): string | null {
  const form = readEveryForm(value);
  // The generated credentials are upper case with `_`, which no generated host holds.
  if (/name=|JANE_U|PW_S/.test(form)) return `query or credentials: ${form}`;
  if (form.includes('?') || form.includes('#')) return `query or fragment: ${form}`;
  // The platform's own URL parser, as a second reader: the text as a URL, with a scheme added
  // when it has none that the parser accepts.
  for (const candidate of [form, `https://${form}`]) {
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      continue;
    }
    if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
      return `URL parts left in ${candidate}`;
    }
  }
  return null;
}

describe('allowlisted values of anonymous visitors, in every written form', () => {
  const host = fc.oneof(
    fc.constantFrom(
      'crm.example',
      'пример.рф',
      'crm.example.xn--p1ai',
      '192.0.2.10',
      '[2001:db8::1]',
      'localhost:3000',
      'crm.example.com.',
      'CRM.Example:8443',
    ),
    fc.domain(),
  );
  const written = fc
    .tuple(
      fc.constantFrom('', 'https://', 'https:', '//', 'https:\\\\', 'HTTP://', 'android-app://', 'https:///'),
      fc.constantFrom('', 'JANE_U:PW_S@', 'JANE_U@', ':PW_S@', 'JANE_U:PW%40_S@', 'JANE_U:PW_S@JANE_U:PW_S@'),
      host,
      fc.constantFrom('', '/customers/view', '\\customers\\view', '/a/', '/caf%C3%A9'),
      fc.constantFrom('', '?name=Jane+Doe&phone=555', '?', '?name=Jane%20Doe', '\uFF1Fname=Jane', '%3Fname=Jane'),
      fc.constantFrom('', '#name=Jane', '#', '\uFF03name=Jane'),
    )
    .map((parts) => parts.join(''));
  const encoded = fc.tuple(written, fc.integer({ min: 0, max: 3 }), fc.boolean()).map(([text, times, spaces]) => {
    let form = spaces ? ` ${text} ` : text;
    for (let i = 0; i < times; i++) form = encodeURIComponent(form);
    return form;
  });
  const allowlisted = fc.constantFrom(...ANONYMOUS_ALLOWED);

  it('never holds a query, a fragment or credentials, however the value is written', () => {
    fc.assert(
      fc.property(encoded, allowlisted, (value, key) => {
        const result = toHotjarIdentify(null, { [key]: value });
        const sent = result.attributes[key];
        if (sent === undefined) {
          expect(result.dropped.map((d) => d.key)).toEqual([key]);
          return;
        }
        expect(leftInAnonymousValue(String(sent))).toBeNull();
        expect(result.reduced.includes(key)).toBe(String(sent) !== value);
      }),
      { numRuns: 1000 },
    );
  });

  it('sends a campaign value with no `?`, `#`, `@` or `%` as given', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\w .:/+&=,!()-]{1,60}$/), allowlisted, (value, key) => {
        const result = toHotjarIdentify(null, { [key]: value });
        expect(result.attributes[key]).toBe(value);
        expect(result.reduced).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
