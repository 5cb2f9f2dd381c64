import type { HotjarCall } from '@hotjar-bridge/core';
import { afterEach, expect, it } from 'vitest';
import { type OpenScenario, openScenario, type ScenarioPageOptions } from './harness';
import { describeInBrowser } from './in-browser';
import { IDENTIFY, PAGE, SDK_CASES, type SdkCase, SITE_ID, TRACK } from './sdk-cases';

const POLL = { timeout: 10_000, interval: 50 };

describeInBrowser('in Chromium', (env) => {
  let open: OpenScenario | undefined;
  const visit = async (sdk: SdkCase, options: Partial<ScenarioPageOptions> & { query?: string } = {}) => {
    open = await openScenario(env.browser(), env.server().url, {
      path: sdk.path + (options.query ?? ''),
      hotjar: options.hotjar,
    });
    return open;
  };
  afterEach(async () => {
    const s = open;
    open = undefined;
    if (!s) return;
    await s.close();
    // Nothing leaves the machine, and the harness answered everything it was asked.
    expect(s.outside).toEqual([]);
    expect(s.harnessErrors).toEqual([]);
  });

  /** identify, track, page: the calls every scenario makes. */
  const drive = async (s: OpenScenario) => {
    await s.run('identify', IDENTIFY);
    await s.run('track', TRACK.name, TRACK.properties);
    await s.run('page', PAGE);
  };
  const expectedCalls = (sdk: SdkCase): HotjarCall[] => [
    ...sdk.startCalls,
    ...sdk.identifyCalls,
    ['event', 'Order 123 paid'],
    ...sdk.pageCalls,
  ];
  const expectUploadsComplete = async (sdk: SdkCase, s: OpenScenario, later: string[] = []) => {
    await s.run('flush');
    await expect.poll(() => sdk.uploaded(s), POLL).toEqual([...sdk.expectedUploads, ...later]);
    // The SDK may enrich the properties; what the page passed is all there, untouched.
    expect(sdk.uploadedProperties(s, TRACK.name)).toMatchObject(TRACK.properties);
  };

  for (const sdk of SDK_CASES) {
    it(`${sdk.name}: identify, track and page reach Hotjar exactly, and the SDK uploads every event`, async () => {
      const s = await visit(sdk);
      await s.run('start', { plugin: sdk.plugin });
      await drive(s);
      await expect.poll(() => s.hotjarCalls(), POLL).toEqual(expectedCalls(sdk));
      await expectUploadsComplete(sdk, s);
      const { diagnostics } = await s.run('report');
      expect(diagnostics.filter((d) => d.kind === 'dropped').map((d) => [d.subject, d.reason])).toEqual(
        sdk.identifyDrops,
      );
      expect(diagnostics).toContainEqual(
        expect.objectContaining({
          kind: 'renamed',
          subject: TRACK.name,
          message: expect.stringContaining('Order 123 paid'),
        }),
      );
      expect(s.hotjarRequests()).toEqual([`https://static.hotjar.com/c/hotjar-${SITE_ID}.js?sv=6`]);
      expect(s.pageErrors).toEqual([]);
    });

    it(`${sdk.name}: with Hotjar's script answered after 2 s, every call made before it arrives reaches it, in order`, async () => {
      const s = await visit(sdk, { hotjar: { delayMs: 2000 } });
      await s.run('start', { plugin: sdk.plugin });
      await drive(s);
      await s.run('flush');
      // Still waiting for Hotjar: the calls sit in the queue Hotjar's script drains.
      const waiting = await s.page.evaluate(() => ({
        arrived: window.__hotjarRecorded !== undefined,
        queued: (window as unknown as { hj?: { q?: unknown[] } }).hj?.q?.length ?? 0,
      }));
      expect(waiting).toEqual({ arrived: false, queued: expectedCalls(sdk).length });
      await expect.poll(() => s.hotjarCalls(), { ...POLL, timeout: 15_000 }).toEqual(expectedCalls(sdk));
      const standin = await s.page.evaluate(() => (window as unknown as { __hotjarStandin: unknown }).__hotjarStandin);
      expect(standin).toMatchObject({ loads: 1, queuedOnArrival: expectedCalls(sdk).length });
      // Once it has arrived, calls go straight to it.
      await s.run('track', 'After arrival');
      await expect.poll(async () => (await s.hotjarCalls()).at(-1), POLL).toEqual(['event', 'After arrival']);
      await expectUploadsComplete(sdk, s, ['After arrival']);
      expect(s.pageErrors).toEqual([]);
    });

    it(`${sdk.name}: with Hotjar's script blocked, the page has no error and the SDK uploads every event`, async () => {
      const s = await visit(sdk, { hotjar: 'blocked' });
      await s.run('start', { plugin: sdk.plugin });
      await drive(s);
      await expectUploadsComplete(sdk, s);
      expect(s.hotjarRequests()).toHaveLength(1);
      expect(s.consoleErrors.some((text) => text.includes('ERR_BLOCKED_BY_CLIENT'))).toBe(true);
      expect(await s.hotjarCalls()).toEqual([]);
      expect(s.pageErrors).toEqual([]);
    });

    it(`${sdk.name}: under a strict Content Security Policy, Hotjar loads with the nonce option`, async () => {
      const s = await visit(sdk, { query: '?csp=strict' });
      await s.run('start', { plugin: { ...sdk.plugin, nonce: true } });
      await drive(s);
      await expect.poll(() => s.hotjarCalls(), POLL).toEqual(expectedCalls(sdk));
      await expectUploadsComplete(sdk, s);
      const { diagnostics } = await s.run('report');
      expect(diagnostics.filter((d) => d.kind === 'load')).toEqual([]);
      expect(s.consoleErrors.filter((text) => text.includes('Content Security Policy'))).toEqual([]);
      expect(s.pageErrors).toEqual([]);
    });

    it(`${sdk.name}: under a strict Content Security Policy without the nonce, a clear diagnostic and nothing else breaks`, async () => {
      const s = await visit(sdk, { query: '?csp=strict' });
      await s.run('start', { plugin: sdk.plugin });
      await drive(s);
      await expectUploadsComplete(sdk, s);
      // The policy is in force: Chromium refused Hotjar's inline snippet.
      expect(s.consoleErrors.some((text) => text.includes('Content Security Policy'))).toBe(true);
      const { diagnostics, hotjarScripts } = await s.run('report');
      expect(diagnostics.filter((d) => d.kind === 'load')).toEqual([
        expect.objectContaining({ reason: 'snippet-blocked', message: expect.stringContaining('nonce') }),
      ]);
      expect(hotjarScripts).toEqual([]);
      expect(s.hotjarRequests()).toEqual([]);
      expect(s.pageErrors).toEqual([]);
    });

    it(`${sdk.name}: with consent pending, nothing is requested from Hotjar until consent is granted`, async () => {
      const s = await visit(sdk);
      await s.run('start', { plugin: { ...sdk.plugin, ...sdk.consentPending } });
      await drive(s);
      await expectUploadsComplete(sdk, s);
      expect(s.hotjarRequests()).toEqual([]);
      expect(await s.page.evaluate(() => 'hj' in window || '_hjSettings' in window)).toBe(false);
      const { diagnostics } = await s.run('report');
      expect(diagnostics.some((d) => d.kind === 'skipped' && d.reason === 'consent-pending')).toBe(true);

      await s.run('grantConsent');
      await s.run('track', 'After consent');
      await expect.poll(() => s.hotjarCalls(), POLL).toEqual([...sdk.afterConsentCalls, ['event', 'After consent']]);
      await expectUploadsComplete(sdk, s, ['After consent']);
      expect(s.hotjarRequests()).toEqual([`https://static.hotjar.com/c/hotjar-${SITE_ID}.js?sv=6`]);
      expect(s.pageErrors).toEqual([]);
    });

    it(`${sdk.name}: on a page that already has Hotjar's snippet, no second loader is injected`, async () => {
      const s = await visit(sdk, { query: `?snippet=${SITE_ID}` });
      await s.run('start', { plugin: sdk.plugin });
      await drive(s);
      await expect.poll(() => s.hotjarCalls(), POLL).toEqual(expectedCalls(sdk));
      await expectUploadsComplete(sdk, s);
      const { hotjarScripts, hotjarSettings } = await s.run('report');
      expect(hotjarScripts).toHaveLength(1);
      // The page's own settings, untouched: the plugin's loader would have added hjdebug.
      expect(hotjarSettings).toEqual({ hjid: SITE_ID, hjsv: 6 });
      expect(s.hotjarRequests()).toHaveLength(1);
      expect(await s.page.evaluate(() => document.getElementById('hotjar-init-script'))).toBeNull();
      expect(s.pageErrors).toEqual([]);
    });
  }
});
