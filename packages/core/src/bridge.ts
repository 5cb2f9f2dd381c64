import { dropMessage, type DiagnosticCall, type HotjarDiagnostic, type SkipReason } from './diagnostics';
import { mapEventName } from './event-name';
import { type HotjarIdentify, toHotjarIdentify } from './identify';
import { type HotjarBridgeOptions, resolveBridgeOptions } from './options';
import { browserRuntime, type HotjarCall, type HotjarRuntime } from './runtime';

/** Whether the user has agreed to Hotjar: `'revoked'` after `revokeConsent()`. */
export type ConsentState = 'granted' | 'pending' | 'revoked';

/** What became of one identify, track or page call. */
export type BridgeOutcome =
  | { forwarded: true; call: HotjarCall; message: string }
  | { forwarded: false; reason: SkipReason; message: string };

/** The Hotjar side both plugins share: validated options, loading, consent and mapped calls. */
export interface HotjarBridge {
  /** Loads Hotjar once (later calls do nothing); false where it cannot: no window, consent not granted, another site's snippet. */
  load(): boolean;
  /** True once `load()` has put Hotjar (or its queue) on the page. */
  isLoaded(): boolean;
  /** `hj('identify', userId, attributes)` with traits mapped by Hotjar's rules. */
  identify(userId: unknown, traits: unknown): BridgeOutcome;
  /** `hj('event', name)` with the name cleaned; nothing else of the event is sent. */
  track(name: unknown): BridgeOutcome;
  /** `hj('stateChange', path)`; the path defaults to the current location's path and query. */
  page(path?: unknown): BridgeOutcome;
  /** Starts forwarding, loading Hotjar first if it was not loaded. */
  grantConsent(): void;
  /** Stops forwarding. Hotjar's script, once loaded, stays on the page until it reloads. */
  revokeConsent(): void;
  /** The current consent state. */
  consent(): ConsentState;
  /** The user id of the last identify call forwarded: `undefined` before any, `null` for an anonymous one. */
  identifiedUserId(): string | null | undefined;
  /** Reports a diagnostic from a plugin through the same callback and debug log as the bridge's own. */
  report(diagnostic: HotjarDiagnostic): void;
}

const PREFIX = '[hotjar-bridge]';

/**
 * Creates the runtime both plugins share. Throws for bad options, naming the option; after
 * that, nothing any of its methods is given makes them throw.
 */
export function createHotjarBridge(options: HotjarBridgeOptions): HotjarBridge {
  const opts = resolveBridgeOptions(options);
  const runtime = opts.runtime ?? browserRuntime();
  let consent: ConsentState = opts.consent;
  let loaded = false;
  // The page holds another site's Hotjar: forwarding would put this site's data there.
  let foreignSite = false;
  let lastUserId: string | null | undefined;

  const report = (diagnostic: HotjarDiagnostic) => {
    if (opts.debug) console.warn(PREFIX, diagnostic.message);
    if (!opts.onDiagnostic) return;
    try {
      opts.onDiagnostic(diagnostic);
    } catch {
      // A throwing diagnostics handler must not break the host page's analytics.
    }
  };

  const skip = (call: DiagnosticCall, reason: SkipReason, message: string, subject?: string): BridgeOutcome => {
    report(subject === undefined ? { kind: 'skipped', call, reason, message } : { kind: 'skipped', call, reason, message, subject });
    return { forwarded: false, reason, message };
  };

  const send = (call: HotjarCall, message: string): BridgeOutcome => {
    runtime.installStub();
    runtime.call(call);
    if (opts.debug) console.log(PREFIX, 'hj', ...call);
    return { forwarded: true, call, message };
  };

  // Consent and the page's state, checked before every call.
  const blocked = (call: DiagnosticCall): BridgeOutcome | null => {
    if (consent !== 'granted') {
      const reason = consent === 'pending' ? 'consent-pending' : 'consent-revoked';
      return skip(call, reason, `${call}: not forwarded, consent is ${consent}`);
    }
    if (!runtime.hasWindow()) return skip(call, 'no-window', `${call}: not forwarded, there is no window`);
    if (foreignSite) return skip(call, 'other-site', `${call}: not forwarded, the page has another Hotjar site's snippet`);
    return null;
  };

  const guarded = (call: DiagnosticCall, work: () => BridgeOutcome): BridgeOutcome => {
    try {
      return work();
    } catch (error) {
      return skip(call, 'internal-error', `${call}: not forwarded, ${String(error)}`);
    }
  };

  const matches = (name: string, pattern: string | RegExp) => {
    if (typeof pattern === 'string') return pattern === name;
    pattern.lastIndex = 0;
    return pattern.test(name);
  };

  const load = (): boolean => {
    if (loaded) return true;
    try {
      if (consent !== 'granted') {
        report({ kind: 'skipped', call: 'load', reason: `consent-${consent}`, message: `load: waiting, consent is ${consent}` });
        return false;
      }
      if (!runtime.hasWindow()) {
        report({ kind: 'load', call: 'load', reason: 'no-window', message: 'load: there is no window (server-side rendering?)' });
        return false;
      }
      const existing = runtime.existingSiteId();
      if (existing !== null && existing !== opts.siteId) {
        foreignSite = true;
        report({
          kind: 'load',
          call: 'load',
          reason: 'other-site',
          subject: String(existing),
          message: `load: the page already has Hotjar's snippet for site ${existing}, not ${opts.siteId}: nothing will be forwarded`,
        });
        return false;
      }
      runtime.installStub();
      if (existing === null && opts.loadScript) {
        const ran = runtime.inject(opts.siteId, opts.hotjarVersion, { debug: opts.debug, nonce: opts.nonce });
        if (!ran) {
          report({
            kind: 'load',
            call: 'load',
            reason: 'snippet-blocked',
            message:
              "load: Hotjar's inline snippet did not run; a Content Security Policy may block it: pass its nonce as the nonce option",
          });
        }
      }
      loaded = true;
      if (opts.debug) console.log(PREFIX, `loaded Hotjar site ${opts.siteId}, snippet version ${opts.hotjarVersion}`);
      return true;
    } catch (error) {
      report({ kind: 'load', call: 'load', reason: 'internal-error', message: `load: failed, ${String(error)}` });
      return false;
    }
  };

  const reportIdentify = (mapped: HotjarIdentify) => {
    for (const { key, reason } of mapped.dropped) {
      report({ kind: 'dropped', call: 'identify', reason, subject: key, message: dropMessage(key, reason) });
    }
    for (const key of mapped.truncated) {
      report({
        kind: 'truncated',
        call: 'identify',
        reason: 'too-long',
        subject: key,
        message: `identify: attribute "${key}" cut to identify.maxStringLength characters`,
      });
    }
  };

  return {
    load,
    isLoaded: () => loaded,
    identify: (userId, traits) =>
      guarded('identify', () => {
        const stop = blocked('identify');
        if (stop) return stop;
        const mapped = toHotjarIdentify(userId, traits, opts.identify);
        reportIdentify(mapped);
        if (mapped.userId === null && Object.keys(mapped.attributes).length === 0) {
          return skip('identify', 'nothing-to-send', 'identify: not forwarded, no user id and no attribute to send');
        }
        lastUserId = mapped.userId;
        return send(['identify', mapped.userId, mapped.attributes], 'identify: forwarded');
      }),
    track: (name) =>
      guarded('event', () => {
        const stop = blocked('event');
        if (stop) return stop;
        if (typeof name === 'string') {
          if (opts.include && !opts.include.some((p) => matches(name, p))) {
            return skip('event', 'not-included', `event "${name}": not forwarded, not in events.include`, name);
          }
          if (opts.exclude.some((p) => matches(name, p))) {
            return skip('event', 'excluded', `event "${name}": not forwarded, in events.exclude`, name);
          }
        }
        const mapped = mapEventName(name, opts.eventName);
        const subject = typeof name === 'string' ? name : String(typeof name);
        if (mapped.name === null) {
          return skip('event', mapped.problem, `event "${subject}": not forwarded, ${EVENT_PROBLEMS[mapped.problem]}`, subject);
        }
        if (mapped.changed) {
          report({
            kind: 'renamed',
            call: 'event',
            reason: 'sanitized',
            subject,
            message: `event "${subject}": sent as "${mapped.name}"`,
          });
        }
        return send(['event', mapped.name], mapped.changed ? `event: forwarded as "${mapped.name}"` : 'event: forwarded');
      }),
    page: (path) =>
      guarded('stateChange', () => {
        const stop = blocked('stateChange');
        if (stop) return stop;
        const target = path === undefined ? runtime.currentPath() : path;
        if (typeof target !== 'string' || target.trim() === '') {
          return skip('stateChange', 'invalid-path', 'stateChange: not forwarded, the path is not a non-empty string');
        }
        return send(['stateChange', target], 'stateChange: forwarded');
      }),
    grantConsent() {
      consent = 'granted';
      load();
    },
    revokeConsent() {
      consent = 'revoked';
    },
    consent: () => consent,
    identifiedUserId: () => lastUserId,
    report,
  };
}

const EVENT_PROBLEMS: Record<'not-a-string' | 'empty' | 'contains-email' | 'needs-change', string> = {
  'not-a-string': 'the name is not a string',
  empty: 'the name is empty once cleaned',
  'contains-email': 'the name contains an email address (personal data)',
  'needs-change': 'the name has characters Hotjar does not accept (eventName.mode is "strict")',
};
