import { Identify, type Types } from '@amplitude/analytics-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AmplitudeSession, type AmplitudeSessionOptions, startAmplitude } from '../../../test/drivers/amplitude';

const sessions: AmplitudeSession[] = [];
const start = async (options: AmplitudeSessionOptions) => {
  const session = await startAmplitude(options);
  sessions.push(session);
  return session;
};

afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

// Amplitude uploads a batch this long after its first event: the schedule that must not slip.
const FLUSH_MS = 100;
const EXPECTED = ['$identify', 'Checkout Started', 'Order Completed'];

/** Runs the same calls with no plugin and with `plugin`, one session after the other. */
async function compare(plugin: AmplitudeSessionOptions['plugin'], extra: Partial<AmplitudeSessionOptions> = {}) {
  const runs = [];
  for (const withPlugin of [false, true]) {
    const s = await start({ ...extra, plugin: withPlugin ? plugin : false, flushIntervalMillis: FLUSH_MS });
    s.client.identify(new Identify().set('plan', 'pro'), { user_id: 'user-1' });
    s.client.track('Checkout Started', { total: 42 });
    s.client.track('Order Completed');
    // No settle(): the upload has to come on Amplitude's own schedule.
    // A bound on the wait only, wide enough for a busy machine: the test asserts that the upload
    // came, not how fast.
    const uploaded = await s.until(() => s.delivered().length >= EXPECTED.length, 20_000);
    runs.push({ s, uploaded });
  }
  return runs;
}

function expectUnharmed(runs: Awaited<ReturnType<typeof compare>>) {
  const [control, withPlugin] = runs;
  expect(control?.s.delivered()).toEqual(EXPECTED);
  expect(withPlugin?.uploaded).toBe(true);
  expect(withPlugin?.s.delivered()).toEqual(EXPECTED);
  expect(withPlugin?.s.uploads()).toEqual(
    control?.s.uploads().map((event) => ({ ...event, ...pick(withPlugin?.s.uploads(), event) })),
  );
  // Not held back: the upload leaves on Amplitude's own timer, in the same requests as without
  // the plugin (a plugin that stalled the queue would split or never send them). No clock is
  // compared: how long a timer takes is the machine's, not the plugin's.
  expect(withPlugin?.s.requests().map((r) => r.events.length)).toEqual(
    control?.s.requests().map((r) => r.events.length),
  );
  expect(withPlugin?.s.errors()).toEqual([]);
}

// Ids, times and session data differ between two runs; everything else must match.
function pick(uploads: Array<Record<string, unknown>> | undefined, like: Record<string, unknown>) {
  const same = uploads?.find((event) => event.event_type === like.event_type) ?? {};
  const volatile = ['insert_id', 'time', 'session_id', 'device_id', 'event_id', 'library', 'user_agent'];
  return Object.fromEntries(volatile.filter((key) => key in same).map((key) => [key, same[key]]));
}

describe('failure isolation: Hotjar that never loads', () => {
  it("uploads every event on time while Hotjar's script never arrives", async () => {
    const runs = await compare({});
    expectUnharmed(runs);
    // Hotjar got its calls, queued for a script that never comes.
    expect(runs[1]?.s.hotjarCalls()).toEqual([
      ['identify', 'user-1', { plan: 'pro' }],
      ['event', 'Checkout Started'],
      ['event', 'Order Completed'],
    ]);
  });

  it('uploads every event on time when the page holds a window.hj that throws', async () => {
    // @hotjar/browser catches what window.hj throws and logs it.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const runs = await compare(
      {},
      {
        preparePage() {
          const w = window as unknown as { hj: unknown; _hjSettings: unknown };
          w._hjSettings = { hjid: 1234567, hjsv: 6 };
          w.hj = () => {
            throw new Error('Hotjar is broken');
          };
        },
      },
    );
    expectUnharmed(runs);
    // The identify, then each event with the identify tried again before it (Hotjar was never
    // told the user): five calls, each refused by the broken hj and reported as Hotjar's failure.
    expect(logged).toHaveBeenCalledTimes(5);
    expect(runs[1]?.s.diagnostics().filter((d) => d.reason === 'hotjar-unavailable')).toHaveLength(5);
    logged.mockRestore();
  });

  it("uploads every event on time when the page holds another site's snippet", async () => {
    const runs = await compare(
      {},
      {
        preparePage() {
          (window as unknown as { _hjSettings: unknown })._hjSettings = { hjid: 999, hjsv: 6 };
        },
      },
    );
    expectUnharmed(runs);
    expect(runs[1]?.s.diagnostics()).toEqual(
      expect.arrayContaining([expect.objectContaining({ reason: 'other-site' })]),
    );
  });
});

describe('failure isolation: options that drop everything', () => {
  it.each([
    ['events.include: []', { events: { include: [] }, identify: { maxAttributes: 1 } }],
    ["consent: 'pending'", { consent: 'pending' as const }],
    ['loadScript: false', { loadScript: false }],
  ])('uploads every event on time with %s', async (_, plugin) => {
    const runs = await compare(plugin);
    expectUnharmed(runs);
  });
});

/** Cyclic, with a getter that throws; `toJSON` lets Amplitude's upload serialise it, as a class with toJSON would. */
function hostile(): Record<string, unknown> {
  const value: Record<string, unknown> = { plan: 'pro' };
  value.self = value;
  for (const key of ['secret', '[Amplitude] Page Path']) {
    Object.defineProperty(value, key, {
      enumerable: true,
      get() {
        throw new Error(`${key} exploded`);
      },
    });
  }
  Object.defineProperty(value, 'toJSON', { value: () => ({ plan: 'pro' }) });
  return value;
}

// A user's enrichment plugin puts hostile content on every event before the destinations see it.
const hostileEnrichment: Types.EnrichmentPlugin<Types.BrowserClient, Types.BrowserConfig> = {
  name: 'hostile-enrichment',
  type: 'enrichment',
  async execute(event) {
    if (event.event_type === '$identify') event.user_properties = { $set: hostile() };
    else event.event_properties = hostile();
    return event;
  },
};

describe('failure isolation: hostile event content', () => {
  it('uploads every event on time and sends Hotjar only what it can read', async () => {
    const runs = await compare({ pageChanges: true }, { plugins: [hostileEnrichment] });
    expectUnharmed(runs);
    expect(runs[1]?.s.hotjarCalls()).toEqual([
      ['identify', 'user-1', { plan: 'pro', self_plan: 'pro' }],
      ['event', 'Checkout Started'],
      ['event', 'Order Completed'],
    ]);
  });

  it("resolves a page view whose path getter throws with Amplitude's own 200, and Amplitude uploads it", async () => {
    const s = await start({ plugin: { pageChanges: true }, plugins: [hostileEnrichment] });
    const result = await s.client.track('[Amplitude] Page Viewed').promise;
    await s.settle();
    expect(result).toMatchObject({ code: 200, message: 'Event tracked successfully' });
    expect(s.diagnostics()).toContainEqual(
      expect.objectContaining({
        reason: 'internal-error',
        message: expect.stringContaining('reading the event threw'),
      }),
    );
    expect(s.sdkErrors()).toEqual([]);
    expect(s.delivered()).toEqual(['[Amplitude] Page Viewed']);
    expect(s.uploads()[0]).toMatchObject({ event_properties: { plan: 'pro' } });
    expect(s.hotjarCalls()).toEqual([]);
    expect(s.errors()).toEqual([]);
  });
});
