import type { Types } from '@amplitude/analytics-browser';
import type { HotjarDiagnostic } from '@hotjar-bridge/core';
import { describe, expect, it } from 'vitest';
import { inBothModes } from '../../../test/shared/build-mode';
import { recordingRuntime } from '../../../test/shared/recording-runtime';

/** The plugin's module as a build imports it, driven through one event of each kind it skips. */
async function run() {
  const { hotjarPlugin } = await import('../src/index');
  localStorage.clear();
  const runtime = recordingRuntime();
  const diagnostics: HotjarDiagnostic[] = [];
  const plugin = hotjarPlugin({ siteId: 1234567, runtime, onDiagnostic: (d) => diagnostics.push(d) });
  const config = { optOut: false, userId: 'u' } as Types.BrowserConfig;
  await plugin.setup?.(config, { getUserId: () => 'u' } as unknown as Types.BrowserClient);
  const events = [
    { event_type: '$identify', user_id: 'u', user_properties: { $add: { logins: 1 }, $set: { plan: 'pro' } } },
    { event_type: '$identify', user_id: 'u', user_properties: { $setOnce: { initial_utm_source: 'EMPTY' } } },
    { event_type: '$identify', user_id: 'someone-else', user_properties: { $set: { plan: 'pro' } } },
    { event_type: '$groupidentify', group_properties: { $set: { size: 10 } } },
    { event_type: 'session_start' },
  ];
  const results: string[] = [];
  for (const event of events) results.push((await plugin.execute(event as Types.Event)).message);
  await plugin.onOptOutChanged?.(true);
  results.push((await plugin.execute({ event_type: 'Checkout' } as Types.Event)).message);
  return { calls: runtime.calls, diagnostics, results };
}

const fields = (d: HotjarDiagnostic) => [d.kind, d.call, d.reason, d.subject];

describe('hotjarPlugin in a production build', () => {
  it('sends and reports the same as in development, each skip in the core words of its fields', async () => {
    const { development, production } = await inBothModes(run);
    expect(development.diagnostics.map(fields)).toEqual([
      ['skipped', 'identify', 'unsupported', '$add'],
      ['skipped', 'identify', 'nothing-to-send', 'initial_utm_source'],
      ['skipped', 'identify', 'nothing-to-send', undefined],
      ['skipped', 'identify', 'other-user', undefined],
      ['skipped', 'identify', 'unsupported', '$groupidentify'],
      ['skipped', 'event', 'excluded', 'session_start'],
      ['skipped', 'event', 'consent-revoked', undefined],
    ]);
    expect(production.diagnostics.map((d) => d.message)).toEqual([
      'identify: "$add" skipped (unsupported)',
      'identify: "initial_utm_source" skipped (nothing-to-send)',
      'identify: skipped (nothing-to-send)',
      'identify: skipped (other-user)',
      'identify: "$groupidentify" skipped (unsupported)',
      'event: "session_start" skipped (excluded)',
      'event: skipped (consent-revoked)',
    ]);
    expect(development.diagnostics[0]?.message).toBe(
      'identify: "$add" skipped (unsupported: Hotjar has no such operation)',
    );
    // The Result the SDK logs says what the report says.
    expect(production.results[0]).toBe('[hotjar-bridge] identify: "$add" skipped (unsupported); identify: forwarded');
    expect(production.results.at(-1)).toBe('[hotjar-bridge] event: skipped (consent-revoked)');
  });
});
