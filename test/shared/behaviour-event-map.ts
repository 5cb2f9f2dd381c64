import type { EventMap } from '@hotjar-bridge/core';
import { describe, expect, it } from 'vitest';
import { BUILD_MODE, MAP_NONE } from './build-mode';
import type { VendorDriver, VendorSession } from './driver';
import { sessionPerTest } from './per-test';

// The README's example: one Hotjar event per A/B variant, so that recordings can be filtered by
// it, and a rename.
const abTestMap: EventMap = ({ name, properties }) => {
  if (name === 'Experiment Viewed') return `experiment_${properties.experiment}_${properties.variation}`;
  if (name === 'Order Completed') return 'purchase';
  return name;
};

/**
 * `events.map` with each vendor's real SDK: the map decides the Hotjar names, and whatever it
 * does, the SDK delivers the event exactly as it would without the plugin.
 */
export function eventMapSuite(driver: VendorDriver): void {
  describe(`${driver.name}: events.map`, () => {
    const open = sessionPerTest(driver);
    const start = (map: EventMap, events: { include?: string[]; exclude?: string[] } = {}) =>
      open({ events: { ...events, map } });

    const events = (s: VendorSession) => s.hotjarCalls().filter((call) => call[0] === 'event');
    // What was said about events: loading Hotjar has diagnostics of its own in this environment.
    const said = (s: VendorSession) => s.diagnostics().filter((d) => d.call === 'event');

    it('sends one event per A/B variant, and renames, while the SDK delivers the events as tracked', async () => {
      const s = await start(abTestMap);
      await s.track('Experiment Viewed', { experiment: 'checkout', variation: 'b' });
      await s.track('Order Completed', { total: 42 });
      await s.track('Signed Up');
      await s.settle();
      expect(events(s)).toEqual([
        ['event', 'experiment_checkout_b'],
        ['event', 'purchase'],
        ['event', 'Signed Up'],
      ]);
      expect(s.delivered()).toEqual(expect.arrayContaining(['Experiment Viewed', 'Order Completed', 'Signed Up']));
      expect(s.deliveredProperties('Experiment Viewed')).toEqual({ experiment: 'checkout', variation: 'b' });
      expect(said(s)).toEqual([]);
      expect(s.errors()).toEqual([]);
    });

    it('sends each name of a list as its own event', async () => {
      const s = await start(({ name, properties }) => [name, `plan ${String(properties.plan)}`]);
      await s.track('Upgraded', { plan: 'pro' });
      await s.settle();
      expect(events(s)).toEqual([
        ['event', 'Upgraded'],
        ['event', 'plan pro'],
      ]);
    });

    it('sends nothing for null, and says so; the SDK still delivers the event', async () => {
      const s = await start(({ name }) => (name === 'Heartbeat' ? null : name));
      await s.track('Heartbeat');
      await s.track('Signed Up');
      await s.settle();
      expect(events(s)).toEqual([['event', 'Signed Up']]);
      expect(s.delivered()).toEqual(expect.arrayContaining(['Heartbeat', 'Signed Up']));
      expect(said(s)).toEqual([
        expect.objectContaining({ kind: 'skipped', call: 'event', reason: 'map-none', subject: 'Heartbeat' }),
      ]);
      // In words in development, in the short form from the same fields in production.
      expect(said(s)[0]?.message).toBe(MAP_NONE.message[BUILD_MODE]);
    });

    it('reports a map that throws, and the SDK delivers the event unaffected', async () => {
      const s = await start(({ properties }) => {
        // A mapper that assumes every event has a variation.
        return (properties.variation as string).toLowerCase();
      });
      await s.track('Experiment Viewed', { experiment: 'checkout' });
      await s.track('Signed Up', { plan: 'pro' });
      await s.settle();
      expect(events(s)).toEqual([]);
      expect(said(s).map((d) => [d.reason, d.subject])).toEqual([
        ['map-threw', 'Experiment Viewed'],
        ['map-threw', 'Signed Up'],
      ]);
      expect(s.delivered()).toEqual(expect.arrayContaining(['Experiment Viewed', 'Signed Up']));
      expect(s.deliveredProperties('Signed Up')).toEqual({ plan: 'pro' });
      expect(s.errors()).toEqual([]);
    });

    it('reports what is not a name or a list of names, and sends nothing for it', async () => {
      const answers: unknown[] = [42, { name: 'x' }, ['ok', 7]];
      const s = await start(() => answers.shift() as never);
      for (const name of ['One', 'Two', 'Three']) await s.track(name);
      await s.settle();
      expect(events(s)).toEqual([]);
      expect(said(s).map((d) => d.reason)).toEqual(['map-invalid', 'map-invalid', 'map-invalid']);
      expect(s.delivered()).toEqual(expect.arrayContaining(['One', 'Two', 'Three']));
      expect(s.errors()).toEqual([]);
    });

    it('never sends nor reports a name the map builds from an address in the properties', async () => {
      const s = await start(({ properties }) => [`invited ${String(properties.invitee)}`, 'invited']);
      await s.track('Invited', { invitee: 'jane.doe@example.com' });
      await s.settle();
      expect(events(s)).toEqual([['event', 'invited']]);
      expect(said(s).map((d) => d.reason)).toEqual(['contains-email']);
      expect(JSON.stringify(said(s))).not.toContain('jane');
      expect(s.deliveredProperties('Invited')).toEqual({ invitee: 'jane.doe@example.com' });
    });

    it('cannot change what the SDK uploads by changing the properties it is given', async () => {
      const s = await start((event) => {
        const properties = event.properties as { plan: string; cart: { items: string[] } };
        for (const change of [
          () => Object.assign(properties, { plan: 'free', added: true }),
          () => properties.cart.items.push('injected'),
          () => Object.assign(properties.cart, { total: 0 }),
        ]) {
          try {
            change();
          } catch {
            // Frozen: the map can only read.
          }
        }
        return event.name;
      });
      await s.track('Checkout Started', { plan: 'pro', cart: { items: ['a'] } });
      await s.settle();
      expect(events(s)).toEqual([['event', 'Checkout Started']]);
      expect(s.deliveredProperties('Checkout Started')).toEqual({ plan: 'pro', cart: { items: ['a'] } });
    });

    it('applies include and exclude to the event name before the map, and exclude to its names too', async () => {
      const seen: string[] = [];
      const s = await start(
        ({ name }) => {
          seen.push(name);
          return name === 'Order Completed' ? ['purchase', 'debug'] : 'other';
        },
        { include: ['Order Completed', 'Internal ping'], exclude: ['Internal ping', 'debug'] },
      );
      await s.track('Order Completed');
      await s.track('Internal ping');
      await s.track('Signed Up');
      await s.settle();
      expect(seen).toEqual(['Order Completed']);
      expect(events(s)).toEqual([['event', 'purchase']]);
      expect(said(s).map((d) => [d.reason, d.subject])).toEqual([
        ['excluded', 'debug'],
        ['excluded', 'Internal ping'],
        ['not-included', 'Signed Up'],
      ]);
      expect(s.delivered()).toEqual(expect.arrayContaining(['Order Completed', 'Internal ping', 'Signed Up']));
    });
  });

  describe(`${driver.name}: events.map giving back the event's own name`, () => {
    const open = sessionPerTest(driver);
    const exclude = ['Heartbeat', /^internal:/];
    // Independent of the cleaning rules: these are the names exclude says must never reach Hotjar.
    const forbidden = (name: unknown) => name === 'Heartbeat' || /^internal:/.test(String(name));

    it.each([
      ['alone', (name: string) => name],
      ['in a list', (name: string) => [name]],
      ['in a list with another name', (name: string) => [name, 'kept']],
    ])('checks it against exclude as cleaned, given back %s', async (_, give) => {
      const s = await open({ events: { exclude, map: ({ name }) => give(name) } });
      for (const name of ['Heartbeat!', 'Heartbeat ', ' internal:probe', 'Signed Up']) await s.track(name);
      await s.settle();
      const sent = s
        .hotjarCalls()
        .filter((call) => call[0] === 'event')
        .map((call) => call[1]);
      expect(sent.filter(forbidden)).toEqual([]);
      expect(sent.filter((name) => name !== 'kept')).toEqual(['Signed Up']);
      const excluded = s.diagnostics().filter((d) => d.call === 'event' && d.reason === 'excluded');
      expect(excluded).toHaveLength(3);
      expect(s.delivered()).toEqual(
        expect.arrayContaining(['Heartbeat!', 'Heartbeat ', ' internal:probe', 'Signed Up']),
      );
      expect(s.errors()).toEqual([]);
    });
  });
}
