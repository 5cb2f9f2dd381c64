import { Identify } from '@amplitude/analytics-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AmplitudeSession, startAmplitude } from '../../../test/drivers/amplitude';

let session: AmplitudeSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
  vi.restoreAllMocks();
});

// Written from the rule: an address as written, full-width, or percent-encoded once or twice.
const ADDRESS = /[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}/i;
const holdsAddress = (text: string) =>
  [text, text.normalize('NFKC'), decodeURIComponent(text), decodeURIComponent(decodeURIComponent(text))].some((form) =>
    ADDRESS.test(form.normalize('NFKC')),
  );

describe("the plugin's own reports through the real SDK", () => {
  it('name no address: skipped [Amplitude] events, placeholder $setOnce keys, in diagnostics and the debug log', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((...args) => logged.push(args.map(String).join(' ')));
    vi.spyOn(console, 'log').mockImplementation((...args) => logged.push(args.map(String).join(' ')));
    session = await startAmplitude({ plugin: { debug: true }, init: { userId: 'jane@example.com' } });
    session.client.track('[Amplitude] jane@example.com');
    session.client.track('[Amplitude] Invite jane%2540example.com');
    session.client.identify(
      new Identify()
        .setOnce('initial_jane@example.com', 'EMPTY')
        .setOnce('initial_ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'EMPTY')
        .set('plan', 'pro'),
    );
    await session.settle();

    const subjects = session.diagnostics().map((d) => d.subject ?? '');
    expect(subjects).toEqual(expect.arrayContaining(['[Amplitude] <email>', '[Amplitude] Invite <email>', '<email>']));
    expect(session.diagnostics().filter((d) => d.reason === 'nothing-to-send').length).toBeGreaterThanOrEqual(2);
    for (const d of session.diagnostics()) {
      expect(holdsAddress(d.message), d.message).toBe(false);
      expect(holdsAddress(d.subject ?? ''), d.subject).toBe(false);
    }
    // The debug log shows every call and report, the user id that is an address hidden too.
    expect(logged.some((line) => line.includes('hj identify'))).toBe(true);
    for (const line of logged) expect(holdsAddress(line), line).toBe(false);
    // Hotjar itself still gets the user id as the SDK holds it.
    expect(session.hotjarCalls().some((call) => call[0] === 'identify' && call[1] === 'jane@example.com')).toBe(true);
  });
});
