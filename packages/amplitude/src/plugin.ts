import type { Types } from '@amplitude/analytics-browser';
import {
  type BridgeOutcome,
  createHotjarBridge,
  type DiagnosticCall,
  type SkipReason,
  toHotjarUserId,
} from '@hotjar-bridge/core';
import { type HotjarPluginOptions, resolvePluginOptions } from './options';
import { toTraits } from './user-properties';

/** The destination plugin `amplitude.add()` takes, with Hotjar's consent switches. */
export interface HotjarPlugin extends Types.DestinationPlugin<Types.BrowserClient, Types.BrowserConfig> {
  name: string;
  type: 'destination';
  /** Starts loading and forwarding (after `consent: 'pending'`) once Amplitude is not opted out. */
  grantConsent(): void;
  /** Stops forwarding to Hotjar. */
  revokeConsent(): void;
}

/** The fields of an Amplitude event this plugin reads, typed as what they may really hold. */
interface EventFields {
  event_type?: unknown;
  user_id?: unknown;
  user_properties?: unknown;
  event_properties?: Record<string, unknown>;
}

const PREFIX = '[hotjar-bridge] ';
// Events the SDK generates itself: autocapture's `[Amplitude] ...` names, and the session
// events, which SDK 2.x names `session_start` and `session_end`.
const AMPLITUDE_EVENT = /^(\[Amplitude\]|session_(start|end)$)/;
const PAGE_VIEWED = '[Amplitude] Page Viewed';
const PAGE_PATH = '[Amplitude] Page Path';
// Skips caused by the event's own content: Amplitude gets a 400 for these, and 200 for a
// deliberate skip (consent, filters, what Hotjar cannot express).
const CONTENT_PROBLEMS: readonly SkipReason[] = [
  'not-a-string',
  'empty',
  'contains-email',
  'needs-change',
  'invalid-path',
  'internal-error',
];

/**
 * Creates the Hotjar destination for the Amplitude Browser SDK 2.x:
 * `amplitude.add(hotjarPlugin({ siteId: 1234567 }))`. Throws for bad options; after that,
 * nothing Amplitude hands it makes it throw or reject.
 */
export function hotjarPlugin(options: HotjarPluginOptions): HotjarPlugin {
  const bridge = createHotjarBridge(options);
  const { pageChanges, forwardAmplitudeEvents } = resolvePluginOptions(options);
  let config: { userId?: string } = {};
  let ready = false;
  let optedOut = false;
  // grantConsent() seen while Hotjar may not load yet (before setup, or opted out).
  let consentGiven = false;

  const skip = (call: DiagnosticCall, reason: SkipReason, subject: string | undefined, why: string): BridgeOutcome => {
    // Worded like the core's own diagnostics, with the reason explained.
    const message = `${call}:${subject === undefined ? '' : ` "${subject}"`} skipped (${reason}: ${why})`;
    bridge.report({ kind: 'skipped', call, reason, subject, message });
    return { forwarded: false, reason, message };
  };

  // A user id Hotjar has not been given yet (after setUserId(), which sends no event) is
  // identified before anything else is forwarded.
  const identifyUser = (userId: unknown, outcomes: BridgeOutcome[] = []) => {
    const id = toHotjarUserId(userId);
    if (id !== null && id !== bridge.identifiedUserId() && bridge.consent() === 'granted') {
      outcomes.push(bridge.identify(id, {}));
    }
    return outcomes;
  };

  const configUnreadable = () =>
    bridge.report({
      kind: 'load',
      call: 'load',
      reason: 'internal-error',
      message: "load: reading Amplitude's config threw",
    });

  // Loads Hotjar once the SDK has set the plugin up and is not opted out. Never throws: it runs
  // from the SDK's hooks and from grantConsent().
  const start = () => {
    try {
      if (!ready || optedOut) return;
      if (consentGiven) bridge.grantConsent();
      else bridge.load();
      identifyUser(config.userId);
    } catch {
      configUnreadable();
    }
  };

  const forward = (event: EventFields): BridgeOutcome[] => {
    const type = event.event_type;
    if (type === '$identify') {
      const { traits, unsupported, placeholders } = toTraits(event.user_properties);
      const outcomes = unsupported.map((op) => skip('identify', 'unsupported', op, 'Hotjar has no such operation'));
      for (const key of placeholders) {
        outcomes.push(skip('identify', 'nothing-to-send', key, `Amplitude's "EMPTY" placeholder`));
      }
      outcomes.push(bridge.identify(event.user_id, traits));
      return outcomes;
    }
    const outcomes = identifyUser(event.user_id);
    if (type === '$groupidentify') {
      outcomes.push(skip('identify', 'unsupported', type, 'Hotjar has no groups'));
    } else if (typeof type === 'string' && AMPLITUDE_EVENT.test(type)) {
      if (pageChanges && type === PAGE_VIEWED) outcomes.push(bridge.page(event.event_properties?.[PAGE_PATH]));
      outcomes.push(
        forwardAmplitudeEvents
          ? bridge.track(type)
          : skip('event', 'excluded', type, "Amplitude's own event, forwardAmplitudeEvents is false"),
      );
    } else {
      outcomes.push(bridge.track(type));
    }
    return outcomes;
  };

  return {
    name: 'hotjar-bridge',
    type: 'destination',
    // Resolves whatever the config holds: a rejected setup would fail amplitude.init().
    async setup(amplitudeConfig) {
      try {
        optedOut = amplitudeConfig.optOut === true;
        config = amplitudeConfig;
        // Only a config that could be read lets Hotjar load: an unreadable opt-out is not an opt-in.
        ready = true;
      } catch {
        configUnreadable();
      }
      start();
    },
    async execute(event) {
      let outcomes: BridgeOutcome[];
      try {
        outcomes = optedOut
          ? [skip('event', 'consent-revoked', undefined, 'Amplitude is opted out')]
          : forward(event as EventFields);
      } catch {
        outcomes = [skip('event', 'internal-error', undefined, 'reading the event threw')];
      }
      const problem = outcomes.some((o) => !o.forwarded && CONTENT_PROBLEMS.includes(o.reason));
      return { event, code: problem ? 400 : 200, message: PREFIX + outcomes.map((o) => o.message).join('; ') };
    },
    async onIdentityChanged(identity) {
      try {
        if (ready && !optedOut) identifyUser(identity.userId);
      } catch {
        // Identity hooks are not awaited by the SDK: a rejection would surface as unhandled.
      }
    },
    async onOptOutChanged(optOut) {
      optedOut = optOut === true;
      start();
    },
    grantConsent() {
      consentGiven = true;
      start();
    },
    revokeConsent() {
      consentGiven = false;
      bridge.revokeConsent();
    },
  };
}
