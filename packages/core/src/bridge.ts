import {
  type DiagnosticCall,
  type DiagnosticInput,
  type HotjarDiagnostic,
  reportable,
  type SkipReason,
} from './diagnostics';
import { containsEmail, shortenedWithoutEmails, withoutEmails } from './email';
import { cutForReport, runEventMap } from './event-map';
import { mapEventName } from './event-name';
import { mapIdentify } from './identify';
import { type HotjarBridgeOptions, resolveBridgeOptions } from './options';
import { toHotjarPath } from './page-path';
import { matchesAny } from './patterns';
import { skipMessage } from './plugin-support';
import { browserRuntime, type HotjarCall } from './runtime';
import { SENTENCES } from './sentences';

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
  /** `hj('identify', userId, attributes)` with traits mapped by Hotjar's rules; without a usable user id, only allowlisted attributes. */
  identify(userId: unknown, traits: unknown): BridgeOutcome;
  /**
   * `hj('event', name)` with the name cleaned; nothing else of the event is sent. With
   * `events.map`, one call per name the map gives for the name and properties; the outcome is
   * then the first name's that was not forwarded, else the last one's, with every name's message.
   */
  track(name: unknown, properties?: unknown): BridgeOutcome;
  /** `hj('stateChange', path)` with the path alone (query string and fragment cut, a full URL reduced to its path); it defaults to the current location's. */
  page(path?: unknown): BridgeOutcome;
  /** Starts forwarding, loading Hotjar first if it was not loaded. */
  grantConsent(): void;
  /** Stops forwarding. Hotjar's script, once loaded, stays on the page until it reloads. */
  revokeConsent(): void;
  /** The current consent state. */
  consent(): ConsentState;
  /** The user id of the last identify call forwarded: `undefined` before any, `null` for an anonymous one. */
  identifiedUserId(): string | null | undefined;
  /** Reports a plugin's diagnostic through the same callback and debug log as the bridge's own; the message is written when absent. Returns the diagnostic as reported. */
  report(input: DiagnosticInput): HotjarDiagnostic;
}

const PREFIX = '[hotjar-bridge]';

// The debug log shows at most this much of a string (a user id can be any length).
const LOGGED_STRING_MAX = 500;

/** A call's argument as the debug log shows it: strings and attribute values without addresses. */
function hideEmails(arg: unknown): unknown {
  if (typeof arg === 'string') return shortenedWithoutEmails(arg, LOGGED_STRING_MAX);
  if (typeof arg !== 'object' || arg === null) return arg;
  return Object.fromEntries(Object.entries(arg).map(([key, value]) => [withoutEmails(key), hideEmails(value)]));
}

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
  // Checked before every call, not only in load(): a page can gain another site's snippet at
  // any time, and the bridge can be used without load() when the page has its own snippet.
  const otherSiteOnPage = () => {
    if (!foreignSite) {
      const existing = runtime.existingSiteId();
      foreignSite = existing !== null && existing !== opts.siteId;
    }
    return foreignSite;
  };
  let lastUserId: string | null | undefined;

  // The one way out for diagnostics, the plugins' included: what it passes on holds no address.
  const report = (input: DiagnosticInput): HotjarDiagnostic => {
    const d = reportable(input);
    if (opts.debug) console.warn(PREFIX, d.message);
    try {
      opts.onDiagnostic?.(d);
    } catch {
      // A throwing diagnostics handler must not break the host page's analytics.
    }
    return d;
  };
  // A report by its fields; `message` is a development sentence, the short form when absent.
  const note = <K extends HotjarDiagnostic['kind']>(
    kind: K,
    call: DiagnosticCall,
    reason: Extract<DiagnosticInput, { kind: K }>['reason'],
    subject?: string,
    message?: string,
  ) => report({ kind, call, reason, subject, message } as DiagnosticInput);

  const skip = (call: DiagnosticCall, reason: SkipReason, subject?: string, message?: string): BridgeOutcome => ({
    forwarded: false,
    reason,
    message: note('skipped', call, reason, subject, message).message,
  });

  const send = (call: HotjarCall): BridgeOutcome => {
    runtime.installStub();
    // Hotjar's function missing or throwing is Hotjar's failure, not a problem with the call.
    let handed = false;
    try {
      handed = runtime.call(call);
    } catch {
      // Reported below, as a refused call.
    }
    if (!handed) return skip(call[0], 'hotjar-unavailable');
    // The debug log shows the call with any address (the `email` attribute, a user id) hidden.
    if (opts.debug) console.log(PREFIX, 'hj', ...call.map(hideEmails));
    return { forwarded: true, call, message: `${call[0]}: forwarded` };
  };

  // Consent and the page's state are checked before every call; nothing thrown escapes.
  const guarded =
    <A extends unknown[]>(call: DiagnosticCall, work: (...args: A) => BridgeOutcome) =>
    (...args: A): BridgeOutcome => {
      try {
        if (consent !== 'granted') return skip(call, `consent-${consent}`);
        if (!runtime.hasWindow()) return skip(call, 'no-window');
        if (otherSiteOnPage()) return skip(call, 'other-site');
        return work(...args);
      } catch {
        return skip(call, 'internal-error');
      }
    };

  const load = (): boolean => {
    if (loaded) return true;
    try {
      if (consent !== 'granted') {
        note('skipped', 'load', `consent-${consent}`);
        return false;
      }
      if (!runtime.hasWindow()) {
        note('load', 'load', 'no-window');
        return false;
      }
      const existing = runtime.existingSiteId();
      if (existing !== null && existing !== opts.siteId) {
        foreignSite = true;
        note('load', 'load', 'other-site', String(existing));
        return false;
      }
      runtime.installStub();
      if (existing === null && opts.loadScript && !runtime.inject(opts.siteId, opts.hotjarVersion, opts)) {
        note('load', 'load', 'snippet-blocked', undefined, SENTENCES && SENTENCES.snippetBlocked);
      }
      loaded = true;
      if (opts.debug) console.log(PREFIX, 'loaded site', opts.siteId);
      return true;
    } catch {
      note('load', 'load', 'internal-error');
      return false;
    }
  };

  return {
    load,
    isLoaded: () => loaded,
    identify: guarded('identify', (userId: unknown, traits: unknown) => {
      const mapped = mapIdentify(userId, traits, opts.identify);
      const reason = mapped.userIdDropped;
      // The id itself stays out of the report: it may be personal data.
      if (reason) note('dropped', 'identify', reason, 'userId', SENTENCES && SENTENCES.userIdDropped(reason));
      for (const { key, reason, more } of mapped.dropped) {
        if (!more) note('dropped', 'identify', reason, key);
        // Past `maxAttributes`, one report stands for every key left, and counts them.
        else {
          const message = SENTENCES && SENTENCES.moreKeysDropped(key, more, reason);
          report({ kind: 'dropped', call: 'identify', reason, subject: key, more, message });
        }
      }
      for (const key of mapped.truncated) note('truncated', 'identify', 'too-long', key);
      for (const key of mapped.reduced) note('truncated', 'identify', 'url-reduced', key);
      if (mapped.userId === null && Object.keys(mapped.attributes).length === 0) {
        return skip('identify', 'nothing-to-send');
      }
      const outcome = send(['identify', mapped.userId, mapped.attributes]);
      // Only a call Hotjar took tells it who the user is: a refused one is tried again later.
      if (outcome.forwarded) lastUserId = mapped.userId;
      return outcome;
    }),
    track: guarded('event', (name: unknown, properties?: unknown) => {
      // A name holding an address is personal data: it stays out of diagnostics and logs,
      // whatever skips it.
      const subject =
        typeof name !== 'string' ? typeof name : containsEmail(name, opts.eventName.maxLength) ? undefined : name;
      if (typeof name === 'string') {
        if (opts.include && !matchesAny(opts.include, name)) return skip('event', 'not-included', subject);
        if (matchesAny(opts.exclude, name)) return skip('event', 'excluded', subject);
      }
      // The event's own name, without a map (or when the name is not a string, for its report).
      const sendOwn = (): BridgeOutcome => {
        const mapped = mapEventName(name, opts.eventName);
        if (mapped.name === null) return skip('event', mapped.problem, subject);
        if (mapped.changed && subject !== undefined) {
          note('renamed', 'event', 'sanitized', subject, SENTENCES && SENTENCES.renamed(subject, mapped.name));
        }
        return send(['event', mapped.name]);
      };
      if (opts.map === undefined || typeof name !== 'string') return sendOwn();
      // The map's names are the app's own, and pass the same rules as any name: an exclude
      // pattern keeps a name out whether the event had it or the map gave it. The event's own
      // name given back is one of them, checked as given and as cleaned like any other.
      const own = subject === undefined ? undefined : cutForReport(subject);
      const namedBy = SENTENCES && SENTENCES.namedBy(own);
      const result = runEventMap(opts.map, name, properties);
      if (result.names === null)
        return skip('event', result.problem, own, skipMessage('event', result.problem, result.why, own));
      const sendMapped = (given: string): BridgeOutcome => {
        // Reports quote a name the map gave only as cleaned for Hotjar, never as given: the map
        // builds names from the event's data, in forms no address check may know.
        const cleaned = mapEventName(given, { maxLength: opts.eventName.maxLength });
        const mapped = opts.eventName.mode === 'strict' ? mapEventName(given, opts.eventName) : cleaned;
        const shown = cleaned.name === null ? undefined : cutForReport(cleaned.name);
        const skipName = (reason: SkipReason) =>
          skip('event', reason, shown, skipMessage('event', reason, namedBy, shown));
        if (mapped.name === null) return skipName(mapped.problem);
        if (matchesAny(opts.exclude, given) || matchesAny(opts.exclude, mapped.name)) return skipName('excluded');
        if (mapped.changed && shown !== undefined) {
          note('renamed', 'event', 'sanitized', shown, SENTENCES && SENTENCES.renamedByMap(shown, namedBy));
        }
        return send(['event', mapped.name]);
      };
      const outcomes = result.names.map(sendMapped);
      const first = outcomes.find((o) => !o.forwarded) ?? outcomes[outcomes.length - 1];
      if (first === undefined || outcomes.length === 1) return first ?? skip('event', 'map-none', own);
      return { ...first, message: outcomes.map((o) => o.message).join('; ') };
    }),
    page: guarded('stateChange', (path?: unknown) => {
      const target = toHotjarPath(path === undefined ? runtime.currentPath() : path);
      if (target === null) return skip('stateChange', 'invalid-path');
      // Like an event name, a path carrying an address is personal data: skipped, and kept out of the report.
      if (containsEmail(target)) return skip('stateChange', 'contains-email');
      return send(['stateChange', target]);
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
