import type { HotjarCall } from '@hotjar-bridge/core';
import { describe, expect, it } from 'vitest';
import type { VendorDriver, VendorSession } from './driver';
import { sessionPerTest } from './per-test';

// The next visitor's own data: none of it may reach Hotjar under anyone's id, nor at all while
// they have no user id (Hotjar forbids personal data without one).
const NEXT_VISITOR = { name: 'Peter Gibbons', phone: '+1 555 0100', email: 'peter@example.com', utm_source: 'ads' };
// What Hotjar allows without a user id, written here from Hotjar's example and the documented
// default allowlist: A/B tests, referrers and campaign parameters.
const ANONYMOUS_KEY = /^(initial_)?(ab_test|referrer|referring_domain|utm_[a-z]+)$/;

const identifies = (s: VendorSession) => s.hotjarCalls().filter((call) => call[0] === 'identify');
const idsOf = (calls: HotjarCall[]) => calls.map((call) => call[1]);
const valuesOf = (call: HotjarCall) => Object.values((call[2] as Record<string, unknown> | undefined) ?? {});

/** Identity: Hotjar's user is the SDK's user, never one taken from what an event carries. */
export function identityBehaviour(driver: VendorDriver): void {
  describe(`${driver.name}: Hotjar's user is the SDK's user`, () => {
    const start = sessionPerTest(driver);

    const requireReset = (s: VendorSession) => {
      if (!s.reset) throw new Error(`the ${driver.name} driver has no reset()`);
      return s.reset.bind(s);
    };

    it("logout: an identify for alice then reset() in the same task sends none of the next visitor's data under alice", async () => {
      const s = await start();
      const reset = requireReset(s);
      // Both in one task, as a logout handler writes them: the identify is still queued at reset().
      const lastValues = s.identify('alice', { plan: 'pro', name: 'Alice Liddell' });
      reset();
      await lastValues;
      await s.identify(undefined, NEXT_VISITOR);
      await s.settle();

      expect(s.sdkUserId?.()).toBe(null);
      expect(idsOf(identifies(s))).not.toContain('alice');
      for (const call of identifies(s)) {
        // Whatever reaches Hotjar of the next visitor is anonymous, and only allowlisted.
        expect(call[1]).toBe(null);
        for (const key of Object.keys(call[2] as object)) expect(key).toMatch(ANONYMOUS_KEY);
        for (const value of valuesOf(call))
          expect([NEXT_VISITOR.name, NEXT_VISITOR.phone, NEXT_VISITOR.email]).not.toContain(value);
      }
      // alice's queued identify reached the plugin after reset(): it is reported, not sent.
      expect(s.diagnostics().filter((d) => d.reason === 'other-user')).toHaveLength(1);
      expect(JSON.stringify(s.diagnostics())).not.toContain('alice');
      expect(s.errors()).toEqual([]);
    });

    it("two users in one task: the first one's identify, handled once the SDK holds the second, is not sent", async () => {
      const s = await start();
      const first = s.identify('alice', { name: 'Alice Liddell', plan: 'pro' });
      const second = s.identify('bob', { plan: 'team' });
      await Promise.all([first, second]);
      await s.settle();
      expect(s.sdkUserId?.()).toBe('bob');
      expect(identifies(s)).toEqual([['identify', 'bob', { plan: 'team' }]]);
      expect(s.diagnostics().filter((d) => d.reason === 'other-user')).toHaveLength(1);
    });

    it("on someone's behalf: a track carrying another user id never becomes the visitor's identity", async () => {
      const s = await start();
      if (!s.trackFor) throw new Error(`the ${driver.name} driver has no trackFor()`);
      await s.trackFor('customer-42', 'Invoice Sent');
      await s.identify(undefined, NEXT_VISITOR);
      await s.track('Opened Settings');
      await s.settle();

      expect(s.sdkUserId?.()).toBe(null);
      expect(s.hotjarCalls().filter((call) => call[0] === 'event')).toEqual([
        ['event', 'Invoice Sent'],
        ['event', 'Opened Settings'],
      ]);
      expect(idsOf(identifies(s))).not.toContain('customer-42');
      for (const call of identifies(s)) expect(valuesOf(call)).not.toContain(NEXT_VISITOR.name);
    });

    it("on someone's behalf, from a signed-in user: the Hotjar user stays the signed-in one", async () => {
      const s = await start();
      if (!s.trackFor) throw new Error(`the ${driver.name} driver has no trackFor()`);
      await s.identify('user-1', { plan: 'pro' });
      await s.settle();
      await s.trackFor('customer-42', 'Invoice Sent');
      await s.track('Opened Settings');
      await s.settle();

      expect(s.sdkUserId?.()).toBe('user-1');
      expect(new Set(idsOf(identifies(s)))).toEqual(new Set(['user-1']));
      expect(s.hotjarCalls().at(-2)).toEqual(['event', 'Invoice Sent']);
    });

    it('setting the user id then identifying in one tick gives one identify, with the attributes', async () => {
      const s = await start();
      // An SDK with no id setter of its own (Segment) sets the id with the identify itself.
      if (s.setUserId) {
        s.setUserId('user-9');
        await s.identify(undefined, { plan: 'pro' });
      } else {
        await s.identify('user-9', { plan: 'pro' });
      }
      await s.settle();
      expect(identifies(s)).toEqual([['identify', 'user-9', { plan: 'pro' }]]);
    });

    it('reset() with events queued: those made after it are anonymous, none goes out under the old user', async () => {
      const s = await start();
      const reset = requireReset(s);
      await s.identify('alice', { plan: 'pro' });
      await s.settle();
      const before = s.hotjarCalls().length;

      const queued = [s.track('Before Logout')];
      reset();
      queued.push(s.track('After Logout'), s.identify(undefined, NEXT_VISITOR));
      await Promise.all(queued);
      await s.settle();

      const after = s.hotjarCalls().slice(before);
      expect(after.filter((call) => call[0] === 'event')).toEqual([
        ['event', 'Before Logout'],
        ['event', 'After Logout'],
      ]);
      for (const call of after.filter((c) => c[0] === 'identify')) {
        expect(call[1]).toBe(null);
        for (const key of Object.keys(call[2] as object)) expect(key).toMatch(ANONYMOUS_KEY);
      }
      expect(s.errors()).toEqual([]);
    });
  });
}

/** The user Hotjar holds when the call at `index` is made: the id of the last identify before it. */
function hotjarUserBefore(calls: HotjarCall[], index: number): unknown {
  let user: unknown;
  for (const call of calls.slice(0, index)) if (call[0] === 'identify') user = call[1];
  return user;
}

/** Order: Hotjar is told the SDK's user before any call made for that user is forwarded. */
export function identityOrderBehaviour(driver: VendorDriver): void {
  describe(`${driver.name}: Hotjar has the SDK's user before that user's events`, () => {
    const start = sessionPerTest(driver);

    it("switching from alice to bob, then tracking before identifying: bob's event is sent while Hotjar has bob", async () => {
      const s = await start();
      await s.identify('alice', { plan: 'pro' });
      await s.track('Alice Event');
      await s.settle();
      // One task: the user changes, an event, then the identify with bob's attributes.
      const calls: Promise<void>[] = [];
      if (s.setUserId) s.setUserId('bob');
      else calls.push(s.identify('bob', {}));
      calls.push(s.track('Bob Purchase'), s.identify(s.setUserId ? undefined : 'bob', { plan: 'team' }));
      await Promise.all(calls);
      await s.settle();

      const hotjar = s.hotjarCalls();
      const at = hotjar.findIndex((call) => call[0] === 'event' && call[1] === 'Bob Purchase');
      expect(at).toBeGreaterThan(0);
      expect(hotjarUserBefore(hotjar, at)).toBe('bob');
      expect(hotjar.at(-1)).toEqual(['identify', 'bob', { plan: 'team' }]);
    });
  });
}
