import { afterEach, describe, expect, it } from 'vitest';
import { createHotjarBridge } from '../src/bridge';
import { browserRuntime } from '../src/runtime';

type HotjarWindow = Window & { hj?: ((...args: unknown[]) => void) & { q?: IArguments[] }; _hjSettings?: unknown };
const w = window as HotjarWindow;

afterEach(() => {
  delete w.hj;
  delete w._hjSettings;
  document.head.innerHTML = '';
});

const queued = () => (w.hj?.q ?? []).map((args) => Array.from(args));

describe('browserRuntime', () => {
  it("installs Hotjar's queue stub, which keeps calls until Hotjar's script arrives", () => {
    const runtime = browserRuntime();
    runtime.installStub();
    runtime.call(['event', 'Signed up']);
    runtime.call(['identify', 'u1', { plan: 'pro' }]);
    expect(queued()).toEqual([
      ['event', 'Signed up'],
      ['identify', 'u1', { plan: 'pro' }],
    ]);
  });

  it('keeps an existing hj function', () => {
    const seen: unknown[][] = [];
    w.hj = (...args: unknown[]) => {
      seen.push(args);
    };
    const runtime = browserRuntime();
    runtime.installStub();
    runtime.call(['stateChange', '/a']);
    expect(seen).toEqual([['stateChange', '/a']]);
  });

  it("writes Hotjar's snippet through @hotjar/browser with the site id, version and nonce", () => {
    const runtime = browserRuntime();
    runtime.installStub();
    expect(runtime.inject(1234567, 6, { debug: false, nonce: 'n0nce' })).toBe(false); // happy-dom does not run inline scripts
    const script = document.getElementById('hotjar-init-script') as HTMLScriptElement;
    expect(script.nonce).toBe('n0nce');
    expect(script.textContent).toContain('hjid:1234567,hjsv:6');
  });

  it('finds the site id of a snippet already on the page', () => {
    const runtime = browserRuntime();
    expect(runtime.existingSiteId()).toBeNull();
    w._hjSettings = { hjid: 42, hjsv: 6 };
    expect(runtime.existingSiteId()).toBe(42);
    delete w._hjSettings;
    const script = document.createElement('script');
    script.src = 'https://static.hotjar.com/c/hotjar-777.js?sv=6';
    script.type = 'text/plain';
    document.head.appendChild(script);
    expect(runtime.existingSiteId()).toBe(777);
  });

  it('reads the current path, without query string or fragment', () => {
    window.history.pushState({}, '', '/pricing?plan=pro#faq');
    expect(browserRuntime().currentPath()).toBe('/pricing');
  });
});

describe('createHotjarBridge with the browser runtime', () => {
  it('queues calls made before load, so none is lost', () => {
    const bridge = createHotjarBridge({ siteId: 1234567 });
    bridge.track('Early');
    bridge.load();
    bridge.track('Late');
    expect(queued()).toEqual([
      ['event', 'Early'],
      ['event', 'Late'],
    ]);
  });

  it('does not inject a second snippet when the page already has one for the site', () => {
    w._hjSettings = { hjid: 1234567, hjsv: 6 };
    createHotjarBridge({ siteId: 1234567 }).load();
    expect(document.getElementById('hotjar-init-script')).toBeNull();
  });
});
