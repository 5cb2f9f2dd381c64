import { hotjarPlugin } from '@hotjar-bridge/segment';
import { AnalyticsBrowser } from '@segment/analytics-next';

// Set these in .env.local (see .env.example).
const HOTJAR_SITE_ID = import.meta.env.VITE_HOTJAR_SITE_ID ?? '1234567';
const SEGMENT_WRITE_KEY = import.meta.env.VITE_SEGMENT_WRITE_KEY ?? 'your-segment-write-key';

const analytics = AnalyticsBrowser.load({ writeKey: SEGMENT_WRITE_KEY });
void analytics.register(
  hotjarPlugin({
    siteId: HOTJAR_SITE_ID,
    hotjarVersion: 6,
    pageChanges: true,
    onDiagnostic: (diagnostic) => console.info('[hotjar]', diagnostic.message),
  }),
);
void analytics.page();

function on(id: string, handler: () => void) {
  document.getElementById(id)?.addEventListener('click', handler);
}

on('sign-up', () => {
  void analytics.identify('user_42', { plan: 'free', company: { name: 'Initech', employee_count: 120 } });
  void analytics.track('Signed up', { method: 'email' });
});

on('upgrade', () => {
  void analytics.identify('user_42', { plan: 'pro' });
  void analytics.track('Plan upgraded', { from: 'free', to: 'pro', price: 49 });
});

on('pricing', () => {
  history.pushState({}, '', '/pricing');
  void analytics.page();
});
