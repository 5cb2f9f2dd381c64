import { describe, it } from 'vitest';
import { openScenario } from './harness';
import { describeInBrowser } from './in-browser';
import { SDK_CASES, SITE_ID } from './sdk-cases';

const COUNT = 10_000;
// The plugin's share of a burst's time. Both figures come from the same page in the same run,
// so a slower or busier machine scales both; measured shares are far below this (`pnpm bench`,
// BENCHMARKS.md), and the bound only catches a plugin whose work grows out of proportion.
const MAX_PLUGIN_SHARE = 0.1;

describeInBrowser('in Chromium, a burst', (env) => {
  // Both SDKs pace their queues with timers (a few milliseconds per event in any browser), so
  // a burst takes them about a minute; the two run side by side in separate pages.
  describe.concurrent('of 10,000 events', () => {
    for (const sdk of SDK_CASES) {
      it(`${sdk.name}: every event reaches Hotjar in order and the SDK's upload, with the plugin a small share of the time`, async ({
        expect,
      }) => {
        const s = await openScenario(env.browser(), env.server().url, { path: sdk.path });
        try {
          await s.run('start', { plugin: { siteId: SITE_ID }, measure: true, sdk: sdk.burstOptions });
          const result = await s.run('burst', COUNT);

          const names = Array.from({ length: COUNT }, (_, i) => `Burst ${i + 1}`);
          const events = (await s.hotjarCalls()).filter((call) => call[0] === 'event');
          expect(events.map((call) => call[1])).toEqual(names);
          expect(result.pluginTotal).toBeGreaterThan(0);
          expect(result.pluginTotal / result.duration).toBeLessThan(MAX_PLUGIN_SHARE);

          await s.run('flush');
          await expect
            .poll(() => new Set(sdk.uploaded(s).filter((name) => name.startsWith('Burst '))).size, {
              timeout: 60_000,
              interval: 250,
            })
            .toBe(COUNT);
          expect(s.pageErrors).toEqual([]);
          expect(s.outside).toEqual([]);
          expect(s.harnessErrors).toEqual([]);
        } finally {
          await s.close();
        }
      }, 240_000);
    }
  });
});
