import { createInstance, Identify, type Types } from '@amplitude/analytics-browser';
import { type HotjarPlugin, type HotjarPluginOptions, hotjarPlugin } from '@hotjar-bridge/amplitude';
import type { HotjarCall, HotjarDiagnostic } from '@hotjar-bridge/core';
import type { SharedPluginOptions, VendorDriver, VendorSession } from '../shared/driver';
import { collectPageErrors, sessionPluginOptions } from '../shared/session';

/** How one session sets up the real Amplitude Browser SDK with the plugin. */
export interface AmplitudeSessionOptions {
  /** Options for `hotjarPlugin` (siteId defaults to 1234567); `false` runs Amplitude without the plugin. @default {} */
  plugin?: Partial<HotjarPluginOptions> | false;
  /** Add the plugin before `init()` (queued by the SDK) rather than after it has resolved. @default true */
  addBeforeInit?: boolean;
  /** With `addBeforeInit: false`, add the plugin right after an `init()` that is not awaited, as Amplitude's own template does. @default false */
  initNotAwaited?: boolean;
  /** Extra `init()` options, over a quiet test setup with autocapture and remote config off. @default {} */
  init?: Types.BrowserOptions;
  /** Milliseconds Amplitude waits before uploading a batch. @default 0 */
  flushIntervalMillis?: number;
  /** Other plugins, added before the Hotjar plugin and before `init()`. @default [] */
  plugins?: Types.Plugin<Types.BrowserClient, Types.BrowserConfig>[];
  /** Runs after the page is reset and before the SDK starts: a snippet already on the page, say. @default none */
  preparePage?: () => void;
  /** Start as a reload of the page in the same browser: localStorage is kept. @default false, a fresh browser */
  reload?: boolean;
  /** Calls made right after `init()`, before it has resolved, as a page replaying Amplitude's snippet buffer makes them. @default none */
  beforeReady?: (client: Types.BrowserClient) => void;
  /** The upload endpoint's answer: a status, and the error text for a non-200 one. @default 200 */
  upload?: { status: number; error?: string };
}

/** A running SDK instance whose uploads and Hotjar calls are recorded. */
export interface AmplitudeSession extends VendorSession {
  /** The SDK instance; calls made through it are awaited by `settle()`. */
  client: Types.BrowserClient;
  /** The plugin added to it, when there is one. */
  plugin: HotjarPlugin | undefined;
  /** Every event Amplitude's upload received, as uploaded. */
  uploads(): Array<Record<string, unknown>>;
  /** Upload requests, with the time each was made. */
  requests(): Array<{ at: number; events: Array<Record<string, unknown>> }>;
  /** Errors the SDK logged (a destination's non-200 result among them). */
  sdkErrors(): string[];
  /** Polls until `done()` is true; false after `timeoutMs`. */
  until(done: () => boolean, timeoutMs?: number): Promise<boolean>;
}

interface HotjarWindow {
  hj?: { q?: ArrayLike<unknown>[] };
  _hjSettings?: unknown;
}

let sessions = 0;

/** Removes what Hotjar left on the page, so that each session starts as a fresh page load would. */
export function resetHotjar(): void {
  const w = window as unknown as HotjarWindow;
  delete w.hj;
  delete w._hjSettings;
  document.getElementById('hotjar-init-script')?.remove();
}

/** The calls `window.hj` has queued, in order. */
export function hotjarQueue(): HotjarCall[] {
  const queue = (window as unknown as HotjarWindow).hj?.q ?? [];
  return Array.from(queue, (args) => Array.from(args) as HotjarCall);
}

// Longest settle() waits for the SDK; Amplitude resolves a call only once every destination has.
const SETTLE_LIMIT_MS = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the real Amplitude Browser SDK with its upload intercepted (no network): `fetch` is
 * replaced for the session and answers every upload as Amplitude's API would.
 */
export async function startAmplitude(options: AmplitudeSessionOptions = {}): Promise<AmplitudeSession> {
  resetHotjar();
  if (!options.reload) localStorage.clear();
  options.preparePage?.();
  sessions += 1;
  const diagnostics: HotjarDiagnostic[] = [];
  const errors: unknown[] = [];
  const sdkErrors: string[] = [];
  const requests: Array<{ at: number; events: Array<Record<string, unknown>> }> = [];
  const pending: Promise<unknown>[] = [];

  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (_url: unknown, init?: { body?: unknown }) => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { events?: unknown }) : {};
    const events = Array.isArray(body.events) ? (body.events as Array<Record<string, unknown>>) : [];
    requests.push({ at: Date.now(), events });
    const status = options.upload?.status ?? 200;
    const answer =
      status === 200
        ? { code: 200, events_ingested: events.length, payload_size_bytes: 1, server_upload_time: 1 }
        : { code: status, error: options.upload?.error ?? 'error' };
    return new Response(JSON.stringify(answer), { status });
  }) as typeof fetch;

  const stopCollectingErrors = collectPageErrors(errors);

  let plugin: HotjarPlugin | undefined;
  if (options.plugin !== false) {
    plugin = hotjarPlugin(sessionPluginOptions<HotjarPluginOptions>(options.plugin ?? {}, diagnostics));
  }

  const raw = createInstance();
  // Every call that returns `{ promise }` is remembered, so that settle() can wait for it.
  const client = new Proxy(raw, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (typeof result === 'object' && result !== null && 'promise' in result) {
          pending.push((result as { promise: Promise<unknown> }).promise);
        }
        return result;
      };
    },
  });

  const logger = {
    disable() {},
    enable() {},
    log() {},
    warn() {},
    debug() {},
    error: (...args: unknown[]) => sdkErrors.push(args.map(String).join(' ')),
  };
  const addBeforeInit = options.addBeforeInit ?? true;
  for (const other of options.plugins ?? []) client.add(other);
  if (plugin && addBeforeInit) client.add(plugin);
  const init = client.init(`test-api-key-${sessions}`, {
    instanceName: `hotjar-bridge-test-${sessions}`,
    identityStorage: 'none',
    autocapture: false,
    remoteConfig: { fetchRemoteConfig: false },
    enableDiagnostics: false,
    flushIntervalMillis: options.flushIntervalMillis ?? 0,
    loggerProvider: logger,
    ...options.init,
  });
  if (plugin && !addBeforeInit && options.initNotAwaited) client.add(plugin);
  options.beforeReady?.(client);
  await init.promise;
  if (plugin && !addBeforeInit && !options.initNotAwaited) await client.add(plugin).promise;

  const uploads = () => requests.flatMap((request) => request.events);

  const session: AmplitudeSession = {
    client,
    plugin,
    async identify(userId, traits) {
      const identify = new Identify();
      for (const [key, value] of Object.entries(traits)) identify.set(key, value as Types.ValidPropertyType);
      client.identify(identify, userId === undefined ? undefined : { user_id: userId });
    },
    async track(name, properties) {
      client.track(name, properties);
    },
    async trackFor(userId, name, properties) {
      client.track(name, properties, { user_id: userId });
    },
    setUserId(userId) {
      client.setUserId(userId);
    },
    reset() {
      client.reset();
    },
    sdkUserId: () => raw.getUserId() ?? null,
    async pageView(path) {
      client.track('[Amplitude] Page Viewed', { '[Amplitude] Page Path': path });
    },
    async settle() {
      // Each round waits for the calls made so far, then has Amplitude upload what it queued.
      // Bounded: a call whose upload keeps failing (Amplitude retries it) never resolves.
      const deadline = Date.now() + SETTLE_LIMIT_MS;
      do {
        await Promise.race([Promise.all(pending.splice(0)), sleep(Math.max(0, deadline - Date.now()))]);
        await Promise.race([raw.flush().promise, sleep(Math.max(0, deadline - Date.now()))]);
        await sleep(0);
      } while (pending.length > 0 && Date.now() < deadline);
    },
    hotjarCalls: hotjarQueue,
    delivered: () => uploads().map((event) => String(event.event_type)),
    deliveredProperties: (name) => uploads().find((event) => event.event_type === name)?.event_properties,
    diagnostics: () => [...diagnostics],
    errors: () => [...errors],
    uploads,
    requests: () => [...requests],
    sdkErrors: () => [...sdkErrors],
    async until(done, timeoutMs = 2000) {
      const end = Date.now() + timeoutMs;
      while (!done()) {
        if (Date.now() > end) return false;
        await sleep(5);
      }
      return true;
    },
    async close() {
      await session.settle();
      if (plugin) await raw.remove(plugin.name).promise;
      // Opted out, the instance's own tracking (page views on pushState) can no longer upload.
      raw.setOptOut(true);
      globalThis.fetch = realFetch;
      stopCollectingErrors();
      resetHotjar();
    },
  };
  return session;
}

/** The shared behaviour suite's driver: the real Amplitude Browser SDK with `hotjarPlugin` added. */
export const amplitudeDriver: VendorDriver = {
  name: 'amplitude',
  // Amplitude's plugin sends identify calls without a user id in any case.
  start: ({ identifyAnonymous: _, ...options }: SharedPluginOptions = {}) => startAmplitude({ plugin: options }),
};
