import hotjarBrowser from '@hotjar/browser';
import type { HotjarAttributeValue } from './identify-types';
import { isPositiveInteger } from './text';

/** One call to Hotjar's browser API, as `window.hj(...)` receives it. */
export type HotjarCall =
  | ['identify', string | null, Record<string, HotjarAttributeValue>]
  | ['event', string]
  | ['stateChange', string];

/**
 * Everything the bridge does to the page: the one part tests replace. The default works on
 * `window` and loads Hotjar through `@hotjar/browser`.
 */
export interface HotjarRuntime {
  /** False where there is no window, as in server-side rendering. */
  hasWindow(): boolean;
  /** The site id of a Hotjar snippet already on the page, or `null` when there is none. */
  existingSiteId(): number | null;
  /** Makes `window.hj` exist, so that calls queue until Hotjar's script arrives. */
  installStub(): void;
  /** Adds Hotjar's snippet; returns false when it did not run (a Content Security Policy without the nonce, say). */
  inject(siteId: number, version: number, options: { debug: boolean; nonce: string | undefined }): boolean;
  /** Hands one call to Hotjar; false when Hotjar's function was missing or threw. */
  call(call: HotjarCall): boolean;
  /** The current page's path; the bridge cuts any query string or fragment it holds. */
  currentPath(): string;
}

type HotjarBrowserApi = typeof hotjarBrowser;

interface HotjarWindow {
  hj?: ((...args: unknown[]) => void) & { q?: unknown[] };
  _hjSettings?: { hjid?: unknown };
}

// Node's ESM loader reads @hotjar/browser's CommonJS build, where the API sits one `default` deeper.
function browserApi(): HotjarBrowserApi {
  const loaded = hotjarBrowser as HotjarBrowserApi & { default?: HotjarBrowserApi };
  return typeof loaded.init === 'function' ? loaded : (loaded.default as HotjarBrowserApi);
}

function hotjarWindow(): HotjarWindow {
  return window as unknown as HotjarWindow;
}

const LOADER_SRC = /static\.hotjar\.com\/c\/hotjar-(\d+)\.js/;

/** The runtime for a real page. */
export function browserRuntime(): HotjarRuntime {
  return {
    hasWindow: () => typeof window !== 'undefined' && typeof document !== 'undefined',
    existingSiteId() {
      const hjid = Number(hotjarWindow()._hjSettings?.hjid);
      if (isPositiveInteger(hjid)) return hjid;
      for (const script of Array.from(document.scripts)) {
        const match = LOADER_SRC.exec(script.src);
        if (match) return Number(match[1]);
      }
      return null;
    },
    installStub() {
      const w = hotjarWindow();
      if (typeof w.hj === 'function') return;
      // The same queue Hotjar's own snippet defines, so its script drains it on arrival.
      const queue: unknown[] = [];
      const hj = function hj() {
        // biome-ignore lint/complexity/noArguments: Hotjar's script reads the queued `arguments` objects.
        queue.push(arguments);
      };
      w.hj = Object.assign(hj, { q: queue });
    },
    inject(siteId, version, { debug, nonce }) {
      browserApi().init(siteId, version, nonce === undefined ? { debug } : { debug, nonce });
      return Number(hotjarWindow()._hjSettings?.hjid) === siteId;
    },
    call: ([method, ...args]) => (browserApi()[method] as (...args: unknown[]) => boolean)(...args),
    currentPath: () => window.location.pathname,
  };
}
