import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANONYMOUS_ATTRIBUTES } from '../src/anonymous-attributes';
import { toHotjarIdentify, toHotjarUserId } from '../src/identify';

const reasons = (result: ReturnType<typeof toHotjarIdentify>) =>
  Object.fromEntries(result.dropped.map((d) => [d.key, d.reason]));

describe('toHotjarUserId', () => {
  it('keeps a string exactly as given, spaces included: Hotjar takes a changed id for another user', () => {
    expect(toHotjarUserId('  user-1 ')).toBe('  user-1 ');
    expect(toHotjarUserId('user-1')).toBe('user-1');
  });
  it('turns a number within the safe range into its string', () => {
    expect(toHotjarUserId(42)).toBe('42');
    expect(toHotjarUserId(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
  });
  it('gives null for a number outside the safe range instead of another user id', () => {
    expect(toHotjarUserId(Number('12345678901234567890'))).toBeNull();
    expect(toHotjarUserId(-(2 ** 60))).toBeNull();
  });
  it('turns a bigint into its exact digits', () => {
    expect(toHotjarUserId(12345678901234567890n)).toBe('12345678901234567890');
  });
  it.each([undefined, null, '', '   ', {}, [], Number.NaN, Number.POSITIVE_INFINITY, true, Symbol('x')])(
    'gives null for %s',
    (value) => {
      expect(toHotjarUserId(value)).toBeNull();
    },
  );
});

describe('toHotjarIdentify: user id', () => {
  it.each([
    ['', 'empty-user-id'],
    [' \t ', 'empty-user-id'],
    [Number('12345678901234567890'), 'unsafe-number'],
    [Number.NaN, 'not-finite'],
    [{ id: 1 }, 'invalid-user-id'],
    [true, 'invalid-user-id'],
  ])('says why the user id %j was not used, and maps the call as anonymous', (userId, reason) => {
    const result = toHotjarIdentify(userId, { plan: 'pro', ab_test: 'b' });
    expect(result.userId).toBeNull();
    expect(result.userIdDropped).toBe(reason);
    expect(result.attributes).toEqual({ ab_test: 'b' });
  });

  it('reports nothing for an id left out on purpose', () => {
    expect(toHotjarIdentify(null, {}).userIdDropped).toBeUndefined();
    expect(toHotjarIdentify(undefined, {}).userIdDropped).toBeUndefined();
    expect(toHotjarIdentify('u1', {}).userIdDropped).toBeUndefined();
  });
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

  it('takes values at the edges of the safe range, and a Date of any realm cut like any string', () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    const result = toHotjarIdentify(
      'u1',
      {
        top: max,
        bottom: -max,
        over: max + 1n,
        under: -max - 1n,
        zero: -0,
        framed: runInNewContext('new Date(Date.UTC(2024, 0, 2))'),
        tagged: Object.assign(new Date(0), { [Symbol.toStringTag]: 'Moment' }),
        fake: { [Symbol.toStringTag]: 'Date', getTime: () => 0 },
        revoked: (() => {
          const { proxy, revoke } = Proxy.revocable(new Date(0), {});
          revoke();
          return proxy;
        })(),
      },
      { maxStringLength: 10 },
    );
    expect(result.attributes).toEqual({
      top: Number.MAX_SAFE_INTEGER,
      bottom: -Number.MAX_SAFE_INTEGER,
      zero: 0,
      framed: '2024-01-02',
      tagged: '1970-01-01',
    });
    expect(Object.is(result.attributes.zero, 0)).toBe(true);
    expect(result.truncated).toEqual(['framed', 'tagged']);
    expect(reasons(result)).toEqual({
      over: 'bigint-out-of-range',
      under: 'bigint-out-of-range',
      fake: 'non-plain-object',
      revoked: 'non-plain-object',
    });
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
      expect(result).toEqual({ userId: 'u1', attributes: {}, dropped: [], truncated: [], reduced: [] });
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

  it('reports an empty nested object', () => {
    const result = toHotjarIdentify('u1', { prefs: {}, plan: 'pro', a: { b: {} } });
    expect(result.attributes).toEqual({ plan: 'pro' });
    expect(result.dropped).toEqual([
      { key: 'prefs', reason: 'empty-object' },
      { key: 'a_b', reason: 'empty-object' },
    ]);
  });

  it('drops values nested deeper than 32 levels, whatever the key length allows, and never overflows the stack', () => {
    let twentyThousandLevels: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 20_000; i++) twentyThousandLevels = { l: twentyThousandLevels };
    const result = toHotjarIdentify('u1', twentyThousandLevels, { maxKeyLength: 1e9 });
    expect(result.attributes).toEqual({});
    expect(result.dropped).toEqual([{ key: Array(33).fill('l').join('_'), reason: 'too-deep' }]);

    let shallow: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 31; i++) shallow = { l: shallow };
    expect(Object.keys(toHotjarIdentify('u1', shallow, { maxKeyLength: 1e9 }).attributes)).toEqual([
      `${Array(31).fill('l').join('_')}_leaf`,
    ]);
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

  it('keeps at most maxAttributes, in order, and drops the rest in one entry that counts them', () => {
    const traits = Object.fromEntries(Array.from({ length: 105 }, (_, i) => [`k${i}`, i]));
    const result = toHotjarIdentify('u1', traits);
    expect(Object.keys(result.attributes)).toHaveLength(100);
    expect(result.attributes.k99).toBe(99);
    expect(result.dropped).toEqual([{ key: 'k100', reason: 'attribute-limit', more: 4 }]);
  });

  it('reads no further than the limit: 200,000 traits give one attribute-limit entry', () => {
    const traits: Record<string, unknown> = {};
    for (let i = 0; i < 200_000; i++) traits[`k${i}`] = i % 3 === 0 ? null : `v${i}`;
    const result = toHotjarIdentify('u1', traits, { maxAttributes: 3 });
    expect(result.attributes).toEqual({ k1: 'v1', k2: 'v2', k4: 'v4' });
    expect(result.dropped).toEqual([
      { key: 'k0', reason: 'null' },
      { key: 'k3', reason: 'null' },
      { key: 'k5', reason: 'attribute-limit', more: 199_994 },
    ]);
  });

  it('counts the keys left in the object being read and in the objects around it', () => {
    const result = toHotjarIdentify(
      'u1',
      { a: 1, address: { city: 'Oslo', street: 'x', zip: { code: 1, box: 2 }, country: 'NO' }, b: 2, c: { d: 3 } },
      { maxAttributes: 2 },
    );
    expect(result.attributes).toEqual({ a: 1, address_city: 'Oslo' });
    // street named; zip and country left in `address`; b and c left around it.
    expect(result.dropped).toEqual([{ key: 'address_street', reason: 'attribute-limit', more: 4 }]);
  });

  it('names no address when the key where reading stops holds one', () => {
    const result = toHotjarIdentify('u1', { a: 1, 'jane@example.com': 2, b: 3 }, { maxAttributes: 1 });
    expect(result.dropped).toEqual([{ key: '<email>', reason: 'attribute-limit', more: 1 }]);
  });

  it('never throws for options behind a Proxy that throws', () => {
    const options = new Proxy(
      {},
      {
        get() {
          throw new Error('no options');
        },
      },
    );
    expect(toHotjarIdentify('u1', { a: 1 }, options).attributes).toEqual({ a: 1 });
  });

  it('falls back to defaults for option values that make no sense', () => {
    const result = toHotjarIdentify(
      'u1',
      { a: { b: 'x'.repeat(300) } },
      {
        maxStringLength: -1,
        nested: 'sideways' as 'flatten',
        separator: 5 as unknown as string,
        anonymousAttributes: 'plan' as unknown as string[],
      },
    );
    expect(result.attributes).toEqual({ a_b: 'x'.repeat(200) });
  });

  it('replaces only the bad option values by their defaults and keeps the good ones', () => {
    const result = toHotjarIdentify(
      null,
      { a: { b: 'x'.repeat(300) }, ab_test: 'b' },
      { maxStringLength: -1, separator: '.', anonymousAttributes: 'plan' as unknown as string[], maxAttributes: 1 },
    );
    expect(result.attributes).toEqual({ ab_test: 'b' });
    expect(
      toHotjarIdentify('u1', { a: { b: 'x'.repeat(300) } }, { maxStringLength: -1, separator: '.' }).attributes,
    ).toEqual({
      'a.b': 'x'.repeat(200),
    });
  });
});

describe('toHotjarIdentify: email addresses', () => {
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

  it('reads percent-escapes when it looks for an address, however often a URL inside a URL encoded it', () => {
    const result = toHotjarIdentify('u1', {
      referrer: 'https://mail.example/inbox?to=jane%40example.com',
      initial_referrer: 'https://mail.example.net/r?to=https%3A%2F%2Fshop.example%2Fw%3Finvitee%3Djane%2540example.com',
      utm_source: 'jane%252540example.com, three times',
      utm_medium: '100% organic',
    });
    expect(result.attributes).toEqual({ utm_medium: '100% organic' });
    expect(reasons(result)).toEqual({
      referrer: 'email-in-wrong-key',
      initial_referrer: 'email-in-wrong-key',
      utm_source: 'email-in-wrong-key',
    });
    expect(reasons(toHotjarIdentify('u1', { 'jane%40example.com': true }))).toEqual({ '<email>': 'email-in-key' });
  });

  it('drops a key that holds an email address, at any depth, and keeps the address out of the report', () => {
    const result = toHotjarIdentify('u1', {
      'jane@example.com': true,
      contacts: { 'jane@example.com': 'primary', 'Mail jane@example.com': { x: 1 } },
      plan: 'pro',
    });
    expect(result.attributes).toEqual({ plan: 'pro' });
    expect(result.dropped).toEqual([
      { key: '<email>', reason: 'email-in-key' },
      { key: 'contacts_<email>', reason: 'email-in-key' },
      { key: 'contacts_<email>', reason: 'email-in-key' },
    ]);
    expect(JSON.stringify(result)).not.toContain('jane@');
  });

  it('drops a key that the separator turns into an email address', () => {
    const result = toHotjarIdentify('u1', { 'jane@example': { com: 1 } }, { separator: '.' });
    expect(result.attributes).toEqual({});
    expect(result.dropped).toEqual([{ key: 'jane@example.<email>', reason: 'email-in-key' }]);
  });

  it('drops a nested email key when nested values are rejected, without naming it', () => {
    const result = toHotjarIdentify('u1', { 'jane@example.com': { a: 1 } }, { nested: 'reject' });
    expect(result.dropped).toEqual([{ key: '<email>', reason: 'email-in-key' }]);
  });
});

const encodeTimes = (times: number, text: string): string =>
  times === 0 ? text : encodeTimes(times - 1, encodeURIComponent(text));

describe('toHotjarIdentify: without a user id', () => {
  it.each([
    ['https://agent:pw@crm.example/customers/view?name=Jane%20Doe#notes', 'https://crm.example/customers/view'],
    ['//crm.example/customers/view?name=Jane', '//crm.example/customers/view'],
    ['crm.example/customers/view?name=Jane', 'crm.example/customers/view'],
    ['android-app://com.google.android.gm/?account=x', 'android-app://com.google.android.gm/'],
    ['HTTPS://CRM.example:8443/view?x=1', 'HTTPS://CRM.example:8443/view'],
    // Forms no test for "is this a URL" recognised: every value is read, URL-like or not.
    ['пример.рф/customers/view?name=Jane+Doe', 'пример.рф/customers/view'],
    ['crm.example.xn--p1ai/customers/view?name=Jane', 'crm.example.xn--p1ai/customers/view'],
    ['192.0.2.10/customers/view?name=Jane', '192.0.2.10/customers/view'],
    ['localhost:3000/customers/view?name=Jane', 'localhost:3000/customers/view'],
    ['crm.example.com./customers/view?name=Jane', 'crm.example.com./customers/view'],
    ['https:crm.example/customers/view?name=Jane', 'https:crm.example/customers/view'],
    ['https:\\\\crm.example\\customers\\view?name=Jane', 'https://crm.example/customers/view'],
    ['https%3A%2F%2Fcrm.example%2Fcustomers%2Fview%3Fname%3DJane', 'https://crm.example/customers/view'],
    ['https://crm.example/view%253Fname%253DJane', 'https://crm.example/view'],
    ['https://crm.example/view\uFF1Fname=Jane', 'https://crm.example/view'],
    ['jane:pw@192.0.2.10/customers/view', '192.0.2.10/customers/view'],
    ['jane:pw@192.0.2.10', '192.0.2.10'],
    ['https:jane:pw@192.0.2.10/view', '192.0.2.10/view'],
  ])('sends the URL %s as %s: its query string, fragment and credentials cut', (given, sent) => {
    const result = toHotjarIdentify(null, { referrer: given, initial_referrer: given });
    expect(result.attributes).toEqual({ referrer: sent, initial_referrer: sent });
    expect(result.reduced).toEqual(['referrer', 'initial_referrer']);
  });

  it('leaves a value without `?`, `#` or `@` in any form as given, a URL or not', () => {
    const given = {
      referrer: 'https://www.google.com/',
      ab_test: 'variant-A',
      utm_campaign: 'spring%20sale',
      utm_term: 'shoes & socks',
    };
    const result = toHotjarIdentify(null, given);
    expect(result.attributes).toEqual(given);
    expect(result.reduced).toEqual([]);
  });

  it('cuts a campaign value at its `?` or `#` too, and says so', () => {
    const result = toHotjarIdentify(null, { utm_campaign: 'spring:sale?', utm_term: 'shoes #1' });
    expect(result.attributes).toEqual({ utm_campaign: 'spring:sale', utm_term: 'shoes' });
    expect(result.reduced).toEqual(['utm_campaign', 'utm_term']);
  });

  it('drops an address as one, however it is written: its local part is not taken for credentials', () => {
    const result = toHotjarIdentify(null, {
      utm_term: 'ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ',
      utm_content: 'jane%40example.com?x=1',
      referrer: 'https:jane:pw@crm.example/view',
    });
    expect(result.attributes).toEqual({});
    expect(result.dropped.map((d) => d.reason)).toEqual([
      'email-in-wrong-key',
      'email-in-wrong-key',
      'email-in-wrong-key',
    ]);
  });

  it.each([
    ['an @ left after the credentials', 'https://crm.example/customers/@jane'],
    ['an @ inside the password', 'https://jane:p/w@192.0.2.10/view'],
    ['nothing left', '?name=Jane'],
  ])('drops a value that cannot be reduced safely: %s', (_, given) => {
    const result = toHotjarIdentify(null, { referrer: given });
    expect(result.attributes).toEqual({});
    expect(result.dropped).toEqual([{ key: 'referrer', reason: 'invalid-url' }]);
  });

  it('drops a value still encoded after the last round, as the address check reads it: unreadable to the end', () => {
    const result = toHotjarIdentify(null, { referrer: encodeTimes(9, 'https://crm.example/view?name=Jane') });
    expect(result.attributes).toEqual({});
    expect(result.dropped).toEqual([{ key: 'referrer', reason: 'email-in-wrong-key' }]);
  });

  it('keeps the whole URL of a known user', () => {
    const url = 'https://crm.example/customers/view?name=Jane%20Doe';
    expect(toHotjarIdentify('u1', { referrer: url }).attributes).toEqual({ referrer: url });
  });

  it("sends Hotjar's own example of an anonymous identify unchanged", () => {
    const result = toHotjarIdentify(null, { ab_test: 'variant-A', referrer: 'facebook_paid' });
    expect(result).toEqual({
      userId: null,
      attributes: { ab_test: 'variant-A', referrer: 'facebook_paid' },
      dropped: [],
      truncated: [],
      reduced: [],
    });
  });

  it('drops names, phone numbers, addresses and every other attribute not on the allowlist', () => {
    const result = toHotjarIdentify(null, {
      name: 'Peter Gibbons',
      phone: '+1 555 0100',
      address: { street: '6th St' },
      email: 'p@example.com',
      utm_source: 'newsletter',
      initial_utm_campaign: 'spring',
    });
    expect(result.attributes).toEqual({ utm_source: 'newsletter', initial_utm_campaign: 'spring' });
    expect(reasons(result)).toEqual({
      name: 'personal-data-without-user-id',
      phone: 'personal-data-without-user-id',
      address_street: 'personal-data-without-user-id',
      email: 'personal-data-without-user-id',
    });
  });

  it('allows by default exactly the documented list', () => {
    const campaign = [
      'referrer',
      'referring_domain',
      'utm_source',
      'utm_medium',
      'utm_campaign',
      'utm_term',
      'utm_content',
      'utm_id',
    ];
    expect([...DEFAULT_ANONYMOUS_ATTRIBUTES].sort()).toEqual(
      ['ab_test', ...campaign, ...campaign.map((k) => `initial_${k}`)].sort(),
    );
    expect(Object.isFrozen(DEFAULT_ANONYMOUS_ATTRIBUTES)).toBe(true);
  });

  it('uses a given list instead of the default: a string matches the whole flattened key', () => {
    const options = { anonymousAttributes: ['plan', /^experiment_/g] };
    const traits = { plan: 'pro', planet: 'mars', ab_test: 'b', experiment: { color: 'red' }, experiment_size: 2 };
    for (let i = 0; i < 2; i++) {
      const result = toHotjarIdentify(null, traits, options);
      expect(result.attributes).toEqual({ plan: 'pro', experiment_color: 'red', experiment_size: 2 });
      expect(reasons(result)).toEqual({
        planet: 'personal-data-without-user-id',
        ab_test: 'personal-data-without-user-id',
      });
    }
  });

  it('can extend the default list', () => {
    const result = toHotjarIdentify(
      null,
      { plan: 'pro', ab_test: 'b', name: 'Peter' },
      { anonymousAttributes: [...DEFAULT_ANONYMOUS_ATTRIBUTES, 'plan'] },
    );
    expect(result.attributes).toEqual({ plan: 'pro', ab_test: 'b' });
  });

  it('never sends an email address without a user id, even when the list names "email"', () => {
    const result = toHotjarIdentify(null, { email: 'p@example.com' }, { anonymousAttributes: ['email'] });
    expect(reasons(result)).toEqual({ email: 'personal-data-without-user-id' });
  });

  it('applies no allowlist with a user id', () => {
    const traits = { name: 'Peter Gibbons', phone: '+1 555 0100' };
    expect(toHotjarIdentify('u1', traits).attributes).toEqual(traits);
  });

  it('treats a pattern whose code throws as allowing nothing', () => {
    const hostile = /x/;
    hostile.test = () => {
      throw new Error('boom');
    };
    const result = toHotjarIdentify(null, { x: 1 }, { anonymousAttributes: [hostile] });
    expect(reasons(result)).toEqual({ x: 'personal-data-without-user-id' });
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
      reduced: [],
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
