import { afterEach, describe, expect, it } from 'vitest';
import { amplitudeDriver } from '../../../test/drivers/amplitude';
import type { VendorSession } from '../../../test/shared/driver';

let session: VendorSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('amplitudeDriver, as the shared behaviour suite uses it', () => {
  it('drives the real SDK and records Hotjar calls, uploads and diagnostics', async () => {
    session = await amplitudeDriver.start({ identify: { nested: 'flatten' }, events: { exclude: ['Internal ping'] } });
    await session.identify('user_12345', { plan: 'pro', address: { city: 'Berlin' }, tags: ['beta'] });
    await session.track('Order #123 (paid)', { total: 99.5 });
    await session.track('Internal ping');
    await session.settle();

    expect(session.hotjarCalls()).toEqual([
      // identify() with a user_id sets the SDK's user id first: one identify, with the traits.
      ['identify', 'user_12345', { plan: 'pro', address_city: 'Berlin' }],
      ['event', 'Order 123 paid'],
    ]);
    expect(session.delivered()).toEqual(['$identify', 'Order #123 (paid)', 'Internal ping']);
    expect(session.diagnostics().map((d) => `${d.kind} ${d.reason} ${d.subject ?? ''}`)).toEqual([
      'load snippet-blocked ',
      'dropped array tags',
      'renamed sanitized Order #123 (paid)',
      'skipped excluded Internal ping',
    ]);
    expect(session.errors()).toEqual([]);
  });

  it('passes consent through and leaves nothing behind on close', async () => {
    session = await amplitudeDriver.start({ consent: 'pending' });
    await session.track('Signed up');
    await session.settle();
    expect(session.hotjarCalls()).toEqual([]);
    expect(session.delivered()).toEqual(['Signed up']);
    await session.close();
    session = undefined;
    expect((window as unknown as { hj?: unknown }).hj).toBe(undefined);
    expect(document.getElementById('hotjar-init-script')).toBe(null);
  });
});
