import type { HotjarDiagnostic } from '@hotjar-bridge/core';
import { Context } from '@segment/analytics-next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inBothModes } from '../../../test/shared/build-mode';
import { recordingRuntime } from '../../../test/shared/recording-runtime';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const ctx = (event: Record<string, unknown>) => new Context(event as never);

/** The plugin's module as a build imports it, driven through each call it skips. */
async function run() {
  const { hotjarPlugin } = await import('../src/index');
  const runtime = recordingRuntime();
  const diagnostics: HotjarDiagnostic[] = [];
  const plugin = hotjarPlugin({ siteId: 1234567, runtime, onDiagnostic: (d) => diagnostics.push(d) });
  const analytics = { user: () => ({ id: () => 'bob', traits: () => ({}) }) };
  await plugin.load(ctx({ type: 'page' }), analytics as never);
  const contexts = [
    ctx({ type: 'identify', userId: null, traits: { plan: 'pro' } }),
    ctx({ type: 'identify', userId: 'alice', traits: { plan: 'pro' } }),
    ctx({ type: 'identify', userId: 'bob', traits: { plan: 'pro' } }),
  ];
  plugin.identify?.(contexts[0] as Context);
  plugin.identify?.(contexts[1] as Context);
  plugin.identify?.(contexts[2] as Context);
  for (const type of ['group', 'alias', 'screen'] as const) plugin[type]?.(ctx({ type }));
  const thrown = (() => {
    try {
      hotjarPlugin({ siteId: 1, consentCategory: '' });
    } catch (error) {
      return error;
    }
  })();
  return { calls: runtime.calls, diagnostics, contexts, thrown };
}

describe('hotjarPlugin in a production build', () => {
  it('sends and reports the same as in development, each skip in the core words of its fields', async () => {
    const { development, production } = await inBothModes(run);
    expect(production.calls).toEqual([['identify', 'bob', { plan: 'pro' }]]);
    expect(production.diagnostics.map((d) => d.message)).toEqual([
      'identify: skipped (nothing-to-send)',
      'identify: skipped (other-user)',
      'identify: "group" skipped (unsupported)',
      'identify: "alias" skipped (unsupported)',
      'stateChange: "screen" skipped (unsupported)',
    ]);
    expect(development.diagnostics[0]?.message).toBe(
      'identify: skipped (nothing-to-send: no userId, see identifyAnonymous)',
    );
    // Segment's own log of the call says the same.
    const logged = production.contexts[1]?.logs().filter((log) => log.level === 'warn');
    expect(logged?.map((log) => log.message)).toEqual(['[hotjar-bridge] identify: skipped (other-user)']);
  });

  it('still refuses a bad consentCategory at the factory, naming the option and the value', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.resetModules();
    const { thrown } = await run();
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as TypeError).message).toBe('[hotjar-bridge] consentCategory is invalid, got ""');
  });
});
