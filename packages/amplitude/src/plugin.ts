import type { Types } from '@amplitude/analytics-browser';
import {
  type BridgeOutcome,
  createHotjarBridge,
  type DiagnosticCall,
  type SkipReason,
  toHotjarUserId,
} from '@hotjar-bridge/core';
import { resolveBridgeOptions, skipMessage } from '@hotjar-bridge/core/internal';
import { type HotjarPluginOptions, resolvePluginOptions } from './options';
import { placeAfterSdkDestination, timelineOf } from './result-order';
import { setOnceMemory, setOnceOwner } from './set-once';
import { DEFAULT_PLACEHOLDER, toTraits } from './user-properties';

/** The destination plugin `amplitude.add()` takes, with Hotjar's consent switches. */
export interface HotjarPlugin extends Types.DestinationPlugin<Types.BrowserClient, Types.BrowserConfig> {
  name: string;
  type: 'destination';
  /** Starts loading and forwarding (after `consent: 'pending'`) once Amplitude is not opted out. */
  grantConsent(): void;
  /** Stops forwarding to Hotjar. Hotjar's script, once loaded, keeps recording until the page reloads. */
  revokeConsent(): void;
}

/** The fields of an Amplitude event this plugin reads, typed as what they may really hold. */
interface EventFields {
  event_type?: unknown;
  user_id?: unknown;
  device_id?: unknown;
  user_properties?: unknown;
  event_properties?: Record<string, unknown>;
}

/** The parts of the SDK's client read to tell whether events are on their way to the plugin. */
interface ClientState {
  isReady?: unknown;
  getUserId?: unknown;
  timeline?: { queue?: unknown; applying?: unknown };
  remove?: (name: string) => unknown;
  add?: (plugin: Types.Plugin<Types.BrowserClient, Types.BrowserConfig>) => unknown;
}

const PREFIX = '[hotjar-bridge] ';
const NAME = 'hotjar-bridge';
const KEEPER = 'hotjar-bridge:order';
// Events the SDK generates itself: autocapture's `[Amplitude] ...` names, and the session
// events, which SDK 2.x names `session_start` and `session_end`.
const AMPLITUDE_EVENT = /^(\[Amplitude\]|session_(start|end)$)/;
// Tasks waited for Amplitude's init() to finish before the user is read without an event.
const MAX_SETTLE_TRIES = 20;
const PAGE_VIEWED = '[Amplitude] Page Viewed';
const PAGE_PATH = '[Amplitude] Page Path';
// Skips caused by the event's own content: this plugin's Result says 400 for these, 500 when
// Hotjar itself failed, and 200 for a deliberate skip (consent, filters, what Hotjar cannot
// express). The app's track().promise resolves with Amplitude's own Result, not this one.
const CONTENT_PROBLEMS: readonly SkipReason[] = [
  'not-a-string',
  'empty',
  'contains-email',
  'needs-change',
  'invalid-path',
  'internal-error',
  'map-threw',
  'map-invalid',
];

/** Whether `traits[key]` holds an object, which the core flattens into `key_...` attributes. */
function holdsObject(traits: Record<string, unknown>, key: string): boolean {
  try {
    const value = traits[key];
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/** The attribution placeholder the SDK was configured with: `initialEmptyValue`, 'EMPTY' by default. */
function placeholderOf(config: Types.BrowserConfig): string {
  for (const tracking of [config.autocapture, config.defaultTracking]) {
    if (typeof tracking !== 'object' || tracking === null) continue;
    const attribution: unknown = tracking.attribution;
    if (typeof attribution !== 'object' || attribution === null) continue;
    const value: unknown = (attribution as { initialEmptyValue?: unknown }).initialEmptyValue;
    if (typeof value === 'string') return value;
  }
  return DEFAULT_PLACEHOLDER;
}

/**
 * Creates the Hotjar destination for the Amplitude Browser SDK 2.x:
 * `amplitude.add(hotjarPlugin({ siteId: 1234567 }))`. Throws for bad options; after that,
 * nothing Amplitude hands it makes it throw or reject.
 */
export function hotjarPlugin(options: HotjarPluginOptions): HotjarPlugin {
  const bridge = createHotjarBridge(options);
  // Nothing of the plugin is written to the browser's storage before consent.
  const setOnce = setOnceMemory(() => bridge.consent() === 'granted');
  const { siteId, identify: identifyOptions } = resolveBridgeOptions(options);
  const { pageChanges, forwardAmplitudeEvents } = resolvePluginOptions(options);
  let client: ClientState | undefined;
  let placeholder = DEFAULT_PLACEHOLDER;
  let ready = false;
  let optedOut = false;
  // grantConsent() seen while Hotjar may not load yet (before setup, or opted out).
  let consentGiven = false;
  let orderReported = false;
  // What setup and onIdentityChanged last said the SDK's user is: used only where the client
  // has no getUserId() to ask.
  let reportedUserId: string | null = null;

  const skip = (call: DiagnosticCall, reason: SkipReason, why: string, subject?: string): BridgeOutcome => {
    const { message } = bridge.report({
      kind: 'skipped',
      call,
      reason,
      subject,
      message: skipMessage(call, reason, why, subject),
    });
    return { forwarded: false, reason, message };
  };

  // Said once: an event reached this plugin while Amplitude's own destination was not ahead of
  // it, so the app's track().promise resolved with this plugin's Result rather than Amplitude's.
  const reportOrder = () => {
    if (orderReported) return;
    orderReported = true;
    bridge.report({
      kind: 'load',
      call: 'load',
      reason: 'result-order',
      message:
        "load: Amplitude's own destination is not ahead of this plugin; track().promise gets this plugin's Result",
    });
  };

  // The SDK's user as the SDK holds it at this moment: the client's public getUserId() (every
  // 2.x version has it), else what setup and onIdentityChanged last said. Never an event's
  // user_id: that says who one event is about (EventOptions), not who the visitor is.
  const sdkUser = (): string | null => {
    const getUserId = client?.getUserId;
    if (typeof getUserId === 'function') {
      try {
        return toHotjarUserId(getUserId.call(client));
      } catch {
        // Read what the hooks said instead.
      }
    }
    return reportedUserId;
  };

  // Tells Hotjar the SDK's user, read now, when Hotjar has not been told: before any other call
  // is forwarded, so that no event of the SDK's user reaches Hotjar under the previous one.
  const identifyUser = (outcomes: BridgeOutcome[] = []) => {
    if (!ready || optedOut || bridge.consent() !== 'granted') return outcomes;
    const id = sdkUser();
    if (id !== null && id !== bridge.identifiedUserId()) outcomes.push(bridge.identify(id, {}));
    return outcomes;
  };

  const configUnreadable = () =>
    bridge.report({
      kind: 'load',
      call: 'load',
      reason: 'internal-error',
      message: "load: reading Amplitude's config threw",
    });

  // True while events wait in the SDK's queue (behind the one being handled, if any).
  const eventsQueued = () => {
    const queue = client?.timeline?.queue;
    return Array.isArray(queue) && queue.length > 0;
  };

  // True while the SDK has events queued or being processed, or is still starting: the first of
  // them tells Hotjar about a new user id (an identify() right after setUserId() with its traits).
  const eventsOnTheWay = () => client?.isReady === false || client?.timeline?.applying === true || eventsQueued();

  // Identifies the SDK's user once the SDK has applied the calls queued before init() (a reset()
  // or setUserId() among them): the user in the config at setup may already be gone. The first
  // call forwarded identifies it anyway; this is for a page on which nothing else is sent.
  let settleTries = 0;
  const identifyWhenSettled = () => {
    setTimeout(() => {
      try {
        if (client?.isReady === false && settleTries++ < MAX_SETTLE_TRIES) identifyWhenSettled();
        // Events on their way tell Hotjar as they are forwarded.
        else if (!eventsOnTheWay()) identifyUser();
      } catch {
        // Nothing may reach the host page from a timer.
      }
    }, 0);
  };

  // Loads Hotjar once the SDK has set the plugin up and is not opted out. Never throws: it runs
  // from the SDK's hooks and from grantConsent().
  const start = () => {
    try {
      if (!ready || optedOut) return;
      if (consentGiven) bridge.grantConsent();
      else bridge.load();
      setOnce.persist();
      identifyWhenSettled();
    } catch {
      configUnreadable();
    }
  };

  const identify = (event: EventFields): BridgeOutcome[] => {
    const user = sdkUser();
    // The SDK stamps an $identify with its user as it processes it; one stamped with another id
    // was made for someone else: on their behalf (EventOptions' user_id), or queued before a
    // reset() or setUserId() that changed the user. None of it is this visitor's to send.
    const stamped = event.user_id !== undefined && event.user_id !== null && event.user_id !== '';
    if (stamped && toHotjarUserId(event.user_id) !== user) {
      // The SDK's own user may be waiting for this event to be told to Hotjar: tell it now,
      // unless an event queued behind this one will, as it is forwarded.
      const outcomes = eventsQueued() ? [] : identifyUser();
      return [...outcomes, skip('identify', 'other-user', "made for another user than the SDK's")];
    }
    // Without a user id, Amplitude uploads it as the device's: the anonymous rules apply.
    const userId = stamped ? user : null;
    const mapped = toTraits(event.user_properties, placeholder);
    const { traits } = mapped;
    const outcomes = mapped.unsupported.map((op) =>
      skip('identify', 'unsupported', 'Hotjar has no such operation', op),
    );
    for (const key of mapped.placeholders) {
      outcomes.push(skip('identify', 'nothing-to-send', `Amplitude's "${placeholder}" placeholder`, key));
    }
    const keys = Object.keys(traits);
    // The owner is a hash, worked out only when there is a key to check or remember.
    const owner =
      keys.length > 0 || mapped.placeholders.length > 0
        ? setOnceOwner(siteId, userId ?? `device ${String(event.device_id)}`)
        : '';
    // Amplitude's server now holds its placeholder for these keys, whatever Hotjar is sent: a
    // later campaign's value for them is not the first touch.
    if (mapped.placeholders.length > 0) setOnce.remember(owner, mapped.placeholders);
    // A $setOnce does not replace a value, whether a $setOnce or a $set gave it (Amplitude's
    // own rule): a key this browser has sent before is left out.
    const known = mapped.setOnce.length > 0 ? setOnce.known(owner) : [];
    for (const key of mapped.setOnce) {
      if (known.includes(key)) {
        delete traits[key];
        outcomes.push(skip('identify', 'already-set-once', 'sent before from this browser', key));
      }
    }
    // Nothing left for a user Hotjar already has: an empty identify would tell it nothing.
    if (Object.keys(traits).length === 0 && userId !== null && userId === bridge.identifiedUserId()) {
      outcomes.push(skip('identify', 'nothing-to-send', 'no attribute left to send'));
      return outcomes;
    }
    const outcome = bridge.identify(userId, traits);
    outcomes.push(outcome);
    if (keys.length > 0 && outcome.forwarded && outcome.call[0] === 'identify') {
      const sent = Object.keys(outcome.call[2]);
      const separator = identifyOptions.separator ?? '_';
      // A key was sent as itself, or, holding an object, as the keys flattening made of it.
      setOnce.remember(
        owner,
        keys.filter(
          (key) =>
            key in traits &&
            (sent.includes(key) || (holdsObject(traits, key) && sent.some((name) => name.startsWith(key + separator)))),
        ),
      );
    }
    return outcomes;
  };

  const forward = (event: EventFields): BridgeOutcome[] => {
    const type = event.event_type;
    if (type === '$identify') return identify(event);
    const outcomes = identifyUser();
    if (type === '$groupidentify') {
      outcomes.push(skip('identify', 'unsupported', 'Hotjar has no groups', type));
    } else if (typeof type === 'string' && AMPLITUDE_EVENT.test(type)) {
      if (pageChanges && type === PAGE_VIEWED) outcomes.push(bridge.page(event.event_properties?.[PAGE_PATH]));
      outcomes.push(
        forwardAmplitudeEvents
          ? bridge.track(type, event.event_properties)
          : skip('event', 'excluded', "Amplitude's own event, forwardAmplitudeEvents is false", type),
      );
    } else {
      outcomes.push(bridge.track(type, event.event_properties));
    }
    return outcomes;
  };

  const plugin: HotjarPlugin = {
    name: NAME,
    type: 'destination',
    // Resolves whatever the config holds: a rejected setup would fail amplitude.init().
    async setup(amplitudeConfig, amplitudeClient) {
      client = amplitudeClient as unknown as ClientState;
      try {
        optedOut = amplitudeConfig.optOut === true;
        // Only a config that could be read lets Hotjar load: an unreadable opt-out is not an opt-in.
        ready = true;
        reportedUserId = toHotjarUserId(amplitudeConfig.userId);
        placeholder = placeholderOf(amplitudeConfig);
      } catch {
        configUnreadable();
      }
      try {
        keepOrder(amplitudeClient);
      } catch {
        reportOrder();
      }
      start();
    },
    async execute(event) {
      let outcomes: BridgeOutcome[];
      try {
        checkOrder();
        outcomes = optedOut
          ? [skip('event', 'consent-revoked', 'Amplitude is opted out')]
          : forward(event as EventFields);
      } catch {
        outcomes = [skip('event', 'internal-error', 'reading the event threw')];
      }
      const failed = (reasons: readonly SkipReason[]) =>
        outcomes.some((o) => !o.forwarded && reasons.includes(o.reason));
      const code = failed(CONTENT_PROBLEMS) ? 400 : failed(['hotjar-unavailable']) ? 500 : 200;
      return { event, code, message: PREFIX + outcomes.map((o) => o.message).join('; ') };
    },
    async onIdentityChanged(identity) {
      try {
        if (!('userId' in identity)) return;
        reportedUserId = toHotjarUserId(identity.userId);
        // setUserId() sends no event: Hotjar is told now, unless an event is already on its way:
        // the first forwarded then tells it (an identify() with its traits, or an identify of the
        // user alone ahead of any other call).
        queueMicrotask(() => {
          try {
            if (!eventsOnTheWay()) identifyUser();
          } catch {
            // Nothing may reach the host page from a queued task.
          }
        });
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

  // Amplitude resolves track().promise with the first destination's Result. Added before init(),
  // or right after an init() that was not awaited, this plugin is set up before the SDK's own
  // destination exists; a `before` plugin then moves it behind that destination as soon as it
  // appears, ahead of the step where the SDK picks each event's destinations.
  const keepOrder = (amplitudeClient: unknown) => {
    const timeline = timelineOf(amplitudeClient);
    if (placeAfterSdkDestination(timeline, plugin) !== 'no-sdk-destination') return;
    const host = amplitudeClient as ClientState;
    let placed = false;
    const keeper: Types.BeforePlugin<Types.BrowserClient, Types.BrowserConfig> = {
      name: KEEPER,
      type: 'before',
      async execute(event) {
        try {
          // flush() runs queued events side by side: the first to find the plugin placed removes this.
          if (!placed && placeAfterSdkDestination(timeline, plugin) !== 'no-sdk-destination') {
            placed = true;
            host.remove?.(KEEPER);
          }
        } catch {
          // The event goes on unchanged whatever happens here.
        }
        return event;
      },
    };
    host.add?.(keeper);
  };

  const checkOrder = () => {
    const placement = placeAfterSdkDestination(timelineOf(client), plugin);
    if (placement === 'moved' || placement === 'no-sdk-destination') reportOrder();
  };

  return plugin;
}
