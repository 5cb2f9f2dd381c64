import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Request, Route } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { ScenarioApi } from './fixtures/scenario-page';

/** The flags the project runs Chromium with: headless, and no traffic of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const INSTALL_HINT =
  'install it to run the browser tests (Debian/Ubuntu: apt-get install chromium), or set CHROMIUM_PATH to its executable';

/** Chromium from CHROMIUM_PATH or the PATH; undefined when there is none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const names = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

const STANDIN = readFileSync(new URL('./fixtures/hotjar-standin.js', import.meta.url), 'utf8');
const HOTJAR_SCRIPT = /^https:\/\/static\.hotjar\.com\/c\/hotjar-\d+\.js(\?|$)/;
const AMPLITUDE_UPLOAD = /^https:\/\/api2\.amplitude\.com\/2\/httpapi$/;
const SEGMENT_DELIVERY = /^https:\/\/api\.segment\.io\/v1\/[a-z]+$/;

/** How the intercepted Hotjar script answers. */
export type HotjarScriptMode = 'normal' | 'blocked' | { delayMs: number };

export interface ScenarioPageOptions {
  /** Path and query on the demo server, such as `/scenario/amplitude?csp=strict`. */
  path: string;
  hotjar?: HotjarScriptMode;
  /** @default 1280 x 800 */
  viewport?: { width: number; height: number };
  /** Outside URLs answered here, such as an SDK's settings or script from its CDN. @default none */
  answers?: OutsideAnswer[];
  /** When `openPage` considers the page open. @default 'load' */
  waitUntil?: 'load' | 'domcontentloaded';
}

/** An answer for an outside URL: a JSON body, or a body with its content type. */
export type OutsideAnswer = { url: RegExp; after?: Promise<unknown> } & (
  | { json: unknown }
  | { body: string; contentType: string }
);

/** A scenario page open in a fresh browser context, with everything it sends recorded. */
export interface OpenScenario {
  page: Page;
  context: BrowserContext;
  /** Every request the page made, in order. */
  requests: string[];
  /** Requests to Hotjar's script host. */
  hotjarRequests(): string[];
  /** Requests to any outside host that is neither intercepted nor allowed: must stay empty. */
  outside: string[];
  /** Uncaught errors and unhandled rejections in the page. */
  pageErrors: string[];
  /** Console errors, for diagnosis when a test fails. */
  consoleErrors: string[];
  /** Requests the harness failed to answer: must stay empty. */
  harnessErrors: string[];
  /** Events Amplitude's upload requests carried, in order. */
  amplitudeEvents: Array<Record<string, unknown>>;
  /** Calls Segment's delivery requests carried (batches unpacked), in order. */
  segmentCalls: Array<Record<string, unknown>>;
  /** Calls the stand-in Hotjar runtime received, queued ones first. */
  hotjarCalls(): Promise<unknown[][]>;
  /** Runs `method` of `window.scenario` in the page (scenario pages only). */
  run<K extends keyof ScenarioApi>(
    method: K,
    ...args: Parameters<ScenarioApi[K]>
  ): Promise<Awaited<ReturnType<ScenarioApi[K]>>>;
  close(): Promise<void>;
}

/** A request's JSON body; Amplitude gzips its uploads to its own servers. */
function jsonBody(request: Request): unknown {
  const raw = request.postDataBuffer();
  if (!raw) return undefined;
  const encoding = request.headers()['content-encoding'];
  return JSON.parse((encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a scenario page (see `openPage`) and waits for its `window.scenario`. */
export async function openScenario(
  browser: Browser,
  baseUrl: string,
  options: ScenarioPageOptions,
): Promise<OpenScenario> {
  const open = await openPage(browser, baseUrl, options);
  await open.page.waitForFunction(() => typeof window.scenario === 'object');
  return open;
}

/**
 * Opens a page from the demo server in its own context. Hotjar's script, Amplitude's uploads
 * and Segment's deliveries are answered here; any other outside request is aborted and listed
 * in `outside`.
 */
export async function openPage(browser: Browser, baseUrl: string, options: ScenarioPageOptions): Promise<OpenScenario> {
  const local = new URL(baseUrl);
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const outside: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const harnessErrors: string[] = [];
  const amplitudeEvents: Array<Record<string, unknown>> = [];
  const segmentCalls: Array<Record<string, unknown>> = [];
  const hotjar = options.hotjar ?? 'normal';

  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('websocket', (socket) => outside.push(socket.url()));
  context.on('request', (request) => requests.push(request.url()));

  const respond = async (route: Route) => {
    const request = route.request();
    const url = request.url();
    const parsed = new URL(url);
    if (parsed.host === local.host || parsed.protocol === 'data:') return route.continue();
    if (HOTJAR_SCRIPT.test(url)) {
      if (hotjar === 'blocked') return route.abort('blockedbyclient');
      if (typeof hotjar === 'object') await sleep(hotjar.delayMs);
      return route.fulfill({ status: 200, contentType: 'application/javascript', body: STANDIN });
    }
    if (request.method() === 'POST' && AMPLITUDE_UPLOAD.test(url)) {
      const body = jsonBody(request) as { events?: Array<Record<string, unknown>> } | undefined;
      const events = body?.events ?? [];
      amplitudeEvents.push(...events);
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 200,
          events_ingested: events.length,
          payload_size_bytes: 0,
          server_upload_time: Date.now(),
        }),
      });
    }
    if (request.method() === 'POST' && SEGMENT_DELIVERY.test(url)) {
      const body = jsonBody(request) as
        | (Record<string, unknown> & { batch?: Array<Record<string, unknown>> })
        | undefined;
      if (Array.isArray(body?.batch)) segmentCalls.push(...body.batch);
      else if (body) segmentCalls.push(body);
      return route.fulfill({ status: 200, contentType: 'application/json', body: '{"success":true}' });
    }
    const answer = options.answers?.find((a) => a.url.test(url));
    if (answer) {
      // Held until the test lets it through, as a slow CDN would be.
      await answer.after;
      const [contentType, body] =
        'json' in answer ? ['application/json', JSON.stringify(answer.json)] : [answer.contentType, answer.body];
      // CDNs answer scripts loaded with crossorigin="anonymous" (and an integrity hash) with CORS headers.
      return route.fulfill({ status: 200, contentType, body, headers: { 'access-control-allow-origin': '*' } });
    }
    outside.push(url);
    return route.abort('blockedbyclient');
  };
  await context.route('**/*', async (route) => {
    try {
      await respond(route);
    } catch (error) {
      // A request the harness could not read fails the test rather than hanging the page.
      harnessErrors.push(`${route.request().url()}: ${String(error)}`);
      await route.abort('failed').catch(() => undefined);
    }
  });

  await page.goto(new URL(options.path, baseUrl).href, { waitUntil: options.waitUntil ?? 'load' });

  return {
    page,
    context,
    requests,
    hotjarRequests: () => requests.filter((url) => new URL(url).host.endsWith('hotjar.com')),
    outside,
    pageErrors,
    consoleErrors,
    harnessErrors,
    amplitudeEvents,
    segmentCalls,
    hotjarCalls: () => page.evaluate(() => window.__hotjarRecorded ?? []),
    run: (method, ...args) =>
      page.evaluate(([name, list]) => (window.scenario[name] as (...a: unknown[]) => unknown)(...list), [
        method,
        args,
      ] as const) as never,
    close: () => context.close(),
  };
}
