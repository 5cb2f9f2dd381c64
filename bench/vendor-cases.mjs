// The full plugin paths with a recording Hotjar, against the forward-everything baseline.
import { existsSync } from 'node:fs';

const built = (name) => new URL(`../packages/${name}/dist/index.js`, import.meta.url);

function countingRuntime(hj) {
  return {
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
}

export async function vendorCases(hj, { traits, eventName, hugeTraits }) {
  const cases = [];
  if (existsSync(built('amplitude'))) {
    const { hotjarPlugin } = await import(built('amplitude').href);
    const plugin = hotjarPlugin({ siteId: 1234567, runtime: countingRuntime(hj) });
    await plugin.setup({ userId: 'user_12345' }, {});
    const track = { event_type: eventName, user_id: 'user_12345', event_properties: { total: 99.5, items: 3 } };
    const identify = { event_type: '$identify', user_id: 'user_12345', user_properties: { $set: traits } };
    const huge = { event_type: '$identify', user_id: 'user_12345', user_properties: { $set: hugeTraits } };
    // What Amplitude's documentation template does: forward as given, answer code 0.
    const template = async (event) => {
      if (event.event_type === '$identify') hj('identify', event.user_id, event.user_properties);
      else hj('event', event.event_type);
      return { event, code: 0, message: '' };
    };
    cases.push(
      {
        name: 'amplitude execute: $identify',
        bridge: () => plugin.execute(identify),
        baseline: () => template(identify),
      },
      { name: 'amplitude execute: track', bridge: () => plugin.execute(track), baseline: () => template(track) },
      {
        name: 'amplitude execute: $identify, a 1 MB trait',
        bridge: () => plugin.execute(huge),
        baseline: () => template(huge),
      },
    );
  }
  if (existsSync(built('segment'))) {
    const { hotjarPlugin } = await import(built('segment').href);
    const plugin = hotjarPlugin({ siteId: 1234567, runtime: countingRuntime(hj) });
    const context = (event) => ({ event, log: () => undefined, stats: { increment: () => undefined } });
    await plugin.load(context({ type: 'page' }), {});
    const track = context({ type: 'track', event: eventName, userId: 'user_12345', properties: { total: 99.5 } });
    const identify = context({ type: 'identify', userId: 'user_12345', traits });
    const huge = context({ type: 'identify', userId: 'user_12345', traits: hugeTraits });
    // What Segment's classic integration does: traits and properties passed straight through.
    const classic = {
      identify: (ctx) => {
        hj('identify', ctx.event.userId, ctx.event.traits);
        return ctx;
      },
      track: (ctx) => {
        hj('event', ctx.event.event);
        return ctx;
      },
    };
    cases.push(
      {
        name: 'segment identify hook',
        bridge: () => plugin.identify(identify),
        baseline: () => classic.identify(identify),
      },
      { name: 'segment track hook', bridge: () => plugin.track(track), baseline: () => classic.track(track) },
      {
        name: 'segment identify hook: a 1 MB trait',
        bridge: () => plugin.identify(huge),
        baseline: () => classic.identify(huge),
      },
    );
  }
  return cases;
}

/**
 * The real Amplitude Browser SDK, alone and with the plugin, given a 1 MB trait: the plugin's
 * share of what the page pays. Runs in a happy-dom window, uploads answered in memory.
 */
export async function sdkAloneCases(hj, { hugeTraits }) {
  if (!existsSync(built('amplitude'))) return [];
  const { createRequire } = await import('node:module');
  const require = createRequire(new URL('../test/package.json', import.meta.url));
  const { Window } = require('happy-dom');
  const page = new Window({ url: 'https://shop.example/' });
  for (const key of ['window', 'self', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage']) {
    if (!(key in globalThis)) {
      const value = key === 'window' || key === 'self' ? page : page[key];
      Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
    }
  }
  const upload = { code: 200, events_ingested: 1, payload_size_bytes: 1, server_upload_time: 1 };
  globalThis.fetch = async () => new Response(JSON.stringify(upload), { status: 200 });
  const { createInstance, Identify } = require('@amplitude/analytics-browser');
  const { hotjarPlugin } = await import(built('amplitude').href);
  const quiet = { disable() {}, enable() {}, log() {}, warn() {}, debug() {}, error() {} };
  const start = async (name, plugin) => {
    const sdk = createInstance();
    if (plugin) sdk.add(plugin);
    await sdk.init(`bench-${name}`, {
      instanceName: `bench-${name}`,
      identityStorage: 'none',
      autocapture: false,
      remoteConfig: { fetchRemoteConfig: false },
      flushIntervalMillis: 0,
      loggerProvider: quiet,
    }).promise;
    return sdk;
  };
  const alone = await start('alone');
  const withPlugin = await start('plugin', hotjarPlugin({ siteId: 1234567, runtime: countingRuntime(hj) }));
  const identify = (sdk) => {
    const call = new Identify();
    for (const [key, value] of Object.entries(hugeTraits)) call.set(key, value);
    return sdk.identify(call, { user_id: 'user_12345' }).promise;
  };
  return [
    {
      name: 'Amplitude SDK identify, a 1 MB trait (baseline: the SDK alone)',
      bridge: () => identify(withPlugin),
      baseline: () => identify(alone),
    },
  ];
}
