import { describe, expect, it } from 'vitest';
import type { VendorDriver } from './driver';
import { lastIdentify, sessionPerTest } from './per-test';

/**
 * The behaviour every vendor plugin shares, run once per vendor with that vendor's real SDK.
 * Each vendor supplies only how to drive its SDK; the expectations are the same for all.
 */
export function behaviourSuite(driver: VendorDriver): void {
  describe(`${driver.name}: shared behaviour`, () => {
    const start = sessionPerTest(driver);

    it('identify with nested traits flattens them and drops what Hotjar rejects', async () => {
      const s = await start();
      await s.identify('user_12345', {
        plan: 'pro',
        address: { city: 'San Francisco', zip: '94107' },
        tags: ['beta', 'early'],
        email: 'peter@example.com',
        work_address: 'peter@initech.com',
        signed_up: new Date(Date.UTC(2024, 0, 2)),
      });
      await s.settle();
      expect(lastIdentify(s)).toEqual([
        'identify',
        'user_12345',
        {
          plan: 'pro',
          address_city: 'San Francisco',
          address_zip: '94107',
          email: 'peter@example.com',
          signed_up: '2024-01-02T00:00:00.000Z',
        },
      ]);
      const dropped = s.diagnostics().filter((d) => d.kind === 'dropped');
      expect(dropped.map((d) => [d.subject, d.reason])).toEqual([
        ['tags', 'array'],
        ['work_address', 'email-in-wrong-key'],
      ]);
      expect(s.errors()).toEqual([]);
    });

    it('identify with nested: "reject" drops the nested value whole', async () => {
      const s = await start({ identify: { nested: 'reject' } });
      await s.identify('user_12345', { plan: 'pro', address: { city: 'San Francisco' } });
      await s.settle();
      expect(lastIdentify(s)).toEqual(['identify', 'user_12345', { plan: 'pro' }]);
    });

    it('track sends the cleaned name and drops properties, while the SDK delivers the event', async () => {
      const s = await start();
      await s.track('Order #123 (paid)', { total: 99.5, items: [{ sku: 'a' }], email: 'p@example.com' });
      await s.settle();
      const events = s.hotjarCalls().filter((call) => call[0] === 'event');
      expect(events).toEqual([['event', 'Order 123 paid']]);
      expect(s.delivered()).toContain('Order #123 (paid)');
    });

    it('events.exclude keeps a name from Hotjar but not from the SDK', async () => {
      const s = await start({ events: { exclude: ['Internal ping'] } });
      await s.track('Internal ping');
      await s.track('Signed up');
      await s.settle();
      expect(s.hotjarCalls().filter((call) => call[0] === 'event')).toEqual([['event', 'Signed up']]);
      expect(s.delivered()).toEqual(expect.arrayContaining(['Internal ping', 'Signed up']));
    });

    // Content every SDK passes on but Hotjar cannot take. Cyclic objects and throwing getters
    // are tested per vendor: Amplitude's own Identify and upload reject them before any plugin.
    it('never throws: odd traits and properties reach the SDK and only valid data reaches Hotjar', async () => {
      const s = await start();
      let deep: Record<string, unknown> = { leaf: 'bottom' };
      for (let i = 0; i < 10; i++) deep = { level: deep };
      await s.identify('user_1', {
        plan: 'pro',
        deep,
        huge: 'x'.repeat(10_000),
        nan: Number.NaN,
        lists: [1, [2, [3]]],
        nothing: null,
        when: 'not a date',
      });
      await s.track('After odd content', { list: [1, [2]], nested: { a: { b: 1 } } });
      await s.settle();
      expect(s.errors()).toEqual([]);
      expect(s.delivered()).toContain('After odd content');
      expect(s.hotjarCalls().filter((call) => call[0] === 'event')).toEqual([['event', 'After odd content']]);
      const attributes = lastIdentify(s)?.[2] ?? {};
      expect(attributes).toMatchObject({ plan: 'pro', huge: 'x'.repeat(200), when: 'not a date' });
      for (const [key, value] of Object.entries(attributes)) {
        expect(key.length).toBeLessThanOrEqual(50);
        expect(['string', 'number', 'boolean']).toContain(typeof value);
        if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      }
    });

    it('consent pending: nothing reaches Hotjar, everything reaches the SDK', async () => {
      const s = await start({ consent: 'pending' });
      await s.identify('user_1', { plan: 'pro' });
      await s.track('Signed up');
      await s.settle();
      expect(s.hotjarCalls()).toEqual([]);
      expect(s.delivered()).toContain('Signed up');
      expect(s.diagnostics().some((d) => d.reason === 'consent-pending')).toBe(true);
    });
  });
}
