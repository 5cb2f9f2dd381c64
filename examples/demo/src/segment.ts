import type { HotjarBridgeOptions } from '@hotjar-bridge/core';
import { hotjarPlugin } from '@hotjar-bridge/segment';
import { AnalyticsBrowser } from '@segment/analytics-next';
import { type DemoSdk, nextPage } from './actions';

const CONSENT_CATEGORY = 'Analytics';
// Segment's identify() merges its traits into those it stored from earlier calls, and the
// plugin receives them all: a card marks a field left out again that its own call did not pass.
const keptTraits = (fields: string[]) => ({
  fields,
  note: 'Segment keeps the traits of earlier identify calls and sends them again with these, so a field left out of an earlier card is left out here again.',
});

/**
 * Segment with the Hotjar plugin, loaded with its settings given (no fetch from Segment's CDN)
 * and delivering to the demo server. Consent is stamped on every event the way Segment's
 * consent tools do it, and the plugin reads it through `consentCategory`.
 */
export async function startSegment(bridge: HotjarBridgeOptions, consentGiven: () => boolean): Promise<DemoSdk> {
  const { consent: _pending, ...options } = bridge;
  const analytics = AnalyticsBrowser.load(
    {
      writeKey: 'demo-write-key',
      cdnSettings: {
        integrations: {
          'Segment.io': {
            apiKey: 'demo-write-key',
            apiHost: `${location.host}/segment/v1`,
            protocol: location.protocol.replace(':', ''),
          },
        },
      },
    },
    // Each load of the demo starts as a new visitor, with no traits cached from the last one.
    { disableClientPersistence: true },
  );
  await analytics.addSourceMiddleware(({ payload, next }) => {
    const context = payload.obj.context ?? {};
    payload.obj.context = { ...context, consent: { categoryPreferences: { [CONSENT_CATEGORY]: consentGiven() } } };
    next(payload);
  });
  await analytics.register(hotjarPlugin({ ...options, pageChanges: true, consentCategory: CONSENT_CATEGORY }));

  return {
    // Consent lives in the stamp above: the next event carries the new choice.
    grantConsent: () => undefined,
    revokeConsent: () => undefined,
    actions: [
      {
        label: 'Identify with nested traits',
        keptTraits: keptTraits(['plan', 'address', 'signed_up']),
        code: `analytics.identify('user_42', {
  plan: 'pro',
  address: { city: 'Berlin', postalCode: '10115' },
  signed_up: new Date('2024-01-02'),
});`,
        run: () =>
          analytics.identify('user_42', {
            plan: 'pro',
            address: { city: 'Berlin', postalCode: '10115' },
            signed_up: new Date('2024-01-02'),
          }),
      },
      {
        label: 'Identify with an email in the wrong field',
        keptTraits: keptTraits(['email', 'work_contact']),
        code: `analytics.identify('user_42', {
  email: 'peter@example.com',
  work_contact: 'peter@initech.com',
});`,
        run: () => analytics.identify('user_42', { email: 'peter@example.com', work_contact: 'peter@initech.com' }),
      },
      {
        label: 'Identify with a list',
        keptTraits: keptTraits(['tags', 'seats']),
        code: `analytics.identify('user_42', {
  tags: ['beta', 'early-adopter'],
  seats: 12,
});`,
        run: () => analytics.identify('user_42', { tags: ['beta', 'early-adopter'], seats: 12 }),
      },
      {
        label: 'Track an awkward name',
        code: `analytics.track('Order #123 (paid) @ 50% off!', {
  total: 99.5,
  items: [{ sku: 'A-1', qty: 2 }],
});`,
        run: () => analytics.track('Order #123 (paid) @ 50% off!', { total: 99.5, items: [{ sku: 'A-1', qty: 2 }] }),
      },
      {
        label: 'Change page',
        code: () => `history.pushState({}, '', '${nextPage()}');
analytics.page();`,
        note: "Amplitude's page-view tracking would see this URL change too; in this demo it counts only its own button's, so that each card shows what its own SDK sent.",
        run: () => {
          history.pushState({}, '', nextPage());
          return analytics.page();
        },
      },
    ],
  };
}
