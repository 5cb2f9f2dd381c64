import * as amplitude from '@amplitude/analytics-browser';
import { hotjarPlugin } from '@hotjar-bridge/amplitude';

// Set these in .env.local (see .env.example).
const HOTJAR_SITE_ID = import.meta.env.VITE_HOTJAR_SITE_ID ?? '1234567';
const AMPLITUDE_API_KEY = import.meta.env.VITE_AMPLITUDE_API_KEY ?? 'your-amplitude-api-key';

amplitude.init(AMPLITUDE_API_KEY, {
  autocapture: {
    // Page views on history changes become Hotjar page changes (the plugin's pageChanges).
    pageViews: { trackHistoryChanges: 'all' },
    // Attribution identifies every new user with about twenty initial_* campaign properties;
    // left on, each would become a Hotjar user attribute.
    attribution: false,
  },
});
amplitude.add(
  hotjarPlugin({
    siteId: HOTJAR_SITE_ID,
    hotjarVersion: 6,
    pageChanges: true,
    onDiagnostic: (diagnostic) => console.info('[hotjar]', diagnostic.message),
  }),
);

function on(id: string, handler: () => void) {
  document.getElementById(id)?.addEventListener('click', handler);
}

on('sign-up', () => {
  amplitude.setUserId('user_42');
  amplitude.identify(
    new amplitude.Identify()
      .set('plan', 'free')
      .set('company', { name: 'Initech', size: 120 })
      .setOnce('signup_source', 'ads'),
  );
  amplitude.track('Signed up', { method: 'email' });
});

on('upgrade', () => {
  amplitude.identify(new amplitude.Identify().set('plan', 'pro'));
  amplitude.track('Plan upgraded', { from: 'free', to: 'pro', price: 49 });
});

on('pricing', () => {
  history.pushState({}, '', '/pricing');
});
