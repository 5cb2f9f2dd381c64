import { type BridgeOutcome, createHotjarBridge } from '@hotjar-bridge/core';
import { resolveBridgeOptions } from '@hotjar-bridge/core/internal';
import type { Context, Plugin } from '@segment/analytics-next';
import { type HotjarPluginOptions, resolvePluginOptions } from './options';
import { VERSION } from './version';

/** The destination plugin `analytics.register()` takes, with Hotjar's consent switches. */
export interface HotjarPlugin extends Plugin {
  name: 'Hotjar';
  type: 'destination';
  /** Starts loading and forwarding after `consent: 'pending'`. */
  grantConsent(): void;
  /** Stops forwarding to Hotjar. */
  revokeConsent(): void;
}

/** The fields of a Segment event this plugin reads, typed as what they may really hold. */
interface EventFields {
  userId?: unknown;
  traits?: unknown;
  event?: unknown;
  context?: {
    page?: { path?: unknown; search?: unknown };
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
  const { identifyAnonymous, pageChanges, consentCategory } = resolvePluginOptions(options);
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

  const fields = (ctx: Context): EventFields => ctx.event as EventFields;

  // Follows the consent each event carries; a later event that withdraws it stops forwarding.
  const consented = (event: EventFields) => {
    if (consentCategory === undefined) return;
    const granted = event.context?.consent?.categoryPreferences?.[consentCategory] === true;
    if (granted && bridge.consent() !== 'granted') bridge.grantConsent();
    else if (!granted && bridge.consent() === 'granted') bridge.revokeConsent();
  };

  const run = (ctx: Context, call: (event: EventFields) => BridgeOutcome | undefined): Context => {
    current = ctx;
    try {
      const event = fields(ctx);
      consented(event);
      call(event);
    } catch {
      // Nothing the host page passes in may break Segment's delivery to other destinations.
    } finally {
      current = undefined;
    }
    return ctx;
  };

  return {
    name: 'Hotjar',
    type: 'destination',
    version: VERSION,
    // Ready for events from the start: they wait in Hotjar's queue until its script arrives, and
    // consent is checked per event. Nothing in analytics-next waits on this.
    isLoaded: () => true,
    async load() {
      try {
        if (consentCategory === undefined) bridge.load();
      } catch {
        // Segment does not await a destination's load: a rejection would go unhandled.
      }
    },
    identify: (ctx) =>
      run(ctx, (event) => {
        const hasUserId = typeof event.userId === 'string' && event.userId.trim() !== '';
        if (!hasUserId && !identifyAnonymous) {
          bridge.report({
            kind: 'skipped',
            call: 'identify',
            reason: 'nothing-to-send',
            message: 'identify: skipped, no userId (see identifyAnonymous)',
          });
          return undefined;
        }
        return bridge.identify(hasUserId ? event.userId : null, event.traits);
      }),
    track: (ctx) => run(ctx, (event) => bridge.track(event.event)),
    page: (ctx) =>
      run(ctx, (event) => {
        if (!pageChanges) return undefined;
        const page = event.context?.page;
        const path =
          typeof page?.path === 'string' ? page.path + (typeof page.search === 'string' ? page.search : '') : undefined;
        return bridge.page(path);
      }),
    // deregister(): nothing more is forwarded; Hotjar's script, once loaded, stays until the page reloads.
    async unload() {
      bridge.revokeConsent();
    },
    // The bridge's methods are closures, not bound to `this`.
    grantConsent: bridge.grantConsent,
    revokeConsent: bridge.revokeConsent,
  };
}
