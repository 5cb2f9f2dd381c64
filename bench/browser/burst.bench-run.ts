// The 10,000-event burst of the browser tests, timed: how long each SDK takes to deliver the
// burst to Hotjar, the plugin's own time in it, and the long tasks Chromium saw. One SDK at a
// time, so that the figures are not each other's load. `pnpm bench` runs it after the mapping
// benchmarks; BENCHMARKS.md records the figures.
import { expect, it } from 'vitest';
import { openScenario } from '../../test/browser/harness';
import { describeInBrowser } from '../../test/browser/in-browser';
import { SDK_CASES, SITE_ID } from '../../test/browser/sdk-cases';

const COUNT = 10_000;
const LONG_TASK_MS = 50;

describeInBrowser('burst of 10,000 events in Chromium', (env) => {
  const rows: string[] = [];
  for (const sdk of SDK_CASES) {
    it(sdk.name, async () => {
      const s = await openScenario(env.browser(), env.server().url, { path: sdk.path });
      try {
        await s.run('start', { plugin: { siteId: SITE_ID }, measure: true, sdk: sdk.burstOptions });
        const result = await s.run('burst', COUNT);
        const events = (await s.hotjarCalls()).filter((call) => call[0] === 'event');
        // Figures of a burst that did not complete would mean nothing.
        expect(events).toHaveLength(COUNT);
        expect(result.observerWorks).toBe(true);
        const caused = result.longTasks.filter(
          (task) => task.pluginTime >= LONG_TASK_MS || task.pluginTime >= task.duration / 2,
        );
        rows.push(
          [
            sdk.name,
            (result.duration / 1000).toFixed(1),
            result.pluginTotal.toFixed(0),
            ((result.pluginTotal / COUNT) * 1000).toFixed(1),
            `${((result.pluginTotal / result.duration) * 100).toFixed(2)}%`,
            result.longestPluginRun.toFixed(2),
            String(result.longTasks.length),
            String(caused.length),
          ].join(' | '),
        );
      } finally {
        await s.close();
      }
    });
  }
  it('prints the figures', () => {
    expect(rows).toHaveLength(SDK_CASES.length);
    console.log(
      [
        '',
        'SDK | burst s | plugin ms | plugin µs per event | plugin share | longest plugin run ms | long tasks | long tasks the plugin caused',
        '--- | ---: | ---: | ---: | ---: | ---: | ---: | ---:',
        ...rows,
        '',
      ].join('\n'),
    );
  });
});
