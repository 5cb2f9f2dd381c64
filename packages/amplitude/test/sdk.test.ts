import { Identify, Revenue } from '@amplitude/analytics-browser';
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
      ['identify', 'user-1', {}],
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

describe('the real SDK and track().promise', () => {
  it('resolves with 200 for a forwarded event and 400 for a name Hotjar cannot take, uploading both', async () => {
    const s = await start();
    const forwarded = await s.client.track('Signed Up').promise;
    const refused = await s.client.track('Invited jane@example.com').promise;
    await s.settle();
    expect(forwarded).toMatchObject({ code: 200, message: '[hotjar-bridge] event: forwarded' });
    expect(refused).toMatchObject({ code: 400, message: expect.stringContaining('contains-email') });
    expect(s.hotjarCalls()).toEqual([['event', 'Signed Up']]);
    expect(s.delivered()).toEqual(['Signed Up', 'Invited jane@example.com']);
    // The SDK logs a destination's non-200 result as an error.
    expect(s.sdkErrors()).toEqual([refused.message]);
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

  it('identifies a user id that arrives with an event only', async () => {
    const s = await start();
    s.client.track('Opened App', undefined, { user_id: 'user-6' });
    s.client.track('Opened Settings', undefined, { user_id: 'user-6' });
    await s.settle();
    expect(s.hotjarCalls()).toEqual([
      ['identify', 'user-6', {}],
      ['event', 'Opened App'],
      ['event', 'Opened Settings'],
    ]);
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
