import { describe, expect, it } from 'vitest';
import { toTraits } from '../src/user-properties';

describe('toTraits', () => {
  it('lets $set win over $setOnce and plain keys over both', () => {
    const { traits, unsupported } = toTraits({
      $setOnce: { a: 'once', b: 'once' },
      $set: { b: 'set', c: 'set' },
      c: 'plain',
    });
    expect({ ...traits }).toEqual({ a: 'once', b: 'set', c: 'plain' });
    expect(unsupported).toEqual([]);
  });

  it('lists every other $-operation as unsupported', () => {
    const { traits, unsupported } = toTraits({ $add: { n: 1 }, $unset: { x: '-' }, $clearAll: '-', $set: { k: 1 } });
    expect(unsupported).toEqual(['$add', '$unset', '$clearAll']);
    expect({ ...traits }).toEqual({ k: 1 });
  });

  it('keeps a __proto__ key as a trait without touching any prototype', () => {
    const $set = JSON.parse('{"__proto__": {"polluted": true}, "plan": "pro"}') as Record<string, unknown>;
    const { traits } = toTraits({ $set });
    expect(Object.keys(traits)).toEqual(['__proto__', 'plan']);
    expect(Object.getPrototypeOf(traits)).toBe(null);
    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
  });

  it('reads each value once and keeps a throwing getter throwing, for the core to report', () => {
    let reads = 0;
    const $set = {
      get plan() {
        reads += 1;
        return 'pro';
      },
      get broken(): string {
        throw new Error('getter exploded');
      },
    };
    const { traits } = toTraits({ $set });
    expect(reads).toBe(1);
    expect(traits.plan).toBe('pro');
    expect(Object.keys(traits)).toEqual(['plan', 'broken']);
    expect(() => traits.broken).toThrow('getter exploded');
  });

  it.each([undefined, null, 'text', 42, ['a']])('gives no traits for user_properties %j', (value) => {
    expect(toTraits(value)).toEqual({ traits: {}, unsupported: [], placeholders: [], setOnce: [] });
  });

  it('ignores $set and $setOnce values that are not objects', () => {
    expect({ ...toTraits({ $set: 'x', $setOnce: ['y'] }).traits }).toEqual({});
  });

  it("leaves out Amplitude's 'EMPTY' placeholders for initial_* keys set once, and lists them", () => {
    const { traits, placeholders } = toTraits({
      $setOnce: {
        initial_utm_source: 'newsletter',
        initial_utm_medium: 'EMPTY',
        initial_referrer: 'EMPTY',
        plan: 'EMPTY',
      },
      $set: { utm_source: 'newsletter', initial_gclid: 'EMPTY' },
    });
    expect({ ...traits }).toEqual({
      initial_utm_source: 'newsletter',
      plan: 'EMPTY',
      utm_source: 'newsletter',
      initial_gclid: 'EMPTY',
    });
    expect(placeholders).toEqual(['initial_utm_medium', 'initial_referrer']);
  });

  it('does not list a placeholder that $set then gives a value', () => {
    const { traits, placeholders } = toTraits({
      $setOnce: { initial_utm_medium: 'EMPTY' },
      $set: { initial_utm_medium: 'email' },
    });
    expect({ ...traits }).toEqual({ initial_utm_medium: 'email' });
    expect(placeholders).toEqual([]);
  });
});
