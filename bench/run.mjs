// Throughput of the mapping against a baseline that forwards without validating, which is
// what Amplitude's documentation template and Segment's classic integration do. Runs the
// built packages (`pnpm build` first). `pnpm bench` prints a table; BENCHMARKS.md records it.
import os from 'node:os';
import { Bench } from 'tinybench';
import { createHotjarBridge, toHotjarEventName, toHotjarIdentify } from '../packages/core/dist/index.js';
import { sdkAloneCases, vendorCases } from './vendor-cases.mjs';

// 20 traits, two nested levels, a Date and an email: a realistic signed-in user.
export const traits = {
  email: 'peter@example.com',
  name: 'Peter Gibbons',
  plan: 'enterprise',
  seats: 42,
  trial: false,
  signed_up: new Date(Date.UTC(2024, 0, 2)),
  company: { name: 'Initech', size: 250, address: { city: 'Austin', state: 'TX' } },
  locale: 'en-US',
  theme: 'dark',
  score: 97.5,
  referrer: 'newsletter',
  ab_test: 'variant_b',
  last_order: 'A-1042',
  orders: 17,
  lifetime_value: 1350.5,
  beta: true,
  timezone: 'America/Chicago',
  device: 'desktop',
  role: 'admin',
};
export const eventName = 'Order #123 (paid) – Añadir';
// A 1 MB trait full of '@' that holds no address: the scan must cost what is sent (200
// characters), not what was given.
export const hugeTraits = { plan: 'pro', dependencies: 'left-pad@1.3.0,'.repeat(70_000) };

/** A stand-in for `window.hj` that keeps only a count, so the benchmark measures the mapping. */
export function countingHj() {
  const hj = (..._args) => {
    hj.count += 1;
  };
  hj.count = 0;
  return hj;
}

const hj = countingHj();
const runtime = {
  hasWindow: () => true,
  existingSiteId: () => null,
  installStub: () => undefined,
  inject: () => true,
  call: (call) => {
    hj(...call);
    return true;
  },
  currentPath: () => '/',
};
const bridge = createHotjarBridge({ siteId: 1234567, runtime });
bridge.load();
// events.map is given a copy of the properties: a list of a million items must cost it what a
// small event does, so this case's baseline is the same track without a map.
const mappedBridge = createHotjarBridge({
  siteId: 1234567,
  runtime,
  events: { map: ({ properties }) => `plan_${String(properties.plan)}` },
});
mappedBridge.load();
export const hugeProperties = { plan: 'pro', items: Array.from({ length: 1_000_000 }, (_, i) => i) };

const cases = [
  {
    name: 'identify: map 20 traits',
    bridge: () => toHotjarIdentify('user_12345', traits),
    baseline: () => hj('identify', 'user_12345', traits),
  },
  {
    name: 'track: map a name that needs cleaning',
    bridge: () => toHotjarEventName(eventName),
    baseline: () => hj('event', eventName),
  },
  {
    name: 'bridge.identify (map + forward)',
    bridge: () => bridge.identify('user_12345', traits),
    baseline: () => hj('identify', 'user_12345', traits),
  },
  {
    name: 'bridge.identify: a 1 MB trait',
    bridge: () => bridge.identify('user_12345', hugeTraits),
    baseline: () => hj('identify', 'user_12345', hugeTraits),
  },
  {
    name: 'bridge.track through events.map: a 1,000,000-item property (baseline: without a map)',
    bridge: () => mappedBridge.track('Cart Viewed', hugeProperties),
    baseline: () => bridge.track('Cart Viewed', hugeProperties),
  },
  ...(await vendorCases(hj, { traits, eventName, hugeTraits })),
  // Last: it puts a happy-dom window on globalThis for the real SDK.
  ...(await sdkAloneCases(hj, { hugeTraits })),
];

const bench = new Bench({ time: 500, warmupTime: 100 });
for (const c of cases) {
  bench.add(`${c.name} | hotjar-bridge`, c.bridge);
  bench.add(`${c.name} | baseline`, c.baseline);
}
await bench.run();

const byName = new Map(bench.tasks.map((task) => [task.name, task.result]));
const rows = cases.map((c) => {
  const ours = byName.get(`${c.name} | hotjar-bridge`);
  const base = byName.get(`${c.name} | baseline`);
  const opsOurs = ours.throughput.mean;
  const opsBase = base.throughput.mean;
  return {
    case: c.name,
    'hotjar-bridge ops/s': Math.round(opsOurs).toLocaleString('en-US'),
    'µs/op': (1e6 / opsOurs).toFixed(2),
    'baseline ops/s': Math.round(opsBase).toLocaleString('en-US'),
    'baseline / ours': `${(opsBase / opsOurs).toFixed(1)}x`,
  };
});
console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.platform()}`);
console.table(rows);
