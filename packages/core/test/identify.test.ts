import { describe, expect, it } from 'vitest';
import { toHotjarIdentify, toHotjarUserId } from '../src/identify';

const reasons = (result: ReturnType<typeof toHotjarIdentify>) =>
  Object.fromEntries(result.dropped.map((d) => [d.key, d.reason]));

describe('toHotjarUserId', () => {
  it('keeps a non-empty string, trimmed', () => {
    expect(toHotjarUserId('  user-1 ')).toBe('user-1');
  });
  it('turns a finite number into its string', () => {
    expect(toHotjarUserId(42)).toBe('42');
  });
  it.each([undefined, null, '', '   ', {}, [], Number.NaN, Number.POSITIVE_INFINITY, true, Symbol('x')])(
    'gives null for %s',
    (value) => {
      expect(toHotjarUserId(value)).toBeNull();
    },
  );
});

describe('toHotjarIdentify: values', () => {
  it('keeps booleans, safe numbers and strings as they are', () => {
    const result = toHotjarIdentify('u1', { a: true, b: 0, c: -12.5, d: 'text', e: Number.MAX_SAFE_INTEGER });
    expect(result.attributes).toEqual({ a: true, b: 0, c: -12.5, d: 'text', e: Number.MAX_SAFE_INTEGER });
    expect(result.dropped).toEqual([]);
  });

  it('turns a Date into its ISO string and drops an invalid Date', () => {
    const result = toHotjarIdentify('u1', {
      first_purchase: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
      bad: new Date('x'),
    });
    expect(result.attributes).toEqual({ first_purchase: '2024-01-02T03:04:05.000Z' });
    expect(reasons(result)).toEqual({ bad: 'invalid-date' });
  });

  it('turns a safe bigint into a number and drops an unsafe one', () => {
    const result = toHotjarIdentify('u1', { small: 12n, big: 2n ** 60n, negative: -(2n ** 60n) });
    expect(result.attributes).toEqual({ small: 12 });
    expect(reasons(result)).toEqual({ big: 'bigint-out-of-range', negative: 'bigint-out-of-range' });
  });

  it('drops every value Hotjar cannot take, each with its reason', () => {
    class Plan {
      name = 'pro';
    }
    const result = toHotjarIdentify('u1', {
      n: null,
      u: undefined,
      nan: Number.NaN,
      inf: Number.NEGATIVE_INFINITY,
      unsafe: 2 ** 60,
      fn: () => 1,
      sym: Symbol('s'),
      list: ['a', 'b'],
      map: new Map(),
      set: new Set([1]),
      plan: new Plan(),
      boxed: new String('x'),
      re: /x/,
    });
    expect(result.attributes).toEqual({});
    expect(reasons(result)).toEqual({
      n: 'null',
      u: 'undefined',
      nan: 'not-finite',
      inf: 'not-finite',
      unsafe: 'unsafe-number',
      fn: 'function',
      sym: 'symbol',
      list: 'array',
      map: 'non-plain-object',
      set: 'non-plain-object',
      plan: 'non-plain-object',
      boxed: 'non-plain-object',
      re: 'non-plain-object',
    });
  });

  it('drops a value behind a getter that throws and keeps the rest', () => {
    const traits = {
      before: 1,
      get broken(): string {
        throw new Error('boom');
      },
      after: 2,
    };
    const result = toHotjarIdentify('u1', traits);
    expect(result.attributes).toEqual({ before: 1, after: 2 });
    expect(reasons(result)).toEqual({ broken: 'getter-threw' });
  });

  it('drops an empty key', () => {
    const result = toHotjarIdentify('u1', { '': 'x', ok: 1 });
    expect(result.attributes).toEqual({ ok: 1 });
    expect(result.dropped).toEqual([{ key: '', reason: 'empty-key' }]);
  });

  it.each([null, undefined, 'traits', 42, ['a'], new Map([['a', 1]]), new Date()])(
    'gives no attributes for traits that are not a plain object: %s',
    (traits) => {
      const result = toHotjarIdentify('u1', traits);
      expect(result).toEqual({ userId: 'u1', attributes: {}, dropped: [], truncated: [] });
    },
  );

  it('accepts objects without a prototype', () => {
    const traits = Object.assign(Object.create(null) as Record<string, unknown>, { plan: 'pro' });
    expect(toHotjarIdentify('u1', traits).attributes).toEqual({ plan: 'pro' });
  });

  it('keeps "__proto__" and "constructor" as ordinary attribute names', () => {
    const traits = JSON.parse('{"__proto__": "x", "constructor": "y"}') as unknown;
    const result = toHotjarIdentify('u1', traits);
    expect(Object.keys(result.attributes)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(result.attributes)).toBe(Object.prototype);
  });
});

describe('toHotjarIdentify: nested traits', () => {
  // Segment's Hotjar documentation: Hotjar drops all of `address` when it is sent nested.
  const segmentExample = { name: 'Peter Gibbons', address: { street: '6th St', city: 'San Francisco', state: 'CA' } };

  it('flattens nested objects with "_" by default', () => {
    const result = toHotjarIdentify('u1', segmentExample);
    expect(result.attributes).toEqual({
      name: 'Peter Gibbons',
      address_street: '6th St',
      address_city: 'San Francisco',
      address_state: 'CA',
    });
  });

  it('flattens to any depth with the given separator', () => {
    const result = toHotjarIdentify('u1', { a: { b: { c: { d: 1 } } } }, { separator: '.' });
    expect(result.attributes).toEqual({ 'a.b.c.d': 1 });
  });

  it('drops the whole nested value with nested: "reject", as Hotjar would', () => {
    const result = toHotjarIdentify('u1', segmentExample, { nested: 'reject' });
    expect(result.attributes).toEqual({ name: 'Peter Gibbons' });
    expect(result.dropped).toEqual([{ key: 'address', reason: 'nested' }]);
  });

  it('detects cycles and keeps everything else', () => {
    const user: Record<string, unknown> = { plan: 'pro' };
    user.self = user;
    const traits = { user, other: { back: user } };
    const result = toHotjarIdentify('u1', traits);
    expect(result.attributes).toEqual({ user_plan: 'pro', other_back_plan: 'pro' });
    expect(reasons(result)).toEqual({ user_self: 'cycle', other_back_self: 'cycle' });
  });

  it('produces keys in the object order, depth first', () => {
    const result = toHotjarIdentify('u1', { z: 1, a: { y: 2, b: { x: 3 } }, c: 4 });
    expect(Object.keys(result.attributes)).toEqual(['z', 'a_y', 'a_b_x', 'c']);
  });

  it('keeps the first of two traits that produce the same key', () => {
    const result = toHotjarIdentify('u1', { a_b: 1, a: { b: 2 } });
    expect(result.attributes).toEqual({ a_b: 1 });
    expect(result.dropped).toEqual([{ key: 'a_b', reason: 'duplicate-key' }]);
  });

  it('stops descending once keys can only be too long', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 10_000; i++) deep = { level: deep };
    const result = toHotjarIdentify('u1', deep);
    expect(result.attributes).toEqual({});
    expect(result.dropped).toHaveLength(1);
    expect(result.dropped[0]?.reason).toBe('key-too-long');
  });
});

describe('toHotjarIdentify: limits', () => {
  it('drops keys longer than maxKeyLength instead of cutting them', () => {
    const long = 'k'.repeat(51);
    const result = toHotjarIdentify('u1', { [long]: 1, ['k'.repeat(50)]: 2 });
    expect(result.attributes).toEqual({ ['k'.repeat(50)]: 2 });
    expect(result.dropped).toEqual([{ key: long, reason: 'key-too-long' }]);
  });

  it('cuts strings longer than maxStringLength and lists their keys', () => {
    const result = toHotjarIdentify('u1', { bio: 'x'.repeat(250), short: 'y' }, { maxStringLength: 200 });
    expect(result.attributes.bio).toBe('x'.repeat(200));
    expect(result.truncated).toEqual(['bio']);
  });

  it('never cuts a surrogate pair in half', () => {
    const result = toHotjarIdentify('u1', { s: `${'a'.repeat(9)}😀` }, { maxStringLength: 10 });
    expect(result.attributes.s).toBe('a'.repeat(9));
  });

  it('keeps at most maxAttributes, in order, and drops the rest', () => {
    const traits = Object.fromEntries(Array.from({ length: 105 }, (_, i) => [`k${i}`, i]));
    const result = toHotjarIdentify('u1', traits);
    expect(Object.keys(result.attributes)).toHaveLength(100);
    expect(result.attributes.k99).toBe(99);
    expect(result.dropped.map((d) => d.key)).toEqual(['k100', 'k101', 'k102', 'k103', 'k104']);
    expect(new Set(result.dropped.map((d) => d.reason))).toEqual(new Set(['attribute-limit']));
  });

  it('falls back to defaults for option values that make no sense', () => {
    const result = toHotjarIdentify(
      'u1',
      { a: { b: 'x'.repeat(300) } },
      {
        maxStringLength: -1,
        nested: 'sideways' as 'flatten',
        separator: 5 as unknown as string,
      },
    );
    expect(result.attributes).toEqual({ a_b: 'x'.repeat(200) });
  });
});

describe('toHotjarIdentify: email and personal data', () => {
  it('keeps an email address under the key "email"', () => {
    const result = toHotjarIdentify('u1', { email: ' peter@example.com ' });
    expect(result.attributes).toEqual({ email: 'peter@example.com' });
  });

  it('drops "email" when it is not one email address', () => {
    const result = toHotjarIdentify('u1', { email: 'not an address' });
    expect(reasons(result)).toEqual({ email: 'invalid-email' });
    expect(reasons(toHotjarIdentify('u1', { email: 42 }))).toEqual({ email: 'invalid-email' });
  });

  it('drops any other attribute that contains an email address', () => {
    const result = toHotjarIdentify('u1', {
      contact: 'write to peter@example.com',
      work_email: 'p@initech.com',
      person: { email: 'p@initech.com' },
      note: 'no address @ here',
    });
    expect(result.attributes).toEqual({ note: 'no address @ here' });
    expect(reasons(result)).toEqual({
      contact: 'email-in-wrong-key',
      work_email: 'email-in-wrong-key',
      person_email: 'email-in-wrong-key',
    });
  });

  it('drops "email" when there is no user id: no personal data without one', () => {
    // Hotjar's example of anonymous attributes: safe ones are kept.
    const result = toHotjarIdentify(null, { email: 'p@example.com', ab_test: 'variant_b', referrer: 'newsletter' });
    expect(result.userId).toBeNull();
    expect(result.attributes).toEqual({ ab_test: 'variant_b', referrer: 'newsletter' });
    expect(reasons(result)).toEqual({ email: 'personal-data-without-user-id' });
  });

  it("maps Hotjar's documented example attributes", () => {
    const result = toHotjarIdentify('user_12345', {
      email: 'peter@example.com',
      total_spend: 1350.5,
      first_purchase: new Date(Date.UTC(2019, 5, 20)),
    });
    expect(result).toEqual({
      userId: 'user_12345',
      attributes: { email: 'peter@example.com', total_spend: 1350.5, first_purchase: '2019-06-20T00:00:00.000Z' },
      dropped: [],
      truncated: [],
    });
  });
});

describe('toHotjarIdentify: input', () => {
  it('never mutates its input', () => {
    const traits = { a: { b: [1, 2], c: new Date(0) }, email: 'x@example.com', long: 'z'.repeat(300) };
    const copy = structuredClone(traits);
    toHotjarIdentify(null, traits);
    expect(traits).toEqual(copy);
  });

  it('survives a revoked proxy', () => {
    const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
    revoke();
    expect(() => toHotjarIdentify('u1', { p: proxy })).not.toThrow();
    expect(toHotjarIdentify('u1', proxy).attributes).toEqual({});
  });

  it('reports an object whose keys cannot be listed', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    const result = toHotjarIdentify('u1', { ok: 1, hostile });
    expect(result.attributes).toEqual({ ok: 1 });
    expect(reasons(result)).toEqual({ hostile: 'unreadable' });
  });
});

describe('toHotjarIdentify: repeated calls with the same keys', () => {
  const traits = (n: number) => ({ plan: `plan-${n}`, seats: n, company: { name: 'Initech', size: n }, beta: n > 1 });

  it('gives each call its own values, keys in order, in a new object', () => {
    const results = [1, 2, 3, 4].map((n) => toHotjarIdentify('u1', traits(n)));
    results.forEach((result, i) => {
      const n = i + 1;
      expect(result.attributes).toEqual({
        plan: `plan-${n}`,
        seats: n,
        company_name: 'Initech',
        company_size: n,
        beta: n > 1,
      });
      expect(Object.keys(result.attributes)).toEqual(['plan', 'seats', 'company_name', 'company_size', 'beta']);
      expect(Object.getPrototypeOf(result.attributes)).toBe(Object.prototype);
    });
    results[2]!.attributes.plan = 'changed';
    expect(toHotjarIdentify('u1', traits(3)).attributes.plan).toBe('plan-3');
  });

  it('still finds duplicates, missing and extra keys after them', () => {
    for (let i = 0; i < 3; i++) toHotjarIdentify('u1', { a: { b: 1, c: 2 }, d: 3 });
    expect(toHotjarIdentify('u1', { a_b: 0, a: { b: 1, c: 2 }, d: 3 })).toMatchObject({
      attributes: { a_b: 0, a_c: 2, d: 3 },
      dropped: [{ key: 'a_b', reason: 'duplicate-key' }],
    });
    expect(toHotjarIdentify('u1', { a: { c: 2, b: 1 }, c: 0, a_c: 5 })).toMatchObject({
      attributes: { a_c: 2, a_b: 1, c: 0 },
      dropped: [{ key: 'a_c', reason: 'duplicate-key' }],
    });
    expect(toHotjarIdentify('u1', { a: { b: 1 } }).attributes).toEqual({ a_b: 1 });
    expect(toHotjarIdentify('u1', { a: { b: 1, c: 2 }, d: 3, e: 4 }).attributes).toEqual({
      a_b: 1,
      a_c: 2,
      d: 3,
      e: 4,
    });
  });

  it('keeps "__proto__" an own attribute every time', () => {
    for (let i = 0; i < 3; i++) {
      const result = toHotjarIdentify('u1', JSON.parse(`{"__proto__": "x${i}", "plan": "pro"}`) as unknown);
      expect(Object.keys(result.attributes)).toEqual(['__proto__', 'plan']);
      expect(Object.getOwnPropertyDescriptor(result.attributes, '__proto__')?.value).toBe(`x${i}`);
      expect(Object.getPrototypeOf(result.attributes)).toBe(Object.prototype);
    }
  });
});
