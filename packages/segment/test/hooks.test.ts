import type { HotjarDiagnostic } from '@hotjar-bridge/core';
import { Context } from '@segment/analytics-next';
import { describe, expect, it } from 'vitest';
import { recordingRuntime } from '../../../test/shared/recording-runtime';
import packageJson from '../package.json';
import { type HotjarPluginOptions, hotjarPlugin } from '../src/index';

const packageVersion = packageJson.version;

function setup(
  options: Partial<HotjarPluginOptions> = {},
  runtimeOptions: Parameters<typeof recordingRuntime>[0] = {},
) {
  const runtime = recordingRuntime(runtimeOptions);
  const diagnostics: HotjarDiagnostic[] = [];
  const plugin = hotjarPlugin({ siteId: 1234567, runtime, onDiagnostic: (d) => diagnostics.push(d), ...options });
  return { plugin, runtime, diagnostics };
}

const ctx = (event: Record<string, unknown>) => new Context(event as never);
const consent = (granted: boolean) => ({ consent: { categoryPreferences: { Analytics: granted } } });
const warnings = (context: Context) =>
  context
    .logs()
    .filter((log) => log.level === 'warn')
    .map((log) => log.message);

describe('hotjarPlugin: shape', () => {
  it('is a destination named Hotjar with the package version', () => {
    const { plugin } = setup();
    expect(plugin).toMatchObject({ name: 'Hotjar', type: 'destination', version: packageVersion });
    expect(plugin.isLoaded()).toBe(true);
    // Hotjar has no such calls, but every call left out is reported: Segment hands them only to a hook.
    expect([plugin.group, plugin.alias, plugin.screen].every((hook) => typeof hook === 'function')).toBe(true);
  });

  it('loads Hotjar in load()', async () => {
    const { plugin, runtime } = setup();
    await plugin.load(ctx({ type: 'page' }), {} as never);
    expect(runtime.injections).toEqual([{ siteId: 1234567, version: 6, debug: false, nonce: undefined }]);
  });

  it('load() resolves even when the page side throws, so Segment keeps the destination', async () => {
    const { plugin, runtime, diagnostics } = setup();
    runtime.inject = () => {
      throw new Error('blocked');
    };
    await expect(plugin.load(ctx({ type: 'page' }), {} as never)).resolves.toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ kind: 'load', reason: 'internal-error' })]);
  });

  it('unload() stops forwarding', async () => {
    const { plugin, runtime } = setup();
    plugin.track?.(ctx({ type: 'track', event: 'Before' }));
    await plugin.unload?.(ctx({ type: 'page' }), {} as never);
    plugin.track?.(ctx({ type: 'track', event: 'After' }));
    expect(runtime.calls).toEqual([['event', 'Before']]);
  });

  it('queues calls that arrive before load(), so nothing is lost', async () => {
    const { plugin, runtime } = setup();
    plugin.track?.(ctx({ type: 'track', event: 'Early' }));
    await plugin.load(ctx({ type: 'page' }), {} as never);
    plugin.track?.(ctx({ type: 'track', event: 'Late' }));
    expect(runtime.calls).toEqual([
      ['event', 'Early'],
      ['event', 'Late'],
    ]);
  });
});

describe('hotjarPlugin.identify', () => {
  it('sends the user id and mapped traits, and logs each drop on the context', async () => {
    const { plugin, runtime, diagnostics } = setup();
    const context = ctx({
      type: 'identify',
      userId: 'user_1',
      traits: { plan: 'pro', address: { city: 'SF' }, tags: ['a'] },
    });
    expect(await plugin.identify?.(context)).toBe(context);
    expect(runtime.calls).toEqual([['identify', 'user_1', { plan: 'pro', address_city: 'SF' }]]);
    expect(diagnostics.map((d) => d.reason)).toEqual(['array']);
    expect(warnings(context)).toEqual(['[hotjar-bridge] identify: "tags" dropped (array)']);
  });

  it('sends nothing without a userId, as Segment documents for Hotjar', () => {
    const { plugin, runtime, diagnostics } = setup();
    plugin.identify?.(ctx({ type: 'identify', userId: null, anonymousId: 'anon', traits: { plan: 'pro' } }));
    expect(runtime.calls).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ kind: 'skipped', reason: 'nothing-to-send' })]);
  });

  it('sends an anonymous identify with identifyAnonymous, with only the allowlisted traits: no email, name, phone or address', () => {
    const { plugin, runtime, diagnostics } = setup({ identifyAnonymous: true });
    const traits = {
      email: 'p@example.com',
      name: 'Peter Gibbons',
      phone: '+1 555 0100',
      address: { street: '6th St' },
      ab_test: 'b',
    };
    plugin.identify?.(ctx({ type: 'identify', userId: null, traits }));
    expect(runtime.calls).toEqual([['identify', null, { ab_test: 'b' }]]);
    expect(diagnostics.map((d) => [d.subject, d.reason])).toEqual([
      ['email', 'personal-data-without-user-id'],
      ['name', 'personal-data-without-user-id'],
      ['phone', 'personal-data-without-user-id'],
      ['address_street', 'personal-data-without-user-id'],
    ]);
  });

  it('takes the anonymous allowlist from identify.anonymousAttributes', () => {
    const { plugin, runtime } = setup({ identifyAnonymous: true, identify: { anonymousAttributes: [/^plan$/] } });
    plugin.identify?.(ctx({ type: 'identify', userId: null, traits: { plan: 'pro', ab_test: 'b' } }));
    expect(runtime.calls).toEqual([['identify', null, { plan: 'pro' }]]);
  });

  it('sends nothing for an anonymous identify left with no attributes once its email is dropped', () => {
    const { plugin, runtime, diagnostics } = setup({ identifyAnonymous: true });
    const context = ctx({ type: 'identify', userId: null, traits: { email: 'p@example.com' } });
    plugin.identify?.(context);
    expect(runtime.calls).toEqual([]);
    expect(diagnostics.at(-1)).toMatchObject({ kind: 'skipped', call: 'identify', reason: 'nothing-to-send' });
    expect(warnings(context).at(-1)).toBe('[hotjar-bridge] identify: skipped (nothing-to-send)');
  });
});

describe('hotjarPlugin.track', () => {
  it('sends the cleaned event name and never the properties', () => {
    const { plugin, runtime } = setup();
    plugin.track?.(ctx({ type: 'track', event: 'Order #1 (paid)', properties: { total: 10, email: 'p@example.com' } }));
    expect(runtime.calls).toEqual([['event', 'Order 1 paid']]);
  });

  it('gives events.map the event properties, and sends each name it gives', () => {
    const { plugin, runtime } = setup({
      events: { map: ({ name, properties }) => [name, `variant ${String(properties.variation)}`] },
    });
    plugin.track?.(ctx({ type: 'track', event: 'Experiment Viewed', properties: { variation: 'b' } }));
    expect(runtime.calls).toEqual([
      ['event', 'Experiment Viewed'],
      ['event', 'variant b'],
    ]);
  });

  it('skips names the events option excludes, and says so on the context', () => {
    const { plugin, runtime } = setup({ events: { exclude: [/^Internal/] } });
    const context = ctx({ type: 'track', event: 'Internal ping' });
    plugin.track?.(context);
    plugin.track?.(ctx({ type: 'track', event: 'Signed up' }));
    expect(runtime.calls).toEqual([['event', 'Signed up']]);
    expect(warnings(context)).toEqual(['[hotjar-bridge] event: "Internal ping" skipped (excluded)']);
  });

  it('logs an event it cannot send on the context', () => {
    const { plugin, runtime } = setup();
    const context = ctx({ type: 'track', event: 'Invited p@example.com' });
    plugin.track?.(context);
    expect(runtime.calls).toEqual([]);
    expect(warnings(context)).toEqual(['[hotjar-bridge] event: skipped (contains-email)']);
  });
});

describe('hotjarPlugin.page', () => {
  it('does nothing without pageChanges', () => {
    const { plugin, runtime } = setup();
    plugin.page?.(ctx({ type: 'page', context: { page: { path: '/pricing', search: '?a=1' } } }));
    expect(runtime.calls).toEqual([]);
  });

  it("sends stateChange with the page's path alone with pageChanges", () => {
    const { plugin, runtime } = setup({ pageChanges: true });
    plugin.page?.(ctx({ type: 'page', context: { page: { path: '/pricing', search: '?a=1' } } }));
    plugin.page?.(ctx({ type: 'page', context: { page: { path: '/plain' } } }));
    plugin.page?.(ctx({ type: 'page' }));
    expect(runtime.calls).toEqual([
      ['stateChange', '/pricing'],
      ['stateChange', '/plain'],
      ['stateChange', '/current'],
    ]);
  });
});

describe('hotjarPlugin: consentCategory', () => {
  it('loads nothing and forwards nothing until an event grants the category', async () => {
    const { plugin, runtime } = setup({ consentCategory: 'Analytics' });
    await plugin.load(ctx({ type: 'page' }), {} as never);
    plugin.track?.(ctx({ type: 'track', event: 'No consent info' }));
    plugin.track?.(ctx({ type: 'track', event: 'Denied', context: consent(false) }));
    expect(runtime.injections).toEqual([]);
    expect(runtime.calls).toEqual([]);
    plugin.track?.(ctx({ type: 'track', event: 'Granted', context: consent(true) }));
    expect(runtime.injections).toHaveLength(1);
    plugin.track?.(ctx({ type: 'track', event: 'Withdrawn', context: consent(false) }));
    plugin.track?.(ctx({ type: 'track', event: 'Granted again', context: consent(true) }));
    expect(runtime.calls).toEqual([
      ['event', 'Granted'],
      ['event', 'Granted again'],
    ]);
    expect(runtime.injections).toHaveLength(1);
  });

  it('a page event grants or withholds consent like any other', () => {
    const { plugin, runtime } = setup({ consentCategory: 'Analytics', pageChanges: true });
    const page = (granted: boolean) =>
      ctx({ type: 'page', context: { page: { path: '/p', search: '' }, ...consent(granted) } });
    const denied = page(false);
    plugin.page?.(denied);
    expect(runtime.calls).toEqual([]);
    expect(warnings(denied)).toEqual(['[hotjar-bridge] stateChange: skipped (consent-pending)']);
    plugin.page?.(page(true));
    expect(runtime.injections).toHaveLength(1);
    expect(runtime.calls).toEqual([['stateChange', '/p']]);
  });

  it('can be driven by hand with consent: "pending"', () => {
    const { plugin, runtime } = setup({ consent: 'pending' });
    plugin.track?.(ctx({ type: 'track', event: 'Before' }));
    plugin.grantConsent();
    plugin.track?.(ctx({ type: 'track', event: 'After' }));
    plugin.revokeConsent();
    plugin.track?.(ctx({ type: 'track', event: 'Revoked' }));
    expect(runtime.calls).toEqual([['event', 'After']]);
  });
});

describe('hotjarPlugin: never throws into Segment', () => {
  it('returns the context for hostile events', () => {
    const { plugin, runtime } = setup({ pageChanges: true });
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const hostile = {
      type: 'identify',
      userId: 'u1',
      get traits(): unknown {
        throw new Error('traits exploded');
      },
    };
    const throwingContext = {
      get event(): unknown {
        throw new Error('event exploded');
      },
      log: () => undefined,
    } as unknown as Context;
    const contexts = [ctx(hostile), ctx({ type: 'identify', userId: 'u1', traits: { cyclic } }), throwingContext];
    for (const context of contexts) {
      for (const hook of [plugin.identify, plugin.track, plugin.page, plugin.group, plugin.alias, plugin.screen]) {
        expect(() => hook?.(context)).not.toThrow();
        expect(hook?.(context)).toBe(context);
      }
    }
    expect(runtime.calls).toContainEqual(['identify', 'u1', { cyclic_a: 1 }]);
  });

  it('reports group, alias and screen, whatever the context holds, and sends nothing', () => {
    const { plugin, runtime, diagnostics } = setup();
    for (const [hook, type] of [
      [plugin.group, 'group'],
      [plugin.alias, 'alias'],
      [plugin.screen, 'screen'],
    ] as const) {
      for (const context of [ctx({ type }), ctx({ type, traits: { email: 'jane@example.com' }, properties: null })]) {
        expect(hook?.(context)).toBe(context);
      }
    }
    expect(runtime.calls).toEqual([]);
    expect(diagnostics.map((d) => [d.kind, d.call, d.reason, d.subject])).toEqual([
      ['skipped', 'identify', 'unsupported', 'group'],
      ['skipped', 'identify', 'unsupported', 'group'],
      ['skipped', 'identify', 'unsupported', 'alias'],
      ['skipped', 'identify', 'unsupported', 'alias'],
      ['skipped', 'stateChange', 'unsupported', 'screen'],
      ['skipped', 'stateChange', 'unsupported', 'screen'],
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain('jane');
  });

  it('survives a Hotjar that throws', () => {
    const { plugin, runtime, diagnostics } = setup();
    runtime.call = () => {
      throw new Error('hj broke');
    };
    const context = ctx({ type: 'track', event: 'Signed up' });
    expect(plugin.track?.(context)).toBe(context);
    expect(diagnostics).toEqual([expect.objectContaining({ reason: 'hotjar-unavailable' })]);
  });
});

describe("hotjarPlugin: identify follows Segment's user", () => {
  const analyticsWith = (id: () => string | null) => ({ user: () => ({ id, traits: () => ({}) }) }) as never;

  it("skips an identify whose userId is not Segment's user now, and names no id in the report", async () => {
    const { plugin, runtime, diagnostics } = setup({ identifyOnLoad: false });
    let current: string | null = 'bob';
    await plugin.load(
      ctx({ type: 'page' }),
      analyticsWith(() => current),
    );
    plugin.identify?.(ctx({ type: 'identify', userId: 'alice', traits: { name: 'Alice' } }));
    plugin.identify?.(ctx({ type: 'identify', userId: 'bob', traits: { plan: 'pro' } }));
    current = null;
    plugin.identify?.(ctx({ type: 'identify', userId: 'bob', traits: { plan: 'team' } }));
    expect(runtime.calls).toEqual([['identify', 'bob', { plan: 'pro' }]]);
    const skipped = diagnostics.filter((d) => d.reason === 'other-user');
    expect(skipped).toHaveLength(2);
    expect(skipped.map((d) => d.message).join(' ')).not.toMatch(/alice|bob/);
  });

  it('sends nothing of an identify with a userId when Segment cannot say who its user is', async () => {
    const { plugin, runtime } = setup({ identifyOnLoad: false });
    await plugin.load(
      ctx({ type: 'page' }),
      analyticsWith(() => {
        throw new Error('storage blocked');
      }),
    );
    plugin.identify?.(ctx({ type: 'identify', userId: 'alice', traits: { plan: 'pro' } }));
    expect(runtime.calls).toEqual([]);
  });
});
