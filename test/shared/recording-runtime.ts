import type { HotjarCall, HotjarRuntime } from '@hotjar-bridge/core';

/** A stand-in for the page side of the bridge that records what Hotjar would receive. */
export interface RecordingRuntime extends HotjarRuntime {
  /** Every call handed to Hotjar, in order. */
  calls: HotjarCall[];
  /** Every snippet injection, in order. */
  injections: Array<{ siteId: number; version: number; debug: boolean; nonce: string | undefined }>;
  stubInstalled: boolean;
}

export interface RecordingRuntimeOptions {
  /** A site id whose snippet is already on the page. @default none */
  existingSiteId?: number | null;
  /** What `inject` answers: false plays a snippet blocked by a Content Security Policy. @default true */
  snippetRuns?: boolean;
  /** False plays server-side rendering. @default true */
  hasWindow?: boolean;
  /** @default '/current?x=1' */
  currentPath?: string;
}

export function recordingRuntime(options: RecordingRuntimeOptions = {}): RecordingRuntime {
  const runtime: RecordingRuntime = {
    calls: [],
    injections: [],
    stubInstalled: false,
    hasWindow: () => options.hasWindow ?? true,
    existingSiteId: () => options.existingSiteId ?? null,
    installStub() {
      runtime.stubInstalled = true;
    },
    inject(siteId, version, { debug, nonce }) {
      runtime.injections.push({ siteId, version, debug, nonce });
      return options.snippetRuns ?? true;
    },
    call(call) {
      runtime.calls.push(structuredClone(call));
      return true;
    },
    currentPath: () => options.currentPath ?? '/current?x=1',
  };
  return runtime;
}
