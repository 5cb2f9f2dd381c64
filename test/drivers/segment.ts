import type { HotjarCall, HotjarDiagnostic } from '@hotjar-bridge/core';
import { type HotjarPlugin, type HotjarPluginOptions, hotjarPlugin } from '@hotjar-bridge/segment';
import { AnalyticsBrowser, type Context, type Plugin } from '@segment/analytics-next';
import type { SharedPluginOptions, VendorDriver, VendorSession } from '../shared/driver';
import { collectPageErrors, sessionPluginOptions } from '../shared/session';

/** How one session sets up the real Segment Analytics.js 2.0 with the plugin. */
export interface SegmentSessionOptions {
  /** Options for `hotjarPlugin` (siteId defaults to 1234567); `false` runs Segment without the plugin. @default {} */
  plugin?: Partial<HotjarPluginOptions> | false;
  /** Other plugins, registered with the Hotjar plugin. @default [] */
  plugins?: Plugin[];
  /** Runs after the page is reset and before the SDK starts: a snippet already on the page, say. @default none */
  preparePage?: () => void;
  /** Keep the user in cookies and localStorage, as Segment does by default. @default false: in memory only */
  persist?: boolean;
  /** Start as a reload of the page in the same browser: cookies and localStorage are kept. @default false, a fresh browser */
  reload?: boolean;
  /** Calls made right after `AnalyticsBrowser.load()`, before it has resolved. @default none */
  beforeReady?: (analytics: AnalyticsBrowser, remember: (call: Promise<Context>) => void) => void;
}

/** A running SDK whose deliveries and Hotjar calls are recorded. */
export interface SegmentSession extends VendorSession {
  analytics: AnalyticsBrowser;
  plugin: HotjarPlugin | undefined;
  /** Every event Segment's own delivery received, as sent. */
  deliveries(): Array<Record<string, unknown>>;
  /** The URL of every request made while the session ran; any other than Segment's intercepted host is also an error. */
  requests(): string[];
  /** Contexts the SDK resolved, in order. */
  contexts(): Context[];
  /** Log lines of level warn from those contexts. */
  warnings(): string[];
  /** Has `settle()` wait for any other SDK call, and records its context. */
  remember(call: Promise<Context>): void;
  page(name?: string, properties?: Record<string, unknown>, options?: Record<string, unknown>): Promise<void>;
  trackWith(name: string, properties: Record<string, unknown>, options: Record<string, unknown>): Promise<void>;
}

interface HotjarWindow {
  hj?: { q?: ArrayLike<unknown>[] };
  _hjSettings?: unknown;
}

let sessions = 0;

/** Removes what Hotjar and Segment left on the page, so that each session starts as a fresh page load would. */
export function resetPage(keepStorage = false): void {
  const w = window as unknown as HotjarWindow;
  delete w.hj;
  delete w._hjSettings;
  document.getElementById('hotjar-init-script')?.remove();
  if (keepStorage) return;
  localStorage.clear();
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    // biome-ignore lint/suspicious/noDocumentCookie: happy-dom has no Cookie Store API.
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

/** The calls `window.hj` has queued, in order. */
export function hotjarQueue(): HotjarCall[] {
  const queue = (window as unknown as HotjarWindow).hj?.q ?? [];
  return Array.from(queue, (args) => Array.from(args) as HotjarCall);
}

/** Settings Segment's CDN would serve: only Segment's own delivery, to a host that is intercepted. */
const cdnSettings = {
  integrations: { 'Segment.io': { apiKey: 'test-write-key', apiHost: 'segment.test/v1' } },
};

/**
 * Starts the real Segment Analytics.js 2.0, with `cdnSettings` given (no CDN fetch) and its
 * delivery intercepted (no network): `fetch` is replaced for the session and answers 200.
 */
export async function startSegment(options: SegmentSessionOptions = {}): Promise<SegmentSession> {
  resetPage(options.reload);
  options.preparePage?.();
  sessions += 1;
  const diagnostics: HotjarDiagnostic[] = [];
  const errors: unknown[] = [];
  const deliveries: Array<Record<string, unknown>> = [];
  const contexts: Context[] = [];
  const pending: Promise<unknown>[] = [];
  const requests: string[] = [];

  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (url: unknown, init?: { body?: unknown }) => {
    requests.push(String(url));
    if (!String(url).startsWith('https://segment.test/')) {
      const error = new Error(`unexpected request to ${String(url)}`);
      errors.push(error);
      throw error;
    }
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    const batch = Array.isArray(body.batch) ? (body.batch as Array<Record<string, unknown>>) : [body];
    deliveries.push(...batch);
    return new Response('{}', { status: 200 });
  }) as typeof fetch;

  const stopCollectingErrors = collectPageErrors(errors);

  let plugin: HotjarPlugin | undefined;
  if (options.plugin !== false) {
    plugin = hotjarPlugin(sessionPluginOptions<HotjarPluginOptions>(options.plugin ?? {}, diagnostics));
  }
  const plugins: Plugin[] = [...(options.plugins ?? []), ...(plugin ? [plugin] : [])];
  const analytics = AnalyticsBrowser.load(
    { writeKey: `test-write-key-${sessions}`, cdnSettings, plugins },
    { disableClientPersistence: !options.persist },
  );
  const remember = (promise: Promise<Context>) => {
    pending.push(
      promise.then((ctx) => {
        contexts.push(ctx);
        return ctx;
      }),
    );
  };
  options.beforeReady?.(analytics, remember);
  const [instance] = await analytics;

  const session: SegmentSession = {
    analytics,
    plugin,
    remember,
    async identify(userId, traits) {
      remember(analytics.identify(userId ?? null, traits));
    },
    async track(name, properties) {
      remember(analytics.track(name, properties));
    },
    async trackFor(userId, name, properties) {
      remember(analytics.track(name, properties ?? {}, { userId }));
    },
    reset() {
      instance.reset();
    },
    sdkUserId: () => instance.user().id() ?? null,
    async trackWith(name, properties, callOptions) {
      remember(analytics.track(name, properties, callOptions));
    },
    async page(name, properties, callOptions) {
      remember(analytics.page(name ?? null, properties ?? {}, callOptions ?? {}));
    },
    async pageView(path) {
      remember(analytics.page(null, { path }));
    },
    async settle() {
      while (pending.length > 0) await Promise.all(pending.splice(0));
      // Segment delivers after the context resolves; give its dispatch a turn, and one more for
      // the plugin's identify on load, which waits for the calls Segment buffered while loading.
      for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    },
    hotjarCalls: hotjarQueue,
    delivered: () => deliveries.map((event) => String(event.event ?? event.type)),
    deliveredProperties: (name) => deliveries.find((event) => event.event === name)?.properties,
    diagnostics: () => [...diagnostics],
    errors: () => [...errors],
    deliveries: () => [...deliveries],
    requests: () => [...requests],
    contexts: () => [...contexts],
    warnings: () =>
      contexts.flatMap((ctx) =>
        ctx
          .logs()
          .filter((log) => log.level === 'warn')
          .map((log) => log.message),
      ),
    async close() {
      await session.settle();
      globalThis.fetch = realFetch;
      stopCollectingErrors();
      resetPage();
    },
  };
  return session;
}

/** The shared behaviour suite's driver: the real Segment Analytics.js 2.0 with `hotjarPlugin` registered. */
export const segmentDriver: VendorDriver = {
  name: 'segment',
  start: (options: SharedPluginOptions = {}) => startSegment({ plugin: options }),
};
