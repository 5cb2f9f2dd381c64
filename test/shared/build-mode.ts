// What each build says, in one place: a development build (Node, vitest, `vite` dev, webpack
// development, `next dev`, esbuild without --minify, the debug script tag) writes sentences; a
// production build (esbuild --minify --platform=browser, `vite build`, webpack production,
// `next build`, NODE_ENV=production in Node, the script tag) writes the short form from the
// structured fields. The checks and the fields themselves are the same in both.

import type { HotjarDiagnostic } from '@hotjar-bridge/core';
import { expect, vi } from 'vitest';

export type BuildMode = 'development' | 'production';

/** What `hotjarPlugin({ siteId: 'abc' })` (or `createHotjarBridge`) throws, in each build. */
export const SITE_ID_REFUSAL: Record<BuildMode, { says: string; never?: string }> = {
  development: { says: '[hotjar-bridge] siteId must be ' },
  production: { says: '[hotjar-bridge] siteId is invalid, got "abc"', never: 'must be' },
};

/** What an `events.map` that gives no name for "Heartbeat" reports: the fields, and the message of each build. */
export const MAP_NONE = {
  fields: { kind: 'skipped', call: 'event', reason: 'map-none', subject: 'Heartbeat' },
  message: {
    development: 'event: "Heartbeat" skipped (map-none: no name)',
    production: 'event: "Heartbeat" skipped (map-none)',
  } satisfies Record<BuildMode, string>,
} as const;

/** Sentences only a development build holds: a production bundle containing one has kept the table. */
export const DEVELOPMENT_SENTENCES = [
  'your Hotjar site id: a positive integer or a string of digits',
  "Hotjar's inline snippet did not run",
  'a promise: names must be given at once',
];

/**
 * The build the behaviour suites run against: `production` in the vitest project that resolves
 * the packages to production bundles (HOTJAR_BRIDGE_BUILD), `development` everywhere else.
 */
export const BUILD_MODE: BuildMode = process.env.HOTJAR_BRIDGE_BUILD === 'production' ? 'production' : 'development';

/** Checks a refusal of siteId "abc" (the error's message, or more around it) reads as a `mode` build writes it. */
export function expectSiteIdRefusal(mode: BuildMode, text: string | null | undefined, label: string): void {
  const { says, never } = SITE_ID_REFUSAL[mode];
  expect(text, label).toContain(says);
  if (never) expect(text, label).not.toContain(never);
}

/** Checks the reports of the "Heartbeat" the map drops: one, with the fields of both builds and the message of `mode`. */
export function expectMapNoneReports(mode: BuildMode, reports: unknown[] | undefined, label: string): void {
  expect(reports, label).toEqual([{ ...MAP_NONE.fields, message: MAP_NONE.message[mode] }]);
}

/**
 * Runs `scenario` twice, with the modules it imports evaluated afresh as a build for each mode
 * evaluates them (`process.env.NODE_ENV` is read once, at import), and checks what must not
 * differ: every Hotjar call, and each diagnostic's kind, call, reason and subject. Returns both
 * runs for the checks of each mode's messages.
 */
export async function inBothModes<R extends { calls: unknown[]; diagnostics: HotjarDiagnostic[] }>(
  scenario: () => Promise<R>,
): Promise<Record<BuildMode, R>> {
  const runs = {} as Record<BuildMode, R>;
  for (const mode of ['development', 'production'] as const) {
    vi.stubEnv('NODE_ENV', mode);
    vi.resetModules();
    try {
      runs[mode] = await scenario();
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  }
  const fields = ({ kind, call, reason, subject }: HotjarDiagnostic) => ({ kind, call, reason, subject });
  expect(runs.production.calls).toEqual(runs.development.calls);
  expect(runs.production.diagnostics.map(fields)).toEqual(runs.development.diagnostics.map(fields));
  return runs;
}
