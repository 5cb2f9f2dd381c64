import { describe, expect, it } from 'vitest';
import { recordingRuntime } from '../../../test/shared/recording-runtime';
import { createHotjarBridge } from '../src/bridge';
import type { HotjarDiagnostic } from '../src/diagnostics';
import { type EventMap, MAX_COPIED_VALUES, readOnlyCopy, runEventMap } from '../src/event-map';
import type { HotjarBridgeOptions } from '../src/options';

function setup(map: EventMap, options: Partial<HotjarBridgeOptions> = {}) {
  const runtime = recordingRuntime();
  const diagnostics: HotjarDiagnostic[] = [];
  const bridge = createHotjarBridge({
    siteId: 1234567,
    runtime,
    onDiagnostic: (d) => diagnostics.push(d),
    ...options,
    events: { ...options.events, map },
  });
  return { bridge, runtime, diagnostics };
}

// The README's example: one Hotjar event per A/B variant, and a rename.
const abMap: EventMap = ({ name, properties }) => {
  if (name === 'Experiment Viewed') return `experiment_${properties.experiment}_${properties.variation}`;
  if (name === 'Order Completed') return 'purchase';
  return name;
};

describe('events.map', () => {
  it('sends the name the map gives for the event name and properties', () => {
    const { bridge, runtime, diagnostics } = setup(abMap);
    expect(bridge.track('Experiment Viewed', { experiment: 'checkout', variation: 'b' })).toMatchObject({
      forwarded: true,
      call: ['event', 'experiment_checkout_b'],
    });
    bridge.track('Order Completed', { total: 10 });
    bridge.track('Signed Up');
    expect(runtime.calls).toEqual([
      ['event', 'experiment_checkout_b'],
      ['event', 'purchase'],
      ['event', 'Signed Up'],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('sends each name of a list as its own event', () => {
    const { bridge, runtime } = setup(({ name }) => [name, 'any event']);
    const outcome = bridge.track('Signed Up');
    expect(runtime.calls).toEqual([
      ['event', 'Signed Up'],
      ['event', 'any event'],
    ]);
    expect(outcome).toMatchObject({ forwarded: true, call: ['event', 'any event'] });
    expect(outcome.message).toBe('event: forwarded; event: forwarded');
  });

  it.each([null, undefined, []])('sends nothing, and says so, for %j', (nothing) => {
    const { bridge, runtime, diagnostics } = setup(() => nothing as never);
    expect(bridge.track('Signed Up')).toMatchObject({ forwarded: false, reason: 'map-none' });
    expect(runtime.calls).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ kind: 'skipped', call: 'event', reason: 'map-none', subject: 'Signed Up' }),
    ]);
  });

  it('reports a map that throws, without its error, and never throws', () => {
    const { bridge, runtime, diagnostics } = setup(() => {
      throw new Error('no variation for jane@example.com');
    });
    expect(bridge.track('Experiment Viewed', {})).toMatchObject({ forwarded: false, reason: 'map-threw' });
    expect(runtime.calls).toEqual([]);
    expect(diagnostics.map((d) => d.message)).toEqual(['event: "Experiment Viewed" skipped (map-threw: it threw)']);
    expect(JSON.stringify(diagnostics)).not.toContain('jane');
  });

  it.each([
    [42, 'a number'],
    [{ name: 'purchase' }, 'an object'],
    [['a', 1], 'a list holding a number'],
    [['a', null], 'a list holding null'],
    [['a', undefined], 'a list holding undefined'],
    [[['nested']], 'a list holding a list'],
    [true, 'a boolean'],
    [new Array(11).fill('a'), '11 names, at most 10'],
    [new String('purchase'), 'an object'],
  ])('reports %j as map-invalid and sends nothing', (value, why) => {
    const { bridge, runtime, diagnostics } = setup(() => value as never);
    expect(bridge.track('Signed Up')).toMatchObject({ forwarded: false, reason: 'map-invalid' });
    expect(runtime.calls).toEqual([]);
    expect(diagnostics.map((d) => d.message)).toEqual([`event: "Signed Up" skipped (map-invalid: ${why})`]);
  });

  it('reports a promise as map-invalid and keeps its rejection from going unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { bridge, runtime } = setup((async () => {
        throw new Error('async map');
      }) as never);
      expect(bridge.track('Signed Up')).toMatchObject({ forwarded: false, reason: 'map-invalid' });
      expect(runtime.calls).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it("applies include and exclude to the event's own name, before the map", () => {
    const seen: string[] = [];
    const { bridge, runtime, diagnostics } = setup(
      ({ name }) => {
        seen.push(name);
        return name === 'Order Completed' ? 'purchase' : 'debug';
      },
      { events: { include: ['Order Completed', 'Internal ping'], exclude: ['Internal ping'] } },
    );
    bridge.track('Order Completed');
    bridge.track('Internal ping');
    bridge.track('Signed Up');
    expect(seen).toEqual(['Order Completed']);
    expect(runtime.calls).toEqual([['event', 'purchase']]);
    expect(diagnostics.map((d) => d.reason)).toEqual(['excluded', 'not-included']);
  });

  it('keeps a name the map gives out when an exclude pattern matches it, before or after cleaning', () => {
    const { bridge, runtime, diagnostics } = setup(() => ['debug!', 'keep', 'tmp_1'], {
      events: { exclude: ['debug!', /^tmp_/] },
    });
    const outcome = bridge.track('Signed Up');
    expect(runtime.calls).toEqual([['event', 'keep']]);
    expect(outcome).toMatchObject({ forwarded: false, reason: 'excluded' });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'event: "debug" skipped (excluded: named by events.map for "Signed Up")',
      'event: "tmp_1" skipped (excluded: named by events.map for "Signed Up")',
    ]);
  });

  it('cleans the names the map gives by the same rules, and reports the change, quoting them as cleaned', () => {
    const { bridge, runtime, diagnostics } = setup(() => ['Variant #B!', 'x'.repeat(300), 'Variant <b>']);
    bridge.track('Experiment Viewed');
    expect(runtime.calls).toEqual([
      ['event', 'Variant B'],
      ['event', 'x'.repeat(250)],
      ['event', 'Variant b'],
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        kind: 'renamed',
        subject: 'Variant B',
        message: 'event: "Variant B" sent cleaned (named by events.map for "Experiment Viewed")',
      }),
      // A huge name is cut in the report too.
      expect.objectContaining({ kind: 'renamed', subject: `${'x'.repeat(100)}…` }),
      expect.objectContaining({ kind: 'renamed', subject: 'Variant b' }),
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain('<');
  });

  it("passes the event's own name, given back, through the same rules as any name the map gives", () => {
    const { bridge, runtime, diagnostics } = setup(({ name }) => name);
    bridge.track('Order #1 (paid)');
    bridge.track('Invited jane@example.com');
    expect(runtime.calls).toEqual([['event', 'Order 1 paid']]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'event: "Order 1 paid" sent cleaned (named by events.map for "Order #1 (paid)")',
      'event: skipped (contains-email: named by events.map)',
    ]);
  });

  // Without a map, exclude matches the event's own name as given; a name the map gives, even
  // the event's own, is also matched as cleaned.
  it.each([
    ['alone', (name: string) => name],
    ['in a list', (name: string) => [name]],
    ['in a list with another name', (name: string) => [name, 'kept']],
  ])("keeps the event's own name, given back %s, out when exclude matches it as cleaned", (_, give) => {
    const { bridge, runtime, diagnostics } = setup(({ name }) => give(name), {
      events: { exclude: ['Heartbeat', /^internal:/] },
    });
    for (const name of ['Heartbeat!', 'Heartbeat ', ' internal:probe', 'Signed Up!']) bridge.track(name);
    const sent = runtime.calls.map((call) => call[1]);
    expect(sent.filter((n) => n === 'Heartbeat' || String(n).startsWith('internal:'))).toEqual([]);
    expect(sent.filter((n) => n !== 'kept')).toEqual(['Signed Up']);
    expect(diagnostics.filter((d) => d.reason === 'excluded').map((d) => d.subject)).toEqual([
      'Heartbeat',
      'Heartbeat',
      'internal:probe',
    ]);
  });

  it('sends ten huge names cut to the name limit, and reports them cut', () => {
    const { bridge, runtime, diagnostics } = setup(() => Array.from({ length: 10 }, (_, i) => `${i}#`.repeat(50_000)));
    const outcome = bridge.track('Signed Up');
    expect(runtime.calls).toHaveLength(10);
    for (const call of runtime.calls) expect(call[1]).toMatch(/^\d(_\d){124}$/);
    expect(diagnostics).toHaveLength(10);
    for (const d of diagnostics) expect(d.message.length).toBeLessThan(200);
    expect(outcome.message.length).toBeLessThan(300);
  });

  it('uses the strict event-name mode for the names the map gives', () => {
    const { bridge, runtime } = setup(() => ['a#b', 'ok'], { eventName: { mode: 'strict' } });
    expect(bridge.track('Signed Up')).toMatchObject({ forwarded: false, reason: 'needs-change' });
    expect(runtime.calls).toEqual([['event', 'ok']]);
  });

  it('never sends, nor reports, a name the map gives with an email address in it', () => {
    const { bridge, runtime, diagnostics } = setup(({ properties }) => [
      `invited ${String(properties.email)}`,
      'invited jane%40example.com',
      'invited',
    ]);
    const outcome = bridge.track('Invited', { email: 'jane@example.com' });
    expect(runtime.calls).toEqual([['event', 'invited']]);
    expect(outcome).toMatchObject({ forwarded: false, reason: 'contains-email' });
    expect(diagnostics.map((d) => [d.reason, d.subject])).toEqual([
      ['contains-email', undefined],
      ['contains-email', undefined],
    ]);
    expect(JSON.stringify(diagnostics) + outcome.message).not.toMatch(/jane/);
  });

  it("gives the map the event's own name even with an address, and keeps it out of the report", () => {
    const { bridge, runtime, diagnostics } = setup(({ name }) => (name.startsWith('Invited') ? 'invite sent' : null));
    bridge.track('Invited jane@example.com');
    bridge.track('Shared with jane@example.com');
    expect(runtime.calls).toEqual([['event', 'invite sent']]);
    expect(diagnostics.map((d) => d.message)).toEqual(['event: skipped (map-none: no name)']);
  });

  it('is not called for a name that is not a string, or without consent', () => {
    let calls = 0;
    const map = () => {
      calls++;
      return 'x';
    };
    expect(setup(map).bridge.track(42)).toMatchObject({ forwarded: false, reason: 'not-a-string' });
    expect(setup(map, { consent: 'pending' }).bridge.track('Signed Up')).toMatchObject({ reason: 'consent-pending' });
    expect(calls).toBe(0);
  });
});

describe('events.map: the properties it is given', () => {
  it('are a frozen copy: a map that changes them changes nothing outside', () => {
    const properties = { experiment: 'checkout', cart: { items: [{ sku: 'a' }] }, at: new Date(0) };
    const { bridge, runtime, diagnostics } = setup((event) => {
      const p = event.properties as { experiment: string; cart: { items: Array<{ sku: string }> }; at: Date };
      // Sloppy-mode code would change them silently; these throw in strict mode, as modules are.
      for (const change of [
        () => Object.assign(p, { experiment: 'changed' }),
        () => p.cart.items.push({ sku: 'b' }),
        () => Object.assign(p.cart.items[0] ?? {}, { sku: 'changed' }),
        () => Object.assign(event, { name: 'changed' }),
      ]) {
        try {
          change();
        } catch {
          // Expected: frozen.
        }
      }
      p.at.setTime(1);
      return `${event.name} ${p.experiment} ${p.cart.items.length}`;
    });
    bridge.track('Experiment Viewed', properties);
    expect(runtime.calls).toEqual([['event', 'Experiment Viewed checkout 1']]);
    expect(properties).toEqual({ experiment: 'checkout', cart: { items: [{ sku: 'a' }] }, at: new Date(0) });
    expect(diagnostics).toEqual([]);
  });

  it('are {} when the event has none, or something other than an object', () => {
    const given: unknown[] = [];
    const { bridge } = setup(({ properties }) => {
      given.push(properties);
      return null;
    });
    bridge.track('a');
    bridge.track('b', ['x']);
    bridge.track('c', 'text');
    expect(given).toEqual([{}, {}, {}]);
    expect(given.every((p) => Object.isFrozen(p))).toBe(true);
  });
});

// Every value a copy holds, at every level, each object counted once: written apart from the copy.
function countValues(root: unknown): number {
  const seen = new Set<object>();
  let count = 0;
  const walk = (value: unknown) => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    for (const item of Object.values(value)) {
      count++;
      walk(item);
    }
  };
  walk(root);
  return count;
}

// A list of a million items that counts how many of them are read.
function countedHugeList() {
  const counted = { reads: 0 };
  const items = new Proxy(
    Array.from({ length: 1_000_000 }, (_, i) => i),
    {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) counted.reads++;
        return Reflect.get(target, key, receiver);
      },
    },
  );
  return { items, counted };
}

describe('events.map: properties of any size', () => {
  it('gives the map the small properties beside a list of a million items, reading a bounded part of it', () => {
    const { items, counted } = countedHugeList();
    const seen: Array<Readonly<Record<string, unknown>>> = [];
    const { bridge, runtime, diagnostics } = setup(({ properties }) => {
      seen.push(properties);
      return `plan_${String(properties.plan)}_${String((properties.cart as { step?: unknown }).step)}`;
    });
    bridge.track('Cart Viewed', { items, plan: 'pro', cart: { step: 2 } });
    expect(runtime.calls).toEqual([['event', 'plan_pro_2']]);
    expect(diagnostics).toEqual([]);
    expect(counted.reads).toBeLessThanOrEqual(MAX_COPIED_VALUES);
    expect(countValues(seen[0])).toBeLessThanOrEqual(MAX_COPIED_VALUES);
    // The list is there, cut short, its first items in order.
    const list = seen[0]?.items as number[];
    expect(Array.isArray(list) && list.length > 0 && list.length < MAX_COPIED_VALUES).toBe(true);
    expect(list.slice(0, 3)).toEqual([0, 1, 2]);
  });
});

describe('readOnlyCopy', () => {
  it('holds at most the budget of values, the smallest lists and objects whole, at any depth', () => {
    const { items, counted } = countedHugeList();
    let deep: Record<string, unknown> = { end: 'deep' };
    for (let i = 0; i < 5; i++) deep = { deep };
    // Left for the huge list: 50, less the 4 top-level values, less the 7 in `second` and `deep`.
    const copy = readOnlyCopy({ first: items, second: { items }, plan: 'pro', deep }, 50) as Record<string, unknown>;
    expect(countValues(copy)).toBe(50);
    expect(counted.reads).toBeLessThanOrEqual(50);
    expect(copy.plan).toBe('pro');
    expect(copy.deep).toEqual({ deep: { deep: { deep: { deep: { deep: { end: 'deep' } } } } } });
    // The same list reached twice is copied once, so both places show the same cut copy.
    expect((copy.second as { items: unknown }).items).toBe(copy.first);
    expect(copy.first).toEqual(Array.from({ length: 39 }, (_, i) => i));
    expect(Object.isFrozen(copy.first)).toBe(true);
  });

  it('copies a typed array as a list of its first items', () => {
    const copy = readOnlyCopy({ bytes: new Uint8Array(1_000_000).fill(7) }) as { bytes: number[] };
    expect(Array.isArray(copy.bytes)).toBe(true);
    expect(copy.bytes.length).toBe(MAX_COPIED_VALUES - 1);
    expect(copy.bytes.every((b) => b === 7)).toBe(true);
  });

  it('with the budget spent, leaves each further list and object empty, and frozen', () => {
    const copy = readOnlyCopy({ a: 1, b: [1, 2], c: { d: 1 } }, 3) as Record<string, unknown>;
    expect(copy).toEqual({ a: 1, b: [], c: {} });
    expect(Object.isFrozen(copy.b) && Object.isFrozen(copy.c)).toBe(true);
  });

  it('copies and freezes at every level, keeping cycles', () => {
    const cyclic: Record<string, unknown> = { a: [1, { b: 2 }] };
    cyclic.self = cyclic;
    const copy = readOnlyCopy(cyclic) as Record<string, unknown> & { a: [number, { b: number }] };
    expect(copy).not.toBe(cyclic);
    expect(copy.self).toBe(copy);
    expect(copy.a).toEqual([1, { b: 2 }]);
    expect(Object.isFrozen(copy) && Object.isFrozen(copy.a) && Object.isFrozen(copy.a[1])).toBe(true);
  });

  it('leaves out what cannot be read, and what is nested too deep', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const hostile = {
      get boom() {
        throw new Error('getter');
      },
      revoked: proxy,
      ok: 1,
    };
    expect(readOnlyCopy(hostile)).toEqual({ revoked: undefined, ok: 1 });
    let deep: Record<string, unknown> = { end: true };
    for (let i = 0; i < 10_000; i++) deep = { deep };
    expect(() => readOnlyCopy(deep)).not.toThrow();
  });

  it('keeps a "__proto__" key as a key', () => {
    const copy = readOnlyCopy(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.keys(copy)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });
});

describe('runEventMap', () => {
  it('reads a list once, whatever its getters do', () => {
    let reads = 0;
    const list = ['a', 'b'];
    Object.defineProperty(list, 1, {
      get: () => {
        reads++;
        return reads === 1 ? 'b' : 'jane@example.com';
      },
    });
    expect(runEventMap(() => list, 'x', {})).toEqual({ names: ['a', 'b'] });
    expect(reads).toBe(1);
  });

  it('reads no further than 10 names, whatever length a list claims', () => {
    const claims = new Proxy(['a'], { get: (target, key) => (key === 'length' ? 1e9 : Reflect.get(target, key)) });
    expect(runEventMap(() => claims, 'x', {})).toMatchObject({ names: null, problem: 'map-invalid' });
  });

  it('reports a list that cannot be read', () => {
    const { proxy, revoke } = Proxy.revocable(['a'], {});
    revoke();
    expect(runEventMap(() => proxy, 'x', {})).toMatchObject({ names: null, problem: 'map-invalid' });
  });
});
