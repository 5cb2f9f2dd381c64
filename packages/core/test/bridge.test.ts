import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordingRuntime } from '../../../test/shared/recording-runtime';
import { createHotjarBridge } from '../src/bridge';
import type { HotjarDiagnostic } from '../src/diagnostics';
import type { HotjarBridgeOptions } from '../src/options';

function setup(
  options: Partial<HotjarBridgeOptions> = {},
  runtimeOptions: Parameters<typeof recordingRuntime>[0] = {},
) {
  const runtime = recordingRuntime(runtimeOptions);
  const diagnostics: HotjarDiagnostic[] = [];
  const bridge = createHotjarBridge({ siteId: 1234567, runtime, onDiagnostic: (d) => diagnostics.push(d), ...options });
  return { bridge, runtime, diagnostics };
}

describe('bridge.load', () => {
  it('installs the queue stub and injects the snippet once', () => {
    const { bridge, runtime } = setup({ hotjarVersion: 6, nonce: 'abc' });
    expect(bridge.load()).toBe(true);
    expect(bridge.load()).toBe(true);
    expect(runtime.stubInstalled).toBe(true);
    expect(runtime.injections).toEqual([{ siteId: 1234567, version: 6, debug: false, nonce: 'abc' }]);
    expect(bridge.isLoaded()).toBe(true);
  });

  it('does nothing and returns false without a window', () => {
    const { bridge, runtime, diagnostics } = setup({}, { hasWindow: false });
    expect(bridge.load()).toBe(false);
    expect(runtime.injections).toEqual([]);
    expect(diagnostics.map((d) => d.reason)).toEqual(['no-window']);
    expect(bridge.track('Signed up')).toMatchObject({ forwarded: false, reason: 'no-window' });
  });

  it('does not inject a second snippet when the page has one for the same site', () => {
    const { bridge, runtime } = setup({}, { existingSiteId: 1234567 });
    expect(bridge.load()).toBe(true);
    expect(runtime.injections).toEqual([]);
    bridge.track('Signed up');
    expect(runtime.calls).toEqual([['event', 'Signed up']]);
  });

  it("reports another site's snippet and forwards nothing to it", () => {
    const { bridge, runtime, diagnostics } = setup({}, { existingSiteId: 999 });
    expect(bridge.load()).toBe(false);
    expect(diagnostics[0]).toMatchObject({ kind: 'load', reason: 'other-site', subject: '999' });
    expect(bridge.track('Signed up')).toMatchObject({ forwarded: false, reason: 'other-site' });
    expect(runtime.calls).toEqual([]);
    expect(runtime.injections).toEqual([]);
  });

  it("forwards nothing to another site's snippet even before load(), or when it appears later", () => {
    const existing = { id: null as number | null };
    const runtime = recordingRuntime();
    runtime.existingSiteId = () => existing.id;
    const diagnostics: HotjarDiagnostic[] = [];
    const bridge = createHotjarBridge({ siteId: 1234567, runtime, onDiagnostic: (d) => diagnostics.push(d) });
    expect(bridge.track('Before')).toMatchObject({ forwarded: true });
    existing.id = 999;
    expect(bridge.identify('u1', { plan: 'pro' })).toMatchObject({ forwarded: false, reason: 'other-site' });
    expect(bridge.track('After')).toMatchObject({ forwarded: false, reason: 'other-site' });
    expect(bridge.page('/x')).toMatchObject({ forwarded: false, reason: 'other-site' });
    expect(runtime.calls).toEqual([['event', 'Before']]);
    expect(diagnostics.map((d) => [d.call, d.reason])).toEqual([
      ['identify', 'other-site'],
      ['event', 'other-site'],
      ['stateChange', 'other-site'],
    ]);
  });

  it("checks for another site's snippet before identify when load() was never called", () => {
    const { bridge, runtime } = setup({ loadScript: false }, { existingSiteId: 999 });
    expect(bridge.identify('u1', { plan: 'pro' })).toMatchObject({ forwarded: false, reason: 'other-site' });
    expect(runtime.calls).toEqual([]);
  });

  it('only installs the stub with loadScript: false', () => {
    const { bridge, runtime } = setup({ loadScript: false });
    expect(bridge.load()).toBe(true);
    expect(runtime.injections).toEqual([]);
    expect(runtime.stubInstalled).toBe(true);
  });

  it('reports a snippet that did not run, with the nonce hint', () => {
    const { bridge, diagnostics } = setup({}, { snippetRuns: false });
    bridge.load();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ kind: 'load', reason: 'snippet-blocked' });
    expect(diagnostics[0]?.message).toContain('nonce');
  });

  it('reports a runtime that throws instead of throwing', () => {
    const { bridge, runtime, diagnostics } = setup();
    runtime.inject = () => {
      throw new Error('no document');
    };
    expect(bridge.load()).toBe(false);
    expect(bridge.isLoaded()).toBe(false);
    expect(diagnostics[0]).toMatchObject({ kind: 'load', reason: 'internal-error' });
  });
});

describe('bridge.identify', () => {
  it('forwards the mapped user id and attributes and reports each drop', () => {
    const { bridge, runtime, diagnostics } = setup();
    const outcome = bridge.identify('u1', { plan: 'pro', address: { city: 'SF' }, tags: ['a'], bio: 'x'.repeat(201) });
    expect(outcome.forwarded).toBe(true);
    expect(runtime.calls).toEqual([['identify', 'u1', { plan: 'pro', address_city: 'SF', bio: 'x'.repeat(200) }]]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ kind: 'dropped', call: 'identify', reason: 'array', subject: 'tags' }),
      expect.objectContaining({ kind: 'truncated', call: 'identify', reason: 'too-long', subject: 'bio' }),
    ]);
    expect(bridge.identifiedUserId()).toBe('u1');
  });

  it('skips a call with no user id and nothing left to send', () => {
    const { bridge, runtime } = setup();
    expect(bridge.identify(undefined, { email: 'p@example.com' })).toMatchObject({
      forwarded: false,
      reason: 'nothing-to-send',
    });
    expect(runtime.calls).toEqual([]);
    expect(bridge.identifiedUserId()).toBeUndefined();
  });

  it('forwards only allowlisted attributes with a null user id, and reports the rest', () => {
    const { bridge, runtime, diagnostics } = setup();
    bridge.identify(null, { ab_test: 'b', name: 'Peter Gibbons' });
    expect(runtime.calls).toEqual([['identify', null, { ab_test: 'b' }]]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ kind: 'dropped', reason: 'personal-data-without-user-id', subject: 'name' }),
    ]);
    expect(bridge.identifiedUserId()).toBeNull();
  });

  it('uses the anonymousAttributes option', () => {
    const { bridge, runtime } = setup({ identify: { anonymousAttributes: ['plan'] } });
    bridge.identify(null, { ab_test: 'b', plan: 'pro' });
    expect(runtime.calls).toEqual([['identify', null, { plan: 'pro' }]]);
  });

  it('keeps the anonymousAttributes it was given, whatever happens to the array later', () => {
    const anonymousAttributes = ['plan'];
    const { bridge, runtime } = setup({ identify: { anonymousAttributes } });
    anonymousAttributes.push('name');
    bridge.identify(null, { plan: 'pro', name: 'Peter' });
    expect(runtime.calls).toEqual([['identify', null, { plan: 'pro' }]]);
  });

  it('reports a user id it could not use, without the id, and sends the call as anonymous', () => {
    const { bridge, runtime, diagnostics } = setup();
    bridge.identify(Number('12345678901234567890'), { ab_test: 'b', plan: 'pro' });
    expect(runtime.calls).toEqual([['identify', null, { ab_test: 'b' }]]);
    expect(diagnostics[0]).toEqual({
      kind: 'dropped',
      call: 'identify',
      reason: 'unsafe-number',
      subject: 'userId',
      message: 'identify: user id dropped (unsafe-number), sent as null',
    });
    expect(JSON.stringify(diagnostics)).not.toContain('1234567890');
  });

  it('reports an email address in a key without naming it', () => {
    const { bridge, runtime, diagnostics } = setup();
    bridge.identify('u1', { contacts: { 'jane@example.com': 'primary' }, plan: 'pro' });
    expect(runtime.calls).toEqual([['identify', 'u1', { plan: 'pro' }]]);
    expect(diagnostics.map((d) => d.message)).toEqual(['identify: "contacts_<email>" dropped (email-in-key)']);
  });
});

describe('bridge.track', () => {
  it('sends the cleaned name only and reports the rename', () => {
    const { bridge, runtime, diagnostics } = setup();
    expect(bridge.track('Order #1 (paid)')).toMatchObject({ forwarded: true, call: ['event', 'Order 1 paid'] });
    expect(runtime.calls).toEqual([['event', 'Order 1 paid']]);
    expect(diagnostics).toEqual([expect.objectContaining({ kind: 'renamed', subject: 'Order #1 (paid)' })]);
  });

  it.each([
    [42, 'not-a-string'],
    ['  ', 'empty'],
    ['Invited a@b.co', 'contains-email'],
  ])('refuses %j with reason %s', (name, reason) => {
    const { bridge, runtime, diagnostics } = setup();
    expect(bridge.track(name)).toMatchObject({ forwarded: false, reason });
    expect(runtime.calls).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ kind: 'skipped', call: 'event', reason })]);
  });

  it('keeps a refused name carrying an email address out of diagnostics', () => {
    const { bridge, diagnostics } = setup();
    const outcome = bridge.track('Invited peter@example.com');
    expect(outcome.message).not.toContain('peter@example.com');
    expect(JSON.stringify(diagnostics)).not.toContain('peter@example.com');
  });

  it('forwards only included names, and exclude wins', () => {
    const { bridge, runtime } = setup({ events: { include: ['Signed up', /^Checkout/], exclude: [/failed$/g] } });
    for (const name of ['Signed up', 'Checkout started', 'Checkout failed', 'Checkout failed', 'Page viewed']) {
      bridge.track(name);
    }
    expect(runtime.calls).toEqual([
      ['event', 'Signed up'],
      ['event', 'Checkout started'],
    ]);
  });

  it('matches patterns against the name as given, before cleaning', () => {
    const { bridge, runtime } = setup({ events: { exclude: ['[Amplitude] Page Viewed'] } });
    expect(bridge.track('[Amplitude] Page Viewed')).toMatchObject({ reason: 'excluded' });
    expect(runtime.calls).toEqual([]);
  });

  it('keeps a name holding an email address out of the report of a filter that skips it', () => {
    const { bridge, runtime, diagnostics } = setup({ events: { include: [/^Invited/], exclude: [/^Invited/] } });
    expect(bridge.track('Invited jane@example.com')).toMatchObject({ forwarded: false, reason: 'excluded' });
    expect(bridge.track('Shared with jane@example.com')).toMatchObject({ forwarded: false, reason: 'not-included' });
    expect(runtime.calls).toEqual([]);
    expect(diagnostics.map((d) => d.reason)).toEqual(['excluded', 'not-included']);
    expect(JSON.stringify(diagnostics)).not.toContain('jane');
  });

  it('uses the strict event-name mode', () => {
    const { bridge } = setup({ eventName: { mode: 'strict' } });
    expect(bridge.track('a#b')).toMatchObject({ forwarded: false, reason: 'needs-change' });
  });
});

describe('bridge.page', () => {
  it('sends stateChange with the path alone, the current one by default', () => {
    const { bridge, runtime } = setup();
    bridge.page();
    bridge.page('/pricing?plan=pro');
    bridge.page('https://shop.example/reset#token=abc');
    expect(runtime.calls).toEqual([
      ['stateChange', '/current'],
      ['stateChange', '/pricing'],
      ['stateChange', '/reset'],
    ]);
  });

  it.each([
    '/users/jane@example.com',
    '/users/jane%40example.com',
    'https://shop.example/u/jane@example.com?x=1',
    // A malformed escape elsewhere in the path does not stop `%40` being read as '@'.
    '/sale/100%/users/jane%40example.com',
    '/users/%E2%40/jane%40example%2Ecom',
    '/users/jane%40%E2example.com',
  ])('skips a path carrying an email address, %s, and keeps it out of the report', (path) => {
    const { bridge, runtime, diagnostics } = setup();
    expect(bridge.page(path)).toMatchObject({ forwarded: false, reason: 'contains-email' });
    expect(runtime.calls).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ kind: 'skipped', call: 'stateChange', reason: 'contains-email' }),
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain('jane');
  });

  it.each(['/invite?to=jane@example.com', '/invite?to=jane%40example.com', '/invite#jane@example.com'])(
    'cuts an address in the query string or fragment with the rest of it: %s sends /invite',
    (path) => {
      const { bridge, runtime } = setup();
      expect(bridge.page(path)).toMatchObject({ forwarded: true });
      expect(runtime.calls).toEqual([['stateChange', '/invite']]);
    },
  );

  it('skips the current path when it carries an email address', () => {
    const { bridge, runtime } = setup({}, { currentPath: '/u/jane@example.com' });
    expect(bridge.page()).toMatchObject({ forwarded: false, reason: 'contains-email' });
    expect(runtime.calls).toEqual([]);
  });

  it('sends a path with a malformed escape as it is', () => {
    const { bridge, runtime } = setup();
    bridge.page('/a%zz@b');
    expect(runtime.calls).toEqual([['stateChange', '/a%zz@b']]);
  });

  it('refuses a path that is not a non-empty string', () => {
    const { bridge, runtime } = setup();
    expect(bridge.page(42)).toMatchObject({ forwarded: false, reason: 'invalid-path' });
    expect(bridge.page('')).toMatchObject({ forwarded: false, reason: 'invalid-path' });
    expect(bridge.page('?plan=pro')).toMatchObject({ forwarded: false, reason: 'invalid-path' });
    expect(runtime.calls).toEqual([]);
  });
});

describe('bridge consent', () => {
  it('loads and forwards nothing while pending, then loads on grant', () => {
    const { bridge, runtime, diagnostics } = setup({ consent: 'pending' });
    expect(bridge.load()).toBe(false);
    bridge.identify('u1', { plan: 'pro' });
    bridge.track('Signed up');
    bridge.page();
    expect(runtime.injections).toEqual([]);
    expect(runtime.calls).toEqual([]);
    expect(diagnostics.map((d) => d.reason)).toEqual([
      'consent-pending',
      'consent-pending',
      'consent-pending',
      'consent-pending',
    ]);
    bridge.grantConsent();
    expect(bridge.consent()).toBe('granted');
    expect(runtime.injections).toHaveLength(1);
    bridge.track('Signed up');
    // Calls made while pending are dropped, not buffered.
    expect(runtime.calls).toEqual([['event', 'Signed up']]);
  });

  it('stops forwarding on revoke and resumes on a new grant', () => {
    const { bridge, runtime } = setup();
    bridge.load();
    bridge.track('one');
    bridge.revokeConsent();
    expect(bridge.consent()).toBe('revoked');
    expect(bridge.track('two')).toMatchObject({ forwarded: false, reason: 'consent-revoked' });
    bridge.grantConsent();
    bridge.track('three');
    expect(runtime.calls).toEqual([
      ['event', 'one'],
      ['event', 'three'],
    ]);
    expect(runtime.injections).toHaveLength(1);
  });
});

describe('bridge: never throws into the host page', () => {
  it('survives a throwing diagnostics handler and a throwing runtime', () => {
    const runtime = recordingRuntime();
    runtime.call = () => {
      throw new Error('hj broke');
    };
    const bridge = createHotjarBridge({
      siteId: 1,
      runtime,
      onDiagnostic: () => {
        throw new Error('handler broke');
      },
    });
    expect(() => bridge.load()).not.toThrow();
    // A Hotjar that throws is Hotjar's failure, told apart from a problem with the call.
    expect(bridge.track('x')).toMatchObject({ forwarded: false, reason: 'hotjar-unavailable' });
    expect(bridge.identify('u', { a: [1] })).toMatchObject({ forwarded: false, reason: 'hotjar-unavailable' });
    expect(bridge.page('/x')).toMatchObject({ forwarded: false, reason: 'hotjar-unavailable' });
  });

  it('reports a call Hotjar refused instead of calling it forwarded', () => {
    const { bridge, runtime, diagnostics } = setup();
    runtime.call = () => false;
    expect(bridge.track('Signed up')).toMatchObject({ forwarded: false, reason: 'hotjar-unavailable' });
    expect(diagnostics).toEqual([
      expect.objectContaining({ kind: 'skipped', call: 'event', reason: 'hotjar-unavailable' }),
    ]);
  });

  it('does not count an identify Hotjar refused as the user it knows', () => {
    const { bridge, runtime } = setup();
    const call = runtime.call;
    runtime.call = () => false;
    expect(bridge.identify('u1', { plan: 'pro' })).toMatchObject({ forwarded: false, reason: 'hotjar-unavailable' });
    expect(bridge.identifiedUserId()).toBeUndefined();
    runtime.call = call;
    expect(bridge.identify('u1', {})).toMatchObject({ forwarded: true });
    expect(bridge.identifiedUserId()).toBe('u1');
  });

  it('survives hostile traits', () => {
    const { bridge, runtime } = setup();
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('x');
        },
        getPrototypeOf: () => {
          throw new Error('y');
        },
      },
    );
    expect(() =>
      bridge.identify(
        {
          toString: () => {
            throw new Error('z');
          },
        },
        hostile,
      ),
    ).not.toThrow();
    expect(runtime.calls).toEqual([]);
  });
});

describe('bridge: debug log', () => {
  let log: ReturnType<typeof vi.spyOn>;
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('logs each forwarded call and each dropped field, prefixed', () => {
    const { bridge } = setup({ debug: true });
    bridge.identify('u1', { tags: ['a'], plan: 'pro' });
    expect(log).toHaveBeenCalledWith('[hotjar-bridge]', 'hj', 'identify', 'u1', { plan: 'pro' });
    expect(warn).toHaveBeenCalledWith('[hotjar-bridge]', expect.stringContaining('"tags" dropped'));
  });

  it('logs nothing without debug', () => {
    const { bridge } = setup();
    bridge.identify('u1', { tags: ['a'] });
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('bridge.report: no address in any report', () => {
  it("replaces an address in a plugin's subject and message, in any written form", () => {
    const { bridge, diagnostics } = setup();
    bridge.report({
      kind: 'skipped',
      call: 'event',
      reason: 'excluded',
      subject: '[Amplitude] jane@example.com',
      message: 'event: "[Amplitude] jane@example.com" skipped (excluded: Amplitude\'s own event)',
    });
    bridge.report({
      kind: 'skipped',
      call: 'identify',
      reason: 'nothing-to-send',
      subject: 'initial_ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ',
    });
    bridge.report({
      kind: 'skipped',
      call: 'stateChange',
      reason: 'invalid-path',
      subject: '/invite/jane%2540example.com',
    });
    expect(diagnostics.map((d) => [d.subject, d.message])).toEqual([
      ['[Amplitude] <email>', 'event: "[Amplitude] <email>" skipped (excluded: Amplitude\'s own event)'],
      ['<email>', 'identify: "<email>" skipped (nothing-to-send)'],
      ['<email>', 'stateChange: "<email>" skipped (invalid-path)'],
    ]);
  });

  it('shows at most 200 characters of a subject', () => {
    const { bridge, diagnostics } = setup();
    bridge.identify('u1', { ['k'.repeat(100_000)]: 1 });
    expect(diagnostics[0]?.subject).toBe(`${'k'.repeat(50)}…`);
  });

  it('reports an anonymous URL sent without its query string', () => {
    const { bridge, runtime, diagnostics } = setup();
    bridge.identify(null, { referrer: 'https://crm.example/view?name=Jane' });
    expect(runtime.calls).toEqual([['identify', null, { referrer: 'https://crm.example/view' }]]);
    expect(diagnostics.map((d) => [d.kind, d.reason, d.subject, d.message])).toEqual([
      ['truncated', 'url-reduced', 'referrer', 'identify: "referrer" truncated (url-reduced)'],
    ]);
  });

  it('logs forwarded calls in debug mode with any address hidden', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const { bridge } = setup({ debug: true });
      bridge.identify('jane@example.com', { email: 'jane@example.com', plan: 'pro' });
      expect(log).toHaveBeenCalledWith('[hotjar-bridge]', 'hj', 'identify', '<email>', {
        email: '<email>',
        plan: 'pro',
      });
      expect(JSON.stringify(log.mock.calls)).not.toContain('jane');
    } finally {
      log.mockRestore();
    }
  });
});

describe('bridge: an address crossing the length a report or log line is cut to', () => {
  const address = 'jane.doe@example.com';
  // Everything of the address up to its '@': no report may show it, whole or cut.
  const shown = (text: string) => text.includes('jane.doe@') || text.includes('doe@') || text.includes('e@exa');

  it('is replaced in diagnostic subjects and messages before they are cut, wherever the cut falls', () => {
    for (let pad = 150; pad <= 520; pad += 1) {
      const { bridge, diagnostics } = setup();
      bridge.track(`[Amplitude] ${'x'.repeat(pad)}${address}`);
      bridge.report({
        kind: 'skipped',
        call: 'identify',
        reason: 'already-set-once',
        subject: `initial_${'x'.repeat(pad)}${address}`,
      });
      bridge.report({
        kind: 'skipped',
        call: 'event',
        reason: 'excluded',
        message: `event: "${'y'.repeat(pad)}${address}" skipped`,
      });
      expect(diagnostics).toHaveLength(3);
      for (const d of diagnostics) {
        expect(shown(d.message), d.message).toBe(false);
        expect(shown(d.subject ?? ''), d.subject).toBe(false);
      }
    }
  });

  it('replaces an address whose domain is longer than the scan reaches past the cut', () => {
    const { bridge, diagnostics } = setup();
    const subject = `${'x'.repeat(190)} ${address.replace('example', 'e'.repeat(3000))}`;
    bridge.report({ kind: 'skipped', call: 'event', reason: 'excluded', subject });
    expect(diagnostics[0]?.subject).toBe(`${'x'.repeat(190)} <email>…`);
    expect(shown(diagnostics[0]?.message ?? '')).toBe(false);
  });

  it('replaces the last word at the cut when it holds a local part and "@", a quoted one too', () => {
    const { bridge, diagnostics } = setup();
    const subject = `${'x '.repeat(90)}key "jane doe"@${'e'.repeat(3000)}.com`;
    bridge.report({ kind: 'skipped', call: 'event', reason: 'excluded', subject });
    expect(diagnostics[0]?.subject).toBe(`${'x '.repeat(90)}key "jane <email>…`);
  });

  it('keeps a short report whole and cuts a long one with "…"', () => {
    const { bridge, diagnostics } = setup();
    bridge.report({ kind: 'skipped', call: 'event', reason: 'excluded', subject: `Heartbeat ${address}` });
    bridge.report({ kind: 'skipped', call: 'event', reason: 'excluded', subject: 'z'.repeat(5000) });
    expect(diagnostics.map((d) => d.subject)).toEqual(['Heartbeat <email>', `${'z'.repeat(200)}…`]);
  });

  it('is replaced in the debug log of a user id longer than 500 characters', () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args) => lines.push(JSON.stringify(args)));
    try {
      for (const pad of [480, 485, 490, 495, 499, 600, 1600]) {
        const { bridge } = setup({ debug: true });
        bridge.identify(`${'u'.repeat(pad)}${address}`, { plan: 'pro' });
      }
    } finally {
      log.mockRestore();
    }
    const identifyLines = lines.filter((line) => line.includes('"identify"'));
    expect(identifyLines).toHaveLength(7);
    for (const line of identifyLines) expect(shown(line), line).toBe(false);
  });
});

describe('bridge.identify: past maxAttributes', () => {
  it('reports every key left in one diagnostic that counts them', () => {
    const { bridge, runtime, diagnostics } = setup();
    const traits = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`trait_${i}`, i]));
    bridge.identify('u1', traits);
    expect(Object.keys((runtime.calls[0]?.[2] ?? {}) as object)).toHaveLength(100);
    expect(diagnostics).toEqual([
      {
        kind: 'dropped',
        call: 'identify',
        reason: 'attribute-limit',
        subject: 'trait_100',
        more: 199_899,
        message: 'identify: "trait_100" and 199899 more keys dropped (attribute-limit)',
      },
    ]);
  });
});
