import type { DemoPage, DemoServer } from 'hotjar-bridge-demo/server';
import { startDemoServer } from 'hotjar-bridge-demo/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { findChromium, INSTALL_HINT, launchChromium } from './harness';

/** The browser and the demo server a suite runs against. */
export interface BrowserEnvironment {
  browser(): Browser;
  server(): DemoServer;
}

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** The pages the tests add to the demo server: one per SDK, each driven through `window.scenario`. */
export const SCENARIO_PAGES: DemoPage[] = [
  { path: '/scenario/amplitude', entry: fixture('scenario-amplitude.ts'), title: 'Amplitude scenario' },
  { path: '/scenario/segment', entry: fixture('scenario-segment.ts'), title: 'Segment scenario' },
];

/**
 * A describe block that runs in Chromium with the demo server up. Without Chromium it is
 * skipped with a test saying how to install it, or fails when REQUIRE_BROWSER=1 asks for it.
 */
export function describeInBrowser(title: string, body: (env: BrowserEnvironment) => void): void {
  const executablePath = findChromium();
  if (!executablePath) {
    if (process.env.REQUIRE_BROWSER === '1') {
      describe(title, () => {
        it('finds Chromium (REQUIRE_BROWSER=1)', () => {
          throw new Error(`REQUIRE_BROWSER=1 but no Chromium was found: ${INSTALL_HINT}`);
        });
      });
    } else {
      console.warn(`Browser tests skipped: no Chromium found; ${INSTALL_HINT}.`);
      describe(title, () => {
        it.skip(`skipped: no Chromium found; ${INSTALL_HINT}`, () => {});
      });
    }
    return;
  }

  describe(title, () => {
    let browser: Browser | undefined;
    let server: DemoServer | undefined;
    beforeAll(async () => {
      [browser, server] = await Promise.all([
        launchChromium(executablePath),
        startDemoServer({ port: 0, pages: SCENARIO_PAGES }),
      ]);
    });
    afterAll(async () => {
      await Promise.all([browser?.close(), server?.close()]);
    });
    body({
      browser: () => {
        if (!browser) throw new Error('the browser did not start');
        return browser;
      },
      server: () => {
        if (!server) throw new Error('the demo server did not start');
        return server;
      },
    });
  });
}
