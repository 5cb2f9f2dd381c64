// Compiled by the repository's typecheck: registering the plugin needs no cast.
import { AnalyticsBrowser } from '@segment/analytics-next';
import { hotjarPlugin } from '../src/index';

export async function registerWithoutCast(): Promise<void> {
  const analytics = AnalyticsBrowser.load({ writeKey: 'write-key' });
  await analytics.register(hotjarPlugin({ siteId: 1234567, hotjarVersion: 6, pageChanges: true }));
  const [instance] = await analytics;
  await instance.register(hotjarPlugin({ siteId: '1234567', consentCategory: 'Analytics' }));
}
