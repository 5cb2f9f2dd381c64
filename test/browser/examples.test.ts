import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPage } from './harness';
import { describeInBrowser } from './in-browser';
import { serveStatic } from './static-server';

let scratch = '';

/** Builds an example with Vite, as its own `build` script does, and serves the result. */
async function buildAndServe(name: string) {
  const root = fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
  const outDir = join(scratch, name);
  await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  return serveStatic(outDir);
}

describeInBrowser('the examples, built with Vite, in Chromium', (env) => {
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'hotjar-bridge-examples-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('amplitude-browser: a sign-up reaches Hotjar mapped, and Amplitude uploads it whole', async () => {
    const app = await buildAndServe('amplitude-browser');
    const s = await openPage(env.browser(), app.url, {
      path: '/',
      // Amplitude asks its servers for remote settings at start-up; there are none for this key.
      answers: [{ url: /^https:\/\/sr-client-cfg\.amplitude\.com\/config\//, json: {} }],
    });
    try {
      await s.page.getByRole('button', { name: 'Sign up' }).click();
      await s.page.getByRole('button', { name: 'Go to pricing' }).click();
      await expect
        .poll(() => s.hotjarCalls())
        .toEqual([
          ['stateChange', '/'],
          ['identify', 'user_42', { signup_source: 'ads', plan: 'free', company_name: 'Initech', company_size: 120 }],
          ['event', 'Signed up'],
          ['stateChange', '/pricing'],
        ]);
      await expect
        .poll(() => s.amplitudeEvents.map((e) => e.event_type))
        .toEqual(expect.arrayContaining(['[Amplitude] Page Viewed', '$identify', 'Signed up']));
      expect(s.amplitudeEvents.find((e) => e.event_type === 'Signed up')?.event_properties).toMatchObject({
        method: 'email',
      });
      expect(s.hotjarRequests()).toEqual(['https://static.hotjar.com/c/hotjar-1234567.js?sv=6']);
      expect(s.outside).toEqual([]);
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
      await app.close();
    }
  });

  it('segment-browser: a sign-up reaches Hotjar mapped, and Segment delivers it whole', async () => {
    const app = await buildAndServe('segment-browser');
    const s = await openPage(env.browser(), app.url, {
      path: '/',
      // The settings Segment's CDN serves for a source with no device-mode destinations.
      answers: [
        {
          url: /^https:\/\/cdn\.segment\.com\/v1\/projects\/your-segment-write-key\/settings$/,
          json: { integrations: { 'Segment.io': { apiKey: 'your-segment-write-key' } } },
        },
      ],
    });
    try {
      await s.page.getByRole('button', { name: 'Sign up' }).click();
      await s.page.getByRole('button', { name: 'Go to pricing' }).click();
      await expect
        .poll(() => s.hotjarCalls())
        .toEqual([
          ['stateChange', '/'],
          ['identify', 'user_42', { plan: 'free', company_name: 'Initech', company_employee_count: 120 }],
          ['event', 'Signed up'],
          ['stateChange', '/pricing'],
        ]);
      await expect
        .poll(() => s.segmentCalls.map((c) => c.event ?? c.type))
        .toEqual(['page', 'identify', 'Signed up', 'page']);
      expect(s.segmentCalls.find((c) => c.event === 'Signed up')?.properties).toEqual({ method: 'email' });
      expect(s.hotjarRequests()).toEqual(['https://static.hotjar.com/c/hotjar-1234567.js?sv=6']);
      expect(s.outside).toEqual([]);
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
      await app.close();
    }
  });
});
