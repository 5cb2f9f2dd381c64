import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from 'hotjar-bridge-demo/server';
import { afterEach, expect, it } from 'vitest';
import { type OpenScenario, openPage } from './harness';
import { describeInBrowser } from './in-browser';

const SCREENSHOT = new URL('../../docs/demo.png', import.meta.url);

interface LogEntry {
  sdk: string | null | undefined;
  title: string | null | undefined;
  done: boolean;
  /** Each result as `label: text`. */
  results: string[];
  /** The sentence under the code, if the card has one. */
  note: string | undefined;
}

describeInBrowser('the demo, in Chromium', (env) => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const open = async (baseUrl: string) => {
    const s = await openPage(env.browser(), baseUrl, { path: '/' });
    cleanups.push(() => s.close());
    await s.page.locator('body[data-ready="true"]').waitFor();
    return s;
  };

  const entries = (s: OpenScenario): Promise<LogEntry[]> =>
    s.page.locator('.log-entry').evaluateAll((items) =>
      items.map((item) => ({
        sdk: item.querySelector('.badge')?.textContent,
        title: item.querySelector('.log-title')?.textContent,
        done: item.getAttribute('data-done') === 'true',
        note: item.querySelector('.log-note')?.textContent ?? undefined,
        results: Array.from(
          item.querySelectorAll('.result'),
          (r) => Array.from(r.children, (part) => part.textContent ?? '').join(': ') || (r.textContent ?? ''),
        ),
      })),
    );

  /** Presses an SDK's button and returns the log entry for that call once the page has closed it. */
  const press = async (s: OpenScenario, sdk: 'Amplitude' | 'Segment', label: string): Promise<LogEntry> => {
    const before = await s.page.locator('.log-entry').count();
    await s.page.locator(`.panel.sdk-${sdk.toLowerCase()} button`, { hasText: label }).click();
    let found: LogEntry | undefined;
    await expect
      .poll(async () => {
        const all = await entries(s);
        found = all.find((e) => e.sdk === sdk && e.title === label && e.done);
        return all.length > before && found !== undefined;
      })
      .toBe(true);
    return found as LogEntry;
  };

  it('runs offline: each SDK call is shown with the exact Hotjar calls and every dropped or changed field', async () => {
    const server = env.server();
    const s = await open(server.url);
    expect(await s.page.locator('.mode').textContent()).toMatch(/^Offline/);

    // Before consent the plugins hold everything back, and say so.
    const held = await press(s, 'Amplitude', 'Track an awkward name');
    expect(held.results).toContainEqual(expect.stringMatching(/^not sent: .*consent-pending/));
    expect(held.results.at(-1)).toBe('Nothing reached Hotjar.');

    await s.page.getByRole('button', { name: 'Grant consent' }).click();
    await s.page.getByRole('button', { name: 'Clear log' }).click();

    const nested = await press(s, 'Amplitude', 'Identify with nested traits');
    expect(nested.results).toContain(
      "to Hotjar: hj('identify', 'user_42', { signup_source: 'ads', plan: 'pro', address_city: 'Berlin', address_zip: '10115' })",
    );
    expect(nested.results).toContainEqual(expect.stringMatching(/^not sent: .*"\$add".*unsupported/));

    const track = await press(s, 'Amplitude', 'Track an awkward name');
    expect(track.results).toContainEqual(
      expect.stringMatching(/^changed: .*"Order 123 paid 50 off" sent cleaned .*"Order #123 \(paid\) @ 50% off!"/),
    );
    expect(track.results).toContainEqual(expect.stringMatching(/^to Hotjar: hj\('event', 'Order 123 paid 50 off'\)$/));

    // events.map names the Hotjar event; Amplitude still uploads the event as tracked.
    const variant = await press(s, 'Amplitude', 'Track an A/B variant');
    expect(variant.results).toEqual(["to Hotjar: hj('event', 'experiment_checkout_b')"]);
    await expect.poll(() => server.uploads.amplitude.map((e) => e.event_type)).toContain('Experiment Viewed');

    const email = await press(s, 'Segment', 'Identify with an email in the wrong field');
    expect(email.results).toEqual([
      expect.stringMatching(/^dropped: .*"work_contact".*email-in-wrong-key/),
      "to Hotjar: hj('identify', 'user_42', { email: 'peter@example.com' })",
    ]);

    const list = await press(s, 'Segment', 'Identify with a list');
    expect(list.results).toContainEqual(expect.stringMatching(/^dropped: .*"tags".*array/));
    expect(list.results).toContain("to Hotjar: hj('identify', 'user_42', { email: 'peter@example.com', seats: 12 })");

    // Segment keeps earlier traits: the card marks the earlier call's field and says why it is back.
    expect(list.results).toContainEqual(expect.stringMatching(/"work_contact" dropped .*from an earlier call$/));
    expect(list.results).toContainEqual(expect.stringMatching(/"tags" dropped \(array\)$/));
    expect(list.note).toMatch(/^Segment keeps the traits of earlier identify calls/);
    // A card whose drops are all its own call's says nothing of the kind.
    expect(email.note).toBeUndefined();
    expect(nested.note).toBeUndefined();

    const page = await press(s, 'Segment', 'Change page');
    // The path alone: the query string may carry personal data.
    expect(page.results).toEqual(["to Hotjar: hj('stateChange', '/pricing')"]);
    // Each card shows what its own SDK sent: Amplitude's page views come from its own button only.
    const ownPage = await press(s, 'Amplitude', 'Change page');
    expect(ownPage.results).toContain("to Hotjar: hj('stateChange', '/docs/getting-started')");
    expect((await entries(s)).filter((e) => e.title === 'Sent by the SDK on its own')).toEqual([]);

    // Offline means offline: no Hotjar request, and the SDKs delivered to the demo's server.
    expect(s.hotjarRequests()).toEqual([]);
    expect(s.outside).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await expect.poll(() => server.uploads.amplitude.map((e) => e.event_type)).toContain('$identify');
    await expect.poll(() => server.uploads.segment.map((c) => c.type)).toEqual(['identify', 'identify', 'page']);
    const counts = `${server.uploads.amplitude.length} Amplitude events, ${server.uploads.segment.length} Segment calls`;
    await expect.poll(() => s.page.locator('.uploads').textContent()).toContain(counts);

    mkdirSync(new URL('.', SCREENSHOT), { recursive: true });
    await s.page.mouse.move(0, 0);
    await s.page.screenshot({ path: fileURLToPath(SCREENSHOT), fullPage: true });
  });

  it('with a Hotjar site id, loads Hotjar for that site once consent is given, and forwards to it', async () => {
    const live = await startDemoServer({ port: 0, siteId: '7654321' });
    cleanups.push(() => live.close());
    const s = await open(live.url);
    expect(await s.page.locator('.mode').textContent()).toBe('Live: Hotjar is loaded for site 7654321.');

    await press(s, 'Segment', 'Identify with nested traits');
    expect(s.hotjarRequests()).toEqual([]);

    await s.page.getByRole('button', { name: 'Grant consent' }).click();
    await press(s, 'Amplitude', 'Track an awkward name');
    await press(s, 'Segment', 'Identify with nested traits');
    await expect
      .poll(() => s.hotjarCalls())
      .toEqual([
        ['event', 'Order 123 paid 50 off'],
        [
          'identify',
          'user_42',
          { plan: 'pro', address_city: 'Berlin', address_postalCode: '10115', signed_up: '2024-01-02T00:00:00.000Z' },
        ],
      ]);
    // One loader for the page, though two plugins use it.
    expect(s.hotjarRequests()).toEqual(['https://static.hotjar.com/c/hotjar-7654321.js?sv=6']);
    expect(s.outside).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
