import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingRuntime } from '../../../test/shared/recording-runtime';
import type { HotjarDiagnostic } from '../src/diagnostics';
import type { HotjarBridgeOptions } from '../src/options';

type Mode = 'development' | 'production';

/** The core's modules as a build for `mode` loads them: `process.env.NODE_ENV` is read once, at import. */
async function coreFor(mode: Mode) {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = mode;
  vi.resetModules();
  try {
    return {
      bridge: await import('../src/bridge'),
      support: await import('../src/plugin-support'),
    };
  } finally {
    process.env.NODE_ENV = before;
  }
}

afterEach(() => {
  vi.resetModules();
});

/** Every call that writes a sentence in development, through one bridge. */
async function scenario(mode: Mode) {
  const { bridge: core } = await coreFor(mode);
  const runtime = recordingRuntime({ snippetRuns: false });
  const diagnostics: HotjarDiagnostic[] = [];
  const options: HotjarBridgeOptions = {
    siteId: 1234567,
    runtime,
    onDiagnostic: (d) => diagnostics.push(d),
    identify: { maxAttributes: 2 },
    events: {
      map: ({ name }) => (name === 'none' ? null : name === 'many' ? ['a', 5 as unknown as string] : `${name}!`),
    },
  };
  const bridge = core.createHotjarBridge(options);
  const outcomes = [
    bridge.load(),
    bridge.identify('   ', { a: 1 }),
    bridge.identify('u1', { a: 1, b: 2, c: 3, d: 4, tags: ['x'] }),
    bridge.track('none'),
    bridge.track('many'),
    bridge.track('Order #1'),
  ];
  return { diagnostics, outcomes, calls: runtime.calls };
}

describe('a production build', () => {
  it('throws option errors that name the option and the value, without the expectation', async () => {
    const dev = await coreFor('development');
    const prod = await coreFor('production');
    expect(() => dev.bridge.createHotjarBridge({ siteId: 'abc' })).toThrow(
      '[hotjar-bridge] siteId must be your Hotjar site id: a positive integer or a string of digits, got "abc"',
    );
    expect(() => prod.bridge.createHotjarBridge({ siteId: 'abc' })).toThrow(
      new TypeError('[hotjar-bridge] siteId is invalid, got "abc"'),
    );
    expect(() => prod.bridge.createHotjarBridge({ siteId: 1, consent: 'yes' as 'granted' })).toThrow(
      new TypeError('[hotjar-bridge] consent is invalid, got "yes"'),
    );
    expect(() => prod.support.flag({ on: 1 }, 'on')).toThrow(new TypeError('[hotjar-bridge] on is invalid, got 1'));
  });

  it('reports the same diagnostics and sends the same calls, with codes for messages', async () => {
    const dev = await scenario('development');
    const prod = await scenario('production');
    const fields = (list: HotjarDiagnostic[]) => list.map(({ message: _, ...rest }) => rest);
    expect(fields(prod.diagnostics)).toEqual(fields(dev.diagnostics));
    expect(prod.calls).toEqual(dev.calls);
    expect(prod.outcomes.map((o) => (typeof o === 'object' ? o.forwarded : o))).toEqual(
      dev.outcomes.map((o) => (typeof o === 'object' ? o.forwarded : o)),
    );
    // Every message of a production build is the short form, written from the structured fields.
    for (const d of prod.diagnostics) {
      const subject = d.subject === undefined ? '' : ` "${d.subject}"`;
      const more = d.kind === 'dropped' && d.more !== undefined ? ` +${d.more}` : '';
      expect(d.message).toBe(`${d.call}:${subject} ${d.kind} (${d.reason})${more}`);
    }
    // The keys past maxAttributes are counted in both builds, in a field of their own.
    expect(prod.diagnostics.find((d) => d.reason === 'attribute-limit')).toMatchObject({ subject: 'c', more: 2 });
    // Development explains the same reports in words.
    expect(dev.diagnostics.map((d) => d.message)).toEqual(
      expect.arrayContaining([
        "load: Hotjar's inline snippet did not run; if a Content Security Policy blocks it, pass its nonce as the nonce option",
        'identify: user id dropped (empty-user-id), sent as null',
        'event: "none" skipped (map-none: no name)',
        'event: "many" skipped (map-invalid: a list holding a number)',
        'identify: "c" and 2 more keys dropped (attribute-limit)',
        'event: "Order 1" sent cleaned (named by events.map for "Order #1")',
      ]),
    );
    expect(prod.diagnostics.map((d) => d.message)).toEqual(
      expect.arrayContaining([
        'load: load (snippet-blocked)',
        'identify: "c" dropped (attribute-limit) +2',
        'event: "none" skipped (map-none)',
        'event: "many" skipped (map-invalid)',
        'event: "Order 1" renamed (sanitized)',
      ]),
    );
  });
});
