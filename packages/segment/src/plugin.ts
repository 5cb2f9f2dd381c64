import { createHotjarBridge, type DiagnosticCall } from '@hotjar-bridge/core';
import { reportSkip, resolveBridgeOptions } from '@hotjar-bridge/core/internal';
import type { Analytics, Context, Plugin } from '@segment/analytics-next';
import { type HotjarPluginOptions, resolvePluginOptions } from './options';
import { SENTENCES } from './sentences';
import { VERSION } from './version';

/** The destination plugin `analytics.register()` takes, with Hotjar's consent switches. */
export interface HotjarPlugin extends Plugin {
  name: 'Hotjar';
  type: 'destination';
  /** Starts loading and forwarding after `consent: 'pending'`. */
  grantConsent(): void;
  /** Stops forwarding to Hotjar. Hotjar's script, once loaded, keeps recording until the page reloads. */
  revokeConsent(): void;
}

/** The fields of a Segment event this plugin reads, typed as what they may really hold. */
interface EventFields {
  userId?: unknown;
  traits?: unknown;
  event?: unknown;
  properties?: unknown;
  context?: {
    page?: { path?: unknown };
    consent?: { categoryPreferences?: Record<string, unknown> };
  };
}

/**
 * Creates the Hotjar destination for Segment Analytics.js 2.0:
 * `analytics.register(hotjarPlugin({ siteId: 1234567 }))`. Throws for bad options; after that,
 * no hook throws, and each returns the context it was given.
 */
export function hotjarPlugin(options: HotjarPluginOptions): HotjarPlugin {
  resolveBridgeOptions(options);
  const { identifyAnonymous, pageChanges, identifyOnLoad, consentCategory } = resolvePluginOptions(options);
  // The context of the hook running now: every diagnostic is logged on it too, where
  // Segment's debugging tools show it.
  let current: Context | undefined;
  const bridge = createHotjarBridge({
    ...options,
    // With a consent category, every event says whether Hotjar may have it: nothing loads
    // before the first event that grants it.
    consent: consentCategory === undefined ? options.consent : 'pending',
    onDiagnostic(diagnostic) {
      current?.log('warn', `[hotjar-bridge] ${diagnostic.message}`);
      options.onDiagnostic?.(diagnostic);
    },
  });

  // Segment calls every destination's load() before it applies the calls the page made before it
  // loaded (a reset() at logout among them), each of those in a task of its own, queued once it
  // emits 'initialize'. `then` runs in a task queued after those. Never throws.
  const afterBufferedCalls = (analytics: Analytics, then: () => void) => {
    const last = () => setTimeout(then, 0);
    const later = () => setTimeout(last, 0);
    try {
      if (analytics.initialized === false && typeof analytics.on === 'function') analytics.on('initialize', later);
      else later();
    } catch {
      later();
    }
  };

  // The Analytics instance given to load(): its user() is who the visitor is now.
  let host: Analytics | undefined;
  // Segment's user as Segment holds it at this moment (identify() and reset() change it), or
  // undefined where it cannot be read.
  const sdkUser = (): unknown => {
    try {
      return host?.user().id();
    } catch {
      return undefined;
    }
  };
  const hasId = (userId: unknown): userId is string => typeof userId === 'string' && userId.trim() !== '';

  // Every identify, the app's and the one at page load, follows the same rules.
  const identify = (userId: unknown, traits: unknown) => {
    if (hasId(userId)) bridge.identify(userId, traits);
    else if (identifyAnonymous) bridge.identify(null, traits);
    else reportSkip(bridge, 'identify', 'nothing-to-send', SENTENCES && SENTENCES.noUserId);
  };

  // The Analytics instance given to load() while the user it stores waits to be identified: at
  // page load with identifyOnLoad, or after an app's identify held back for consent.
  let storedUser: Analytics | undefined;
  // Whether Segment has applied the calls the page made before it loaded: until then its user
  // may be one a buffered reset() or identify() is about to replace.
  let settled = false;
  // The user id Segment held at load(), while the stored user waits for the buffered calls: one
  // of them that changed it (a reset(), an identify() whose own event follows) brings the
  // current values itself, so the stored user is not identified.
  let userAtLoad: { id: unknown } | undefined;
  const identifyStoredUser = () => {
    if (!settled || storedUser === undefined || bridge.consent() !== 'granted') return;
    const analytics = storedUser;
    const atLoad = userAtLoad;
    storedUser = undefined;
    userAtLoad = undefined;
    try {
      const user = analytics.user();
      const userId = user.id();
      if (atLoad !== undefined && userId !== atLoad.id) return;
      const traits = user.traits();
      // A visitor Segment knows nothing of is not worth an identify at every page load.
      const known = typeof userId === 'string' || Object.keys(traits ?? {}).length > 0;
      if (known) identify(userId, traits);
    } catch {
      // Reached from load() and grantConsent(): nothing may reach the host page.
    }
  };

  const grantConsent = () => {
    bridge.grantConsent();
    identifyStoredUser();
  };

  // Follows the consent each event carries; a later event that withdraws it stops forwarding.
  const consented = (event: EventFields) => {
    if (consentCategory === undefined) return;
    const granted = event.context?.consent?.categoryPreferences?.[consentCategory] === true;
    if (granted && bridge.consent() !== 'granted') grantConsent();
    else if (!granted && bridge.consent() === 'granted') bridge.revokeConsent();
  };

  const run = (ctx: Context, call: (event: EventFields) => unknown): Context => {
    current = ctx;
    try {
      // An event reaching a destination comes after the calls buffered before it.
      settled = true;
      const event = ctx.event as EventFields;
      consented(event);
      identifyStoredUser();
      call(event);
    } catch {
      // Nothing the host page passes in may break Segment's delivery to other destinations.
    } finally {
      current = undefined;
    }
    return ctx;
  };

  // Segment calls Hotjar has nothing for: handed on to nothing, but said, as every call left out is.
  const unsupported = (call: DiagnosticCall, subject: string, why: string | undefined) => (ctx: Context) =>
    run(ctx, () => reportSkip(bridge, call, 'unsupported', why, subject));

  return {
    name: 'Hotjar',
    type: 'destination',
    version: VERSION,
    // Ready for events from the start: they wait in Hotjar's queue until its script arrives, and
    // consent is checked per event. Nothing in analytics-next waits on this.
    isLoaded: () => true,
    async load(_ctx, analytics) {
      host = analytics;
      try {
        if (consentCategory === undefined) bridge.load();
        // Hotjar asks for an identify at every page load, with the current values: a returning
        // user who only tracks and pages would otherwise never be identified.
        if (identifyOnLoad) {
          storedUser = analytics;
          userAtLoad = { id: sdkUser() };
          afterBufferedCalls(analytics, () => {
            settled = true;
            identifyStoredUser();
          });
        }
      } catch {
        // Segment does not await a destination's load: a rejection would go unhandled.
      }
    },
    identify: (ctx) => {
      // The app's own identify brings the current values: the one at page load is not needed,
      // even when this identify is the event that grants consent.
      storedUser = undefined;
      userAtLoad = undefined;
      run(ctx, (event) => {
        // Segment stamps an identify with its user when it is made; by the time it gets here a
        // reset() or another identify() may have changed the user, or the call's options may
        // have named someone else (`{ userId }`). Such an identify is not this visitor's.
        if (host !== undefined && hasId(event.userId) && event.userId !== sdkUser()) {
          reportSkip(bridge, 'identify', 'other-user', SENTENCES && SENTENCES.otherUser);
        } else identify(event.userId, event.traits);
      });
      // Held back for want of consent, it is not lost: Segment now stores this user, who is
      // identified once consent allows, as at page load.
      if (bridge.consent() !== 'granted') storedUser = identifyOnLoad ? host : undefined;
      return ctx;
    },
    track: (ctx) => run(ctx, (event) => bridge.track(event.event, event.properties)),
    page: (ctx) =>
      run(ctx, (event) => {
        if (!pageChanges) return undefined;
        // The core sends the path alone, as the Amplitude plugin does for the same page.
        const path = event.context?.page?.path;
        return bridge.page(typeof path === 'string' ? path : undefined);
      }),
    group: unsupported('identify', 'group', SENTENCES && SENTENCES.group),
    alias: unsupported('identify', 'alias', SENTENCES && SENTENCES.alias),
    screen: unsupported('stateChange', 'screen', SENTENCES && SENTENCES.screen),
    // deregister(): nothing more is forwarded; Hotjar's script, once loaded, stays until the page reloads.
    async unload() {
      bridge.revokeConsent();
    },
    // Closures, not bound to `this`.
    grantConsent,
    revokeConsent: bridge.revokeConsent,
  };
}
