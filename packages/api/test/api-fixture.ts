import { afterEach } from 'vitest';
import { createHotjarApi, type HotjarApiOptions, type RequestReport } from '../src/index';
import { fakeClock } from './clock';
import { type FakeHotjarOptions, startFakeHotjar } from './fake-hotjar';

/**
 * The client against a local fake of Hotjar's API, on a simulated clock, with every request
 * report kept; servers started in a test are closed after it. `clockedTimeouts` lets the
 * simulated clock, not real time, end a request that takes too long.
 */
export function apiFixture({ clockedTimeouts = false } = {}) {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  const closeAfterTest = (close: () => Promise<void>) => {
    closers.push(close);
  };
  const setup = async (fakeOptions: FakeHotjarOptions = {}, clientOptions: Partial<HotjarApiOptions> = {}) => {
    const clock = fakeClock();
    const fake = await startFakeHotjar({ now: clock.now, ...fakeOptions });
    closeAfterTest(() => fake.close());
    const reports: RequestReport[] = [];
    const api = createHotjarApi({
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      baseUrl: fake.url,
      now: clock.now,
      sleep: clock.sleep,
      ...(clockedTimeouts ? { timeoutSignal: clock.timeoutSignal } : {}),
      random: () => 0.5,
      onRequest: (report) => reports.push(report),
      ...clientOptions,
    });
    return { api, clock, fake, reports };
  };
  return { setup, closeAfterTest };
}
