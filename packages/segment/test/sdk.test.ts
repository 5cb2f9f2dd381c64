import type { HotjarCall } from '@hotjar-bridge/core';
import type { Context, Plugin } from '@segment/analytics-next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type SegmentSession,
  type SegmentSessionOptions,
  segmentDriver,
  startSegment,
} from '../../../test/drivers/segment';
import { hotjarPlugin } from '../src/index';

let session: SegmentSession | undefined;
const start = async (options: SegmentSessionOptions = {}) => {
  session = await startSegment(options);
  return session;
};
afterEach(async () => {
  await session?.close();
  session = undefined;
  vi.restoreAllMocks();
});

/** Another destination on the same page, recording what Segment hands it. */
function recordingDestination() {
  const seen: string[] = [];
  const record = (ctx: Context) => {
    seen.push(String(ctx.event.event ?? ctx.event.type));
    return ctx;
  };
  const plugin: Plugin = {
    name: 'Recorder',
    type: 'destination',
    version: '1.0.0',
    isLoaded: () => true,
    load: async () => undefined,
    track: record,
    identify: record,
    page: record,
    group: record,
    alias: record,
    screen: record,
  };
  return { plugin, seen };
}

describe('with the real Segment Analytics.js 2.0', () => {
  it('maps identify, track and page to exact Hotjar calls, in order, while Segment delivers every event', async () => {
    const s = await start({ plugin: { pageChanges: true } });
    await s.identify('user_12345', { name: 'Peter', address: { city: 'San Francisco', state: 'CA' }, tags: ['a'] });
    await s.track('Order #123 (paid)', { total: 99.5, items: [{ sku: 'x' }] });
    window.history.pushState({}, '', '/pricing?plan=pro');
    await s.page();
    await s.settle();
    expect(s.hotjarCalls()).toEqual([
      ['identify', 'user_12345', { name: 'Peter', address_city: 'San Francisco', address_state: 'CA' }],
      ['event', 'Order 123 paid'],
      // The path alone, as the Amplitude plugin sends for the same page.
      ['stateChange', '/pricing'],
    ]);
    expect(s.delivered()).toEqual(['identify', 'Order #123 (paid)', 'page']);
    // Segment's own copy keeps everything Hotjar was not given.
    expect(s.deliveries()[0]).toMatchObject({ traits: { address: { city: 'San Francisco' }, tags: ['a'] } });
    expect(s.deliveries()[1]).toMatchObject({ properties: { total: 99.5, items: [{ sku: 'x' }] } });
    expect(s.warnings()).toContain('[hotjar-bridge] identify: "tags" dropped (array)');
    // Nothing but Segment's own delivery, to the intercepted host, went out.
    expect(s.requests()).toEqual([
      'https://segment.test/v1/i',
      'https://segment.test/v1/t',
      'https://segment.test/v1/p',
    ]);
    expect(s.errors()).toEqual([]);
  });

  it("takes page()'s path from the event's page context, which page properties override", async () => {
    const s = await start({ plugin: { pageChanges: true } });
    window.history.pushState({}, '', '/app?tab=1');
    await s.page('Docs', { path: '/docs/intro', search: '?section=2' });
    await s.page('Home');
    await s.settle();
    expect(s.hotjarCalls()).toEqual([
      ['stateChange', '/docs/intro'],
      ['stateChange', '/app'],
    ]);
  });

  it('sends the path a page() call was made on, even when Segment buffered it while loading', async () => {
    window.history.pushState({}, '', '/first?step=1');
    const s = await start({
      plugin: { pageChanges: true },
      beforeReady(analytics, remember) {
        remember(analytics.page());
        window.history.pushState({}, '', '/second');
      },
    });
    await s.settle();
    expect(s.hotjarCalls()).toEqual([['stateChange', '/first']]);
  });

  it('sends nothing for page without pageChanges, nor for group, alias and screen; Segment still delivers them', async () => {
    const s = await start();
    await s.page('Home');
    s.remember(s.analytics.group('org_1', { name: 'Initech' }));
    s.remember(s.analytics.alias('user_2', 'user_1'));
    s.remember(s.analytics.screen('Settings'));
    await s.settle();
    expect(s.hotjarCalls()).toEqual([]);
    expect(s.delivered()).toEqual(['page', 'group', 'alias', 'screen']);
  });

  it('reports group, alias and screen as skipped (unsupported), with the context unchanged and delivered', async () => {
    const other = recordingDestination();
    const s = await start({ plugins: [other.plugin] });
    s.remember(s.analytics.group('org_1', { name: 'Initech', plan: 'enterprise' }));
    s.remember(s.analytics.alias('user_2', 'user_1'));
    s.remember(s.analytics.screen('Checkout', { step: 2 }));
    await s.settle();
    expect(s.hotjarCalls()).toEqual([]);
    expect(s.diagnostics().filter((d) => d.kind !== 'load')).toEqual([
      {
        kind: 'skipped',
        call: 'identify',
        reason: 'unsupported',
        subject: 'group',
        message: 'identify: "group" skipped (unsupported: Hotjar has no groups)',
      },
      expect.objectContaining({ kind: 'skipped', call: 'identify', reason: 'unsupported', subject: 'alias' }),
      expect.objectContaining({ kind: 'skipped', call: 'stateChange', reason: 'unsupported', subject: 'screen' }),
    ]);
    // Said where Segment's debugging tools show it, on each call's own context.
    expect(s.warnings()).toEqual([
      '[hotjar-bridge] identify: "group" skipped (unsupported: Hotjar has no groups)',
      '[hotjar-bridge] identify: "alias" skipped (unsupported: Hotjar has no aliases)',
      '[hotjar-bridge] stateChange: "screen" skipped (unsupported: Hotjar has no screens)',
    ]);
    expect(s.delivered()).toEqual(['group', 'alias', 'screen']);
    expect(other.seen).toEqual(['group', 'alias', 'screen']);
    expect(s.deliveries()[0]).toMatchObject({ groupId: 'org_1', traits: { name: 'Initech', plan: 'enterprise' } });
    expect(s.deliveries()[1]).toMatchObject({ userId: 'user_2', previousId: 'user_1' });
    expect(s.deliveries()[2]).toMatchObject({ name: 'Checkout', properties: { step: 2 } });
    expect(s.errors()).toEqual([]);
  });

  it("leaves out an event sent with integrations: { Hotjar: false }, by Segment's own routing", async () => {
    const s = await start();
    await s.trackWith('Private', {}, { integrations: { Hotjar: false } });
    await s.track('Public');
    await s.settle();
    expect(s.hotjarCalls()).toEqual([['event', 'Public']]);
    expect(s.delivered()).toEqual(['Private', 'Public']);
  });

  it('forwards calls made before Segment finished loading, in the order Segment hands them on', async () => {
    const s = await start({
      beforeReady(analytics, remember) {
        remember(analytics.identify('early_user', { plan: 'pro' }));
        remember(analytics.track('Early one'));
        remember(analytics.track('Early two'));
      },
    });
    await s.track('After load');
    await s.settle();
    const expected: Record<string, HotjarCall> = {
      identify: ['identify', 'early_user', { plan: 'pro' }],
      'Early one': ['event', 'Early one'],
      'Early two': ['event', 'Early two'],
      'After load': ['event', 'After load'],
    };
    // Segment replays the calls it buffered during loading after its load has resolved, so
    // 'After load' may reach every destination first; Hotjar gets what Segment sends, in Segment's order.
    expect([...s.delivered()].sort()).toEqual(Object.keys(expected).sort());
    expect(s.hotjarCalls()).toEqual(s.delivered().map((name) => expected[name]));
  });

  it('forwards a call made right after register(), before the plugin has finished loading', async () => {
    const s = await start({ plugin: false });
    void s.analytics.register(hotjarPlugin({ siteId: 1234567 }));
    await s.track('Right after register');
    await s.settle();
    expect(s.hotjarCalls()).toEqual([['event', 'Right after register']]);
    expect(s.delivered()).toEqual(['Right after register']);
  });

  it('with consentCategory, loads Hotjar at the first event that grants it and forwards only granted events', async () => {
    const s = await start({ plugin: { consentCategory: 'Analytics' } });
    const consent = (granted: boolean) => ({ context: { consent: { categoryPreferences: { Analytics: granted } } } });
    await s.track('No consent data');
    await s.trackWith('Denied', {}, consent(false));
    await s.settle();
    expect(document.getElementById('hotjar-init-script')).toBeNull();
    expect(s.hotjarCalls()).toEqual([]);
    await s.trackWith('Granted', {}, consent(true));
    await s.trackWith('Withdrawn', {}, consent(false));
    await s.trackWith('Granted again', {}, consent(true));
    await s.settle();
    expect(document.getElementById('hotjar-init-script')).not.toBeNull();
    expect(s.hotjarCalls()).toEqual([
      ['event', 'Granted'],
      ['event', 'Granted again'],
    ]);
    expect(s.delivered()).toEqual(['No consent data', 'Denied', 'Granted', 'Withdrawn', 'Granted again']);
  });

  it('runs the shared suite driver: segmentDriver starts the SDK with the plugin and records both sides', async () => {
    const driven = await segmentDriver.start({ events: { exclude: ['Internal ping'] } });
    try {
      await driven.identify(undefined, { plan: 'pro' });
      await driven.track('Internal ping');
      await driven.track('Signed up', { plan: 'pro' });
      await driven.settle();
      expect(driven.hotjarCalls()).toEqual([['event', 'Signed up']]);
      expect(driven.delivered()).toEqual(['identify', 'Internal ping', 'Signed up']);
      expect(driven.diagnostics().map((d) => [d.call, d.reason])).toEqual([
        ['load', 'snippet-blocked'],
        ['identify', 'nothing-to-send'],
        ['event', 'excluded'],
      ]);
      expect(driven.errors()).toEqual([]);
    } finally {
      await driven.close();
    }
  });
});

describe('identify on page load, with the real Segment Analytics.js 2.0', () => {
  const earlier: SegmentSession[] = [];
  afterEach(async () => {
    for (const s of earlier.splice(0).reverse()) await s.close();
  });

  // Sessions nest here (each a later page load), so they close in reverse order.
  const open = async (options: SegmentSessionOptions) => {
    const s = await startSegment(options);
    earlier.push(s);
    return s;
  };

  /** A first page load on which the app identifies the user; Segment keeps the user in cookies and localStorage. */
  async function firstVisit(userId: string | null, traits: Record<string, unknown>) {
    const first = await open({ persist: true });
    first.remember(first.analytics.identify(userId, traits));
    await first.settle();
    return first;
  }

  it('identifies the stored user at the next page load, with no identify() call', async () => {
    await firstVisit('user_7', { plan: 'pro', email: 'jane@example.com' });
    // A second instance on the same page, storage kept: a reload. The app only tracks.
    const s = await open({ persist: true, reload: true });
    await s.track('Viewed Dashboard');
    await s.settle();
    expect(s.hotjarCalls()).toEqual([
      ['identify', 'user_7', { plan: 'pro', email: 'jane@example.com' }],
      ['event', 'Viewed Dashboard'],
    ]);
    expect(s.delivered()).toEqual(['Viewed Dashboard']);
  });

  it('a reset() the page made before Segment loaded wins: the stored user is never identified', async () => {
    await firstVisit('user_7', { plan: 'pro', email: 'jane@example.com' });
    const s = await open({
      persist: true,
      reload: true,
      beforeReady(analytics, remember) {
        // A logout first thing on the page, buffered until Segment has loaded.
        void analytics.reset();
        remember(analytics.track('Next Visitor Opened Pricing'));
      },
    });
    await s.settle();
    expect(s.sdkUserId?.()).toBe(null);
    expect(s.deliveries().map((event) => [event.event, event.userId ?? null])).toEqual([
      ['Next Visitor Opened Pricing', null],
    ]);
    expect(s.hotjarCalls()).toEqual([['event', 'Next Visitor Opened Pricing']]);
  });

  it('a reset() the page made before Segment loaded wins, with no event on the page either', async () => {
    await firstVisit('user_7', { plan: 'pro' });
    const s = await open({
      persist: true,
      reload: true,
      beforeReady(analytics) {
        void analytics.reset();
      },
    });
    await s.settle();
    expect(s.sdkUserId?.()).toBe(null);
    expect(s.hotjarCalls()).toEqual([]);
  });

  it('an identify() of another user made before Segment loaded: the stored user is never identified, the new one once', async () => {
    await firstVisit('user_7', { plan: 'pro' });
    const s = await open({
      persist: true,
      reload: true,
      beforeReady(analytics, remember) {
        remember(analytics.identify('user_8', { plan: 'team' }));
        remember(analytics.track('Opened Pricing'));
      },
    });
    await s.settle();
    const identifies = s.hotjarCalls().filter((call) => call[0] === 'identify');
    expect(identifies.map((call) => call[1])).toEqual(['user_8']);
  });

  it('does not with identifyOnLoad: false', async () => {
    await firstVisit('user_7', { plan: 'pro' });
    const s = await open({ persist: true, reload: true, plugin: { identifyOnLoad: false } });
    await s.track('Viewed Dashboard');
    await s.settle();
    expect(s.hotjarCalls()).toEqual([['event', 'Viewed Dashboard']]);
  });

  it('sends nothing for a stored anonymous visitor without identifyAnonymous; with it, what an anonymous identify() sends', async () => {
    const traits = { ab_test: 'variant-b', name: 'Jane' };
    await firstVisit(null, traits);
    const s = await open({ persist: true, reload: true });
    await s.settle();
    expect(s.hotjarCalls()).toEqual([]);
    expect(s.diagnostics()).toContainEqual(expect.objectContaining({ reason: 'nothing-to-send', call: 'identify' }));

    const onLoad = await open({ persist: true, reload: true, plugin: { identifyAnonymous: true } });
    await onLoad.settle();
    const loadCalls = onLoad.hotjarCalls();
    // The same rules as the app's own anonymous identify, on a fresh page.
    const explicit = await open({ plugin: { identifyAnonymous: true } });
    await explicit.identify(undefined, traits);
    await explicit.settle();
    // Only what the anonymous allowlist lets through: the name is personal data.
    expect(loadCalls).toEqual([['identify', null, { ab_test: 'variant-b' }]]);
    expect(loadCalls).toEqual(explicit.hotjarCalls());
  });

  it('waits for consent: the stored user is identified at the first event that grants it', async () => {
    await firstVisit('user_7', { plan: 'pro' });
    const s = await open({ persist: true, reload: true, plugin: { consentCategory: 'Analytics' } });
    const consent = { context: { consent: { categoryPreferences: { Analytics: true } } } };
    await s.settle();
    expect(s.hotjarCalls()).toEqual([]);
    await s.trackWith('Granted', {}, consent);
    await s.trackWith('Granted again', {}, consent);
    await s.settle();
    expect(s.hotjarCalls()).toEqual([
      ['identify', 'user_7', { plan: 'pro' }],
      ['event', 'Granted'],
      ['event', 'Granted again'],
    ]);
  });

  it('sends one identify when the app identifies with the event that grants consent', async () => {
    await firstVisit('user_7', { plan: 'pro' });
    const s = await open({ persist: true, reload: true, plugin: { consentCategory: 'Analytics' } });
    const consent = { context: { consent: { categoryPreferences: { Analytics: true } } } };
    s.remember(s.analytics.identify('user_7', { plan: 'team' }, consent));
    await s.settle();
    expect(s.hotjarCalls()).toEqual([['identify', 'user_7', { plan: 'team' }]]);
  });

  it("waits for grantConsent() with consent: 'pending'", async () => {
    await firstVisit('user_7', { plan: 'pro' });
    const s = await open({ persist: true, reload: true, plugin: { consent: 'pending' } });
    await s.settle();
    expect(s.hotjarCalls()).toEqual([]);
    s.plugin?.grantConsent();
    expect(s.hotjarCalls()).toEqual([['identify', 'user_7', { plan: 'pro' }]]);
  });

  it('identifies, once consent is given, a user the app identified while it was pending', async () => {
    await firstVisit('user_7', { plan: 'pro' });
    const s = await open({ persist: true, reload: true, plugin: { consent: 'pending' } });
    // The app identifies on every page load, before the visitor has answered the banner.
    s.remember(s.analytics.identify('user_7', { plan: 'team' }));
    await s.track('Before consent');
    await s.settle();
    expect(s.hotjarCalls()).toEqual([]);
    s.plugin?.grantConsent();
    await s.track('After consent');
    await s.settle();
    expect(s.hotjarCalls()).toEqual([
      ['identify', 'user_7', { plan: 'team' }],
      ['event', 'After consent'],
    ]);
  });

  it('identifies at the first event granting the category a user identified by an event that did not', async () => {
    const s = await open({ persist: true, plugin: { consentCategory: 'Analytics' } });
    const denied = { context: { consent: { categoryPreferences: { Analytics: false } } } };
    const granted = { context: { consent: { categoryPreferences: { Analytics: true } } } };
    s.remember(s.analytics.identify('user_7', { plan: 'pro' }, denied));
    await s.settle();
    await s.trackWith('Granted', {}, granted);
    await s.settle();
    expect(s.hotjarCalls()).toEqual([
      ['identify', 'user_7', { plan: 'pro' }],
      ['event', 'Granted'],
    ]);
  });

  it('identifies a user the app identified while consent was revoked when it is granted again, and not twice', async () => {
    const s = await open({ persist: true });
    s.plugin?.revokeConsent();
    s.remember(s.analytics.identify('user_8', { plan: 'pro' }));
    await s.settle();
    s.plugin?.grantConsent();
    s.remember(s.analytics.identify('user_8', { plan: 'team' }));
    await s.settle();
    s.plugin?.grantConsent();
    expect(s.hotjarCalls()).toEqual([
      ['identify', 'user_8', { plan: 'pro' }],
      ['identify', 'user_8', { plan: 'team' }],
    ]);
  });
});

describe('failure isolation', () => {
  it('a Hotjar that never loads stops nothing: Segment and other destinations get every event', async () => {
    const other = recordingDestination();
    const s = await start({ plugins: [other.plugin] });
    for (let i = 0; i < 20; i++) await s.track(`Event ${i}`);
    await s.settle();
    const names = Array.from({ length: 20 }, (_, i) => `Event ${i}`);
    // settle() waits for Segment's own contexts and one task, nothing more: no delivery waited on Hotjar.
    expect(s.delivered()).toEqual(names);
    expect(other.seen).toEqual(names);
    // Hotjar's script never arrived (the test page does not run it): the calls wait in its queue.
    expect(s.hotjarCalls()).toHaveLength(20);
  });

  // Each case runs twice, with and without the plugin: what Segment and the other destination
  // receive must be the same, whatever Segment itself makes of the content.
  async function compare(options: SegmentSessionOptions, drive: (s: SegmentSession) => Promise<void>) {
    const runs: Array<{ delivered: string[]; seen: string[]; errors: unknown[] }> = [];
    let hotjar: HotjarCall[] = [];
    for (const plugin of [options.plugin ?? {}, false] as const) {
      const other = recordingDestination();
      const s = await start({ ...options, plugin, plugins: [other.plugin] });
      await drive(s);
      await s.settle();
      runs.push({ delivered: s.delivered(), seen: [...other.seen], errors: s.errors() });
      if (plugin !== false) hotjar = s.hotjarCalls();
      await s.close();
      session = undefined;
    }
    return { withPlugin: runs[0], withoutPlugin: runs[1], hotjar };
  }

  it('a window.hj that throws changes nothing for Segment or other destinations', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { withPlugin, withoutPlugin } = await compare(
      {
        preparePage() {
          (window as unknown as { hj: () => void }).hj = () => {
            throw new Error('Hotjar exploded');
          };
        },
      },
      async (s) => {
        await s.identify('user_1', { plan: 'pro' });
        await s.track('Still delivered');
      },
    );
    expect(withPlugin).toEqual(withoutPlugin);
    expect(withPlugin?.delivered).toEqual(['identify', 'Still delivered']);
    expect(withPlugin?.errors).toEqual([]);
  });

  it('group, alias and screen reach Segment and other destinations as without the plugin, whatever onDiagnostic does', async () => {
    const onDiagnostic = () => {
      throw new Error('handler exploded');
    };
    const { withPlugin, withoutPlugin, hotjar } = await compare({ plugin: { onDiagnostic } }, async (s) => {
      s.remember(s.analytics.group('org_1', { name: 'Initech' }));
      s.remember(s.analytics.alias('user_2'));
      s.remember(s.analytics.screen('Checkout', { step: 2 }));
    });
    expect(withPlugin).toEqual(withoutPlugin);
    expect(withPlugin?.seen).toEqual(['group', 'alias', 'screen']);
    expect(withPlugin?.errors).toEqual([]);
    expect(hotjar).toEqual([]);
  });

  it('hostile traits and properties change nothing for Segment or other destinations', async () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const throwing = {
      ok: 1,
      get broken(): string {
        throw new Error('getter exploded');
      },
    };
    const { withPlugin, withoutPlugin, hotjar } = await compare({}, async (s) => {
      await s.identify('user_1', { plan: 'pro', throwing });
      await s.track('Cyclic', { cyclic });
      await s.track('Plain');
    });
    expect(withPlugin).toEqual(withoutPlugin);
    // Segment's own delivery cannot serialise the first two (with or without the plugin); the
    // other destination gets all three, and Hotjar everything of them it can take.
    expect(withPlugin?.delivered).toEqual(['Plain']);
    expect(withPlugin?.seen).toEqual(['identify', 'Cyclic', 'Plain']);
    expect(hotjar).toEqual([
      ['identify', 'user_1', { plan: 'pro', throwing_ok: 1 }],
      ['event', 'Cyclic'],
      ['event', 'Plain'],
    ]);
  });
});
