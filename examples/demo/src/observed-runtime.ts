import { browserRuntime, type HotjarCall, type HotjarRuntime } from '@hotjar-bridge/core';

/**
 * Hotjar's usual browser runtime, reporting each call it accepts as the plugin hands it over.
 * The calls still go to `window.hj`: to Hotjar itself when it is loaded, to its queue otherwise.
 */
export function observedRuntime(onCall: (call: HotjarCall) => void): HotjarRuntime {
  const runtime = browserRuntime();
  return {
    ...runtime,
    call(call) {
      const accepted = runtime.call(call);
      if (accepted) onCall(call);
      return accepted;
    },
  };
}
