import { describe, it } from 'vitest';
import { openScenario } from './harness';
import { describeInBrowser } from './in-browser';
import { SDK_CASES, SITE_ID } from './sdk-cases';

const COUNT = 10_000;
const LONG_TASK_MS = 50;

describeInBrowser('in Chromium, a burst', (env) => {
  // Both SDKs pace their queues with timers (a few milliseconds per event in any browser), so
  // a burst takes them about a minute; the two run side by side in separate pages.
  describe.concurrent('of 10,000 events', () => {
    for (const sdk of SDK_CASES) {
      it(`${sdk.name}: every event reaches Hotjar and the SDK's upload, and the plugin causes no long task`, async ({
        expect,
      }) => {
        const s = await openScenario(env.browser(), env.server().url, { path: sdk.path });
        try {
          await s.run('start', { plugin: { siteId: SITE_ID }, measure: true, sdk: sdk.burstOptions });
          const result = await s.run('burst', COUNT);
          // The observer saw a deliberate 80 ms task, so seeing no plugin-made one means something.
          expect(result.observerWorks).toBe(true);

          const names = Array.from({ length: COUNT }, (_, i) => `Burst ${i + 1}`);
          const events = (await s.hotjarCalls()).filter((call) => call[0] === 'event');
          expect(events.map((call) => call[1])).toEqual(names);

          // The SDKs have long tasks of their own (Segment reads its cookies on every call). A
          // long task is the plugin's doing if the plugin's work in it would be a long task by
          // itself, or is the larger part of it.
          const caused = result.longTasks.filter(
            (task) => task.pluginTime >= LONG_TASK_MS || task.pluginTime >= task.duration / 2,
          );
          expect(caused).toEqual([]);
          expect(result.longestPluginRun).toBeLessThan(LONG_TASK_MS);

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
