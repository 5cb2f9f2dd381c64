import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HotjarCall } from '@hotjar-bridge/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BuildMode, DEVELOPMENT_SENTENCES, expectMapNoneReports, expectSiteIdRefusal } from '../shared/build-mode';
import { type OpenScenario, type OutsideAnswer, openPage } from './harness';
import { describeInBrowser } from './in-browser';
import { freePort } from './static-server';

const APP = fileURLToPath(new URL('../../examples/nextjs/', import.meta.url));
const NEXT_BIN = fileURLToPath(new URL('../../examples/nextjs/node_modules/.bin/next', import.meta.url));
// No usage reports from the build or the server: nothing leaves the machine. NODE_ENV is left to
// Next, as in a user's shell: vitest's own ("test") would otherwise reach the build.
const { NODE_ENV: _, ...SHELL_ENV } = process.env;
const NEXT_ENV = { ...SHELL_ENV, NEXT_TELEMETRY_DISABLED: '1' };
// `next dev` also asks npm's registry for Next's latest version: refused on the way out.
const LOOPBACK_FETCH = fileURLToPath(new URL('./fixtures/loopback-fetch.cjs', import.meta.url));
const DEV_ENV = {
  ...NEXT_ENV,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require "${LOOPBACK_FETCH}"`.trim(),
};
// Hydration and Amplitude's start-up take a while on a loaded machine.
const POLL = { timeout: 15_000, interval: 50 };
// `next dev` compiles each page on its first visit.
const DEV_POLL = { timeout: 90_000, interval: 100 };

/** Runs `next <args>` in the example and resolves with its output once it exits with 0. */
function runNext(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(NEXT_BIN, args, { cwd: APP, env: NEXT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`next ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/**
 * `next start` (the production build) or `next dev` on a free loopback port; resolves once it
 * answers. `next dev` keeps its build in .next/dev, apart from `next build`'s.
 */
async function startNext(mode: 'start' | 'dev'): Promise<{ url: string; output(): string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(NEXT_BIN, [mode, '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: APP,
    env: mode === 'dev' ? DEV_ENV : NEXT_ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  // `next dev` compiles a page on its first request, which can take a minute on a loaded machine.
  for (let attempt = 0; attempt < 1800; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`next ${mode} exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return { url, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`next ${mode} did not answer on ${url}:\n${output}`);
}

/** One SDK's routes in the example, and what each step should bring Hotjar. */
interface Route {
  sdk: string;
  base: string;
  answers: OutsideAnswer[];
  signUpCalls: HotjarCall[];
  uploaded(s: OpenScenario): string[];
}
const ROUTES: Route[] = [
  {
    sdk: 'Amplitude',
    base: '',
    // Amplitude asks its servers for remote settings at start-up; there are none for this key.
    answers: [{ url: /^https:\/\/sr-client-cfg\.amplitude\.com\/config\//, json: {} }],
    signUpCalls: [
      // setUserId() and identify() in the same tick: one identify, with the attributes.
      ['identify', 'user_42', { plan: 'free', company_name: 'Initech', company_size: 120 }],
      ['event', 'Signed up'],
    ],
    uploaded: (s) => s.amplitudeEvents.map((e) => String(e.event_type)),
  },
  {
    sdk: 'Segment',
    base: '/segment',
    // The settings Segment's CDN serves for a source with no device-mode destinations.
    answers: [
      {
        url: /^https:\/\/cdn\.segment\.com\/v1\/projects\/your-segment-write-key\/settings$/,
        json: { integrations: { 'Segment.io': { apiKey: 'your-segment-write-key' } } },
      },
    ],
    signUpCalls: [
      ['identify', 'user_42', { plan: 'free', company_name: 'Initech', company_employee_count: 120 }],
      ['event', 'Signed up'],
    ],
    uploaded: (s) => s.segmentCalls.map((c) => String(c.event ?? c.type)),
  },
];

/**
 * Opens a route's home page, signs up and navigates with next/link; each step must bring
 * Hotjar exactly the calls listed, so a page change sent twice fails it.
 */
async function signUpAndNavigate(browser: Browser, appUrl: string, route: Route, poll: typeof POLL): Promise<void> {
  const home = route.base || '/';
  const pricing = `${route.base}/pricing`;
  const s = await openPage(browser, appUrl, { path: home, answers: route.answers });
  try {
    await expect.poll(() => s.hotjarCalls(), poll).toEqual([['stateChange', home]]);
    // Set after hydration; a full page load would lose it, a client-side navigation keeps it.
    await s.page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    await s.page.getByRole('button', { name: 'Sign up' }).click();
    await expect.poll(() => s.hotjarCalls(), poll).toEqual([['stateChange', home], ...route.signUpCalls]);

    const navigations: Array<[string, string]> = [
      ['Pricing', pricing],
      ['Home', home],
      ['Pricing', pricing],
    ];
    for (const [link, path] of navigations) {
      const before = (await s.hotjarCalls()).length;
      await s.page.getByRole('link', { name: link }).click();
      await s.page.waitForURL(new URL(path, appUrl).href);
      await expect.poll(async () => (await s.hotjarCalls()).slice(before), poll).toEqual([['stateChange', path]]);
    }
    await expect.poll(() => s.page.getByRole('heading', { level: 1 }).textContent(), poll).toBe('Pricing');
    expect(await s.page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

    // The SDK delivers the sign-up to its own servers too.
    await expect.poll(() => route.uploaded(s), poll).toContain('Signed up');
    // Nothing more came late: one stateChange per page, in order.
    const stateChanges = (await s.hotjarCalls()).filter((call) => call[0] === 'stateChange');
    expect(stateChanges).toEqual([['stateChange', home], ...navigations.map(([, path]) => ['stateChange', path])]);
    expect(s.hotjarRequests()).toEqual(['https://static.hotjar.com/c/hotjar-1234567.js?sv=6']);
    // React reports a hydration mismatch as a console error; there is none, and nothing else.
    expect(s.consoleErrors).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    // `next dev` keeps a WebSocket to its own server for hot reloading; nothing else leaves the page.
    const devSocket = (url: string) => url.startsWith('ws://') && new URL(url).host === new URL(appUrl).host;
    expect(s.outside.filter((url) => !devSocket(url))).toEqual([]);
    expect(s.harnessErrors).toEqual([]);
  } finally {
    await s.close();
  }
}

/**
 * Opens the example's /messages page, where each plugin refuses siteId "abc" and reports an
 * event its events.map drops, and checks each says it as a `mode` build does.
 */
async function expectSaidAsIn(mode: BuildMode, browser: Browser, appUrl: string, poll: typeof POLL): Promise<void> {
  const answers = ROUTES.flatMap((route) => route.answers);
  const s = await openPage(browser, appUrl, { path: '/messages', answers });
  try {
    const shown = s.page.locator('pre');
    await expect.poll(() => shown.textContent(), poll).toMatch(/^\{/);
    const said = JSON.parse((await shown.textContent()) ?? '') as {
      refusals: Record<string, string>;
      reports: Record<string, unknown[]>;
    };
    for (const vendor of ['amplitude', 'segment']) {
      expectSiteIdRefusal(mode, said.refusals[vendor], vendor);
      expectMapNoneReports(mode, said.reports[vendor], vendor);
    }
    expect((await s.hotjarCalls()).filter((call) => call[0] === 'event')).toEqual([]);
    // `process is not defined`, among others, would be here.
    expect(s.pageErrors).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
    const devSocket = (url: string) => url.startsWith('ws://') && new URL(url).host === new URL(appUrl).host;
    expect(s.outside.filter((url) => !devSocket(url))).toEqual([]);
    expect(s.harnessErrors).toEqual([]);
  } finally {
    await s.close();
  }
}

describeInBrowser('the Next.js example, built and started, in Chromium', (env) => {
  let app: Awaited<ReturnType<typeof startNext>> | undefined;
  let built = '';

  beforeAll(async () => {
    // Prerendering runs the pages on the server: a `window` there fails the build.
    built = await runNext(['build']);
    app = await startNext('start');
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('prerenders every page, with the plugin set up only in the browser', async () => {
    expect(built).toMatch(/○ \/\s/);
    expect(built).toMatch(/○ \/pricing/);
    expect(built).toMatch(/○ \/segment\/pricing/);
    const html = await fetch(`${app?.url}/`).then((response) => response.text());
    expect(html).toContain('<h1>Amplitude to Hotjar</h1>');
    // Nothing of Hotjar is in the server's HTML: the loader runs after hydration.
    expect(html).not.toContain('static.hotjar.com');
  });

  for (const route of ROUTES) {
    it(`${route.sdk}: after hydration, the sign-up reaches Hotjar mapped and each next/link navigation is one stateChange`, async () => {
      if (!app) throw new Error('next start did not run');
      await signUpAndNavigate(env.browser(), app.url, route, POLL);
    });
  }
  it('each plugin refuses and reports in the short form, with the same fields', async () => {
    if (!app) throw new Error('next start did not run');
    await expectSaidAsIn('production', env.browser(), app.url, POLL);
    const chunks = join(APP, '.next', 'static', 'chunks');
    const code = readdirSync(chunks, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(chunks, file), 'utf8'))
      .join('\n');
    expect(DEVELOPMENT_SENTENCES.filter((sentence) => code.includes(sentence))).toEqual([]);
  });
});

describeInBrowser('the Next.js example under `next dev`, in Chromium', (env) => {
  let app: Awaited<ReturnType<typeof startNext>> | undefined;

  beforeAll(async () => {
    app = await startNext('dev');
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
  });

  // In development React runs every effect twice on mount (StrictMode), and pages compile on
  // first request: still one stateChange per navigation, and no console error.
  for (const route of ROUTES) {
    it(`${route.sdk}: in development too, each next/link navigation is one stateChange`, async () => {
      if (!app) throw new Error('next dev did not run');
      await signUpAndNavigate(env.browser(), app.url, route, DEV_POLL);
    }, 300_000);
  }

  it('each plugin refuses and reports in sentences, with the same fields', async () => {
    if (!app) throw new Error('next dev did not run');
    await expectSaidAsIn('development', env.browser(), app.url, DEV_POLL);
  }, 300_000);
});
