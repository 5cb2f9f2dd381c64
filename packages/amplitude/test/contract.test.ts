import type { Types } from '@amplitude/analytics-browser';
import { hotjarPlugin } from '@hotjar-bridge/amplitude';
import type { HotjarDiagnostic } from '@hotjar-bridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordingRuntime } from '../../../test/shared/recording-runtime';
import { amplitudeEvent, signedIn, unitPlugin } from './unit-plugin';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A cyclic object with a getter that throws, and the throwing getter's key. */
function hostile(): Record<string, unknown> {
  const value: Record<string, unknown> = { plan: 'pro' };
  value.self = value;
  Object.defineProperty(value, 'secret', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });
  return value;
}

const throwingProxy = new Proxy(
  {},
  {
    ownKeys() {
      throw new Error('ownKeys');
    },
    get() {
      throw new Error('get');
    },
    getPrototypeOf() {
      throw new Error('getPrototypeOf');
    },
  },
);

describe('execute keeps the promises the SDK depends on', () => {
  it('returns a promise, resolves with the same event and leaves it untouched', async () => {
    const { execute } = await unitPlugin({ pageChanges: true });
    const event = deepFreeze(
      amplitudeEvent('$identify', {
        user_id: 'u',
        user_properties: { $set: { plan: 'pro', address: { city: 'Berlin' } }, $add: { n: 1 } },
      }),
    );
    const snapshot = structuredClone(event);
    const pending = execute(event);
    expect(pending).toBeInstanceOf(Promise);
    const result = await pending;
    expect(result.event).toBe(event);
    expect(event).toEqual(snapshot);
  });

  it('survives cyclic user properties and getters that throw, forwarding what it can', async () => {
    const { execute, runtime, diagnostics } = await signedIn('u');
    const result = await execute(amplitudeEvent('$identify', { user_id: 'u', user_properties: { $set: hostile() } }));
    expect(result.code).toBe(200);
    // The cycle is cut where it closes: one level of `self` is flattened like any nested object.
    expect(runtime.calls).toEqual([['identify', 'u', { plan: 'pro', self_plan: 'pro' }]]);
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subject: 'self_self', reason: 'cycle' }),
        expect.objectContaining({ subject: 'secret', reason: 'getter-threw' }),
      ]),
    );
  });

  it('resolves 400 when reading the event itself throws', async () => {
    const { execute, runtime, diagnostics } = await unitPlugin();
    const event = {
      get event_type(): string {
        throw new Error('event_type');
      },
    };
    const result = await execute(event);
    expect(result).toMatchObject({ code: 400, message: expect.stringContaining('reading the event threw') });
    expect(runtime.calls).toEqual([]);
    expect(diagnostics).toMatchObject([{ kind: 'skipped', reason: 'internal-error' }]);
  });

  it.each([
    ['user_properties', amplitudeEvent('$identify', { user_id: 'u', user_properties: throwingProxy })],
    ['$set', amplitudeEvent('$identify', { user_id: 'u', user_properties: { $set: throwingProxy } })],
    ['event_properties', amplitudeEvent('[Amplitude] Page Viewed', { event_properties: throwingProxy })],
  ])('resolves when %s is a Proxy that throws on every access', async (_, event) => {
    const { execute } = await unitPlugin({ pageChanges: true });
    const result = await execute(event);
    expect([200, 400]).toContain(result.code);
  });

  it('never rejects, whatever the event holds', async () => {
    const { execute } = await unitPlugin({ pageChanges: true, forwardAmplitudeEvents: true });
    const eventType = fc.oneof(
      fc.constantFrom('$identify', '$groupidentify', '[Amplitude] Page Viewed', 'revenue_amount'),
      fc.string(),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(
        eventType,
        fc.anything(),
        fc.anything(),
        fc.anything(),
        async (type, userId, props, eventProps) => {
          const event = { event_type: type, user_id: userId, user_properties: props, event_properties: eventProps };
          const snapshot = JSON.stringify(event, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
          const result = await execute(event);
          expect([200, 400]).toContain(result.code);
          expect(result.message.startsWith('[hotjar-bridge] ')).toBe(true);
          expect(JSON.stringify(event, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))).toBe(snapshot);
        },
      ),
    );
  });
});

describe('setup and the identity hooks never reject', () => {
  it('resolves setup when reading the config throws, and then loads nothing', async () => {
    const runtime = recordingRuntime();
    const diagnostics: HotjarDiagnostic[] = [];
    const plugin = hotjarPlugin({ siteId: 1, runtime, onDiagnostic: (d) => diagnostics.push(d) });
    const config = {
      get optOut(): boolean {
        throw new Error('optOut');
      },
    };
    await expect(plugin.setup?.(config as unknown as Types.BrowserConfig, {} as Types.BrowserClient)).resolves.toBe(
      undefined,
    );
    plugin.grantConsent();
    expect(runtime.injections).toEqual([]);
    expect(diagnostics).toMatchObject([{ kind: 'load', reason: 'internal-error' }]);
  });

  it('keeps grantConsent() from throwing when the config turns hostile after setup', async () => {
    const runtime = recordingRuntime();
    const plugin = hotjarPlugin({ siteId: 1, runtime, consent: 'pending' });
    const config = {
      optOut: false,
      get userId(): string {
        throw new Error('userId');
      },
    };
    await plugin.setup?.(config as unknown as Types.BrowserConfig, {} as Types.BrowserClient);
    expect(() => plugin.grantConsent()).not.toThrow();
    expect(runtime.injections).toHaveLength(1);
  });

  it('resolves onIdentityChanged and onOptOutChanged for any input', async () => {
    const { plugin } = await unitPlugin();
    const identity = {
      get userId(): string {
        throw new Error('userId');
      },
    };
    await expect(plugin.onIdentityChanged?.(identity)).resolves.toBe(undefined);
    await expect(plugin.onOptOutChanged?.(false)).resolves.toBe(undefined);
  });
});
