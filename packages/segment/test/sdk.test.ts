import type { Context, Plugin } from '@segment/analytics-next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type SegmentSession, type SegmentSessionOptions, startSegment } from '../../../test/drivers/segment';

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
      ['event', 'Order _123 _paid'],
      ['stateChange', '/pricing?plan=pro'],
    ]);
    expect(s.delivered()).toEqual(['identify', 'Order #123 (paid)', 'page']);
    expect(s.warnings()).toContain('[hotjar-bridge] identify: "tags" dropped (array)');
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

  it('forwards, in order, calls made before Segment finished loading', async () => {
    const s = await start({
      beforeReady(analytics, remember) {
        remember(analytics.identify('early_user', { plan: 'pro' }));
        remember(analytics.track('Early one'));
        remember(analytics.track('Early two'));
      },
    });
    await s.track('After load');
    await s.settle();
    // Segment replays its buffer after load() resolves, so 'After load' may come first;
    // the early calls all arrive, in the order they were made.
    const calls = s.hotjarCalls();
    expect(calls).toHaveLength(4);
    expect(calls.filter((call) => call[0] === 'identify' || call[1] !== 'After load')).toEqual([
      ['identify', 'early_user', { plan: 'pro' }],
      ['event', 'Early one'],
      ['event', 'Early two'],
    ]);
    expect(calls).toContainEqual(['event', 'After load']);
    expect([...s.delivered()].sort()).toEqual(['After load', 'Early one', 'Early two', 'identify']);
  });

  it('with consentCategory, loads Hotjar only at the first event that grants it', async () => {
    const s = await start({ plugin: { consentCategory: 'Analytics' } });
    const consent = (granted: boolean) => ({ context: { consent: { categoryPreferences: { Analytics: granted } } } });
    await s.trackWith('Before consent', {}, consent(false));
    await s.settle();
    expect(document.getElementById('hotjar-init-script')).toBeNull();
    expect(s.hotjarCalls()).toEqual([]);
    await s.trackWith('With consent', {}, consent(true));
    await s.settle();
    expect(document.getElementById('hotjar-init-script')).not.toBeNull();
    expect(s.hotjarCalls()).toEqual([['event', 'With consent']]);
    expect(s.delivered()).toEqual(['Before consent', 'With consent']);
  });
});

describe('failure isolation', () => {
  it('a Hotjar that never loads stops nothing: Segment and other destinations get every event', async () => {
    const other = recordingDestination();
    const s = await start({ plugins: [other.plugin] });
    for (let i = 0; i < 20; i++) await s.track(`Event ${i}`);
    await s.settle();
    const names = Array.from({ length: 20 }, (_, i) => `Event ${i}`);
    expect(s.delivered()).toEqual(names);
    expect(other.seen).toEqual(names);
    // Hotjar's script never arrived (the test page does not run it): the calls wait in its queue.
    expect(s.hotjarCalls()).toHaveLength(20);
  });

  // Each case runs twice, with and without the plugin: what Segment and the other destination
  // receive must be the same, whatever Segment itself makes of the content.
  async function compare(options: SegmentSessionOptions, drive: (s: SegmentSession) => Promise<void>) {
    const runs: Array<{ delivered: string[]; seen: string[]; errors: unknown[] }> = [];
    for (const plugin of [options.plugin ?? {}, false] as const) {
      const other = recordingDestination();
      const s = await start({ ...options, plugin, plugins: [other.plugin] });
      await drive(s);
      await s.settle();
      runs.push({ delivered: s.delivered(), seen: [...other.seen], errors: s.errors() });
      await s.close();
      session = undefined;
    }
    return { withPlugin: runs[0], withoutPlugin: runs[1] };
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

  it('hostile traits and properties change nothing for Segment or other destinations', async () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const throwing = {
      ok: 1,
      get broken(): string {
        throw new Error('getter exploded');
      },
    };
    const { withPlugin, withoutPlugin } = await compare({}, async (s) => {
      await s.identify('user_1', { plan: 'pro', throwing });
      await s.track('Cyclic', { cyclic });
      await s.track('Plain');
    });
    expect(withPlugin).toEqual(withoutPlugin);
    expect(withPlugin?.delivered).toContain('Plain');
  });
});
