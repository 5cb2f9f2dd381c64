import * as amplitude from '@amplitude/analytics-browser';
import { hotjarPlugin } from '@hotjar-bridge/amplitude';
import type { HotjarBridgeOptions } from '@hotjar-bridge/core';
import { type DemoSdk, nextPage } from './actions';

/** Amplitude with the Hotjar plugin; its uploads go to the demo server. */
export async function startAmplitude(bridge: HotjarBridgeOptions): Promise<DemoSdk> {
  const plugin = hotjarPlugin({ ...bridge, pageChanges: true });
  // Amplitude's page-view tracking sees every history change on the page, also the one
  // Segment's "Change page" button makes. Each card of the log shows what its own SDK sent, so
  // here Amplitude tracks only the page changes of its own button (and none at load).
  let ownPageChange = false;
  await amplitude.init('demo-api-key', {
    serverUrl: `${location.origin}/amplitude/2/httpapi`,
    // Page views on history changes feed the plugin's pageChanges; the rest of autocapture is
    // off to keep the log to the buttons' calls.
    autocapture: {
      pageViews: { trackHistoryChanges: 'all', trackOn: () => ownPageChange },
      sessions: false,
      formInteractions: false,
      fileDownloads: false,
      elementInteractions: false,
      attribution: false,
      webVitals: false,
      networkTracking: false,
      frustrationInteractions: false,
    },
    fetchRemoteConfig: false,
    // Each load of the demo starts as a new visitor.
    identityStorage: 'none',
    flushIntervalMillis: 250,
    logLevel: amplitude.Types.LogLevel.Warn,
  }).promise;
  amplitude.add(plugin);

  return {
    grantConsent: () => plugin.grantConsent(),
    revokeConsent: () => plugin.revokeConsent(),
    actions: [
      {
        label: 'Identify with nested traits',
        code: `amplitude.setUserId('user_42');
amplitude.identify(new Identify()
  .set('plan', 'pro')
  .set('address', { city: 'Berlin', zip: '10115' })
  .setOnce('signup_source', 'ads')
  .add('logins', 1));`,
        run: () => {
          amplitude.setUserId('user_42');
          return amplitude.identify(
            new amplitude.Identify()
              .set('plan', 'pro')
              .set('address', { city: 'Berlin', zip: '10115' })
              .setOnce('signup_source', 'ads')
              .add('logins', 1),
          ).promise;
        },
      },
      {
        label: 'Identify with an email in the wrong field',
        code: `amplitude.identify(new Identify()
  .set('email', 'peter@example.com')
  .set('work_contact', 'peter@initech.com'));`,
        run: () =>
          amplitude.identify(
            new amplitude.Identify().set('email', 'peter@example.com').set('work_contact', 'peter@initech.com'),
          ).promise,
      },
      {
        label: 'Identify with a list',
        code: `amplitude.identify(new Identify()
  .set('tags', ['beta', 'early-adopter'])
  .set('seats', 12));`,
        run: () =>
          amplitude.identify(new amplitude.Identify().set('tags', ['beta', 'early-adopter']).set('seats', 12)).promise,
      },
      {
        label: 'Track an awkward name',
        code: `amplitude.track('Order #123 (paid) @ 50% off!', {
  total: 99.5,
  items: [{ sku: 'A-1', qty: 2 }],
});`,
        run: () =>
          amplitude.track('Order #123 (paid) @ 50% off!', { total: 99.5, items: [{ sku: 'A-1', qty: 2 }] }).promise,
      },
      {
        label: 'Track an A/B variant',
        code: `// hotjarPlugin({ events: { map: ({ name, properties }) =>
//   name === 'Experiment Viewed'
//     ? \`experiment_\${properties.experiment}_\${properties.variation}\`
//     : name } })
amplitude.track('Experiment Viewed', { experiment: 'checkout', variation: 'b' });`,
        run: () => amplitude.track('Experiment Viewed', { experiment: 'checkout', variation: 'b' }).promise,
      },
      {
        label: 'Change page',
        code: () => `history.pushState({}, '', '${nextPage()}');
// Amplitude's page-view tracking sends '[Amplitude] Page Viewed'`,
        run: async () => {
          // Amplitude decides whether to track a page view while pushState runs.
          ownPageChange = true;
          try {
            history.pushState({}, '', nextPage());
          } finally {
            ownPageChange = false;
          }
        },
      },
    ],
  };
}
