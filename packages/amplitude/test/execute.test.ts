import { describe, expect, it } from 'vitest';
import { amplitudeEvent, nextTask, pluginWithUser, signedIn, unitPlugin } from './unit-plugin';

const UNSUPPORTED = ['$add', '$append', '$prepend', '$remove', '$preInsert', '$postInsert', '$unset', '$clearAll'];

describe('execute maps $identify to hj identify', () => {
  it("uses the SDK's user id and merges $setOnce, then $set, then plain keys", async () => {
    const { execute, runtime } = await signedIn('user-1');
    const result = await execute(
      amplitudeEvent('$identify', {
        user_id: 'user-1',
        user_properties: {
          $setOnce: { plan: 'free', signup: '2024-01-01' },
          $set: { plan: 'pro', company: { name: 'Acme' } },
          locale: 'de',
        },
      }),
    );
    expect(runtime.calls).toEqual([
      ['identify', 'user-1', { plan: 'pro', signup: '2024-01-01', company_name: 'Acme', locale: 'de' }],
    ]);
    expect(result.code).toBe(200);
    expect(result.message).toBe('[hotjar-bridge] identify: forwarded');
  });

  it('sends a null user id without user_id, never the device id', async () => {
    const { execute, runtime } = await unitPlugin();
    await execute(
      amplitudeEvent('$identify', { device_id: 'device-abc', user_properties: { $set: { ab_test: 'b' } } }),
    );
    expect(runtime.calls).toEqual([['identify', null, { ab_test: 'b' }]]);
  });

  it('without user_id, drops every trait not on the anonymous allowlist and reports it', async () => {
    const { execute, runtime, diagnostics } = await unitPlugin();
    await execute(
      amplitudeEvent('$identify', { user_properties: { $set: { name: 'Peter Gibbons', utm_source: 'newsletter' } } }),
    );
    expect(runtime.calls).toEqual([['identify', null, { utm_source: 'newsletter' }]]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ kind: 'dropped', reason: 'personal-data-without-user-id', subject: 'name' }),
    ]);
  });

  it('takes the anonymous allowlist from identify.anonymousAttributes', async () => {
    const { execute, runtime } = await unitPlugin({ identify: { anonymousAttributes: ['plan'] } });
    await execute(amplitudeEvent('$identify', { user_properties: { $set: { plan: 'pro', utm_source: 'ads' } } }));
    expect(runtime.calls).toEqual([['identify', null, { plan: 'pro' }]]);
  });

  it('reports each operation Hotjar cannot express and forwards the rest', async () => {
    const { execute, runtime, diagnostics } = await signedIn('u');
    const userProperties: Record<string, unknown> = { $set: { plan: 'pro' } };
    for (const op of UNSUPPORTED) userProperties[op] = op === '$clearAll' ? '-' : { logins: 1 };
    const result = await execute(amplitudeEvent('$identify', { user_id: 'u', user_properties: userProperties }));
    expect(runtime.calls).toEqual([['identify', 'u', { plan: 'pro' }]]);
    expect(diagnostics.map((d) => [d.kind, d.call, d.reason, d.subject])).toEqual(
      UNSUPPORTED.map((op) => ['skipped', 'identify', 'unsupported', op]),
    );
    expect(result.code).toBe(200);
    expect(result.message).toContain('identify: "$add" skipped (unsupported: Hotjar has no such operation)');
    expect(result.message).toContain('identify: forwarded');
  });

  it('skips with 200 an anonymous identify that holds only unsupported operations', async () => {
    const { execute, runtime } = await unitPlugin();
    const result = await execute(amplitudeEvent('$identify', { user_properties: { $add: { logins: 1 } } }));
    expect(runtime.calls).toEqual([]);
    expect(result.code).toBe(200);
    expect(result.message).toContain('nothing-to-send');
  });
  it("leaves out Amplitude's 'EMPTY' attribution placeholders, reports each and resolves 200", async () => {
    const { execute, runtime, diagnostics } = await signedIn('u');
    const result = await execute(
      amplitudeEvent('$identify', {
        user_id: 'u',
        user_properties: {
          $setOnce: { initial_utm_source: 'newsletter', initial_utm_medium: 'EMPTY' },
          $set: { utm_source: 'newsletter' },
        },
      }),
    );
    expect(runtime.calls).toEqual([['identify', 'u', { initial_utm_source: 'newsletter', utm_source: 'newsletter' }]]);
    expect(diagnostics.map((d) => [d.kind, d.call, d.reason, d.subject])).toEqual([
      ['skipped', 'identify', 'nothing-to-send', 'initial_utm_medium'],
    ]);
    expect(result.code).toBe(200);
    expect(result.message).toContain(
      `identify: "initial_utm_medium" skipped (nothing-to-send: Amplitude's "EMPTY" placeholder)`,
    );
  });
});

describe('execute does not forward $groupidentify', () => {
  it('reports it as unsupported and resolves 200', async () => {
    const { execute, runtime, diagnostics } = await unitPlugin();
    const result = await execute(
      amplitudeEvent('$groupidentify', { groups: { org: 'acme' }, group_properties: { $set: { size: 10 } } }),
    );
    expect(runtime.calls).toEqual([]);
    expect(diagnostics).toMatchObject([{ kind: 'skipped', reason: 'unsupported', subject: '$groupidentify' }]);
    expect(result).toMatchObject({ code: 200, message: expect.stringContaining('Hotjar has no groups') });
  });
});

describe('execute maps other events to hj event', () => {
  it('sends the name and never the properties', async () => {
    const { execute, runtime } = await unitPlugin();
    const result = await execute(
      amplitudeEvent('Checkout Started', { event_properties: { total: 9, email: 'a@b.co' } }),
    );
    expect(runtime.calls).toEqual([['event', 'Checkout Started']]);
    expect(result.code).toBe(200);
  });

  it('sends revenue_amount as an ordinary event', async () => {
    const { execute, runtime } = await unitPlugin();
    await execute(amplitudeEvent('revenue_amount', { event_properties: { $price: 9.99, $quantity: 1 } }));
    expect(runtime.calls).toEqual([['event', 'revenue_amount']]);
  });

  it('sends the name as the core cleans it', async () => {
    const { execute, runtime, diagnostics } = await unitPlugin();
    await execute(amplitudeEvent('Order #123 (paid)'));
    expect(runtime.calls).toEqual([['event', 'Order 123 paid']]);
    expect(diagnostics).toMatchObject([{ kind: 'renamed', subject: 'Order #123 (paid)' }]);
  });

  it.each([
    ['an email address', 'Signed up jane@example.com', 'contains-email'],
    ['nothing but spaces', '   ', 'empty'],
  ])('resolves 400 for a name with %s', async (_, name, reason) => {
    const { execute, runtime, diagnostics } = await unitPlugin();
    const result = await execute(amplitudeEvent(name));
    expect(runtime.calls).toEqual([]);
    expect(result.code).toBe(400);
    expect(result.message).toContain(reason);
    expect(diagnostics).toMatchObject([{ kind: 'skipped', call: 'event', reason }]);
  });

  it('resolves 200 for an event the events option excludes', async () => {
    const { execute, runtime } = await unitPlugin({ events: { exclude: [/^Debug/] } });
    const result = await execute(amplitudeEvent('Debug Ping'));
    expect(runtime.calls).toEqual([]);
    expect(result).toMatchObject({ code: 200, message: expect.stringContaining('excluded') });
  });
});

describe("execute and Amplitude's own events", () => {
  it.each(['session_start', 'session_end'])('does not forward the session event %s by default', async (name) => {
    const { execute, runtime } = await unitPlugin();
    const result = await execute(amplitudeEvent(name));
    expect(runtime.calls).toEqual([]);
    expect(result.code).toBe(200);
  });

  it('forwards a user event that only resembles a session event', async () => {
    const { execute, runtime } = await unitPlugin();
    await execute(amplitudeEvent('session_started_manually'));
    expect(runtime.calls).toEqual([['event', 'session_started_manually']]);
  });

  it('does not forward [Amplitude] events by default', async () => {
    const { execute, runtime, diagnostics } = await unitPlugin();
    const result = await execute(amplitudeEvent('[Amplitude] Element Clicked'));
    expect(runtime.calls).toEqual([]);
    expect(result).toMatchObject({ code: 200, message: expect.stringContaining('forwardAmplitudeEvents is false') });
    expect(diagnostics).toMatchObject([
      { kind: 'skipped', reason: 'excluded', subject: '[Amplitude] Element Clicked' },
    ]);
  });

  it('forwards them with forwardAmplitudeEvents, named as the core cleans them', async () => {
    const { execute, runtime } = await unitPlugin({ forwardAmplitudeEvents: true });
    await execute(amplitudeEvent('[Amplitude] Start Session'));
    expect(runtime.calls).toEqual([['event', 'Amplitude Start Session']]);
  });

  const pageViewed = amplitudeEvent('[Amplitude] Page Viewed', {
    event_properties: { '[Amplitude] Page Path': '/pricing', '[Amplitude] Page URL': 'https://shop.example/pricing' },
  });

  it('calls stateChange with the page path with pageChanges', async () => {
    const { execute, runtime } = await unitPlugin({ pageChanges: true });
    const result = await execute(pageViewed);
    expect(runtime.calls).toEqual([['stateChange', '/pricing']]);
    expect(result.code).toBe(200);
  });

  it('calls stateChange, then event, with both options', async () => {
    const { execute, runtime } = await unitPlugin({ pageChanges: true, forwardAmplitudeEvents: true });
    await execute(pageViewed);
    expect(runtime.calls).toEqual([
      ['stateChange', '/pricing'],
      ['event', 'Amplitude Page Viewed'],
    ]);
  });

  it("falls back to the page's current path for a page view that carries none", async () => {
    const { execute, runtime } = await unitPlugin({ pageChanges: true });
    await execute(amplitudeEvent('[Amplitude] Page Viewed'));
    expect(runtime.calls).toEqual([['stateChange', '/current']]);
  });

  it('leaves page views alone without pageChanges', async () => {
    const { execute, runtime } = await unitPlugin();
    await execute(pageViewed);
    expect(runtime.calls).toEqual([]);
  });

  it('resolves 400 for a page view whose path is not a string', async () => {
    const { execute, runtime } = await unitPlugin({ pageChanges: true });
    const result = await execute(
      amplitudeEvent('[Amplitude] Page Viewed', { event_properties: { '[Amplitude] Page Path': 42 } }),
    );
    expect(runtime.calls).toEqual([]);
    expect(result).toMatchObject({ code: 400, message: expect.stringContaining('invalid-path') });
  });
});

describe('execute identifies a user Hotjar has not been given yet', () => {
  it("identifies the SDK's user, as getUserId() gives it, before forwarding, once", async () => {
    const { execute, runtime, user } = await pluginWithUser();
    // No hook: an SDK older than onIdentityChanged still answers getUserId().
    user.id = 'user-7';
    const first = await execute(amplitudeEvent('Viewed Cart', { user_id: 'user-7' }));
    await execute(amplitudeEvent('Checkout', { user_id: 'user-7' }));
    expect(runtime.calls).toEqual([
      ['identify', 'user-7', {}],
      ['event', 'Viewed Cart'],
      ['event', 'Checkout'],
    ]);
    expect(first.message).toBe('[hotjar-bridge] identify: forwarded; event: forwarded');
  });

  it("never takes an event's own user_id as the visitor's, not even while the SDK has no user", async () => {
    const { execute, runtime } = await pluginWithUser();
    await execute(amplitudeEvent('Invoice Sent', { user_id: 'customer-42' }));
    await execute(amplitudeEvent('B', { user_id: 'user-8' }));
    expect(runtime.calls).toEqual([
      ['event', 'Invoice Sent'],
      ['event', 'B'],
    ]);
  });

  it("follows the SDK's own user id, not an event's", async () => {
    const { plugin, execute, runtime } = await unitPlugin({}, { userId: 'user-2' });
    await execute(amplitudeEvent('A', { user_id: 'user-1' }));
    await execute(amplitudeEvent('B', { user_id: 'user-2' }));
    await plugin.onIdentityChanged?.({ userId: 'user-3' });
    await execute(amplitudeEvent('C', { user_id: 'user-1' }));
    expect(runtime.calls).toEqual([
      ['identify', 'user-2', {}],
      ['event', 'A'],
      ['event', 'B'],
      ['identify', 'user-3', {}],
      ['event', 'C'],
    ]);
  });

  it("does not take an event's user id once the SDK has none", async () => {
    const { plugin, execute, runtime } = await unitPlugin({}, { userId: 'user-2' });
    await plugin.onIdentityChanged?.({ userId: undefined });
    await execute(amplitudeEvent('A', { user_id: 'user-5' }));
    // Reset before anything was forwarded: Hotjar is never told the user of the config.
    expect(runtime.calls).toEqual([['event', 'A']]);
  });

  it('does not identify ahead of an $identify event, which carries the user itself', async () => {
    const { execute, runtime, user } = await pluginWithUser();
    user.id = 'user-7';
    await execute(amplitudeEvent('$identify', { user_id: 'user-7', user_properties: { $set: { plan: 'pro' } } }));
    await execute(amplitudeEvent('Checkout', { user_id: 'user-7' }));
    expect(runtime.calls).toEqual([
      ['identify', 'user-7', { plan: 'pro' }],
      ['event', 'Checkout'],
    ]);
  });

  it('identifies the user of the SDK config in a task after setup, not during it', async () => {
    const { runtime } = await unitPlugin({}, { userId: 'user-3' });
    expect(runtime.calls).toEqual([]);
    await nextTask();
    expect(runtime.calls).toEqual([['identify', 'user-3', {}]]);
  });

  it('identifies the user the SDK holds when that task runs, not the one of the config at setup', async () => {
    const { runtime, user } = await pluginWithUser({}, 'alice');
    // A reset() queued before init() runs after the plugin's setup.
    user.id = undefined;
    await nextTask();
    expect(runtime.calls).toEqual([]);
  });
});

describe('execute and an $identify made for another user', () => {
  it("sends none of an $identify stamped with another user id than the SDK's, and keeps the Hotjar user", async () => {
    const { execute, runtime, diagnostics, user } = await signedIn('user-1');
    const result = await execute(
      amplitudeEvent('$identify', { user_id: 'alice', user_properties: { $set: { name: 'Alice', plan: 'pro' } } }),
    );
    await execute(amplitudeEvent('Checkout'));
    user.id = undefined;
    await execute(amplitudeEvent('$identify', { user_id: 'alice', user_properties: { $set: { plan: 'pro' } } }));
    expect(runtime.calls).toEqual([['event', 'Checkout']]);
    expect(diagnostics.map((d) => [d.kind, d.call, d.reason, d.subject])).toEqual([
      ['skipped', 'identify', 'other-user', undefined],
      ['skipped', 'identify', 'other-user', undefined],
    ]);
    // Neither id is written into the report.
    expect(diagnostics.map((d) => d.message).join(' ')).not.toMatch(/alice|user-1/);
    expect(result).toMatchObject({ code: 200, message: expect.stringContaining('(other-user') });
  });

  it('sends an $identify without a user id as the anonymous device it is: allowlisted attributes, a null id', async () => {
    const { execute, runtime } = await signedIn('user-1');
    await execute(amplitudeEvent('$identify', { user_properties: { $set: { name: 'Bob', utm_source: 'ads' } } }));
    expect(runtime.calls).toEqual([['identify', null, { utm_source: 'ads' }]]);
  });
});

describe('onIdentityChanged', () => {
  it('identifies a new user id at once', async () => {
    const { plugin, runtime } = await unitPlugin();
    await plugin.onIdentityChanged?.({ userId: 'user-9' });
    await plugin.onIdentityChanged?.({ userId: 'user-9' });
    expect(runtime.calls).toEqual([['identify', 'user-9', {}]]);
  });

  it('leaves user properties to the $identify event that follows, and ignores device ids', async () => {
    const { plugin, runtime } = await unitPlugin();
    await plugin.onIdentityChanged?.({ userProperties: { plan: 'pro' } });
    await plugin.onIdentityChanged?.({ deviceId: 'device-2' });
    await plugin.onIdentityChanged?.({ userId: undefined });
    expect(runtime.calls).toEqual([]);
  });
});

describe('execute resolves every skip with its code', () => {
  it.each([
    ['not-included', { events: { include: ['Signed Up'] } }, {}, 'Checkout', 200],
    ['no-window', {}, { hasWindow: false }, 'Checkout', 200],
    ['other-site', {}, { existingSiteId: 999 }, 'Checkout', 200],
    ['needs-change', { eventName: { mode: 'strict' as const } }, {}, 'Order #1', 400],
    ['not-a-string', {}, {}, 42, 400],
    ['map-none', { events: { map: () => null } }, {}, 'Checkout', 200],
    [
      'map-threw',
      {
        events: {
          map: () => {
            throw new Error('map');
          },
        },
      },
      {},
      'Checkout',
      400,
    ],
    ['map-invalid', { events: { map: () => 42 as never } }, {}, 'Checkout', 400],
  ])('%s', async (reason, options, runtimeOptions, name, code) => {
    const { execute, runtime } = await unitPlugin(options, {}, runtimeOptions);
    const result = await execute({ event_type: name });
    expect(runtime.calls).toEqual([]);
    expect(result).toMatchObject({ code, message: expect.stringMatching(`\\(${reason}[:)]`) });
  });

  it('consent-revoked, after revokeConsent()', async () => {
    const { plugin, execute } = await unitPlugin();
    plugin.revokeConsent();
    expect(await execute(amplitudeEvent('Checkout'))).toMatchObject({
      code: 200,
      message: expect.stringContaining('(consent-revoked)'),
    });
  });
});

describe('execute with events.map', () => {
  it('gives the map the event_properties, and sends each name it gives', async () => {
    const { execute, runtime } = await unitPlugin({
      events: { map: ({ name, properties }) => [name, `variant ${String(properties.variation)}`] },
    });
    const result = await execute({ event_type: 'Experiment Viewed', event_properties: { variation: 'b' } });
    expect(runtime.calls).toEqual([
      ['event', 'Experiment Viewed'],
      ['event', 'variant b'],
    ]);
    expect(result).toMatchObject({ code: 200, message: '[hotjar-bridge] event: forwarded; event: forwarded' });
  });
});

describe("execute and Hotjar's own failures", () => {
  it('resolves 500, not a 400 that would blame the event, when Hotjar refuses the call', async () => {
    const { execute, runtime, diagnostics } = await unitPlugin();
    runtime.call = () => false;
    const result = await execute(amplitudeEvent('Signed Up'));
    expect(result).toMatchObject({ code: 500, message: '[hotjar-bridge] event: skipped (hotjar-unavailable)' });
    expect(diagnostics).toEqual([expect.objectContaining({ kind: 'skipped', reason: 'hotjar-unavailable' })]);
  });

  it('identifies the user at the next event when Hotjar refused the identify that would have told it', async () => {
    const { execute, runtime, user } = await pluginWithUser();
    user.id = 'user-1';
    const call = runtime.call;
    runtime.call = () => false;
    await execute(amplitudeEvent('First', { user_id: 'user-1' }));
    runtime.call = call;
    await execute(amplitudeEvent('Second', { user_id: 'user-1' }));
    expect(runtime.calls).toEqual([
      ['identify', 'user-1', {}],
      ['event', 'Second'],
    ]);
  });
});

describe('consent and opt-out', () => {
  it('loads Hotjar at setup when nothing holds it back', async () => {
    const { runtime } = await unitPlugin();
    expect(runtime.injections).toHaveLength(1);
  });

  it('loads and forwards nothing when the SDK config is opted out, until opt-in', async () => {
    const { plugin, execute, runtime } = await unitPlugin({}, { optOut: true, userId: 'user-1' });
    const result = await execute(amplitudeEvent('Checkout'));
    await plugin.onIdentityChanged?.({ userId: 'user-2' });
    expect(runtime.injections).toEqual([]);
    expect(runtime.calls).toEqual([]);
    expect(result).toMatchObject({ code: 200, message: expect.stringContaining('opted out') });

    await plugin.onOptOutChanged?.(false);
    await execute(amplitudeEvent('Checkout', { user_id: 'user-1' }));
    expect(runtime.injections).toHaveLength(1);
    // The SDK's own user id, set while opted out, wins over the event's.
    expect(runtime.calls).toEqual([
      ['identify', 'user-2', {}],
      ['event', 'Checkout'],
    ]);
  });

  it('stops forwarding after onOptOutChanged(true)', async () => {
    const { plugin, execute, runtime } = await unitPlugin();
    await plugin.onOptOutChanged?.(true);
    await execute(amplitudeEvent('Checkout'));
    await plugin.onIdentityChanged?.({ userId: 'user-2' });
    expect(runtime.calls).toEqual([]);
  });

  it("waits for grantConsent() with consent: 'pending'", async () => {
    const { plugin, execute, runtime } = await unitPlugin({ consent: 'pending' });
    const pending = await execute(amplitudeEvent('Checkout'));
    expect(runtime.injections).toEqual([]);
    expect(pending).toMatchObject({ code: 200, message: expect.stringContaining('consent-pending') });

    plugin.grantConsent();
    await execute(amplitudeEvent('Checkout'));
    expect(runtime.injections).toHaveLength(1);
    expect(runtime.calls).toEqual([['event', 'Checkout']]);

    plugin.revokeConsent();
    await execute(amplitudeEvent('Checkout'));
    expect(runtime.calls).toHaveLength(1);
  });

  it('keeps a grantConsent() given while opted out until opt-in', async () => {
    const { plugin, runtime } = await unitPlugin({ consent: 'pending' }, { optOut: true });
    plugin.grantConsent();
    expect(runtime.injections).toEqual([]);
    await plugin.onOptOutChanged?.(false);
    expect(runtime.injections).toHaveLength(1);
  });
});

describe('execute and the $setOnce memory', () => {
  it('remembers a key only when that key was sent: `planet` sent does not make `plan` sent', async () => {
    const { execute, runtime } = await signedIn('user-1');
    // `plan` is dropped (an address outside `email`) while `planet` and `plan_x` are sent.
    await execute(
      amplitudeEvent('$identify', {
        user_id: 'user-1',
        user_properties: { $setOnce: { plan: 'jane@example.com', planet: 'earth', plan_x: 'a' } },
      }),
    );
    await execute(amplitudeEvent('$identify', { user_id: 'user-1', user_properties: { $setOnce: { plan: 'pro' } } }));
    expect(runtime.calls).toEqual([
      ['identify', 'user-1', { planet: 'earth', plan_x: 'a' }],
      ['identify', 'user-1', { plan: 'pro' }],
    ]);
  });

  it('remembers a nested key through the attributes flattening made of it', async () => {
    const { execute, runtime, diagnostics } = await signedIn('user-1');
    await execute(
      amplitudeEvent('$identify', { user_id: 'user-1', user_properties: { $setOnce: { plan: { tier: 'pro' } } } }),
    );
    await execute(amplitudeEvent('$identify', { user_id: 'user-1', user_properties: { $setOnce: { plan: 'free' } } }));
    expect(runtime.calls).toEqual([['identify', 'user-1', { plan_tier: 'pro' }]]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ reason: 'already-set-once', subject: 'plan' }));
  });

  it("counts a key set to Amplitude's placeholder as set, though Hotjar was not sent it", async () => {
    const { execute, runtime } = await signedIn('user-1');
    await execute(
      amplitudeEvent('$identify', { user_id: 'user-1', user_properties: { $setOnce: { initial_utm_term: 'EMPTY' } } }),
    );
    await execute(
      amplitudeEvent('$identify', {
        user_id: 'user-1',
        user_properties: { $setOnce: { initial_utm_term: 'shoes', initial_utm_source: 'ads' } },
      }),
    );
    expect(runtime.calls).toEqual([['identify', 'user-1', { initial_utm_source: 'ads' }]]);
  });
});
