import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HotjarCall } from '@hotjar-bridge/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectMapNoneReports, expectSiteIdRefusal } from '../shared/build-mode';
import { type Placement, pluginUrl, SNIPPET_CASES, type SnippetCase } from './fixtures/snippet-pages';
import { openPage } from './harness';
import { describeInBrowser } from './in-browser';
import { PAGE, SITE_ID } from './sdk-cases';
import { serveStatic } from './static-server';

const POLL = { timeout: 15_000, interval: 50 };

/** What a `saying` page's plugin said: its refusal of siteId "abc", and its reports about events. */
interface Said {
  refusal: string | null;
  reports: Array<Record<string, unknown>>;
}
const PLACEMENTS: Placement[] = ['plugin-first', 'snippet-first'];

/** The kind of Hotjar call each upload stands for, repeats merged: the order both sides must share. */
function sequence(kinds: string[]): string[] {
  return kinds.filter((kind, i) => kind !== kinds[i - 1]);
}
const hotjarKind = (call: unknown[]) => String(call[0]);
const sorted = (calls: unknown[][]) => calls.map((call) => JSON.stringify(call)).sort();
const uploadKind = (name: string) =>
  name === 'page' || name === '[Amplitude] Page Viewed'
    ? 'stateChange'
    : name === 'identify' || name === '$identify'
      ? 'identify'
      : 'event';

/** The identify of the user alone that the Amplitude plugin sends ahead of the snippet's first page view. */
const userAhead = (c: SnippetCase): HotjarCall => ['identify', c.sdk.identifyCalls[0]?.[1] ?? null, {}];

describeInBrowser('the script-tag builds, with each SDK installed from its own snippet, in Chromium', (env) => {
  let scratch = '';
  let site: Awaited<ReturnType<typeof serveStatic>> | undefined;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'hotjar-bridge-snippets-'));
    for (const c of SNIPPET_CASES) {
      for (const placement of PLACEMENTS)
        writeFileSync(join(scratch, `${c.vendor}-${placement}.html`), c.html(placement));
      for (const build of ['production', 'debug'] as const)
        writeFileSync(join(scratch, `${c.vendor}-saying-${build}.html`), c.saying(build));
      writeFileSync(
        join(scratch, `${c.vendor}-alone.html`),
        `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>alone</title>\n<link rel="icon" href="data:,">\n<script src="${pluginUrl(c.vendor)}"></script>\n</head>\n<body></body>\n</html>\n`,
      );
    }
    writeFileSync(
      join(scratch, 'blank.html'),
      '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>alone</title>\n<link rel="icon" href="data:,">\n</head>\n<body></body>\n</html>\n',
    );
    site = await serveStatic(scratch);
  });
  afterAll(async () => {
    await site?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const expectedCalls = (c: SnippetCase, path: string): HotjarCall[] => {
    // Each SDK reports the page its snippet runs on first: Amplitude's page-view tracking at
    // start, Segment through the snippet's own page() call.
    const start: HotjarCall[] = [['stateChange', path], ...c.sdk.identifyCalls];
    const rest: HotjarCall[] = [['event', 'Order 123 paid'], ...c.sdk.pageCalls];
    if (c.vendor !== 'amplitude') return [...start, ...rest];
    // Replaying its snippet's buffer, Amplitude applies setUserId before that first page view,
    // which reaches the plugin while the identify() event waits in the SDK's queue: Hotjar is
    // told the user alone ahead of the page view, then the identify brings the attributes. Two
    // calls where a bundler install, with nothing forwarded in between, gives one.
    return [userAhead(c), ...start, ...rest];
  };

  for (const c of SNIPPET_CASES) {
    for (const placement of PLACEMENTS) {
      it(`${c.sdk.name} (${placement}): calls made before the SDK's script arrives reach Hotjar mapped, in the SDK's delivery order`, async () => {
        if (!site) throw new Error('the page server did not start');
        let letSdkArrive = () => {};
        const sdkArrives = new Promise<void>((resolve) => {
          letSdkArrive = resolve;
        });
        const path = `/${c.vendor}-${placement}.html`;
        const s = await openPage(env.browser(), site.url, {
          path,
          answers: c.answers(sdkArrives),
          waitUntil: 'domcontentloaded',
        });
        try {
          // Every call of the page is in the snippet's buffer: the SDK has not arrived yet.
          const buffered = await s.page.evaluate(c.buffered);
          expect(buffered).toEqual(
            c.vendor === 'amplitude'
              ? ['init', 'add', 'setUserId', 'identify', 'track']
              : ['page', 'register', 'identify', 'track', 'page'],
          );
          expect(await s.hotjarCalls()).toEqual([]);
          letSdkArrive();

          if (c.vendor === 'amplitude') {
            // Amplitude's page views follow history changes once its script runs.
            // Its first page view, the identify and the track, before the history change below.
            // The user ahead of them too.
            await expect.poll(async () => (await s.hotjarCalls()).length, POLL).toBeGreaterThanOrEqual(4);
            await s.page.evaluate((to) => history.pushState({}, '', to), PAGE);
          }
          // The same calls as a bundler install makes of the scenario table, each mapped the same way.
          const expected = expectedCalls(c, path);
          await expect.poll(async () => sorted(await s.hotjarCalls()), POLL).toEqual(sorted(expected));
          // Segment's snippet adds its own first page() to the table's calls.
          const uploads = c.vendor === 'segment' ? ['page', ...c.sdk.expectedUploads] : c.sdk.expectedUploads;
          await expect.poll(() => [...c.sdk.uploaded(s)].sort(), POLL).toEqual([...uploads].sort());
          // In the order the SDK delivered them to its own destination: Segment replays the
          // snippet's page() calls first. Every identify Hotjar gets is one the SDK uploaded.
          // Amplitude's identify of the user alone comes first, before anything of that user.
          const delivered = await s.hotjarCalls();
          if (c.vendor === 'amplitude') expect(delivered.shift()).toEqual(userAhead(c));
          expect(sequence(delivered.map(hotjarKind))).toEqual(sequence(c.sdk.uploaded(s).map(uploadKind)));
          expect(c.sdk.uploadedProperties(s, 'Order #123 (paid)')).toMatchObject({ total: 99.5 });
          expect(s.hotjarRequests()).toEqual([`https://static.hotjar.com/c/hotjar-${SITE_ID}.js?sv=6`]);
          expect(s.pageErrors).toEqual([]);
          expect(s.outside).toEqual([]);
          expect(s.harnessErrors).toEqual([]);
        } finally {
          letSdkArrive();
          await s.close();
        }
      });
    }

    it(`${c.sdk.name}: the README's production tag refuses and reports in the short form, its debug tag in sentences`, async () => {
      if (!site) throw new Error('the page server did not start');
      for (const [build, mode] of [
        ['production', 'production'],
        ['debug', 'development'],
      ] as const) {
        const s = await openPage(env.browser(), site.url, {
          path: `/${c.vendor}-saying-${build}.html`,
          answers: c.answers(Promise.resolve()),
        });
        try {
          const said = () => s.page.evaluate(() => (window as unknown as { __said?: Said }).__said);
          await expect.poll(async () => (await said())?.reports.length, POLL).toBe(1);
          const { refusal, reports } = (await said()) as Said;
          expectSiteIdRefusal(mode, refusal, build);
          expectMapNoneReports(mode, reports, build);
          // The README's hash matched the file: the browser ran it.
          expect(s.requests, build).toContain(pluginUrl(c.vendor, build));
          expect((await s.hotjarCalls()).filter((call) => call[0] === 'event')).toEqual([]);
          expect(s.pageErrors).toEqual([]);
          expect(s.outside).toEqual([]);
          expect(s.harnessErrors).toEqual([]);
        } finally {
          await s.close();
        }
      }
    });

    it(`${c.sdk.name}: the script-tag build alone defines ${c.global} with .plugin and nothing else on window`, async () => {
      if (!site) throw new Error('the page server did not start');
      const answers = c.answers(Promise.resolve());
      const blank = await openPage(env.browser(), site.url, { path: '/blank.html' });
      const baseline = await blank.page.evaluate(() => Object.keys(window));
      await blank.close();
      const s = await openPage(env.browser(), site.url, { path: `/${c.vendor}-alone.html`, answers });
      try {
        const added = await s.page.evaluate(
          (before) => Object.keys(window).filter((key) => !before.includes(key)),
          baseline,
        );
        expect(added).toEqual([c.global]);
        const api = await s.page.evaluate((name) => {
          const global = (window as unknown as Record<string, Record<string, unknown>>)[name];
          return { plugin: typeof global?.plugin, same: global?.plugin === global?.hotjarPlugin };
        }, c.global);
        expect(api).toEqual({ plugin: 'function', same: true });
        expect(s.requests.filter((url) => !url.startsWith(site?.url ?? ''))).toEqual([pluginUrl(c.vendor)]);
        expect(s.pageErrors).toEqual([]);
        expect(s.outside).toEqual([]);
      } finally {
        await s.close();
      }
    });
  }
});
