import { Identify, Revenue, type Types } from '@amplitude/analytics-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { type AmplitudeSession, startAmplitude } from '../../../test/drivers/amplitude';

let session: AmplitudeSession | undefined;
const start: typeof startAmplitude = async (options) => {
  session = await startAmplitude(options);
  return session;
};

afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe.each([
  ['before', true],
  ['after', false],
])('the real SDK with the plugin added %s init()', (_, addBeforeInit) => {
  it('sends the exact Hotjar calls in order, and Amplitude still uploads every event', async () => {
    const s = await start({ addBeforeInit });
    s.client.setUserId('user-1');
    s.client.identify(
      new Identify().set('plan', 'pro').setOnce('plan', 'free').setOnce('signup', '2024-01-01').add('logins', 1),
    );
    s.client.track('Checkout Started', { cart: { total: 42, items: ['a', 'b'] }, email: 'jane@example.com' });
    s.client.revenue(new Revenue().setProductId('sku-1').setPrice(9.99).setQuantity(2));
    s.client.groupIdentify('org', 'acme', new Identify().set('size', 10));
    s.client.track('Order Completed');
    await s.settle();

    expect(s.hotjarCalls()).toEqual([
      // setUserId() then identify() in the same tick: one identify, with the traits.
      // Identify refuses a second operation on one property: `plan` stays in $set only.
      ['identify', 'user-1', { signup: '2024-01-01', plan: 'pro' }],
      ['event', 'Checkout Started'],
      ['event', 'revenue_amount'],
      ['event', 'Order Completed'],
    ]);
    expect(s.delivered()).toEqual([
      '$identify',
      'Checkout Started',
      'revenue_amount',
      '$groupidentify',
      'Order Completed',
    ]);
    expect(s.uploads()[1]).toMatchObject({ event_properties: { cart: { total: 42 } }, user_id: 'user-1' });
    expect(s.diagnostics().map((d) => `${d.kind} ${d.reason} ${d.subject ?? ''}`)).toEqual([
      'load snippet-blocked ',
      'skipped unsupported $add',
      'skipped unsupported $groupidentify',
    ]);
    expect(s.errors()).toEqual([]);
    expect(s.sdkErrors()).toEqual([]);
  });
});

const ORDERS = [
  ['added before init()', { addBeforeInit: true }],
  ['added right after an init() that was not awaited', { addBeforeInit: false, initNotAwaited: true }],
  ['added after init() resolved', { addBeforeInit: false }],
] as const;

describe.each(ORDERS)("the real SDK's track().promise, with the plugin %s", (_, order) => {
  it("resolves with Amplitude's own failed upload (400), while Hotjar still gets the event", async () => {
    const s = await start({ ...order, upload: { status: 400, error: 'Invalid API key' } });
    const result = await s.client.track('Signed Up').promise;
    expect(result).toMatchObject({ code: 400, message: 'Invalid API key' });
    expect(s.hotjarCalls()).toEqual([['event', 'Signed Up']]);
    expect(s.delivered()).toEqual(['Signed Up']);
  });

  it("resolves with Amplitude's 200 for an event Hotjar refuses, and the SDK logs no error for it", async () => {
    const s = await start(order);
    const forwarded = await s.client.track('Signed Up').promise;
    const refused = await s.client.track('Invited jane@example.com').promise;
    await s.settle();
    expect(forwarded).toMatchObject({ code: 200, message: 'Event tracked successfully' });
    expect(refused).toMatchObject({ code: 200, message: 'Event tracked successfully' });
    expect(s.hotjarCalls()).toEqual([['event', 'Signed Up']]);
    expect(s.delivered()).toEqual(['Signed Up', 'Invited jane@example.com']);
    expect(s.diagnostics().map((d) => d.reason)).toEqual(['snippet-blocked', 'contains-email']);
    expect(s.sdkErrors()).toEqual([]);
  });

  it('neither misses nor doubles an event made while the plugin takes its place', async () => {
    // The client a plugin's setup() receives holds the timeline; the instance the app calls does not.
    let timeline: { plugins: Array<{ name?: string; type?: string }> } | undefined;
    const probe: Types.EnrichmentPlugin<Types.BrowserClient, Types.BrowserConfig> = {
      name: 'probe',
      type: 'enrichment',
      async setup(_config, client) {
        timeline = (client as unknown as { timeline: typeof timeline }).timeline;
      },
      execute: async (event) => event,
    };
    const s = await start({ ...order, init: { userId: 'user-1' }, plugins: [probe] });
    const results = await Promise.all(['A', 'B', 'C'].map((name) => s.client.track(name).promise));
    await s.settle();
    expect(results.map((r) => r.message)).toEqual(Array(3).fill('Event tracked successfully'));
    expect(s.hotjarCalls()).toEqual([
      ['identify', 'user-1', {}],
      ['event', 'A'],
      ['event', 'B'],
      ['event', 'C'],
    ]);
    expect(s.delivered()).toEqual(['A', 'B', 'C']);
    const destinations = timeline?.plugins.filter((p) => p.type === 'destination').map((p) => p.name);
    expect(destinations).toEqual(['amplitude', 'hotjar-bridge']);
    // The plugin that moved it has removed itself.
    expect(timeline?.plugins.map((p) => p.name)).not.toContain('hotjar-bridge:order');
    expect(s.diagnostics().filter((d) => d.reason === 'result-order')).toEqual([]);
  });
});

describe('the real SDK without its own destination', () => {
  it("says once that track().promise now resolves with the plugin's Result", async () => {
    const s = await start();
    await s.client.remove('amplitude').promise;
    const result = await s.client.track('Signed Up').promise;
    await s.client.track('Upgraded').promise;
    expect(result).toMatchObject({ code: 200, message: '[hotjar-bridge] event: forwarded' });
    expect(s.diagnostics().filter((d) => d.reason === 'result-order')).toEqual([
      expect.objectContaining({
        kind: 'load',
        message: expect.stringContaining("Amplitude's own destination is not ahead of this plugin"),
      }),
    ]);
  });
});

describe('the real SDK and user ids', () => {
  it('identifies the user given to init() as soon as the plugin is set up', async () => {
    const s = await start({ init: { userId: 'user-5' } });
    s.client.track('Opened App');
    await s.settle();
    expect(s.hotjarCalls()).toEqual([
      ['identify', 'user-5', {}],
      ['event', 'Opened App'],
    ]);
  });

  it('never takes a user id that arrives with an event only: it says who that event is about', async () => {
    const s = await start();
    s.client.track('Opened App', undefined, { user_id: 'user-6' });
    s.client.track('Opened Settings', undefined, { user_id: 'user-6' });
    await s.settle();
    expect(s.hotjarCalls()).toEqual([
      ['event', 'Opened App'],
      ['event', 'Opened Settings'],
    ]);
    expect(s.client.getUserId()).toBe(undefined);
  });

  it('maps setGroup, which Amplitude sends as $identify, to a user attribute', async () => {
    // No user id: the attribute reaches Hotjar only once anonymousAttributes allows it.
    const s = await start({ plugin: { identify: { anonymousAttributes: ['org'] } } });
    s.client.setGroup('org', 'acme');
    await s.settle();
    expect(s.hotjarCalls()).toEqual([['identify', null, { org: 'acme' }]]);
    expect(s.delivered()).toEqual(['$identify']);
  });
});

describe('the real SDK and page views', () => {
  const pageViews = {
    autocapture: {
      pageViews: { trackHistoryChanges: 'all' as const },
      attribution: false,
      sessions: false,
      fileDownloads: false,
      formInteractions: false,
      elementInteractions: false,
      frustrationInteractions: false,
      webVitals: false,
    },
  };

  it('calls stateChange for each page view with pageChanges', async () => {
    window.history.replaceState(null, '', '/home');
    const s = await start({ plugin: { pageChanges: true }, init: pageViews });
    await s.until(() => s.hotjarCalls().length === 1);
    window.history.pushState(null, '', '/pricing?plan=pro');
    expect(await s.until(() => s.hotjarCalls().length === 2)).toBe(true);
    await s.settle();
    expect(s.hotjarCalls()).toEqual([
      ['stateChange', '/home'],
      ['stateChange', '/pricing'],
    ]);
    expect(s.delivered()).toEqual(['[Amplitude] Page Viewed', '[Amplitude] Page Viewed']);
  });

  it('sends nothing for page views without pageChanges, while Amplitude uploads them', async () => {
    window.history.replaceState(null, '', '/home');
    const s = await start({ init: pageViews });
    expect(await s.until(() => s.delivered().length === 1)).toBe(true);
    expect(s.hotjarCalls()).toEqual([]);
  });
});

describe('the real SDK and opt-out', () => {
  it('loads and forwards nothing while opted out, and starts at opt-in', async () => {
    const s = await start({ init: { optOut: true, userId: 'user-1' } });
    s.client.track('While Opted Out');
    s.client.setUserId('user-2');
    await s.settle();
    expect(document.getElementById('hotjar-init-script')).toBe(null);
    expect(s.hotjarCalls()).toEqual([]);

    s.client.setOptOut(false);
    s.client.track('After Opt-in');
    await s.settle();
    expect(document.getElementById('hotjar-init-script')).not.toBe(null);
    expect(s.hotjarCalls()).toEqual([
      ['identify', 'user-2', {}],
      ['event', 'After Opt-in'],
    ]);
    expect(s.delivered()).toEqual(['After Opt-in']);
  });
});

describe("the real SDK's default tracking", () => {
  it("keeps session events out of Hotjar and passes the campaign attribution on as attributes, without Amplitude's 'EMPTY' placeholders", async () => {
    window.history.replaceState(null, '', '/landing?utm_source=newsletter');
    const s = await start({ init: { autocapture: { attribution: true, sessions: true, pageViews: true } } });
    s.client.track('Signed Up');
    await s.settle();
    expect(await s.until(() => s.delivered().includes('[Amplitude] Page Viewed'))).toBe(true);
    expect(s.delivered()).toEqual(expect.arrayContaining(['$identify', 'session_start', 'Signed Up']));

    const [identify, ...rest] = s.hotjarCalls();
    // Attribution is an $identify: $set of the campaign, $setOnce of initial_*, $unset of the rest.
    expect(identify).toEqual([
      'identify',
      null,
      expect.objectContaining({ utm_source: 'newsletter', initial_utm_source: 'newsletter' }),
    ]);
    expect(Object.values((identify as [string, unknown, Record<string, unknown>])[2])).not.toContain('EMPTY');
    expect(rest).toEqual([['event', 'Signed Up']]);
    expect(s.diagnostics()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'unsupported', subject: '$unset' }),
        expect.objectContaining({ reason: 'nothing-to-send', subject: 'initial_utm_medium' }),
        expect.objectContaining({ reason: 'excluded', subject: 'session_start' }),
        expect.objectContaining({ reason: 'excluded', subject: '[Amplitude] Page Viewed' }),
      ]),
    );
  });
});

describe("the real SDK's web attribution for a visitor without a user id", () => {
  afterEach(() => {
    Reflect.deleteProperty(document, 'referrer');
    window.history.replaceState(null, '', '/');
  });

  it('sends the referring domain without credentials and a campaign URL without its query string', async () => {
    const content = 'crm.example.xn--p1ai/customers/view?name=Jane+Doe';
    window.history.replaceState(null, '', `/landing?utm_source=news&utm_content=${encodeURIComponent(content)}`);
    // A referrer with credentials: Amplitude derives referring_domain from it, credentials included.
    Object.defineProperty(document, 'referrer', {
      value: 'https://jane:pw@192.0.2.10/customers/view?name=Jane',
      configurable: true,
    });
    const s = await start({ init: { autocapture: { attribution: true, sessions: false, pageViews: false } } });
    await s.settle();
    expect(s.uploads()[0]?.user_id ?? null).toBeNull();
    expect(s.uploads()[0]).toMatchObject({
      user_properties: { $set: { referring_domain: 'jane:pw@192.0.2.10', utm_content: content } },
    });
    expect(s.hotjarCalls()).toEqual([
      [
        'identify',
        null,
        expect.objectContaining({
          utm_source: 'news',
          utm_content: 'crm.example.xn--p1ai/customers/view',
          initial_utm_content: 'crm.example.xn--p1ai/customers/view',
          referring_domain: '192.0.2.10',
          initial_referring_domain: '192.0.2.10',
          referrer: 'https://192.0.2.10/customers/view',
        }),
      ],
    ]);
    expect(JSON.stringify(s.hotjarCalls())).not.toMatch(/Jane|jane|pw/);
    const reduced = s.diagnostics().filter((d) => d.reason === 'url-reduced');
    expect(reduced.map((d) => d.subject).sort()).toEqual([
      'initial_referrer',
      'initial_referring_domain',
      'initial_utm_content',
      'referrer',
      'referring_domain',
      'utm_content',
    ]);
  });
});

describe('the real SDK and identity', () => {
  it("follows the SDK's user id: an event's own user_id does not switch the Hotjar user", async () => {
    const s = await start();
    s.client.setUserId('user-2');
    s.client.track('Invited', {}, { user_id: 'user-1' });
    s.client.track('Opened Settings');
    await s.settle();
    expect(s.hotjarCalls()).toEqual([
      ['identify', 'user-2', {}],
      ['event', 'Invited'],
      ['event', 'Opened Settings'],
    ]);
    expect(s.uploads().map((e) => e.user_id)).toEqual(['user-1', 'user-2']);
  });

  it('gives one identify for setUserId() then identify() made before init() resolves, when nothing is forwarded before the identify', async () => {
    const s = await start({
      beforeReady(client) {
        client.setUserId('user-4');
        client.identify(new Identify().set('plan', 'pro'));
        client.track('Signed Up');
      },
    });
    await s.settle();
    expect(s.hotjarCalls()).toEqual([
      ['identify', 'user-4', { plan: 'pro' }],
      ['event', 'Signed Up'],
    ]);
  });

  it("gives two identifies for setUserId() then identify() made before init() resolves, with a page view first (the snippet's order)", async () => {
    window.history.replaceState(null, '', '/start');
    const s = await start({
      plugin: { pageChanges: true },
      init: { autocapture: { pageViews: true, attribution: false, sessions: false } },
      beforeReady(client) {
        client.setUserId('user-4');
        client.identify(new Identify().set('plan', 'pro'));
        client.track('Signed Up');
      },
    });
    await s.settle();
    expect(s.delivered()).toEqual(['[Amplitude] Page Viewed', '$identify', 'Signed Up']);
    // The page view reaches the plugin while the identify waits in the SDK's queue: Hotjar is
    // told the user ahead of it, then the identify brings the attributes.
    expect(s.hotjarCalls()).toEqual([
      ['identify', 'user-4', {}],
      ['stateChange', '/start'],
      ['identify', 'user-4', { plan: 'pro' }],
      ['event', 'Signed Up'],
    ]);
  });

  it("switching users in one tick: the first user's identify is not sent, and Hotjar is told the new user", async () => {
    const s = await start({ init: { userId: 'alice' } });
    s.client.identify(new Identify().set('name', 'Alice Liddell'), { user_id: 'alice' });
    s.client.setUserId('bob');
    await s.settle();
    expect(s.uploads().map((e) => e.user_id)).toEqual(['alice']);
    // Hotjar is told the user the SDK holds once it has applied both calls.
    expect(s.hotjarCalls()).toEqual([['identify', 'bob', {}]]);
    expect(s.diagnostics().filter((d) => d.reason === 'other-user')).toHaveLength(1);
  });

  it('an identify() without its own user id, then setUserId() in the same task: sent as Amplitude uploads it, under the new user', async () => {
    const s = await start({ init: { userId: 'alice' } });
    s.client.identify(new Identify().set('plan', 'pro'));
    s.client.setUserId('bob');
    await s.settle();
    // Amplitude stamps the user (and time, insert_id) as it processes the event, after the change.
    expect(s.uploads().map((e) => e.user_id)).toEqual(['bob']);
    expect(s.hotjarCalls()).toEqual([['identify', 'bob', { plan: 'pro' }]]);
  });

  it('identifies a setUserId() that no event follows, once', async () => {
    const s = await start();
    s.client.setUserId('user-3');
    expect(await s.until(() => s.hotjarCalls().length > 0)).toBe(true);
    s.client.setUserId('user-3');
    await s.settle();
    expect(s.hotjarCalls()).toEqual([['identify', 'user-3', {}]]);
  });
});

describe('the real SDK and a reload', () => {
  const sessions: AmplitudeSession[] = [];
  afterEach(async () => {
    for (const s of sessions.splice(0).reverse()) await s.close();
  });
  const open = async (options: Parameters<typeof startAmplitude>[0]) => {
    const s = await startAmplitude(options);
    sessions.push(s);
    return s;
  };
  const stored = { identityStorage: 'localStorage' as const };

  it('identifies the user Amplitude stored on the page before, once it has started', async () => {
    const first = await open({ init: { ...stored, userId: 'alice' } });
    await first.settle();
    const reload = await open({ reload: true, init: stored });
    await reload.settle();
    expect(reload.sdkUserId?.()).toBe('alice');
    expect(reload.hotjarCalls()).toEqual([['identify', 'alice', {}]]);
  });

  it('a reset() queued before init() on the reload wins: the stored user is never identified', async () => {
    const first = await open({ init: { ...stored, userId: 'alice' } });
    await first.settle();
    const reload = await open({
      reload: true,
      init: stored,
      beforeReady(client) {
        client.reset();
        client.track('Next Visitor Opened Pricing');
      },
    });
    await reload.settle();
    expect(reload.sdkUserId?.()).toBe(null);
    expect(reload.uploads().map((e) => [e.event_type, e.user_id ?? null])).toEqual([
      ['Next Visitor Opened Pricing', null],
    ]);
    expect(reload.hotjarCalls()).toEqual([['event', 'Next Visitor Opened Pricing']]);
  });
});

describe('the real SDK and $setOnce', () => {
  const sessions: AmplitudeSession[] = [];
  afterEach(async () => {
    for (const s of sessions.splice(0).reverse()) await s.close();
  });
  const open = async (options: Parameters<typeof startAmplitude>[0]) => {
    const s = await startAmplitude(options);
    sessions.push(s);
    return s;
  };

  it('sends a $setOnce key once per user in this browser, across page loads, and $set every time', async () => {
    const first = await open({ init: { userId: 'user-1' } });
    first.client.identify(new Identify().setOnce('first_plan', 'free').set('plan', 'free'));
    first.client.identify(new Identify().setOnce('first_plan', 'trial'));
    await first.settle();
    expect(first.hotjarCalls()).toEqual([['identify', 'user-1', { first_plan: 'free', plan: 'free' }]]);
    expect(first.diagnostics().filter((d) => d.reason === 'already-set-once')).toEqual([
      expect.objectContaining({ call: 'identify', subject: 'first_plan', kind: 'skipped' }),
    ]);

    // A second instance on the same page, storage kept: a reload.
    const reload = await open({ reload: true, init: { userId: 'user-1' } });
    reload.client.identify(new Identify().setOnce('first_plan', 'pro').set('plan', 'pro'));
    await reload.settle();
    expect(reload.hotjarCalls()).toEqual([['identify', 'user-1', { plan: 'pro' }]]);
    // Amplitude still uploads the $setOnce: its server keeps the first value itself.
    expect(reload.uploads()[0]).toMatchObject({ user_properties: { $setOnce: { first_plan: 'pro' } } });

    // Another user on the same browser has not sent it yet.
    const other = await open({ reload: true, init: { userId: 'user-9' } });
    other.client.identify(new Identify().setOnce('first_plan', 'pro'));
    await other.settle();
    expect(other.hotjarCalls()).toEqual([['identify', 'user-9', { first_plan: 'pro' }]]);
    // Key names only, never values, in one entry.
    const stored = localStorage.getItem('hotjar-bridge:set-once') ?? '';
    expect(stored).toContain('first_plan');
    expect(stored).not.toMatch(/free|pro|user-1|user-9/);
  });

  it("writes nothing to localStorage while consent is 'pending', and what it remembered once consent is given", async () => {
    const attribution = { autocapture: { attribution: true, sessions: false, pageViews: false }, deviceId: 'device-1' };
    window.history.replaceState(null, '', '/landing?utm_source=newsletter');
    const s = await open({ init: attribution, plugin: { consent: 'pending' } });
    await s.settle();
    expect(s.delivered()).toEqual(['$identify']);
    expect(s.hotjarCalls()).toEqual([]);
    expect(localStorage.getItem('hotjar-bridge:set-once')).toBe(null);
    s.plugin?.grantConsent();
    // Amplitude's placeholders for the campaign keys it did not see, remembered before consent.
    expect(localStorage.getItem('hotjar-bridge:set-once')).toContain('initial_utm_term');
  });

  it('leaves out a $setOnce of a key that a $set gave a value before, as Amplitude does', async () => {
    const first = await open({ init: { userId: 'user-1' } });
    first.client.identify(new Identify().set('plan', 'pro'));
    await first.settle();
    expect(first.hotjarCalls()).toEqual([['identify', 'user-1', { plan: 'pro' }]]);
    // A second instance on the same page, storage kept: a reload.
    const reload = await open({ reload: true, init: { userId: 'user-1' } });
    reload.client.identify(new Identify().setOnce('plan', 'free').setOnce('first_seen', '2026-11-01'));
    await reload.settle();
    expect(reload.hotjarCalls()).toEqual([['identify', 'user-1', { first_seen: '2026-11-01' }]]);
    expect(reload.diagnostics().filter((d) => d.reason === 'already-set-once')).toEqual([
      expect.objectContaining({ call: 'identify', subject: 'plan', kind: 'skipped' }),
    ]);
  });

  it("keeps the first campaign's initial_* attributes when web attribution sees a new campaign after a reload", async () => {
    const attribution = { autocapture: { attribution: true, sessions: false, pageViews: false }, deviceId: 'device-1' };
    window.history.replaceState(null, '', '/landing?utm_source=newsletter');
    const first = await open({ init: attribution });
    await first.settle();
    expect(first.hotjarCalls()).toEqual([
      ['identify', null, expect.objectContaining({ utm_source: 'newsletter', initial_utm_source: 'newsletter' })],
    ]);

    window.history.replaceState(null, '', '/landing?utm_source=ads');
    const reload = await open({ reload: true, init: attribution });
    await reload.settle();
    expect(reload.delivered()).toEqual(['$identify']);
    const [call] = reload.hotjarCalls();
    expect(call).toEqual(['identify', null, expect.objectContaining({ utm_source: 'ads' })]);
    expect(call?.[2]).not.toHaveProperty('initial_utm_source');
    expect(reload.diagnostics()).toContainEqual(
      expect.objectContaining({ reason: 'already-set-once', subject: 'initial_utm_source' }),
    );
  });

  it("counts a key Amplitude set to its placeholder as set: a later campaign's value for it is not the first touch", async () => {
    const attribution = { autocapture: { attribution: true, sessions: false, pageViews: false }, deviceId: 'device-1' };
    // The first campaign has no term: Amplitude sets initial_utm_term to its placeholder, 'EMPTY'.
    window.history.replaceState(null, '', '/landing?utm_source=newsletter');
    const first = await open({ init: attribution });
    await first.settle();
    expect(first.uploads()[0]).toMatchObject({ user_properties: { $setOnce: { initial_utm_term: 'EMPTY' } } });
    expect(first.hotjarCalls()[0]?.[2]).not.toHaveProperty('initial_utm_term');

    window.history.replaceState(null, '', '/landing?utm_source=ads&utm_term=shoes');
    const reload = await open({ reload: true, init: attribution });
    await reload.settle();
    // Amplitude uploads the new term as $setOnce; its server keeps 'EMPTY'. Hotjar must not get 'shoes'.
    expect(reload.uploads()[0]).toMatchObject({ user_properties: { $setOnce: { initial_utm_term: 'shoes' } } });
    const [call] = reload.hotjarCalls();
    expect(call).toEqual(['identify', null, expect.objectContaining({ utm_term: 'shoes' })]);
    expect(call?.[2]).not.toHaveProperty('initial_utm_term');
    expect(reload.diagnostics()).toContainEqual(
      expect.objectContaining({ reason: 'already-set-once', subject: 'initial_utm_term' }),
    );
  });

  it('leaves out the attribution placeholder the SDK is configured with (initialEmptyValue)', async () => {
    window.history.replaceState(null, '', '/landing?utm_source=newsletter');
    const s = await open({
      init: { autocapture: { attribution: { initialEmptyValue: 'none' }, sessions: false, pageViews: false } },
    });
    await s.settle();
    const [call] = s.hotjarCalls();
    expect(call).toEqual(['identify', null, expect.objectContaining({ initial_utm_source: 'newsletter' })]);
    expect(Object.values(call?.[2] ?? {})).not.toContain('none');
    expect(s.diagnostics()).toContainEqual(
      expect.objectContaining({
        reason: 'nothing-to-send',
        subject: 'initial_utm_medium',
        message: expect.stringContaining(`Amplitude's "none" placeholder`),
      }),
    );
  });
});
